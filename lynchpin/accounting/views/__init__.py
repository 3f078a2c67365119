"""Pages of accounting. Each view parses the request, calls its selector or service, and
renders; errors propagate to lynchpin.web.middleware except form errors, shown on the form.

- `ledger`: ledger list, entry detail and reversal
- `purchase_orders`: list and request, approve, close
- `postings`: invoices, petty cash, journal entries
- `periods`: accounting periods, bank statement lines
- `reports`: cost report (PDF, XLSX), hot cost, charts
"""
