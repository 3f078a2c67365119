"""The board's strips and days written in Python: escaped, the CSRF token put in per request,
tools only on editable boards, and the same markup when drawn again from the kept copy."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

from lynchpin.schedules.adapters.view import DayView, StripView
from lynchpin.schedules.forms import MoveStripForm
from lynchpin.schedules.templatetags.stripboard import day_section, strip_item


def _strip(set_name: str = "HARBOUR <WALL>", conflicts: tuple[str, ...] = ()) -> StripView:
    return StripView(7, "12A", "EXT", set_name, "N", 3, "3/8", 30, "1, 2", "#2e7d32", "#fff",
                     conflicts)


def _day(*strips: StripView, conflicts: tuple[str, ...] = ()) -> DayView:
    return DayView(41, 3, date(2027, 3, 3), strips, 3, "3/8", 30, 15, 0, (), conflicts)


def _context(editable: bool, token: str = "tok-1") -> dict[str, object]:
    return {"data": SimpleNamespace(editable=editable), "version": SimpleNamespace(pk=5,
            version=9), "production": SimpleNamespace(pk=2), "csrf_token": token}


def test_a_strip_is_escaped_and_draggable_only_when_it_can_move() -> None:
    movable = strip_item(_strip(conflicts=("NELL <rests> 10 h",)), True)
    assert "HARBOUR &lt;WALL&gt;" in movable and "<WALL>" not in movable
    assert 'draggable="true"' in movable and "1 conflict" in movable
    assert "NELL &lt;rests&gt; 10 h" in movable
    assert 'draggable="true"' not in strip_item(_strip(), False)


def test_a_day_has_its_totals_strips_and_conflicts() -> None:
    html = day_section(_context(False), _day(_strip(), conflicts=("over 14 h",)))
    assert 'data-day="41"' in html and 'id="strip-7"' in html
    assert "END OF DAY 3 – Wed 3 Mar 2027" in html and "Day 3, Wednesday 3 March" in html
    assert '<span data-total="moves"> (moves 15 min)</span>' in html
    assert "⚠ over 14 h" in html and "day-tools" not in html and "csrfmiddlewaretoken" not in html


def test_an_editable_day_gets_its_tools_with_this_requests_csrf_token() -> None:
    day = _day(_strip())
    first = day_section(_context(True, "tok-1"), day)
    second = day_section(_context(True, "tok-2"), day)
    assert first.count('value="tok-1"') == 2 and "tok-2" not in first
    assert second.count('value="tok-2"') == 2 and "tok-1" not in second
    assert "/productions/2/schedules/5/days/41/banners/" in first
    assert "/productions/2/schedules/5/days/41/remove/" in first
    assert first.replace("tok-1", "tok-2") == second
    assert "\x00" not in first


def test_the_move_forms_select_is_escaped_and_keeps_the_chosen_day() -> None:
    form = MoveStripForm(initial={"version": 1, "position": 1, "day": 3},
                         strips=((7, "12A EXT <HARBOUR>"),), days=((3, "Day 1"), (4, "Day 2")))
    strips, days = str(form["strip"]), str(form["day"])
    assert '<option value="7">12A EXT &lt;HARBOUR&gt;</option>' in strips
    assert '<option value="3" selected>Day 1</option>' in days
    assert '<option value="4">Day 2</option>' in days and 'id="id_day"' in days
