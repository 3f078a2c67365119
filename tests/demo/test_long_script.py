"""long_script: a seeded feature-length screenplay the engine reads as written."""

from __future__ import annotations

import pytest

from lynchpin.demo.long_script import long_script
from lynchpin.engine.screenplay.read import read_script


def test_same_seed_same_text_other_seed_other_text() -> None:
    assert long_script(30, seed=4) == long_script(30, seed=4)
    assert long_script(30, seed=4) != long_script(30, seed=5)


@pytest.mark.parametrize("scenes", [1, 7, 200])
def test_the_engine_reads_every_numbered_scene(scenes: int) -> None:
    script = read_script(long_script(scenes).encode("utf-8"), name="load.fountain")
    assert [scene.number for scene in script.scenes] == [str(n) for n in range(1, scenes + 1)]


def test_at_least_one_scene() -> None:
    with pytest.raises(ValueError, match="at least one scene"):
        long_script(0)
