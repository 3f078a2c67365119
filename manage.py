#!/usr/bin/env python
"""Django's command-line utility for Lynchpin (migrate, createsuperuser, db_worker, ...)."""

from __future__ import annotations

import os
import sys


def main() -> None:
    """Run a Django management command with Lynchpin's settings."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lynchpin.config.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
