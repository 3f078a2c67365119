"""A seeded, feature-length Fountain screenplay for load tests (`bench/web.py`).

`long_script(scenes, seed)` always returns the same text for the same arguments (only
`random.Random(seed)` is used). Shape: `scenes` numbered scenes over 25 sets (INT/EXT, DAY
or NIGHT), each with one to three action paragraphs naming props, vehicles and wardrobe the
breakdown lexicons know, and one to three exchanges between two of 30 named characters, so
that every scene has cast and suggested elements. A scene runs about 1/8 to 1 1/2 pages.
"""

from __future__ import annotations

import random

__all__ = ["long_script"]

_SETS = (
    "HARBOUR WALL", "FERRY - CAR DECK", "FERRY - BRIDGE", "FERRY - PASSENGER LOUNGE",
    "QUILL HOUSE - KITCHEN", "QUILL HOUSE - BACK GARDEN", "POLICE STATION - FRONT DESK",
    "POLICE STATION - INTERVIEW ROOM", "HOSPITAL - WARD", "HOSPITAL - CAR PARK", "FISH MARKET",
    "SLIPWAY", "COAST ROAD", "LIGHTHOUSE", "PUB - BAR", "PUB - BACK ROOM", "BUS SHELTER",
    "CHURCH HALL", "SCHOOL GATES", "BOATYARD", "FERRY TERMINAL - TICKET OFFICE",
    "FERRY TERMINAL - QUEUE LANES", "HILLTOP FARM", "CARAVAN PARK", "ISLAND PIER",
)
_NAMES = (
    "NELL", "ROSIE", "KEITH", "OWEN", "LIAM", "ED", "DOUGIE", "MORAG", "ANGUS", "FIONA",
    "CALUM", "ISLA", "EUAN", "KIRSTY", "HAMISH", "MAIRI", "FINLAY", "SHONA", "RUARIDH",
    "EILIDH", "LACHLAN", "CATRIONA", "GREGOR", "AILSA", "MALCOLM", "SEONAIDH", "NIALL",
    "ESME", "TORQUIL", "BRIDGET",
)
_ACTION = (
    "{a} checks a phone, then pockets the car keys.",
    "{a} drags a suitcase past a parked van.",
    "{a} pulls on a raincoat and a wool hat against the wind.",
    "A police car idles by the kerb. {a} watches it through binoculars.",
    "{a} sets a thermos and a torch on the table.",
    "Gulls scream overhead. {a} lifts a crate of fish onto a lorry.",
    "{a} unfolds a map across the bonnet of a camper van.",
    "{a} hands {b} an envelope and a brass key.",
    "Rain hammers the windows. {a} wipes a cut on one hand with a handkerchief.",
    "{a} counts coins into a wallet while {b} reads a newspaper.",
)
_LINES = (
    "We've got until the last sailing.",
    "You said that last week.",
    "Nobody goes down there after dark.",
    "Then we'll be the first.",
    "Keep your voice down.",
    "It's not about the boat. It was never about the boat.",
    "Give me ten minutes.",
    "I don't have ten minutes.",
)


def long_script(scenes: int = 200, seed: int = 1) -> str:
    """A Fountain screenplay of `scenes` numbered scenes (at least 1), deterministic in
    (`scenes`, `seed`). Raises ValueError when `scenes` < 1."""
    if scenes < 1:
        raise ValueError("a script needs at least one scene")
    rng = random.Random(seed)
    parts = [f"Title: Load Test {scenes}\nAuthor: Lynchpin benchmark (seed {seed})\n"]
    parts.extend(_scene(rng, number) for number in range(1, scenes + 1))
    return "\n".join(parts)


def _scene(rng: random.Random, number: int) -> str:
    """One scene: heading with its number, action paragraphs and dialogue exchanges."""
    place = rng.choice(("INT.", "EXT."))
    time = rng.choices(("DAY", "NIGHT"), weights=(7, 3))[0]
    heading = f"{place} {rng.choice(_SETS)} - {time} #{number}#"
    first, second = rng.sample(_NAMES, 2)
    lines = [heading, ""]
    for _ in range(rng.randint(1, 3)):
        text = rng.choice(_ACTION).format(a=first.title(), b=second.title())
        lines.extend((text, ""))
    for _ in range(rng.randint(1, 3)):
        for speaker in (first, second):
            lines.extend((speaker, rng.choice(_LINES), ""))
    return "\n".join(lines)
