"""The CP-SAT model of the schedule optimiser (see docs/scheduling/optimiser.md).

Variables: x[s, d] strip s on candidate day d; used[d] (one run of consecutive days, or any
days when idle days are allowed); per day and location vis/first/mid/last booleans (at most
`MAX_LOCATIONS_PER_DAY` = 3 locations a day, see `solver_route`); work[p, d] per performer,
first/last work day, dropped days (and idle days, see `solver_idle`). The objective is in
integer units of `scale` per minor unit (cents x scale, scale chosen so that an overtime
minute costs a whole number) and agrees with `costing.schedule_cost` at tight solutions.

Hard rules can be switched by a literal (`Model.rule(name)`) so that an infeasible problem can
be diagnosed with assumptions.
"""

from __future__ import annotations

from typing import Any

from lynchpin.engine.money import Money
from lynchpin.engine.scheduling.dood_codes import max_drops
from lynchpin.engine.scheduling.model import Performer, Strip
from lynchpin.engine.scheduling.solver_bound import counting_bound
from lynchpin.engine.scheduling.solver_core import (
    Model,
    both,
    flag,
    objective_scale,
    special_pairs,
    strips_by_day,
)
from lynchpin.engine.scheduling.solver_idle import carried_moves, idle_days_in_span
from lynchpin.engine.scheduling.solver_input import (
    NIGHT_PARTS,
    SolveSpec,
    candidate_days,
    turnaround_broken,
)
from lynchpin.engine.scheduling.solver_route import day_route, in_day_minutes


def _assignment(model: Model, candidates: dict[str, tuple[int, ...]]) -> None:
    cp = model.cp
    for strip_id, days in candidates.items():
        for day in days:
            model.x[strip_id, day] = cp.new_bool_var(f"x[{strip_id},{day}]")
        cp.add_exactly_one(model.x[strip_id, day] for day in days)
    for day, strip_ids in enumerate(strips_by_day(model)):
        if day in model.spec.forced_used:
            model.used.append(cp.new_constant(1))
            continue
        used = cp.new_bool_var(f"used[{day}]")
        model.used.append(used)
        for strip_id in strip_ids:
            cp.add_implication(model.x[strip_id, day], used)
        cp.add(used <= sum(model.x[s, day] for s in strip_ids))
    if not model.spec.idle_days_allowed:
        _contiguous(model)
    # Redundant, for the bound: enough days for all the strips' minutes.
    minutes = sum(strip.minutes for strip in model.spec.problem.strips)
    cp.add(sum(model.used) * model.spec.problem.capacity.max_minutes >= minutes)
    model.terms += [(model.money(model.spec.problem.crew_daily_cost), u) for u in model.used]


def _contiguous(model: Model) -> None:
    """Used days form one run (no idle shoot day inside the schedule): used = started and
    not ended, both monotone. Holds then span last - first + 1 used days."""
    cp = model.cp
    started = [cp.new_bool_var(f"started[{d}]") for d in range(len(model.used))]
    ended = [cp.new_bool_var(f"ended[{d}]") for d in range(len(model.used))]
    for day, used in enumerate(model.used):
        cp.add(used == started[day] - ended[day])
        if day:
            cp.add(started[day] >= started[day - 1])
            cp.add(ended[day] >= ended[day - 1])


def _day_locations(model: Model, day: int, strip_ids: list[str]) -> dict[str, Any]:
    """The day's route (visit and role booleans) and its location-day costs."""
    strips = {s.id: s for s in model.spec.problem.strips}
    costs = {loc.id: loc.daily_cost for loc in model.spec.problem.locations}
    by_location: dict[str, list[str]] = {}
    for strip_id in strip_ids:
        by_location.setdefault(strips[strip_id].location, []).append(strip_id)
    visits = day_route(model, day, by_location)
    model.terms += [(model.money(costs[loc]), visit) for loc, visit in visits.items()]
    return visits


