"""``lynchpin serve``, ``lynchpin worker`` and ``lynchpin demo``: the web commands.

These are the only commands that need Django and a database. Django is set up lazily, inside
each command (`setup_django`), so the engine commands stay fast and work without a database.
Settings come from the environment as for any Django process (docs/deploy.md); the default
database is the SQLite file in ``LYNCHPIN_DATA_DIR`` (default ``./.lynchpin``).

- ``serve`` runs Django's development server on an existing database (``--migrate`` applies
  migrations first). Production uses gunicorn: docs/deploy.md.
- ``worker`` runs the django-tasks database worker (imports, PDF batches, optimiser runs).
- ``demo`` migrates the SQLite database, creates (or reuses) the demo production "The Night
  Ferry" with one user per role and fresh passwords, prints them, then serves it. With
  ``--no-serve --json`` it prints exactly ``{"url", "users": [{"role", "username",
  "password"}]}``. Reference: docs/web/demo.md.

Exit codes as in `lynchpin.cli.errors` (2 and one line on stderr for unusable set-up).
"""

from __future__ import annotations

import json
import os
import sys
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from lynchpin.cli.errors import fail, reported

if TYPE_CHECKING:
    from lynchpin.demo import Demo

__all__ = ["demo", "serve", "setup_django", "worker"]

SETTINGS_MODULE = "lynchpin.config.settings"
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000

HostOption = Annotated[str, typer.Option("--host", help="Address to listen on (loopback by "
                                         "default; 0.0.0.0 exposes the server to the network).")]
PortOption = Annotated[int, typer.Option("--port", "-p", min=1, max=65535,
                                         help="TCP port to listen on.")]


def setup_django() -> None:
    """Point Django at Lynchpin's settings (unless DJANGO_SETTINGS_MODULE says otherwise) and
    set it up. Idempotent. Raises ImproperlyConfigured for a bad environment variable."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", SETTINGS_MODULE)
    import django

    django.setup()


def _configured() -> None:
    """`setup_django`, turning a bad setting into ``lynchpin: error: ...`` and exit 2."""
    from django.core.exceptions import ImproperlyConfigured

    try:
        setup_django()
    except ImproperlyConfigured as error:
        raise fail(str(error)) from None


def _unapplied_migrations() -> int:
    """How many migrations the default database still lacks."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    return len(executor.migration_plan(executor.loader.graph.leaf_nodes()))


def _migrate() -> None:
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)


def _runserver(host: str, port: int, *, reload: bool = False) -> None:
    """Django's development server (threaded) until Ctrl-C."""
    from django.core.management import call_command

    # The reloader re-runs this process's command line in a child: harmless for `serve`,
    # but `demo` would rebuild the demo in the child, so only `serve --reload` uses it.
    call_command("runserver", f"{host}:{port}", use_reloader=reload, use_threading=True)


def _address(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}"


@reported
def serve(
    port: PortOption = DEFAULT_PORT,
    host: HostOption = DEFAULT_HOST,
    migrate: Annotated[bool, typer.Option(
        "--migrate", help="Apply database migrations before serving.")] = False,
    reload: Annotated[bool, typer.Option(
        "--reload", help="Restart when the code changes (development).")] = False,
) -> None:
    """Serve an existing database with Django's development server (production: gunicorn).

    See docs/deploy.md for gunicorn, PostgreSQL and several workers.
    """
    _configured()
    if migrate:
        _migrate()
    missing = _unapplied_migrations()
    if missing:
        raise fail(f"the database lacks {missing} migration(s): run `lynchpin serve --migrate` "
                   "(or `lynchpin demo` for the demo production)")
    if not os.environ.get("RUN_MAIN"):  # not again in the reloader's child process
        print(f"Lynchpin at {_address(host, port)}/ (Ctrl-C to stop)", flush=True)
    _runserver(host, port, reload=reload)


@reported
def worker(
    queue: Annotated[str, typer.Option(
        "--queue", help="Queues to process, comma-separated ('*' for all).")] = "default",
    interval: Annotated[float, typer.Option(
        "--interval", min=0.1, help="Seconds between polls when the queue is empty.")] = 1.0,
    batch: Annotated[bool, typer.Option(
        "--batch", help="Run the tasks waiting now, then exit.")] = False,
) -> None:
    """Run a background worker: imports, PDF batches and optimiser runs from the queue.

    Run as many as the load needs, on any machine that shares the database.
    """
    _configured()
    from django.conf import settings
    from django.core.management import call_command

    backend = settings.TASKS["default"]["BACKEND"]
    if not backend.startswith("django_tasks_db."):
        raise fail(f"LYNCHPIN_TASKS_BACKEND selects {backend}, which runs tasks inside the "
                   "request: there is nothing for a worker to do (use 'database')")
    call_command("db_worker", queue_name=queue, interval=interval, batch=batch)


@reported
def demo(
    no_serve: Annotated[bool, typer.Option(
        "--no-serve", help="Create the demo and print the users, but do not start a server.")
    ] = False,
    as_json: Annotated[bool, typer.Option(
        "--json", help='Print {"url", "users": [{"role", "username", "password"}]} only.')
    ] = False,
    port: PortOption = DEFAULT_PORT,
    host: HostOption = DEFAULT_HOST,
    reset: Annotated[bool, typer.Option(
        "--reset", help="Delete the demo production and build it again from the samples.")
    ] = False,
) -> None:
    """Create the demo production with one user per role, print them, and serve it.

    The demo production is "The Night Ferry" (the bundled samples); every run gives each
    demo user a new password. Serves at http://127.0.0.1:8000 unless --no-serve.
    """
    _demo_environment()
    _configured()
    _migrate()
    from lynchpin.demo import build_demo

    built = build_demo(reset=reset)
    url = _address(host, port)
    if as_json:
        sys.stdout.write(json.dumps(demo_document(built, url)) + "\n")
        sys.stdout.flush()
    else:
        _print_demo(built, url)
    if not no_serve:
        _runserver(host, port)


def _demo_environment() -> None:
    """The demo always runs on the SQLite file in LYNCHPIN_DATA_DIR, never on DATABASE_URL:
    it writes users whose passwords it prints, which must never land in a real database.
    Tasks run inside the request, so the demo needs no worker; only warnings are logged
    (the server still prints each request)."""
    if os.environ.pop("DATABASE_URL", None):
        print("lynchpin: note: the demo ignores DATABASE_URL and uses SQLite in "
              "LYNCHPIN_DATA_DIR", file=sys.stderr)
    os.environ.setdefault("LYNCHPIN_TASKS_BACKEND", "immediate")
    os.environ.setdefault("LYNCHPIN_LOG_LEVEL", "WARNING")


def demo_document(built: Demo, url: str) -> dict[str, object]:
    """The ``--json`` document: ``{"url", "users": [{"role", "username", "password"}]}``."""
    return {
        "url": url,
        "users": [
            {"role": user.role, "username": user.username, "password": user.password}
            for user in built.users
        ],
    }


def _print_demo(built: Demo, url: str) -> None:
    console = Console(file=sys.stdout, highlight=False)
    table = Table(title=f"{built.title}: one user per role (passwords are new on every run)")
    for column in ("role", "username", "password"):
        table.add_column(column)
    for user in built.users:
        table.add_row(user.role_label, user.username, user.password)
    console.print(table)
    lines = [*(f"  {note}" for note in built.notes), f"Data: {built.database}",
             f"Open {url}/ and log in; the production is at {url}{built.path}"]
    for line in lines:
        console.print(line, soft_wrap=True, markup=False)  # whole lines: copyable addresses
