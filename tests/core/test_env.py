"""Typed environment helpers: values convert, bad values fail loudly naming the variable."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from lynchpin.config.env import env_bool, env_choice, env_int, env_list, env_path, env_str


def test_env_str_strips_and_defaults() -> None:
    assert env_str("X", "d", environ={"X": "  value "}) == "value"
    assert env_str("X", "d", environ={}) == "d"
    assert env_str("X", "d", environ={"X": "   "}) == "d"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("1", True), ("TRUE", True), ("yes", True), ("on", True), ("0", False), ("False", False),
     ("no", False), ("off", False)],
)
def test_env_bool_accepts_the_usual_spellings(raw: str, expected: bool) -> None:
    assert env_bool("FLAG", not expected, environ={"FLAG": raw}) is expected


def test_env_bool_refuses_anything_else_naming_variable_and_value() -> None:
    with pytest.raises(ImproperlyConfigured, match=r"LYNCHPIN_DEBUG='ture'"):
        env_bool("LYNCHPIN_DEBUG", True, environ={"LYNCHPIN_DEBUG": "ture"})


def test_env_int_converts_and_checks_minimum() -> None:
    assert env_int("N", 5, environ={"N": "42"}) == 42
    assert env_int("N", 5, environ={}) == 5
    with pytest.raises(ImproperlyConfigured, match=r"N='4x'.*integer"):
        env_int("N", 5, environ={"N": "4x"})
    with pytest.raises(ImproperlyConfigured, match="at least 1"):
        env_int("N", 5, minimum=1, environ={"N": "0"})


def test_env_list_splits_on_commas_and_refuses_empty_items() -> None:
    hosts = env_list("HOSTS", environ={"HOSTS": "a.example, b.example"})
    assert hosts == ["a.example", "b.example"]
    assert env_list("HOSTS", ("x",), environ={}) == ["x"]
    with pytest.raises(ImproperlyConfigured, match="HOSTS='a,,b'"):
        env_list("HOSTS", environ={"HOSTS": "a,,b"})


def test_env_path_is_absolute(tmp_path: Path) -> None:
    assert env_path("DIR", Path("rel"), environ={}).is_absolute()
    assert env_path("DIR", Path("rel"), environ={"DIR": str(tmp_path)}) == tmp_path.resolve()
    with pytest.raises(ImproperlyConfigured, match="DIR="):
        env_path("DIR", Path("rel"), environ={"DIR": "bad\x00path"})


def test_env_choice_lists_the_choices() -> None:
    assert env_choice("B", ("database", "immediate"), "database", environ={}) == "database"
    assert env_choice("B", ("database", "immediate"), "database", environ={"B": "immediate"}) == (
        "immediate"
    )
    with pytest.raises(ImproperlyConfigured, match="one of database, immediate"):
        env_choice("B", ("database", "immediate"), "database", environ={"B": "redis"})
