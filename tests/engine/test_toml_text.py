"""One reader for every TOML file format: bad TOML names the source and the line."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lynchpin.engine.errors import InputError
from lynchpin.engine.toml_text import load_toml


def test_good_toml() -> None:
    assert load_toml('a = 1\n[b]\nc = "x"\n') == {"a": 1, "b": {"c": "x"}}


def test_bad_toml_names_source_and_line() -> None:
    with pytest.raises(InputError) as caught:
        load_toml('a = 1\nb = "x" junk\n', source="prod.toml")
    assert caught.value.line == 2
    assert str(caught.value).startswith("prod.toml:2: not valid TOML: ")
    assert "(at line" not in str(caught.value)


def test_deep_nesting_is_refused_not_a_crash() -> None:
    with pytest.raises(InputError, match="nested too deeply"):
        load_toml("a = " + "[" * 100_000 + "]" * 100_000, source="deep.toml")


@given(st.text(max_size=200))
def test_any_text_gives_a_dict_or_input_error(text: str) -> None:
    with contextlib.suppress(InputError):
        assert isinstance(load_toml(text), dict)
