"""Random talent instances shared by the talent tests: a Hypothesis strategy of small ones and
a seeded generator of larger ones."""

from __future__ import annotations

import random

from hypothesis import strategies as st

from lynchpin.engine.scheduling.talent import TalentInstance


def talent_instances(max_scenes: int, max_actors: int) -> st.SearchStrategy[TalentInstance]:
    """Instances of 1..`max_scenes` scenes (1 to 4 days each) and 1..`max_actors` actors
    (0 to 9 a day), each scene needing any subset of them."""

    @st.composite
    def build(draw: st.DrawFn) -> TalentInstance:
        n = draw(st.integers(1, max_scenes))
        m = draw(st.integers(1, max_actors))
        cast = tuple(frozenset(draw(st.sets(st.integers(0, m - 1), max_size=m))) for _ in range(n))
        return TalentInstance(
            name="random",
            durations=tuple(draw(st.integers(1, 4)) for _ in range(n)),
            costs=tuple(draw(st.integers(0, 9)) for _ in range(m)),
            cast=cast,
        )

    return build()


def seeded_instance(scenes: int, actors: int, seed: int) -> TalentInstance:
    """Seeded random instance: each actor in each scene with probability 0.3 (and in at least
    one scene, usually two), durations 1..5, costs 1..100."""
    rng = random.Random(seed)
    cast = [{a for a in range(actors) if rng.random() < 0.3} for _ in range(scenes)]
    for actor in range(actors):
        cast[rng.randrange(scenes)].add(actor)
        cast[rng.randrange(scenes)].add(actor)
    return TalentInstance(
        name=f"random_{scenes}_{actors}_{seed}",
        durations=tuple(rng.randint(1, 5) for _ in range(scenes)),
        costs=tuple(rng.randint(1, 100) for _ in range(actors)),
        cast=tuple(frozenset(c) for c in cast),
    )
