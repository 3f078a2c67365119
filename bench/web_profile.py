"""Profile one request of `bench/web.py` in a single process (no server, no load).

Seeds the same production as the web benchmark (200 scenes, facts, first schedule, the
5,000-line budget) into a fresh SQLite data directory, or into ``DATABASE_URL`` when set,
then times each request through Django's test client, ``--repeat`` times, and prints the
median and best milliseconds per request. With ``--profile NAME`` it also prints the
cProfile functions with the most cumulative time for that request. Single-process figures are
a lower bound of what the load test sees; use them to find where a request spends its time.

    .venv/bin/python -m bench.web_profile [--repeat 9] [--profile NAME]

NAME: scenes (the scene list), scene (a scene page), stripboard, topsheet or move.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REQUESTS = ("scenes", "scene", "stripboard", "topsheet", "move")


def _setup(data_dir: str) -> None:
    """The load test's server settings (production ones) in this process, for the test
    client's host."""
    from bench.web import _server_env

    os.environ.update(_server_env(Path(data_dir), os.environ.get("DATABASE_URL")))
    os.environ["LYNCHPIN_ALLOWED_HOSTS"] += ",testserver"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lynchpin.config.settings")
    import django

    django.setup()


def _requests(seeded: dict[str, Any]) -> dict[str, Callable[[], int]]:
    """Name -> a call making that request and returning its HTTP status."""
    from django.test import Client

    browser = Client()
    browser.cookies[seeded["cookie_name"]] = seeded["sessions"][0]
    api = Client(headers={"Authorization": f"Bearer {seeded['token']}"})
    mover = dict(seeded["movers"][0])
    state = {"away": False}

    def move() -> int:
        body = ({"day_id": mover["home_day"], "position": mover["home_position"]}
                if state["away"] else {"day_id": mover["other_day"], "position": 0})
        url = seeded["move_url"].format(strip_id=mover["strip_id"])
        response = api.post(url, {**body, "version": mover["version"]},
                            content_type="application/json")
        if response.status_code == 200:
            answer = response.json()
            if answer.get("budget") is None:
                raise RuntimeError("the move returned no budget effect")
            mover["version"] = answer["version"]
            state["away"] = not state["away"]
        return int(response.status_code)

    return {
        "scenes": lambda: int(browser.get(seeded["list_url"]).status_code),
        "scene": lambda: int(browser.get(seeded["scene_urls"][7]).status_code),
        "stripboard": lambda: int(browser.get(seeded["board_url"]).status_code),
        "topsheet": lambda: int(browser.get(seeded["topsheet_url"]).status_code),
        "move": move,
    }


def _time(call: Callable[[], int], repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        status = call()
        times.append((time.perf_counter() - start) * 1000)
        if status != 200:
            raise RuntimeError(f"HTTP {status}")
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--profile", choices=REQUESTS)
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="lynchpin-profile-") as data_dir:
        _setup(data_dir)
        from bench.web import seed

        if os.environ.get("DATABASE_URL"):
            from django.db import connection

            connection.creation.create_test_db(verbosity=0)  # a throwaway database
        seeded = seed(users=1)
        calls = _requests(seeded)
        for name, call in calls.items():
            call()  # warm: templates, caches
            times = _time(call, args.repeat)
            print(f"{name:11} median {statistics.median(times):8.1f} ms   "
                  f"best {min(times):8.1f} ms   ({args.repeat} requests)")
        if args.profile:
            profiler = cProfile.Profile()
            profiler.runcall(_time, calls[args.profile], 3)
            out = io.StringIO()
            pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(args.top)
            print(out.getvalue())
    return 0


if __name__ == "__main__":
    sys.exit(main())
