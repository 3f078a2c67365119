"""Model rules: revision colour order, one current draft, omitted scenes, element names."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from lynchpin.scripts.models import (
    BreakdownElement,
    RevisionColour,
    Scene,
    ScriptVersion,
    normalise_name,
)
from tests.django_support import Team


def test_revision_colours_follow_the_standard_order() -> None:
    assert RevisionColour.values == [
        "white", "blue", "pink", "yellow", "green", "goldenrod", "buff", "salmon", "cherry"
    ]
    assert RevisionColour.after("white") == "blue"
    assert RevisionColour.after("cherry") == "white"  # the cycle starts again
    assert RevisionColour.after("tartan") == "white"


def test_element_names_are_normalised() -> None:
    assert normalise_name("  dog\t bowl ") == "DOG BOWL"


@pytest.mark.django_db
def test_a_production_has_one_current_draft(team: Team, imported: ScriptVersion) -> None:
    second = ScriptVersion(production=team.production, file_name="x.fountain",
                           source="scripts/x", status=ScriptVersion.Status.READY)
    with pytest.raises(IntegrityError), transaction.atomic():
        second.save()


@pytest.mark.django_db
def test_an_omitted_scene_has_no_place_in_the_file(team: Team, imported: ScriptVersion) -> None:
    scene = Scene(production=team.production, script_version=imported, order=99, number="99",
                  heading="INT. NOWHERE - DAY", omitted=True, script_index=3)
    with pytest.raises(IntegrityError), transaction.atomic():
        scene.save()


@pytest.mark.django_db
def test_element_clean_names_the_bad_fields(team: Team) -> None:
    element = BreakdownElement(production=team.production, category=12, name="  ")
    with pytest.raises(ValidationError) as caught:
        element.full_clean()
    assert set(caught.value.message_dict) == {"name", "category"}


@pytest.mark.django_db
def test_scene_clean_refuses_a_draft_of_another_production(
    team: Team, imported: ScriptVersion
) -> None:
    scene = Scene(production=team.other_production, script_version=imported, order=99,
                  number="99", heading="INT. NOWHERE - DAY", script_index=99)
    with pytest.raises(ValidationError) as caught:
        scene.full_clean()
    assert "script_version" in caught.value.message_dict
