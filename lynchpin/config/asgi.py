"""ASGI entry point (uvicorn, daphne); Lynchpin's views are synchronous, gunicorn+WSGI is the
documented deployment."""

from __future__ import annotations

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lynchpin.config.settings")

application = get_asgi_application()
