"""Budgets on the web: versions, chart of accounts, detail lines, fringes, globals, comparisons.

The rows store what a person typed (formulas as text); every total comes from the budget
engine (`lynchpin.engine.budgeting`) through `adapters`, never from a stored column.
"""
