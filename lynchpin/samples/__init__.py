"""Bundled sample screenplays, written for Lynchpin (see README.md here); data only."""
