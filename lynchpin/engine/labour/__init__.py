"""Labour rules: what each person is owed for each day under their deal and agreement.

Pure engine: deal memos and timecards in, pay lines and `Violation` values out. Agreements
(overtime bands, meal rules, rest periods, penalty amounts, scale rates) are dated data files
under `agreements/`, each rule citing its clause or source.
"""