def _between_days(model: Model, day: int, today: dict[str, Any], tomorrow: dict[str, Any]) -> None:
    """Cost of moving from the last location of `day` to the first of the next day."""
    problem = model.spec.problem
    default = model.money(problem.rules.default_move_cost or Money.zero(problem.currency))
    special = special_pairs(model, True)
    if not default and not special:
        return
    stays = [both(model, model.last[loc, day], model.first[loc, day + 1], f"stay[{loc},{day}]")
             for loc in today if loc in tomorrow]
    model.terms.append((default, model.used[day + 1] - sum(stays)))
    for (a, b), extra in special.items():
        for here, there in ((a, b), (b, a)):
            if here in today and there in tomorrow:
                moved = both(model, model.last[here, day], model.first[there, day + 1],
                              f"move[{here},{there},{day}]")
                model.terms.append((extra, moved))


def _locations_and_moves(model: Model) -> list[Any]:
    """Location days, between-day moves; returns each day's in-day move minutes."""
    visits = [_day_locations(model, d, ids) for d, ids in enumerate(strips_by_day(model))]
    if model.spec.idle_days_allowed:
        carried_moves(model, visits)
    else:
        for day in range(len(visits) - 1):
            _between_days(model, day, visits[day], visits[day + 1])
    model.visits = visits
    return [in_day_minutes(model, day, v) for day, v in enumerate(visits)]


def _capacity(model: Model, in_day: list[Any]) -> None:
    cp, problem = model.cp, model.spec.problem
    capacity = problem.capacity
    strips = {s.id: s for s in problem.strips}
    per_minute = problem.overtime_hourly_cost.in_minor_units() * model.scale // 60
    overtimes = []
    for day, strip_ids in enumerate(strips_by_day(model)):
        if not strip_ids:
            continue
        load = sum(strips[s].minutes * model.x[s, day] for s in strip_ids) + in_day[day]
        model.enforce(cp.add(load <= capacity.max_minutes), "day length (max minutes)")
        if capacity.max_eighths is not None:
            pages = sum(strips[s].eighths * model.x[s, day] for s in strip_ids)
            model.enforce(cp.add(pages <= capacity.max_eighths), "day page count (max eighths)")
        if capacity.max_minutes > capacity.standard_minutes:
            overtime = cp.new_int_var(0, capacity.max_minutes, f"ot[{day}]")
            cp.add_max_equality(overtime, [load - capacity.standard_minutes, 0])
            model.terms.append((per_minute, overtime))
            overtimes.append(overtime)
    if overtimes:
        # Redundant, for the bound: the minutes the used days' standard length cannot hold.
        minutes = sum(strip.minutes for strip in problem.strips)
        cp.add(sum(overtimes) >= minutes - capacity.standard_minutes * sum(model.used))


def _work(model: Model, performer: Performer, strips: list[Strip]) -> dict[int, Any]:
    cp = model.cp
    work: dict[int, Any] = {}
    for day in sorted({d for s in strips for d in model.candidates[s.id]}):
        on_day = [model.x[s.id, day] for s in strips if (s.id, day) in model.x]
        work[day] = cp.new_bool_var(f"work[{performer.id},{day}]")
        cp.add_max_equality(work[day], on_day)
    if performer.max_minutes is not None:
        for day in work:
            load = sum(s.minutes * model.on(s.id, day) for s in strips)
            model.enforce(cp.add(load <= performer.max_minutes), f"{performer.id} max minutes")
    return work


