"""Production ledger and cost report: append-only entries, invariants, periods, EFC, hot cost.

Pure values in and out: entries (`entries`), the `Ledger` value and its queries (`book`),
posting and reversing (`ledger`), period closing (`periods`), the account tree (`accounts`),
the cost report (`costreport`), estimate-to-complete policies (`etc`) and the hot cost
(`hotcost`). docs/ledger.md is the user guide.
"""
