"""Print how Lynchpin's pagination agrees with Final Draft on the shared corpus.

Usage: ``.venv/bin/python bench/pagination_agreement.py [corpus-dir]`` (default
``../shared/corpus``). Prints one row per file: body pages ours vs Final Draft, and for files
with stored SceneProperties lengths the share of scenes within 1/8 and 2/8; then the Big Fish
comparison against the Final Draft 11 print's measured scene positions; then timings.
"""

from __future__ import annotations

import difflib
import json
import sys
import time
from pathlib import Path

from lynchpin.engine.screenplay.model import Script
from lynchpin.engine.screenplay.paginate import Pagination, paginate
from lynchpin.engine.screenplay.read import read_script

REPO = Path(__file__).resolve().parent.parent
FD_PAGES = {
    "big-fish.fountain": 127,
    "big-fish.fdx": 127,
    "vikings.fountain": 113,
    "vikings.fdx": 113,
    "gumshoe.fountain": 37,
    "gumshoe.fdx": 37,
    "brick-and-steel.fountain": 4,
    "brick-and-steel.fdx": 4,
    "extranormal.fdx": 2,
}
STORED = ("farmland.fdx", "national-stupidity.fdx", "extranormal.fdx")


def load(corpus: Path, name: str) -> Script:
    return read_script((corpus / name).read_bytes(), name=name)


def stored_agreement(script: Script, result: Pagination) -> tuple[int, int, int, int, int, int]:
    """(scenes compared, exact, within 1/8, within 2/8, our total, Final Draft total)."""
    pairs = [
        (scene.stored_length, ours.eighths)
        for scene, ours in zip(script.scenes, result.scenes, strict=True)
        if scene.stored_length is not None
    ]
    exact = sum(a == b for a, b in pairs)
    w1 = sum(abs(a - b) <= 1 for a, b in pairs)
    w2 = sum(abs(a - b) <= 2 for a, b in pairs)
    return len(pairs), exact, w1, w2, sum(b for _, b in pairs), sum(a for a, _ in pairs)


def big_fish_positions(corpus: Path, name: str) -> str:
    """Share of Big Fish scenes whose start page matches the FD 11 print, and spans within 1/8."""
    ref = json.loads(
        (corpus / "reference" / "big-fish.finaldraft11.scene-positions.json").read_text("utf-8")
    )["scenes"]
    script = load(corpus, name)
    result = paginate(script)

    def norm(text: str) -> str:
        return " ".join(text.upper().split())

    ours = [norm(s.heading.text) for s in script.scenes]
    theirs = [norm(r[0]) for r in ref]
    matcher = difflib.SequenceMatcher(None, ours, theirs, autojunk=False)
    pairs = [
        (i, j)
        for tag, i1, i2, j1, _ in matcher.get_opcodes()
        if tag == "equal"
        for i, j in zip(range(i1, i2), range(j1, j1 + i2 - i1), strict=True)
    ]
    page = sum(result.scenes[i].page == ref[j][1] - 1 for i, j in pairs)
    span = sum(abs(result.scenes[i].lines * 8 / 54 - ref[j][4]) <= 1 for i, j in pairs)
    n = len(pairs)
    return f"| {name} | {n} of {len(ref)} | {page / n:.1%} | {span / n:.1%} |"


def main() -> None:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO.parent / "shared" / "corpus"
    print(
        "| file | pages ours | pages FD | scenes | exact | within 1/8 | within 2/8 "
        "| eighths ours/FD |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for name in sorted(set(FD_PAGES) | set(STORED)):
        script = load(corpus, name)
        result = paginate(script)
        fd = FD_PAGES.get(name, "")
        cells = ["", "", "", "", ""]
        if name in STORED:
            n, exact, w1, w2, ours, theirs = stored_agreement(script, result)
            cells = [str(n), str(exact), f"{w1} ({w1 / n:.0%})", f"{w2} ({w2 / n:.0%})"]
            cells.append(f"{ours}/{theirs}")
        print(f"| {name} | {result.pages} | {fd} | " + " | ".join(cells) + " |")
    print()
    print("| Big Fish vs FD 11 print | scenes aligned | start page matches | span within 1/8 |")
    print("|---|---|---|---|")
    for name in ("big-fish.fountain", "big-fish.fdx"):
        print(big_fish_positions(corpus, name))
    print()
    data = {n: (corpus / n).read_bytes() for n in ("big-fish.fountain", "big-fish.fdx")}
    runs = 20
    start = time.perf_counter()
    for _ in range(runs):
        for file_name, raw in data.items():
            paginate(read_script(raw, name=file_name))
    both = (time.perf_counter() - start) / runs * 1000
    scripts = [read_script(raw, name=file_name) for file_name, raw in data.items()]
    start = time.perf_counter()
    for _ in range(runs):
        for script in scripts:
            paginate(script)
    only = (time.perf_counter() - start) / runs * 1000
    print(f"Big Fish .fountain + .fdx: parse + paginate {both:.1f} ms, paginate only {only:.1f} ms")


if __name__ == "__main__":
    main()
