"""Data only: breakdown lexicons (JSON). A package so the files ship with the wheel."""
