"""Pages of the schedules app, under /productions/<production_id>/schedules/.

- `board`: versions, the stripboard and its actions, DOOD, downloads
- `facts`: the production facts
- `proposals`: optimiser runs, re-plans, re-pricing the budget
- `feeds`: calendar links and the feed
"""
