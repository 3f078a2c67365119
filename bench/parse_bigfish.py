"""Parse + paginate Big Fish (.fountain and .fdx) against screenplain parsing the .fountain.

Target (issue 2): Lynchpin's parse + paginate of both files together takes less time than
screenplain 0.12.0 takes to parse the .fountain alone. Prints both timings and their ratio,
measured in one interleaved run. Needs ../shared/corpus and the `bench` extra (screenplain).
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from bench.timing import interleaved
from lynchpin.engine.screenplay.paginate import paginate
from lynchpin.engine.screenplay.read import read_script

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


def main() -> int:
    """Run the benchmark; return a process exit code (1 when the target is missed)."""
    fountain = (CORPUS / "big-fish.fountain").read_bytes()
    fdx = (CORPUS / "big-fish.fdx").read_bytes()
    try:
        from screenplain.parsers import fountain as screenplain_fountain
    except ImportError:
        print("screenplain is not installed: pip install -e '.[bench]'", file=sys.stderr)
        return 2
    fountain_text = fountain.decode("utf-8-sig")

    def ours() -> None:
        paginate(read_script(fountain, name="big-fish.fountain"))
        paginate(read_script(fdx, name="big-fish.fdx"))

    def theirs() -> None:
        screenplain_fountain.parse(io.StringIO(fountain_text))

    timings = interleaved({"lynchpin fountain+fdx": ours, "screenplain fountain": theirs})
    for t in timings.values():
        print(f"  {t.label:<28} best {t.best_ms:8.2f} ms   median {t.median_ms:8.2f} ms")
    ratio = timings["lynchpin fountain+fdx"].median_ms / timings["screenplain fountain"].median_ms
    print(f"  ratio lynchpin/screenplain (median): {ratio:.2f}  (target < 1.00)")
    return 0 if ratio < 1.0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
