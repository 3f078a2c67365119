"""A small hand-written TOML budget shared by the budget document and CLI tests.

Figures (USD): 2001 Grip = 5 Day x $400 with $1.00/hour P&H on a 12-hour Day ($2,000 + $60)
plus one person's prep $4,000 + shoot $5,000 with a 0.6 % fringe capped at $7,000 ($24 + $18);
2002 holds three lines of $0.335 (printed $0.34 each), a GBP line and an excluded option.
Subtotal 12,730.005; contingency 10 % = 1,273.0005; grand total 14,003.0055 (prints
14,003.01); incentive 20 % of category 2000 capped at 1,000; net 13,003.0055 (13,003.01).
"""

SMALL_TOML = """\
title = "Tiny <Ferry> & Co"
currency = "USD"
version = "Draft [1]"

[globals]
DAYS = 5
WEEKS = "DAYS / 5"

[exchange_rates]
GBP = "1.27"

[fringes.PH]
name = "Pension & health"
flat = "1.00"
per = "hour"

[fringes.FUTA]
name = "Federal unemployment"
percent = "0.6"
cutoff = "7000"

[people.ann]
name = "Ann"

[groups.OPT]
name = "Option"
excluded = true

[categories.1100]
name = "Story & Rights"
level = "above_the_line"

[categories.2000]
name = "Production staff"
level = "production"

[categories.6500]
name = "Publicity"
level = "other"

[accounts.1101]
name = "Rights"

[[accounts.1101.lines]]
description = "=HYPERLINK(\\"http://example.invalid\\")"
rate = 1000

[accounts.2001]
name = "Grip"

[[accounts.2001.lines]]
description = "Key grip <b>"
amount = "=DAYS"
unit = "Day"
rate = 400
fringes = ["PH"]

[[accounts.2001.lines]]
description = "Prep [bold]x[/bold]"
amount = "WEEKS"
unit = "Week"
rate = 4000
fringes = ["FUTA"]
person = "ann"

[[accounts.2001.lines]]
description = "Shoot"
amount = 1
unit = "Week"
rate = 5000
fringes = ["FUTA"]
person = "ann"

[accounts.2002]
name = "Rounding"

[[accounts.2002.lines]]
description = "Third A"
rate = "0.335"

[[accounts.2002.lines]]
description = "Third B"
rate = "0.335"

[[accounts.2002.lines]]
description = "Third C"
rate = "0.335"

[[accounts.2002.lines]]
description = "London"
rate = 100
currency = "GBP"

[[accounts.2002.lines]]
description = "Option rig"
rate = 999
groups = ["OPT"]

[accounts.6501]
name = "Publicity"

[[accounts.6501.lines]]
description = "Stills"
rate = 500

[charges.CONT]
name = "Contingency"
percent = "10"

[incentives.CRED]
name = "State credit"
percent = "20"
categories = ["2000"]
cap = "1000"
"""
