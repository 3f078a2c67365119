"""ORM rows <-> engine ledger values: the only place the accounting app meets the engine.

- `entries`: engine entries <-> the JSON payload of a `LedgerEntry` row
- `ledger`: stored rows -> the engine `Ledger` (one pass), posted records -> row fields,
  purchase-order states in one pass, a ledger restricted to one episode
- `basis`: the budget the ledger is coded and reported against (from the budgets app)
"""
