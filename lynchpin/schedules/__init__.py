"""Schedules: production facts, schedule versions, stripboard, optimiser, re-plan, DOOD.

The Django side of the scheduling engine (`lynchpin.engine.scheduling`); docs/web/schedules.md
describes the pages, the API and the rules this app follows.
"""
