"""Schedule exports from a hand-built problem and schedule: stripboard, one-liner, shooting
schedule, DOOD (XLSX and PDF), iCalendar and schedule.json (read back)."""

from __future__ import annotations

import io
import json
from datetime import UTC, date, datetime
from decimal import Decimal

import pdfplumber
import pytest
from icalendar import Calendar as ICalendar
from openpyxl import load_workbook

from lynchpin.documents.schedule_dood import render_dood_pdf, render_dood_xlsx
from lynchpin.documents.schedule_ics import day_uid, render_ics
from lynchpin.documents.schedule_json import SolveFacts, read_schedule_json, render_schedule_json
from lynchpin.documents.schedule_oneliner import render_oneliner
from lynchpin.documents.schedule_shooting import render_shooting_schedule
from lynchpin.documents.schedule_stripboard import render_stripboard, strip_row, stripboard_html
from lynchpin.documents.schedule_view import ScheduleView, schedule_view, strip_background
from lynchpin.engine.errors import InputError
from lynchpin.engine.money import Money
from lynchpin.engine.scheduling.costing import schedule_cost
from lynchpin.engine.scheduling.dood import day_out_of_days
from lynchpin.engine.scheduling.model import (
    Banner,
    DayPart,
    Location,
    Performer,
    Schedule,
    ScheduleProblem,
    ShootDay,
    Strip,
    WorkDay,
)
from lynchpin.engine.screenplay.model import IntExt

GBP = "GBP"
HOSTILE = "<script>alert('x')</script> & BAR"


def _money(amount: int) -> Money:
    return Money(Decimal(amount), GBP)


def _problem() -> ScheduleProblem:
    strips = (
        Strip("1", "1", 11, 165, "HARBOUR - WALL", "HARBOUR", IntExt.EXT, DayPart.DAY,
              cast=("NELL", "ROSIE"), notes="Rosie waits for the ferry."),
        Strip("2", "2", 4, 60, "QUILL HOUSE - KITCHEN", "QUILL HOUSE", IntExt.INT, DayPart.DAY,
              cast=("ROSIE",), elements=("animal:MOSS",)),
        Strip("3", "3", 6, 90, "FERRY - DECK", "FERRY", IntExt.EXT, DayPart.NIGHT,
              cast=("NELL",), background=6),
        Strip("4", "4", 3, 45, HOSTILE, "FERRY", IntExt.INT, DayPart.NIGHT, cast=("NELL",)),
        Strip("5", "5", 2, 30, "FERRY - STERN", "FERRY", IntExt.EXT, DayPart.NIGHT),
    )
    performers = (
        Performer("NELL", "NELL", _money(900), number=1),
        Performer("ROSIE", "ROSIE", _money(500), number=2, minor=True, max_minutes=300),
        Performer("animal:MOSS", "MOSS", _money(450), number=3),
    )
    locations = tuple(Location(n, n, _money(100)) for n in ("HARBOUR", "QUILL HOUSE", "FERRY"))
    days = tuple(WorkDay(i + 1, date(2027, 3, 15 + i)) for i in range(3))
    return ScheduleProblem(strips, performers, locations, days, _money(10000), _money(1000),
                           currency=GBP)


def _schedule() -> Schedule:
    return Schedule(
        days=(
            ShootDay(1, date(2027, 3, 15), ("1", "2")),
            ShootDay(2, date(2027, 3, 16), ("3", "4")),
        ),
        boneyard=("5",),
        banners=(Banner(2, "NIGHTS BEGIN"),),
        name="The Test Ferry",
    )


@pytest.fixture
def view() -> ScheduleView:
    return schedule_view(_problem(), _schedule(), title="The Test Ferry")


def _pdf_text(data: bytes) -> tuple[int, str]:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return len(pdf.pages), "\n".join(page.extract_text() or "" for page in pdf.pages)


def test_view_resolves_days_totals_and_numbers(view: ScheduleView) -> None:
    first, second = view.days
    assert [s.id for s in second.strips] == ["3", "4"]
    assert [s.id for s in first.strips] == ["1", "2"]
    assert (first.eighths, first.minutes) == (15, 225)
    assert [s.id for s in view.boneyard] == ["5"]
    assert view.numbers(("GHOST", "ROSIE", "NELL")) == "1, 2, GHOST"
    assert view.names(("ROSIE",)) == "2. ROSIE"
    assert view.banners_before(2) == ("NIGHTS BEGIN",)


def test_strip_colours_follow_the_convention() -> None:
    strips = {s.id: s for s in _problem().strips}
    assert strip_background(strips["1"]) == "#fff59d"  # EXT/DAY yellow
    assert strip_background(strips["2"]) == "#ffffff"  # INT/DAY white
    assert strip_background(strips["3"]) == "#a5d6a7"  # EXT/NIGHT green
    assert strip_background(strips["4"]) == "#90caf9"  # INT/NIGHT blue


def test_stripboard_html_escapes_and_breaks_days(view: ScheduleView) -> None:
    html = stripboard_html(view)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "END OF DAY 1 - Mon 15 Mar 2027 - 1 7/8 PAGES" in html
    assert "END OF DAY 2 - Tue 16 Mar 2027 - 1 1/8 PAGES" in html
    assert html.index("NIGHTS BEGIN") < html.index("END OF DAY 2")
    assert "BONEYARD" in html
    row = strip_row(view, _problem().strips[0])
    assert "background: #fff59d" in row and ">1, 2<" in row and ">1 3/8<" in row


