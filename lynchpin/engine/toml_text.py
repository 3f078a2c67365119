"""Reading TOML text for the engine's human-written file formats (production, budget, ledger,
disruption).

One place decides how bad TOML is reported: `InputError` naming the source and, when the
parser says where, the line. Deeply nested input (tomllib recurses into nested arrays and
inline tables) is refused the same way instead of escaping as RecursionError.
"""

from __future__ import annotations

import re
import tomllib
from typing import Any

from lynchpin.engine.errors import InputError

_WHERE = re.compile(r" \(at line (\d+), column \d+\)$|\(at end of document\)$")


def load_toml(text: str, *, source: str = "") -> dict[str, Any]:
    """The TOML document `text` as a dict; InputError (with the line where known) when invalid."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        where = _WHERE.search(message)
        line = int(where.group(1)) if where and where.group(1) else None
        if where:
            message = message[: where.start()].rstrip()
        raise InputError(f"not valid TOML: {message}", source=source, line=line) from None
    except RecursionError:
        raise InputError("not valid TOML: nested too deeply", source=source) from None
