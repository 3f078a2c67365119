"""Running a long engine call (the optimiser, a re-plan) while reporting its progress.

The engine call runs in a worker thread and touches no database; this thread (the task's)
wakes every `POLL_SECONDS` to write progress into the TaskRun (percent of the time limit
used, and a line the engine's progress callback last gave) and to read whether someone asked
to stop (`ScheduleProposal.stop_requested`), which the engine's `should_stop` then answers.
Keeping every database access in the task's thread means its one connection (and, in tests,
its transaction) sees every write.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

from lynchpin.schedules.models import ScheduleProposal

__all__ = ["POLL_SECONDS", "Watch", "run_watched"]

#: Seconds between progress writes and stop checks.
POLL_SECONDS = 1.0
T = TypeVar("T")


class Watch:
    """Shared between the task's thread and the engine's: the latest progress line and the
    stop flag (a `threading.Event`)."""

    def __init__(self) -> None:
        self.stop = threading.Event()
        self._line = ""
        self._lock = threading.Lock()

    def report(self, line: str) -> None:
        """Called from the engine's thread with a progress line (no money in it)."""
        with self._lock:
            self._line = line

    @property
    def line(self) -> str:
        """The latest progress line."""
        with self._lock:
            return self._line

    def should_stop(self) -> bool:
        """The engine's `should_stop`."""
        return self.stop.is_set()


def run_watched(work: Callable[[Watch], T], *, proposal_id: int, time_limit: float,
                progress: Callable[[int, str], Any], label: str) -> T:
    """Run `work(watch)` in a thread; report progress every POLL_SECONDS until it ends; return
    its result or raise its exception."""
    watch = Watch()
    outcome: dict[str, Any] = {}

    def target() -> None:
        try:
            outcome["result"] = work(watch)
        except BaseException as error:  # handed to the task's thread, raised there
            outcome["error"] = error

    thread = threading.Thread(target=target, name=f"schedules-{proposal_id}", daemon=True)
    started = time.monotonic()
    thread.start()
    while True:
        thread.join(POLL_SECONDS)
        if not thread.is_alive():
            break
        used = (time.monotonic() - started) / max(time_limit, 0.1)
        progress(max(1, min(99, int(used * 100))), f"{label}: {watch.line or 'searching'}")
        if ScheduleProposal.objects.filter(pk=proposal_id, stop_requested=True).exists():
            watch.stop.set()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["result"]  # type: ignore[no-any-return]
