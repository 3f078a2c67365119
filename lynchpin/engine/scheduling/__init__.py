"""Shooting schedules: strips, calendar, optimiser, day out of days, conflicts, re-plans."""