def test_stripboard_pdf(view: ScheduleView) -> None:
    pages, text = _pdf_text(render_stripboard(view))
    assert pages == 1
    assert "Stripboard" in text.title() or "STRIPBOARD" in text.upper()
    assert "END OF DAY 1" in text and "HARBOUR - WALL" in text
    assert "<script>alert('x')</script>" in text  # printed literally, not interpreted
    with pdfplumber.open(io.BytesIO(render_stripboard(view))) as pdf:
        page = pdf.pages[0]
        assert page.width > page.height  # landscape


def test_oneliner_pdf(view: ScheduleView) -> None:
    pages, text = _pdf_text(render_oneliner(view))
    assert pages == 1
    assert "Day 1 - Monday 15 March 2027" in text
    assert "Sc. 3" in text and "Total: 1 1/8 pages" in text
    assert "Boneyard" in text and "Sc. 5" in text


def test_shooting_schedule_pdf(view: ScheduleView) -> None:
    pages, text = _pdf_text(render_shooting_schedule(view))
    assert pages >= 1
    assert "Day 1 of 2 - Monday 15 March 2027" in text
    assert "Rosie waits for the ferry." in text
    assert "1. NELL, 2. ROSIE" in text
    assert "3. MOSS" in text  # element by name
    assert "End of day 2: 2 scenes, 1 1/8 pages" in text


def test_dood_xlsx_cells() -> None:
    problem, schedule = _problem(), _schedule()
    dood = day_out_of_days(problem, schedule)
    book = load_workbook(io.BytesIO(render_dood_xlsx(dood, title="=HYPERLINK()")))
    sheet = book["DOOD"]
    assert sheet["A1"].value == "Day out of days - =HYPERLINK()"  # text, not a formula
    assert sheet["B2"].value == "2027-03-15" and sheet["C2"].value == "2027-03-16"
    assert sheet["B4"].value == 1 and sheet["C4"].value == 2
    rows = {row[0]: row for row in sheet.iter_rows(min_row=5, values_only=True)}
    nell = rows["1. NELL"]
    assert nell[1:3] == ("SW", "WF")
    assert rows["2. ROSIE"][1] == "SWF"
    headers = [c.value for c in sheet[2]]
    assert nell[headers.index("Work")] == 2
    assert nell[headers.index("Start")] == "2027-03-15"


def test_dood_pdf() -> None:
    dood = day_out_of_days(_problem(), _schedule())
    pages, text = _pdf_text(render_dood_pdf(dood, title="The Test Ferry"))
    assert pages == 1
    assert "1. NELL" in text and "2. ROSIE SWF" in text and "WORK" in text


def test_ics_one_event_per_day_with_stable_uids(view: ScheduleView) -> None:
    stamp = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
    data = render_ics(view, stamp=stamp)
    calendar = ICalendar.from_ical(data)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 2
    first = events[0]
    assert first.decoded("dtstart") == date(2027, 3, 15)
    assert first.decoded("dtend") == date(2027, 3, 16)
    assert str(first["summary"]) == "The Test Ferry: Day 1 (1 7/8 pages)"
    assert "Sc. 1 EXT HARBOUR - WALL D 1 3/8 pgs - cast 1, 2" in str(first["description"])
    assert str(first["location"]) == "HARBOUR, QUILL HOUSE"
    assert str(first["uid"]) == day_uid("The Test Ferry", view.days[0])
    again = render_ics(view, stamp=stamp)
    assert again == data  # same input, same file: UIDs are stable
    assert str(events[1]["uid"]) != str(first["uid"])


def test_schedule_json_round_trip() -> None:
    problem, schedule = _problem(), _schedule()
    cost = schedule_cost(problem, schedule)
    facts = SolveFacts(_money(20000), False, "FEASIBLE")
    text = render_schedule_json(problem, schedule, cost, facts, title="T")
    data = json.loads(text)
    assert data["format"] == "lynchpin-schedule"
    assert data["days"][0] == {"number": 1, "date": "2027-03-15", "unit": "main",
                               "strips": ["1", "2"], "eighths": 15}
    assert data["boneyard"] == ["5"]
    assert data["lower_bound"] == "20000.00"
    assert data["cost"]["total"] == str(cost.total.rounded().amount)
    assert data["cost"]["crew_days"] == 2
    back = read_schedule_json(text, source="s.json")
    assert back.days == schedule.days and back.boneyard == schedule.boneyard
    assert back.banners == schedule.banners


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("{", "not valid JSON"),
        ('{"format": "other"}', "not a Lynchpin schedule"),
        ('{"format": "lynchpin-schedule", "days": [{"number": 0}]}', "days[0].number"),
        ('{"format": "lynchpin-schedule", "days": [{"number": 1, "date": "x"}]}',
         "days[0].date"),
        ('{"format": "lynchpin-schedule", "days": [{"number": 1, "date": "2027-01-01",'
         ' "strips": [1]}]}', "days[0].strips"),
        ('{"format": "lynchpin-schedule", "days": 3}', "days: expected a list"),
    ],
)
def test_bad_schedule_json_names_the_key(text: str, expected: str) -> None:
    with pytest.raises(InputError) as caught:
        read_schedule_json(text, source="s.json")
    assert str(caught.value).startswith("s.json: ")
    assert expected in str(caught.value)
