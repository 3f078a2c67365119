"""Pieces of `schedule plan`: the Ctrl-C flag, input file checks, output folder checks."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from lynchpin.cli.schedule_steps import read_text_file, stop_on_interrupt
from lynchpin.engine.errors import InputError


def test_ctrl_c_sets_the_stop_flag_and_the_old_handler_comes_back() -> None:
    before = signal.getsignal(signal.SIGINT)
    with stop_on_interrupt() as should_stop:
        assert should_stop() is False
        os.kill(os.getpid(), signal.SIGINT)
        assert should_stop() is True
    assert signal.getsignal(signal.SIGINT) is before


def test_a_second_ctrl_c_interrupts() -> None:
    with pytest.raises(KeyboardInterrupt), stop_on_interrupt():
        os.kill(os.getpid(), signal.SIGINT)
        os.kill(os.getpid(), signal.SIGINT)


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda d: d / "missing.toml", "no such file"),
        (lambda d: d, "not a regular file"),
        (lambda d: _bytes(d / "latin.toml", b"title = \"caf\xe9\""), "not UTF-8 text"),
    ],
)
def test_unreadable_inputs_are_input_errors(tmp_path: Path, make: object, expected: str) -> None:
    path = make(tmp_path)  # type: ignore[operator]
    with pytest.raises(InputError, match=expected):
        read_text_file(path)


def test_text_file_is_read_as_utf8(tmp_path: Path) -> None:
    path = _bytes(tmp_path / "ok.toml", "\ufefftitle = \"Café\"\n".encode())
    assert read_text_file(path) == 'title = "Café"\n'


def _bytes(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