def _paid_days(model: Model, performer: Performer, work: dict[int, Any],
               reach: tuple[int, int]) -> Any:
    """Paid days of one performer, as `engagement.paid_spans` counts them: span minus dropped
    (and idle) days, plus travel back in for each pick-up; work days for day players.
    `reach`: (latest first candidate day of their strips, earliest last candidate day)."""
    cp = model.cp
    if not performer.holds_allowed:
        return sum(work.values())
    low, high = min(work), max(work)
    first = cp.new_int_var(low, high, f"first[{performer.id}]")
    last = cp.new_int_var(low, high, f"last[{performer.id}]")
    for day, literal in work.items():
        cp.add(first <= day).only_enforce_if(literal)
        cp.add(last >= day).only_enforce_if(literal)
    row = [work.get(day, cp.new_constant(0)) for day in range(high + 1)]
    cp.add_element(first, row, 1)
    cp.add_element(last, row, 1)
    paid = last - first + 1
    if performer.drop_pickup_allowed:
        dropped = _dropped(model, performer, work, first, last)
        paid += performer.travel_days * _pickups(model, performer, work, dropped) - sum(
            dropped.values())
    if model.spec.idle_days_allowed:
        paid -= sum(idle_days_in_span(model, performer.id, work, first, last))
    # Redundant, for the bound: every strip of theirs is shot inside the span, and a span
    # pays at least the work days.
    cp.add(first <= reach[1])
    cp.add(last >= reach[0])
    cp.add(last >= first)
    cp.add(paid >= sum(work.values()))
    return paid


def _dropped(model: Model, performer: Performer, work: dict[int, Any], first: Any,
             last: Any) -> dict[int, Any]:
    """Booleans for shoot days inside a dropped gap: strictly inside the span, not worked,
    and no two work days around them closer than the drop gap (calendar days between)."""
    cp, days = model.cp, model.spec.days
    result = {}
    for day in range(min(work) + 1, max(work)):
        dropped = cp.new_bool_var(f"drop[{performer.id},{day}]")
        cp.add(first < day).only_enforce_if(dropped)
        cp.add(last > day).only_enforce_if(dropped)
        if day in work:
            cp.add_implication(dropped, ~work[day])
        if model.spec.idle_days_allowed and day not in model.spec.forced_used:
            cp.add_implication(dropped, model.used[day])  # an idle day is not a dropped day
        for before in (d for d in work if d < day):
            for after in (d for d in work if d > day):
                between = (days[after].date - days[before].date).days - 1
                if between <= performer.drop_min_gap_days:
                    cp.add_bool_or([~dropped, ~work[before], ~work[after]])
        result[day] = dropped
    return result


def _pickups(model: Model, performer: Performer, work: dict[int, Any],
             dropped: dict[int, Any]) -> Any:
    """Number of dropped gaps (runs of dropped days, idle days not breaking a run), at most
    `max_drops()`: `inrun[d]` is true when day d is dropped or idle after a dropped day."""
    cp = model.cp
    previous: Any = 0
    starts = []
    for day, drop in dropped.items():
        inrun = cp.new_bool_var(f"inrun[{performer.id},{day}]")
        start = cp.new_bool_var(f"pickup[{performer.id},{day}]")
        used = 1 if day in model.spec.forced_used else model.used[day]
        cp.add(inrun >= drop)
        cp.add(inrun <= drop + previous)
        cp.add(inrun <= drop + 1 - used)
        cp.add(start >= drop - previous)
        starts.append(start)
        previous = inrun
    cp.add(sum(starts) <= max_drops())
    return sum(starts)


def _performers(model: Model) -> dict[str, dict[int, Any]]:
    problem = model.spec.problem
    works: dict[str, dict[int, Any]] = {}
    for performer in problem.performers:
        strips = [s for s in problem.strips if performer.id in (*s.cast, *s.elements)]
        if not strips:
            continue
        works[performer.id] = _work(model, performer, strips)
        reach = (max(model.candidates[s.id][0] for s in strips),
                 min(model.candidates[s.id][-1] for s in strips))
        paid = _paid_days(model, performer, works[performer.id], reach)
        rate = model.money(performer.daily_rate)
        model.terms.append((rate, paid))
        model.constant += rate * performer.travel_days  # travel in before the start
    return works


def _day_var(model: Model, strip_id: str) -> Any:
    return sum(d * model.x[strip_id, d] for d in model.candidates[strip_id])


