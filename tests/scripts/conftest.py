"""Fixtures of the scripts app tests: the bundled sample, revised drafts of it, small FDX."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.conftest import SAMPLE
from tests.django_support import Team

#: The bundled sample screenplay (48 scenes, unnumbered).
SAMPLE_BYTES = SAMPLE.read_bytes()

_HEADING = re.compile(r"^(?=(?:INT|EXT|INT\./EXT)\. )", re.MULTILINE)


def sample_parts() -> list[str]:
    """The sample split before every scene heading: [title page, scene 1, scene 2, ...]."""
    return _HEADING.split(SAMPLE_BYTES.decode("utf-8"))


def revised_sample() -> bytes:
    """A revised draft: scene 3 cut, a new scene after scene 1, a line of scene 2 changed."""
    parts = sample_parts()
    new_scene = (
        "EXT. PORT CARRICK - LIGHTHOUSE - DAY\n\n"
        "Rosie climbs the lighthouse steps with a pair of BINOCULARS and scans the bay.\n\n"
    )
    scene_2 = parts[2].replace("Sixty-one.", "Seventy-two.")
    return "".join([parts[0], parts[1], new_scene, scene_2, *parts[4:]]).encode("utf-8")


def small_fdx(*scenes: tuple[str, str, str]) -> bytes:
    """A minimal Final Draft document: each scene is (heading, character, dialogue)."""
    body = "".join(
        f'<Paragraph Type="Scene Heading"><Text>{heading}</Text></Paragraph>'
        f'<Paragraph Type="Action"><Text>A HORSE waits by the door.</Text></Paragraph>'
        f'<Paragraph Type="Character"><Text>{who}</Text></Paragraph>'
        f'<Paragraph Type="Dialogue"><Text>{line}</Text></Paragraph>'
        for heading, who, line in scenes
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="no" ?>\n'
        f'<FinalDraft DocumentType="Script" Template="No" Version="5"><Content>{body}'
        "</Content></FinalDraft>"
    ).encode()


@pytest.fixture(autouse=True)
def _own_media(settings: Any, tmp_path: Any) -> None:
    """Each test stores uploaded files in its own directory (so tests can count them)."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def imported(team: Team) -> Any:
    """The sample imported as the production's first (current) draft by the producer."""
    from lynchpin.scripts.services import script_import

    return script_import(
        actor=team.producer, production_id=team.production.pk,
        file_name="the-night-ferry.fountain", content=SAMPLE_BYTES,
    )
