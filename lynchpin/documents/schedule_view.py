"""What every schedule export shows, worked out once: days with their strips, totals, colours.

`schedule_view(problem, schedule, title=...)` resolves a `Schedule`'s strip ids against its
`ScheduleProblem` into `DayView`s (date, strips in shooting order, total eighths and minutes),
the boneyard, banners and each performer's board number. Renderers (PDF, ICS) only format
these values. Also here: the shared HTML helpers (templates, escaping, WeasyPrint with a
fetcher that fetches nothing).

Strip colours follow ``strips.json``: DAY and DAWN count as day, NIGHT and DUSK as night.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from lynchpin.documents.html_pdf import Markup, fill, print_pdf, template
from lynchpin.documents.strips import strip_colour
from lynchpin.engine.scheduling.model import (
    Banner,
    DayPart,
    Performer,
    Schedule,
    ScheduleProblem,
    Strip,
)

__all__ = [
    "DayView",
    "Markup",
    "ScheduleView",
    "fill",
    "render_html_pdf",
    "schedule_view",
    "strip_background",
]

_NIGHT_PARTS = frozenset({DayPart.NIGHT, DayPart.DUSK})


@dataclass(frozen=True, slots=True)
class DayView:
    """One shoot day: number, date, strips in shooting order, totals (eighths, minutes)."""

    number: int
    date: date
    strips: tuple[Strip, ...]
    unit: str = "main"

    @property
    def eighths(self) -> int:
        """Total page length of the day's strips, in eighths."""
        return sum(strip.eighths for strip in self.strips)

    @property
    def minutes(self) -> int:
        """Total estimated shooting minutes of the day's strips (moves not included)."""
        return sum(strip.minutes for strip in self.strips)


@dataclass(frozen=True, slots=True)
class ScheduleView:
    """A schedule ready to print: title, currency, days, boneyard strips, banners, performers."""

    title: str
    days: tuple[DayView, ...]
    boneyard: tuple[Strip, ...]
    banners: tuple[Banner, ...]
    performers: dict[str, Performer]

    def ordered(self, ids: tuple[str, ...]) -> tuple[str, ...]:
        """`ids` in board order: numbered performers by number, then the rest by name."""
        def key(ident: str) -> tuple[int, str]:
            performer = self.performers.get(ident)
            number = performer.number if performer and performer.number else 1 << 30
            return number, ident

        return tuple(sorted(ids, key=key))

    def numbers(self, ids: tuple[str, ...]) -> str:
        """Board numbers of performer `ids` in order (``"1, 2, 5"``); unnumbered ones by name."""
        shown = []
        for ident in self.ordered(ids):
            performer = self.performers.get(ident)
            if performer is None:
                shown.append(ident)
            else:
                shown.append(str(performer.number) if performer.number else performer.name)
        return ", ".join(shown)

    def names(self, ids: tuple[str, ...]) -> str:
        """Names of performer `ids` in board order, with numbers (``"1. NELL, 2. ROSIE"``)."""
        shown = []
        for ident in self.ordered(ids):
            performer = self.performers.get(ident)
            if performer is None:
                shown.append(ident)
            elif performer.number:
                shown.append(f"{performer.number}. {performer.name}")
            else:
                shown.append(performer.name)
        return ", ".join(shown)

    def banners_before(self, day: int) -> tuple[str, ...]:
        """Banner texts placed before shoot day `day`."""
        return tuple(banner.text for banner in self.banners if banner.before_day == day)


def schedule_view(problem: ScheduleProblem, schedule: Schedule, *, title: str = "") -> ScheduleView:
    """The printable view of `schedule`. Strip ids the problem does not know are skipped
    (a stale schedule must still print); raises nothing."""
    strips = {strip.id: strip for strip in problem.strips}
    days = tuple(
        DayView(day.number, day.date, tuple(strips[s] for s in day.strips if s in strips), day.unit)
        for day in schedule.days
    )
    boneyard = tuple(strips[s] for s in schedule.boneyard if s in strips)
    performers = {performer.id: performer for performer in problem.performers}
    return ScheduleView(title or schedule.name, days, boneyard, schedule.banners, performers)


def is_night(strip: Strip) -> bool:
    """True for NIGHT and DUSK strips (night colours, ``N`` on the board)."""
    return strip.day_part in _NIGHT_PARTS


def strip_background(strip: Strip) -> str:
    """The strip colour (``#rrggbb``) for its INT/EXT and day part."""
    return strip_colour(strip.int_ext.value, "N" if is_night(strip) else "D")


def day_night_letter(strip: Strip) -> str:
    """``D``, ``N``, ``Dawn`` or ``Dusk`` as printed on a strip."""
    return {DayPart.DAY: "D", DayPart.NIGHT: "N"}.get(strip.day_part, strip.day_part.title())


def render_html_pdf(title: str, body: str, *, landscape: bool = False) -> bytes:
    """A PDF of `body` (escaped HTML built by a renderer) with ``schedule.css``.

    Letter or A4 is left to the stylesheet (A4); `landscape` turns the page.
    """
    size = "A4 landscape" if landscape else "A4"
    css = template("schedule.css").substitute(page_size=size)
    html = fill("schedule-page.html", title=title or "Schedule", body=Markup(body))
    return print_pdf(html, css)
