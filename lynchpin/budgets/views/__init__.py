"""Pages of budgets: each view parses the request, calls one service or selector, and renders.

- versions: list (create from a template, import), copy, lock, delete, compare, exports
- sheets: top sheet, account detail with lines edited in place, line add / edit / delete
- tables: globals, fringes, re-price from the schedule (preview, apply)
- settings: charges, incentives, groups, people, exchange rates, units

Errors propagate to lynchpin.web.middleware (403/404 pages) except form errors, which are
shown on the form (400, or 409 for a stale edit or a locked version).
"""
