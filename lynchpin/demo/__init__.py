"""The demo production: `build_demo` creates "The Night Ferry" with one user per role.

A plain package (not a Django app: it has no models) used by ``lynchpin demo``
(lynchpin/cli/web.py), the API fuzz test and the web benchmark. It writes only through the
apps' services. `long_script` (in `lynchpin.demo.long_script`) makes a large seeded
screenplay for benchmarks and needs no Django.

`build_demo`, `Demo` and `DemoUser` are imported on first use, so importing this package (or
`long_script`) does not need Django to be set up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lynchpin.demo.build import Demo, build_demo
    from lynchpin.demo.team import DemoUser

__all__ = ["Demo", "DemoUser", "build_demo"]


def __getattr__(name: str) -> Any:
    """Import the Django-dependent names lazily (PEP 562)."""
    if name in ("Demo", "build_demo"):
        from lynchpin.demo import build

        return getattr(build, name)
    if name == "DemoUser":
        from lynchpin.demo.team import DemoUser

        return DemoUser
    raise AttributeError(f"module 'lynchpin.demo' has no attribute {name!r}")
