"""Reading input files and writing outputs safely, for the command line.

Reading checks the file with ``stat`` before opening it (missing, directory, FIFO or device,
larger than its limit) so a bad path never hangs or fills memory, and reads at most
one byte more than the limit in case the file grows meanwhile. Writing goes to a temporary
file next to the target, then renames it over the target, so a failed render never leaves a
half-written file; the input script is never overwritten.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

from lynchpin.engine.errors import InputError
from lynchpin.engine.screenplay.read import MAX_SCRIPT_BYTES

_MB = 1024 * 1024


def read_script_bytes(path: Path) -> bytes:
    """The bytes of screenplay file `path` (at most `MAX_SCRIPT_BYTES`); see `read_input_bytes`."""
    return read_input_bytes(path, limit=MAX_SCRIPT_BYTES)


def read_input_bytes(path: Path, *, limit: int) -> bytes:
    """The bytes of input file `path`, checked with ``stat`` first so a bad path never hangs.

    Raises InputError (source = `path` as given) when it does not exist, is a directory or
    not a regular file (pipe, socket, device), or is larger than `limit` bytes; OSError for
    other failures (permissions).
    """
    name = str(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise InputError("no such file", source=name) from None
    except NotADirectoryError:
        raise InputError("no such file (a parent is not a directory)", source=name) from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError("is a directory, not a regular file", source=name)
    if not stat.S_ISREG(info.st_mode):
        raise InputError("not a regular file (a pipe, socket or device)", source=name)
    if info.st_size > limit:
        raise _too_large(name, info.st_size, limit)
    with path.open("rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:  # it grew after stat
        raise _too_large(name, len(data), limit)
    return data


def read_input_text(path: Path, *, limit: int) -> str:
    """The UTF-8 text (BOM allowed) of input file `path`; InputError as `read_input_bytes`, or
    naming the first byte that is not UTF-8."""
    try:
        return read_input_bytes(path, limit=limit).decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(f"not UTF-8 text (byte {error.start})", source=str(path)) from None


def _too_large(name: str, size: int, limit: int) -> InputError:
    return InputError(
        f"file is {size / _MB:.1f} MB; the limit is {limit / _MB:g} MB", source=name
    )


def write_output(target: Path, data: bytes, *, protect: Path) -> None:
    """Write `data` to `target` atomically; refuse when `target` is the file `protect`.

    Raises InputError when `target` is `protect` (the input script) or a directory;
    OSError when the folder is missing or not writable.
    """
    if target.is_dir():
        raise InputError("is a directory; give a file name with --out", source=str(target))
    if _same_file(target, protect):
        raise InputError("refusing to overwrite the input script", source=str(target))
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        temporary.write_bytes(data)
        temporary.replace(target)
    except OSError as error:
        with contextlib.suppress(OSError):
            temporary.unlink()
        error.filename = str(target)
        raise


def _same_file(a: Path, b: Path) -> bool:
    """Whether `a` and `b` name the same existing file."""
    try:
        return a.exists() and b.exists() and a.samefile(b)
    except OSError:
        return False
