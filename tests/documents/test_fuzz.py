"""Hypothesis: any text survives CSV round trips and never escapes the PDF's HTML."""

from __future__ import annotations

import csv
import io
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from lynchpin.documents import breakdown_html, render_csv
from lynchpin.documents.breakdown_csv import defuse_formula
from tests.documents.conftest import make_report

# Text as scripts hold it: any printable characters, no NUL (importers refuse binary data).
TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=60)


@settings(max_examples=60, deadline=None)
@given(heading=TEXT, name=TEXT)
def test_csv_round_trips_any_text(heading: str, name: str) -> None:
    report = make_report(heading=heading)
    scene = replace(report.scenes[0], elements=(("Props", (name,)),))
    report = replace(report, scenes=(scene,))
    row = next(csv.DictReader(io.StringIO(render_csv(report), newline="")))
    assert row["heading"] == defuse_formula(heading)
    assert row["Props"] == defuse_formula(name)


@settings(max_examples=60, deadline=None)
@given(heading=TEXT)
def test_html_never_contains_raw_markup_from_the_script(heading: str) -> None:
    html = breakdown_html(make_report(heading=heading + "<b>x</b>"))
    assert "<b>" not in html
