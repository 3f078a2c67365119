"""How the command line reports failures: one line on stderr and a documented exit code.

- exit 2: the input cannot be used (missing file, directory, too large, not a screenplay,
  corrupt, XML bomb, unknown encoding, unwritable output): ``lynchpin: error: <where>: <message>``;
- exit 1: a bug in Lynchpin: ``lynchpin: internal error: ...`` plus a request to report it.
  Set ``LYNCHPIN_DEBUG=1`` to see the traceback instead.
Never a traceback for bad input.
"""

from __future__ import annotations

import functools
import io
import os
import sys
from collections.abc import Callable
from typing import ParamSpec, TypeVar

import typer

from lynchpin.engine.errors import InputError

EXIT_INPUT = 2
EXIT_INTERNAL = 1
ISSUES_HINT = "please report it with the command and, if you can, the file that caused it"

P = ParamSpec("P")
R = TypeVar("R")


def one_line(text: str) -> str:
    """`text` with line breaks and runs of whitespace folded to single spaces."""
    return " ".join(text.split())


def fail(message: str) -> typer.Exit:
    """Print ``lynchpin: error: <message>`` on stderr (one line); return the exit to raise."""
    print(f"lynchpin: error: {one_line(message)}", file=sys.stderr)
    return typer.Exit(EXIT_INPUT)


def os_error_message(error: OSError) -> str:
    """``<file>: <reason>`` for an OSError, e.g. ``"out/x.pdf: Permission denied"``."""
    reason = error.strerror or str(error)
    return f"{error.filename}: {reason}" if error.filename else reason


def reported(command: Callable[P, R]) -> Callable[P, R]:
    """Wrap a command so input errors and crashes become one line and an exit code."""

    @functools.wraps(command)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except (typer.Exit, typer.Abort, typer.TyperException):  # usage errors, exits
            raise
        except BrokenPipeError:
            _silence_stdout()  # the reader stopped early (`| head`): not an error
            raise typer.Exit(0) from None
        except InputError as error:
            raise fail(str(error)) from None
        except OSError as error:
            raise fail(os_error_message(error)) from None
        except Exception as error:
            # A bug, not bad input: say so plainly, keep the traceback for LYNCHPIN_DEBUG.
            if os.environ.get("LYNCHPIN_DEBUG"):
                raise
            name = type(error).__name__
            print(
                f"lynchpin: internal error: {one_line(f'{name}: {error}')} -- {ISSUES_HINT} "
                "(set LYNCHPIN_DEBUG=1 for details)",
                file=sys.stderr,
            )
            raise typer.Exit(EXIT_INTERNAL) from None

    return run


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        pass  # not a real file descriptor (tests): nothing will be flushed to a pipe
