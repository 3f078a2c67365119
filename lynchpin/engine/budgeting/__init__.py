"""Budget engine: chart of accounts, detail lines, globals, fringes, charges and roll-ups.

Pure values in, pure values out (stdlib + tomllib). See docs/budgeting.md for the concepts and
docs/formats/budget.md for the TOML budget format.
"""
