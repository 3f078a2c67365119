"""The HTTP API: django-ninja at /api/v1/, personal tokens, the one JSON error shape.

Each app contributes a ninja Router in its own ``api.py``; `lynchpin.api.routers` lists them
and `lynchpin.api.root` mounts them. See docs/web/platform.md, "API".
"""
