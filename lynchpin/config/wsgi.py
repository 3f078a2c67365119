"""WSGI entry point for gunicorn: ``gunicorn lynchpin.config.wsgi`` (see docs/deploy.md)."""

from __future__ import annotations

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lynchpin.config.settings")

application = get_wsgi_application()
