"""The load of `bench/web.py`, run in its child process (locust monkey-patches the standard
library with gevent, so it never runs in the parent): the virtual users, their requests in
turn, and the figures per request name."""

from __future__ import annotations

import random
from typing import Any

from bench.web import PAGES


def drive(spec: dict[str, Any]) -> dict[str, Any]:
    """Run locust headless with `spec` (host, urls, sessions, users, think, duration)."""
    import gevent
    from locust import FastHttpUser, between, constant, task
    from locust.env import Environment

    active = tuple(spec["pages"])
    sessions = iter(spec["sessions"])
    movers = iter(spec["movers"])
    phases = iter(range(len(spec["sessions"])))
    samples: list[str] = []
    pick = random.Random(1)  # the same scene sequence on every run

    class Visitor(FastHttpUser):
        host = spec["host"]
        # Lockstep: every user waits exactly `think` and starts on the same request, so the
        # users' moves arrive together; else each starts on its own request of the five and
        # waits between half and one and a half times `think` (the same mean).
        wait_time = (constant(spec["think"]) if spec["lockstep"]
                     else between(spec["think"] / 2, spec["think"] * 3 / 2))

        def on_start(self) -> None:
            self.cookie = f"{spec['cookie_name']}={next(sessions)}"
            self.mover = dict(next(movers))
            self.away = False
            self.turn = 0 if spec["lockstep"] else next(phases)

        @task
        def visit(self) -> None:
            # Take the requests in turn, so each gets the same share of the load.
            self.turn += 1
            name = active[self.turn % len(active)]
            if name == PAGES[4]:
                self._move()
                return
            urls = {PAGES[0]: spec["list_url"], PAGES[1]: pick.choice(spec["scene_urls"]),
                    PAGES[2]: spec["board_url"], PAGES[3]: spec["topsheet_url"]}
            self._get(urls[name], name)

        def _move(self) -> None:
            # To the other day's top and back home, each with the version the last move gave.
            mover = self.mover
            body = ({"day_id": mover["home_day"], "position": mover["home_position"]}
                    if self.away else {"day_id": mover["other_day"], "position": 0})
            url = spec["move_url"].format(strip_id=mover["strip_id"])
            with self.client.post(url, name=PAGES[4], json={**body, "version": mover["version"]},
                                  headers={"Authorization": f"Bearer {spec['token']}"},
                                  catch_response=True) as response:
                answer = response.json() if response.status_code == 200 else {}
                if response.status_code != 200 or answer.get("budget") is None:
                    message = (f"move {url}: HTTP {response.status_code}"
                               f"{'' if answer.get('budget') else ' (no budget effect)'}")
                    if len(samples) < 5:
                        samples.append(message)
                    response.failure(message)
                    return
                mover["version"] = answer["version"]
                self.away = not self.away

        def _get(self, url: str, name: str) -> None:
            with self.client.get(url, name=name, headers={"Cookie": self.cookie},
                                 allow_redirects=False, catch_response=True) as response:
                if response.status_code != 200:
                    message = f"{name} {url}: HTTP {response.status_code}"
                    if len(samples) < 5:
                        samples.append(message)
                    response.failure(message)

    environment = Environment(user_classes=[Visitor])
    runner = environment.create_local_runner()
    runner.start(spec["users"], spawn_rate=spec["users"])
    gevent.sleep(2)  # every user started and past its first request
    environment.stats.reset_all()
    gevent.sleep(spec["duration"])
    figures = {name: _figures(environment.stats.get(name, "POST" if name == PAGES[4] else "GET"))
               for name in active}
    figures["total"] = _figures(environment.stats.total)
    runner.quit()
    return {"pages": figures, "samples": samples}


def _figures(entry: Any) -> dict[str, Any]:
    return {
        "requests": entry.num_requests,
        "errors": entry.num_failures,
        "p50": entry.get_response_time_percentile(0.50),
        "p95": entry.get_response_time_percentile(0.95),
        "p99": entry.get_response_time_percentile(0.99),
        "rps": round(entry.total_rps, 1),
    }