def _precedences(model: Model) -> None:
    strips = {s.id: s for s in model.spec.problem.strips}
    for a, b in model.spec.problem.rules.precedences:
        name = f"precedence {a} before {b}"
        model.enforce(model.cp.add(_day_var(model, a) <= _day_var(model, b)), name)
        if strips[a].location == strips[b].location:
            continue  # the order inside a location block is free
        for day in range(len(model.spec.days)):
            if (a, day) in model.x and (b, day) in model.x:
                both = [model.x[a, day], model.x[b, day]]
                # a's location before b's: a is not last, b is not first
                ends = [~model.last[strips[a].location, day],
                        ~model.first[strips[b].location, day]]
                together = model.cp.add_bool_and(ends)
                together.only_enforce_if(both)
                model.enforce(together, name)


def _same_day(model: Model) -> None:
    for group in model.spec.problem.rules.same_day:
        name = "same day " + ", ".join(group)
        for day in range(len(model.spec.days)):
            for other in group[1:]:
                model.enforce(model.cp.add(model.on(group[0], day) == model.on(other, day)), name)


def _turnarounds(model: Model) -> None:
    """Forbid a night-wrap day followed by a day-call day when the rest is too short
    (crew rest for the company; cast rest for a performer working both days)."""
    problem = model.spec.problem
    by_day = strips_by_day(model)
    strips = {s.id: s for s in problem.strips}
    rules = problem.rules
    for day in range(len(by_day) - 1):
        groups: list[tuple[str, list[str], list[str]]] = []
        nights = [s for s in by_day[day] if strips[s].day_part in NIGHT_PARTS]
        mornings = [s for s in by_day[day + 1] if strips[s].day_part not in NIGHT_PARTS]
        if turnaround_broken(model.spec, day, rules.crew_rest_hours):
            groups.append(("crew", nights, mornings))
        elif turnaround_broken(model.spec, day, rules.cast_rest_hours):
            for performer in problem.performers:
                groups.append((performer.id,
                               [s for s in nights if performer.id in strips[s].cast],
                               [s for s in mornings if performer.id in strips[s].cast]))
        for who, late, early in groups:
            if late and early:
                night = flag(model, [model.x[s, day] for s in late], f"night[{who},{day}]")
                morning = flag(model, [model.x[s, day + 1] for s in early],
                                f"morning[{who},{day + 1}]")
                model.enforce(model.cp.add_bool_or([~night, ~morning]),
                              "turnaround (rest period)")


def _penalties(model: Model) -> None:
    for strip_id, (old_day, minor_units) in model.spec.penalties.items():
        penalty = minor_units * model.scale
        if old_day is None or (strip_id, old_day) not in model.x:
            model.constant += penalty
        else:
            model.terms.append((-penalty, model.x[strip_id, old_day]))
            model.constant += penalty


def build_model(spec: SolveSpec, *, diagnose: bool = False) -> Model:
    """Build the CP-SAT model of `spec`; raises `InputError` from the pre-checks."""
    candidates = candidate_days(spec)
    model = Model(spec, diagnose=diagnose, scale=objective_scale(spec), candidates=candidates)
    _assignment(model, candidates)
    in_day = _locations_and_moves(model)
    _capacity(model, in_day)
    works = _performers(model)
    model.simple_bound = counting_bound(model, model.visits, works)
    _precedences(model)
    _same_day(model)
    _turnarounds(model)
    _penalties(model)
    cost = sum(weight * term for weight, term in model.terms) + model.constant
    finish = _last_day_used(model)  # sets model.tiebreak
    model.objective = model.tiebreak * cost + finish
    model.cp.minimize(model.objective)
    return model


def _last_day_used(model: Model) -> Any:
    """Tie-break among equally cheap schedules: the earliest finish (idle days cost nothing,
    so without it a schedule could drift across the calendar). Below `tiebreak`, so
    objective // tiebreak is the cost exactly."""
    days = len(model.spec.days)
    model.tiebreak = days
    last = model.cp.new_int_var(0, days - 1, "last_day_used")
    for day, used in enumerate(model.used):
        model.cp.add(last >= day * used)
    return last
