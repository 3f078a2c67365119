"""The NinjaAPI at /api/v1/ (URL namespace ``api-1``): auth, error handlers, app routers.

OpenAPI schema at /api/v1/openapi.json, interactive docs at /api/v1/docs.
"""

from __future__ import annotations

from django.utils.module_loading import import_string
from ninja import NinjaAPI

from lynchpin.api.auth import AUTH
from lynchpin.api.errors import install_error_handlers
from lynchpin.api.routers import ROUTERS

__all__ = ["api", "build_api"]


def build_api() -> NinjaAPI:
    """A NinjaAPI with Lynchpin's authentication, error shape and every app's router."""
    api = NinjaAPI(
        title="Lynchpin API",
        version="1",
        description=(
            "The production office's data, with the same permissions as the pages. "
            "Authenticate with the session (plus X-CSRFToken for writes) or a personal token: "
            "'Authorization: Bearer <key>'. Errors: {\"error\": {\"code\", \"message\", "
            "\"fields\"}} with 400/401/403/404/409."
        ),
        urls_namespace="api-1",
        auth=AUTH,
        docs_url="/docs",
    )
    install_error_handlers(api)
    for prefix, module in ROUTERS:
        api.add_router(prefix, import_string(f"{module}.router"))
    return api


api = build_api()
