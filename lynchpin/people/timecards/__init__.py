"""Timecards of the people app: a person's work week of days (call, meals, wrap, travel),
priced by the labour engine on read, submitted, approved and posted to the ledger as payroll;
and planned-day warnings (meal penalties, golden hours, short turnaround) before a day is shot.

The package has the skeleton of an app (models, adapters, services, selectors, forms,
views, urls, api); its models are registered by `lynchpin.people.models`, so they belong to
the ``people`` app and its migrations. See docs/web/timecards.md.
"""
