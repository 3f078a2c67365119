# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True
# cython: initializedcheck=False, nonecheck=False
"""Compiled inner loops of the talent solver, in C: the A* search (`talent_search._AStar`) with
the exact on-location bound (`talent_bound.TalentCore.exact_on_location`), the insertion local
search (`talent_heuristic.improve`) and the three-actor optima (`talent_triples._sub_optimum`).

Optional speed-up (see docs/decisions/0004-compiled-talent-search.md and 0005): the solver uses them
when this extension was built and the reduced instance fits (`talent_native.fits`: n < 64,
m <= 56, costs small enough for exact doubles and 32-bit heap keys), and the pure-Python code
otherwise. Both give identical results: the same states are expanded in the same order (the heap order (g + h, -g,
scene set) is a strict total order), the bound does the same floating-point operations in the
same order (IEEE doubles, no contraction into fused multiply-adds: see setup.py), the dominance
rules, the free-actor packing, the clock checks and the greedy dives (a call back into Python)
happen at the same expansions. Tests run both paths on the same instances.

The exact bound's calls share a direct-mapped residual memo (`talent_bound.ResidualMemo`: the
same slots, hash and replacement, so the same bounds in both paths); the compiled code also
prefetches a union's memo slot when it makes the union, and sums its bound over per-scene
weights (the same integers as the Python sum over the actors left).

Data: scene and actor sets are uint64 bitmasks (n < 64 scenes, m <= 56 actors); holding costs
are int64, below 2**31 (`talent_native.fits`: g + h fits the heap's 32-bit halves). See
`CompiledSearch` for the state table and the heap.
"""

from libc.math cimport ceil
from libc.stdint cimport int32_t, int64_t, uint32_t, uint64_t
from libc.stdlib cimport calloc, free, malloc
from libc.string cimport memcpy, memset
from posix.stdlib cimport posix_memalign


cdef extern from *:
    int __builtin_ctzll(unsigned long long) nogil
    void prefetch "__builtin_prefetch"(const void*) nogil


#: Float slack before rounding a bound up (the same as talent_bound.EPS).
cdef double EPS = 1e-6
#: Results of `CompiledSearch.run`.
GOAL = 0
STOPPED = 1
EXHAUSTED = 2


#: Key of an empty slot of the state table (no scene set has bit 63: n < 64).
cdef uint64_t EMPTY = 0xFFFFFFFFFFFFFFFF
#: The cast field keeps the actor set in its low 56 bits, the parent scene + 1 in bits 56-62
#: and in bit 63 whether the exact on-location bound is known (`EXACT`).
cdef uint64_t CAST_BITS = (<uint64_t>1 << 56) - 1
cdef uint64_t EXACT = <uint64_t>1 << 63
#: The bound field keeps the on-location actors' bound in its low 32 bits, the free actors'
#: bound in the high ones.
cdef int64_t LOW32 = 0xFFFFFFFF
#: The exact on-location bound's search stops at this many unions or heap entries (and returns
#: the bound proven so far): talent_bound.UNION_LIMIT and UNION_HEAP_LIMIT.
DEF UNION_LIMIT = 2048
DEF UNION_SLOTS = 4096
DEF UNION_HEAP_LIMIT = 32768
#: The residual memo (talent_bound.ResidualMemo): 2**MEMO_BITS direct-mapped entries, the
#: slot taken from bits 29 and up of the mixed key.
DEF MEMO_BITS = 20
DEF MEMO_SHIFT = 29
cdef uint64_t MEMO_LEFT_MIX = 0x9E3779B97F4A7C15
cdef uint64_t MEMO_SCENES_MIX = 0xC2B2AE3D27D4EB4F


cdef struct Node:
    uint64_t key  # remaining scenes; EMPTY for a free slot
    uint64_t cast  # cast of the remaining scenes | (parent scene + 1) << 56 (0: no parent)
    int64_t g  # best holding cost found to reach the state; -1: none yet
    int64_t h  # bound on the rest: on-location | free actors' << 32; -1: not computed yet


cdef struct Entry:
    uint64_t key  # f << 32 | (2**32 - 1 - g): ascending key = f ascending, then g descending
    uint64_t remaining


cdef struct Union:
    uint64_t key  # a union of remaining scene sets of actors on location
    int64_t g  # cheapest cost found to finish the actors whose sets it contains
    int64_t lb  # bound on the cost still to come
    int64_t finished  # daily cost of the actors whose sets it contains
    int64_t days  # its duration
    uint64_t left  # the actors not finished, until Smith's bound for them is added to lb
    int64_t base  # lb when made: each actor left finishing no earlier than its own scenes
    uint64_t rest  # the actors not finished (`left` when made)
    uint32_t stamp  # the call that wrote the record
    uint32_t closed


cdef struct Residual:
    uint64_t left  # actors on location (0: an empty entry)
    uint64_t scenes  # the scenes left, all of them needing some of these actors
    int64_t wait  # a lower bound on these actors' optimal holding cost over these scenes


cdef struct UnionEntry:
    int64_t f
    uint64_t key


cdef inline bint _union_before(UnionEntry* a, UnionEntry* b) noexcept nogil:
    if a.f != b.f:
        return a.f < b.f
    return a.key < b.key


cdef inline bint _before(Entry* a, Entry* b) noexcept nogil:
    """Heap order of the Python search: (f, -g, remaining) ascending; no two entries are equal."""
    if a.key != b.key:
        return a.key < b.key
    return a.remaining < b.remaining


cdef class CompiledSearch:
    """One A* search over a reduced instance (tables as in `talent_bound.TalentCore`).

    States sit in one open-addressing table of `Node`s (load at most 1/2, linear probing); the
    open list is a 4-ary heap of `Entry`s (the actors already started are recomputed from the
    scene set when an entry is popped: the cast of the scenes shot).
    """

    cdef int n, m, triple_count
    cdef uint64_t full
    cdef uint64_t masks[64]
    cdef int64_t durations[64]
    cdef int64_t costs[64]
    cdef uint64_t superset_of[64]
    cdef int64_t* triple_value
    cdef uint64_t* triple_mask
    cdef int64_t* free_cache
    cdef Node* table
    cdef uint64_t table_mask
    cdef int64_t node_count, with_g
    cdef Entry* heap
    cdef void* heap_block
    cdef int64_t heap_size, heap_capacity
    cdef uint64_t scenes_of[64]
    cdef int64_t day_table[8][256]
    # workspace of the exact on-location bound: distinct scene sets, unions, their heap
    cdef uint64_t sets[64]
    cdef uint64_t set_actors[64]
    cdef int64_t set_weights[64]
    cdef int set_count
    # the remaining scenes grouped by their on-location actors (with cost sum and spread)
    cdef uint64_t group_actors[64]
    cdef int64_t group_days[64]
    cdef int64_t group_total[64]
    cdef double group_spread[64]
    cdef double group_weight[64]  # days * spread (the group's correction term)
    cdef double group_unit[64]  # days / total (each of its actors' share of it)
    cdef int group_count
    cdef int64_t scene_weight[64]  # days times the cost of its actors on location, per scene
    cdef Union* unions
    cdef UnionEntry* union_heap
    cdef int64_t union_heap_size
    cdef uint32_t generation
    # the residual memo and the unions whose residual was looked up in the current call
    cdef Residual* memo
    cdef uint64_t everything
    cdef Union* looked[UNION_SLOTS]
    cdef int looked_count

    def __cinit__(self):
        self.triple_value = NULL
        self.triple_mask = NULL
        self.free_cache = NULL
        self.table = NULL
        self.heap = NULL
        self.heap_block = NULL
        self.unions = NULL
        self.union_heap = NULL
        self.memo = NULL

    def __init__(self, masks, durations, costs, supersets, triples):
        """`supersets[i]`: scenes whose cast contains scene i's; `triples`: (value, mask) sorted."""
        cdef int i, j, k
        self.n = len(masks)
        self.m = len(costs)
        if self.n >= 64 or self.m > 56:
            raise ValueError("CompiledSearch: at most 63 scenes and 56 actors")
        self.full = (<uint64_t>1 << self.n) - 1
        for i in range(self.n):
            self.masks[i] = masks[i]
            self.durations[i] = durations[i]
            self.superset_of[i] = 0
            for j in supersets[i]:
                self.superset_of[i] |= <uint64_t>1 << <int>j
        for i in range(self.m):
            self.costs[i] = costs[i]
            self.scenes_of[i] = 0
            for j in range(self.n):
                if self.masks[j] >> i & 1:
                    self.scenes_of[i] |= <uint64_t>1 << j
        for i in range(8):
            for j in range(256):
                self.day_table[i][j] = 0
                for k in range(8):
                    if j >> k & 1 and 8 * i + k < self.n:
                        self.day_table[i][j] += self.durations[8 * i + k]
        self.unions = <Union*>malloc(UNION_SLOTS * sizeof(Union))
        self.union_heap = <UnionEntry*>malloc(UNION_HEAP_LIMIT * sizeof(UnionEntry))
        # zeroed pages come from the system on first touch: small searches pay little
        self.memo = <Residual*>calloc(<size_t>1 << MEMO_BITS, sizeof(Residual))
        if self.unions == NULL or self.union_heap == NULL or self.memo == NULL:
            raise MemoryError()
        for i in range(UNION_SLOTS):
            self.unions[i].stamp = 0
        self.generation = 0
        self.triple_count = len(triples)
        self.triple_value = <int64_t*>malloc(max(1, self.triple_count) * sizeof(int64_t))
        self.triple_mask = <uint64_t*>malloc(max(1, self.triple_count) * sizeof(uint64_t))
        if self.triple_value == NULL or self.triple_mask == NULL:
            raise MemoryError()
        for i in range(self.triple_count):
            self.triple_value[i] = triples[i][0]
            self.triple_mask[i] = triples[i][1]
        if self.m <= 20:  # packings cached per actor set (at most 8 MB)
            self.free_cache = <int64_t*>malloc((<size_t>1 << self.m) * sizeof(int64_t))
            if self.free_cache == NULL:
                raise MemoryError()
            memset(self.free_cache, 0xFF, (<size_t>1 << self.m) * sizeof(int64_t))
        self.table_mask = 4095
        self.table = <Node*>malloc((self.table_mask + 1) * sizeof(Node))
        if self.table == NULL:
            raise MemoryError()
        self.heap_capacity = 0
        self._grow_heap()
        memset(self.table, 0xFF, (self.table_mask + 1) * sizeof(Node))
        self.node_count = 0
        self.with_g = 0
        self.heap_size = 0

    def __dealloc__(self):
        free(self.triple_value)
        free(self.triple_mask)
        free(self.free_cache)
        free(self.table)
        free(self.heap_block)
        free(self.unions)
        free(self.union_heap)
        free(self.memo)

    @property
    def states(self):
        """Scene sets seen so far (with a bound or a best cost)."""
        return self.node_count

    # --- states -------------------------------------------------------------------------------

    cdef inline uint64_t _slot(self, uint64_t key) noexcept nogil:
        return ((key * <uint64_t>0x9E3779B97F4A7C15) >> 20) & self.table_mask

    cdef inline Node* _find(self, uint64_t key) noexcept nogil:
        """The state `key`, or NULL."""
        cdef uint64_t at = self._slot(key)
        while True:
            if self.table[at].key == key:
                return &self.table[at]
            if self.table[at].key == EMPTY:
                return NULL
            at = (at + 1) & self.table_mask

    cdef Node* _add(self, uint64_t key) except NULL:
        """A new state `key` (not present): no g, no bound. Other Node pointers become invalid."""
        cdef uint64_t at
        if (self.node_count + 1) * 2 > <int64_t>(self.table_mask + 1):
            self._grow()
        self.node_count += 1
        at = self._slot(key)
        while self.table[at].key != EMPTY:
            at = (at + 1) & self.table_mask
        self.table[at].key = key
        self.table[at].cast = 0
        self.table[at].g = -1
        self.table[at].h = -1
        return &self.table[at]

    cdef int _grow(self) except -1:
        """Double the table and re-insert every state."""
        cdef uint64_t old_size = self.table_mask + 1, size = 2 * old_size, i, at
        cdef Node* old = self.table
        cdef Node* table = <Node*>malloc(size * sizeof(Node))
        if table == NULL:
            raise MemoryError()
        memset(table, 0xFF, size * sizeof(Node))
        self.table = table
        self.table_mask = size - 1
        for i in range(old_size):
            if old[i].key != EMPTY:
                at = self._slot(old[i].key)
                while self.table[at].key != EMPTY:
                    at = (at + 1) & self.table_mask
                self.table[at] = old[i]
        free(old)
        return 0

    # --- heap (4-ary) -------------------------------------------------------------------------

    cdef int _grow_heap(self) except -1:
        """Double the heap. Entry k sits at slot k + 3 of a 64-byte aligned block, so that the
        four children 4k + 1 .. 4k + 4 of an entry share one cache line."""
        cdef int64_t capacity = 2 * self.heap_capacity if self.heap_capacity else 1024
        cdef void* block = NULL
        if posix_memalign(&block, 64, (capacity + 4) * sizeof(Entry)) != 0:
            raise MemoryError()
        if self.heap_size:
            memcpy(<Entry*>block + 3, self.heap, self.heap_size * sizeof(Entry))
        free(self.heap_block)
        self.heap_block = block
        self.heap = <Entry*>block + 3
        self.heap_capacity = capacity
        return 0

    cdef int _push(self, int64_t f, int64_t g, uint64_t remaining) except -1:
        cdef Entry item
        cdef int64_t at, up
        if self.heap_size == self.heap_capacity:
            self._grow_heap()
        item.key = (<uint64_t>f << 32) | (<uint64_t>0xFFFFFFFF - <uint64_t>g)
        item.remaining = remaining
        at = self.heap_size
        self.heap_size += 1
        while at > 0:
            up = (at - 1) >> 2
            if not _before(&item, &self.heap[up]):
                break
            self.heap[at] = self.heap[up]
            at = up
        self.heap[at] = item
        return 0

    cdef Entry _pop(self) noexcept nogil:
        cdef Entry top = self.heap[0]
        cdef Entry last
        cdef int64_t at = 0, child, first, stop
        self.heap_size -= 1
        if self.heap_size == 0:
            return top
        last = self.heap[self.heap_size]
        while True:
            first = 4 * at + 1
            if first >= self.heap_size:
                break
            stop = min(first + 4, self.heap_size)
            child = first
            for first in range(first + 1, stop):
                if _before(&self.heap[first], &self.heap[child]):
                    child = first
            if not _before(&self.heap[child], &last):
                break
            self.heap[at] = self.heap[child]
            at = child
        self.heap[at] = last
        return top

    # --- costs and bounds (as talent_bound.TalentCore and talent_triples.FreeActorBound) -------

    cdef inline int64_t _cost_of(self, uint64_t actors) noexcept nogil:
        cdef int64_t total = 0
        while actors:
            total += self.costs[__builtin_ctzll(actors)]
            actors &= actors - 1
        return total

    cdef int64_t _free_bound(self, uint64_t actors) noexcept nogil:
        """Greedy packing of disjoint triples inside `actors`, heaviest first (cached)."""
        cdef int64_t total
        cdef uint64_t free_actors = actors
        cdef int i
        if self.free_cache != NULL and self.free_cache[actors] >= 0:
            return self.free_cache[actors]
        total = 0
        for i in range(self.triple_count):
            if self.triple_mask[i] & free_actors == self.triple_mask[i]:
                total += self.triple_value[i]
                free_actors &= ~self.triple_mask[i]
        if self.free_cache != NULL:
            self.free_cache[actors] = total
        return total

    cdef int64_t _on_location_bound(
        self, uint64_t remaining, uint64_t started, uint64_t* cast_out
    ) noexcept nogil:
        """TalentCore.bound_and_cast: the same operations in the same order."""
        cdef uint64_t presents[64]
        cdef int64_t days[64]
        cdef double share[64]
        cdef int order[64]
        cdef int kinds = 0, i, j, scene, a, count
        cdef uint64_t cast = 0, present, mask, bits, everyone
        cdef int64_t total, squares
        cdef double correction = 0.0, spread, unit, elapsed, value, key
        while remaining:
            scene = __builtin_ctzll(remaining)
            remaining &= remaining - 1
            mask = self.masks[scene]
            cast |= mask
            present = mask & started
            if present:
                for i in range(kinds):
                    if presents[i] == present:
                        days[i] += self.durations[scene]
                        break
                else:
                    presents[kinds] = present
                    days[kinds] = self.durations[scene]
                    kinds += 1
        cast_out[0] = cast
        if kinds == 0:
            return 0
        for a in range(self.m):
            share[a] = 0.0
        for i in range(kinds):
            total = 0
            squares = 0
            bits = presents[i]
            while bits:
                a = __builtin_ctzll(bits)
                bits &= bits - 1
                total += self.costs[a]
                squares += self.costs[a] * self.costs[a]
            spread = (<double>total + <double>squares / <double>total) / 2.0
            correction += <double>days[i] * spread
            unit = <double>days[i] / <double>total
            bits = presents[i]
            while bits:
                share[__builtin_ctzll(bits)] += unit
                bits &= bits - 1
        # Smith's rule: on-location actors by share ascending, ties by index (a stable sort)
        everyone = started & cast
        count = 0
        while everyone:
            a = __builtin_ctzll(everyone)
            everyone &= everyone - 1
            key = share[a]
            j = count
            while j > 0 and key < share[order[j - 1]]:
                order[j] = order[j - 1]
                j -= 1
            order[j] = a
            count += 1
        elapsed = 0.0
        value = 0.0
        for i in range(count):
            a = order[i]
            elapsed += share[a] * <double>self.costs[a]
            value += <double>self.costs[a] * elapsed
        value = ceil(value - correction - EPS)
        return <int64_t>value if value > 0 else 0

    # --- the exact bound for the actors on location (TalentCore.exact_on_location) ----------

    cdef inline int64_t _days(self, uint64_t scenes) noexcept nogil:
        """Total duration of the scenes in `scenes` (byte tables)."""
        cdef int64_t total = 0
        cdef int i = 0
        while scenes:
            total += self.day_table[i][scenes & 255]
            scenes >>= 8
            i += 1
        return total

    cdef int64_t _exact_on_location(
        self, uint64_t remaining, uint64_t on_location, int64_t enough, int64_t known
    ) noexcept nogil:
        """TalentCore.exact_on_location: the same unions, in the same order, same results."""
        cdef int count = 0, i, j, a
        cdef int64_t own = 0, found = 1, smith
        cdef uint64_t everything = 0, r, union, other, cast
        cdef uint64_t news[64]
        cdef UnionEntry top
        cdef Union* u
        cdef Union* v
        cdef uint64_t actors_on = on_location
        cdef uint64_t live, pending, bits
        cdef int beaten
        cdef Residual* memo
        while on_location:
            a = __builtin_ctzll(on_location)
            on_location &= on_location - 1
            r = remaining & self.scenes_of[a]
            own += self.costs[a] * self._days(r)
            everything |= r
            for i in range(count):
                if self.sets[i] == r:
                    self.set_weights[i] += self.costs[a]
                    self.set_actors[i] |= <uint64_t>1 << a
                    break
            else:
                self.sets[count] = r
                self.set_weights[count] = self.costs[a]
                self.set_actors[count] = <uint64_t>1 << a
                count += 1
        if count <= 1:
            return 0
        self.set_count = count
        self.everything = everything
        self._group_scenes(everything, actors_on)
        self.generation += 1
        if self.generation == 0:
            for i in range(UNION_SLOTS):
                self.unions[i].stamp = 0
            self.generation = 1
        u = self._union(0)
        u.g = 0
        memo = self._memo_find(actors_on, everything)  # what earlier calls proved, if more
        if memo != NULL and memo.wait > known:
            known = memo.wait
        u.lb += known  # the bound known for the state (at least Smith's) replaces Smith's
        u.left = 0
        self.looked[0] = u
        self.looked_count = 1
        self.union_heap_size = 0
        self._union_push(u.lb, 0)
        while self.union_heap_size:
            top = self._union_pop()
            union = top.key
            u = self._union(union)
            if u.closed or top.f != u.g + u.lb:
                continue  # stale entry
            if top.f - own >= enough:
                self._learn(top.f)
                return top.f - own
            if union == everything:
                self._learn(u.g)
                return u.g - own
            if u.left:  # the actors left wait at least Smith's bound in the scenes left
                smith = self._memo_wait(u.left, everything & ~union)
                self.looked[self.looked_count] = u
                self.looked_count += 1
                u.left = 0
                if smith > 0:
                    u.lb += smith
                    if self.union_heap_size == UNION_HEAP_LIMIT:
                        return top.f - own
                    self._union_push(u.g + u.lb, union)
                    continue
            u.closed = 1
            live = 0  # the sets not inside the union
            for i in range(count):
                news[i] = self.sets[i] & ~union
                if news[i]:
                    live |= <uint64_t>1 << i
            pending = live
            while pending:
                i = __builtin_ctzll(pending)
                pending &= pending - 1
                r = news[i]
                # only the smallest steps: an actor left who needs only some of these scenes
                # (or the same ones, listed before) is better finished first
                beaten = 0
                bits = live & ~(<uint64_t>1 << i)
                while bits:
                    j = __builtin_ctzll(bits)
                    bits &= bits - 1
                    other = news[j]
                    beaten |= (<int>((other & ~r) == 0)) & (<int>(other != r) | <int>(j < i))
                if beaten:
                    continue
                v = self._find_union(union | r)
                if v == NULL:
                    found += 1
                    if found > UNION_LIMIT:
                        return top.f - own
                    v = self._union(union | r)
                if u.g + v.days * (v.finished - u.finished) < v.g:
                    v.g = u.g + v.days * (v.finished - u.finished)
                    v.closed = 0
                    if self.union_heap_size == UNION_HEAP_LIMIT:
                        return top.f - own
                    self._union_push(v.g + v.lb, union | r)
        return 0  # not reached: the union of all the sets is reached first

    # --- the residual memo (talent_bound.ResidualMemo) -----------------------------------

    cdef inline Residual* _memo_slot(self, uint64_t left, uint64_t scenes) noexcept nogil:
        cdef uint64_t mixed = (left * MEMO_LEFT_MIX) ^ (scenes * MEMO_SCENES_MIX)
        return &self.memo[(mixed >> MEMO_SHIFT) & ((<uint64_t>1 << MEMO_BITS) - 1)]

    cdef inline Residual* _memo_find(self, uint64_t left, uint64_t scenes) noexcept nogil:
        cdef Residual* entry = self._memo_slot(left, scenes)
        if entry.left == left and entry.scenes == scenes:
            return entry
        return NULL

    cdef int64_t _memo_wait(self, uint64_t left, uint64_t scenes) noexcept nogil:
        """ResidualMemo.wait: the entry's bound, else Smith's bound, stored (replacing)."""
        cdef Residual* entry = self._memo_slot(left, scenes)
        if entry.left == left and entry.scenes == scenes:
            return entry.wait
        entry.left = left
        entry.scenes = scenes
        entry.wait = self._residual_smith(left)
        return entry.wait

    cdef void _learn(self, int64_t total) noexcept nogil:
        """_UnionSearch._learn: every union looked up can still cost no less than `total`
        minus its g; less its base, a bound on its residual's wait (kept when it is more)."""
        cdef int i
        cdef Union* u
        cdef Residual* entry
        for i in range(self.looked_count):
            u = self.looked[i]
            entry = self._memo_find(u.rest, self.everything & ~u.key)
            if entry != NULL and total - u.g - u.base > entry.wait:
                entry.wait = total - u.g - u.base

    cdef void _group_scenes(self, uint64_t scenes, uint64_t on_location) noexcept nogil:
        """Group `scenes` by their actors on location, in the order of their first scene; a
        union of actors' scene sets holds all of a group or none of it."""
        cdef int scene, i
        cdef uint64_t present, bits, every = scenes
        cdef int64_t squares
        cdef int group_of[64]
        self.group_count = 0
        while scenes:
            scene = __builtin_ctzll(scenes)
            scenes &= scenes - 1
            present = self.masks[scene] & on_location
            for i in range(self.group_count):
                if self.group_actors[i] == present:
                    self.group_days[i] += self.durations[scene]
                    group_of[scene] = i
                    break
            else:
                self.group_actors[self.group_count] = present
                self.group_days[self.group_count] = self.durations[scene]
                group_of[scene] = self.group_count
                self.group_count += 1
        for i in range(self.group_count):
            self.group_total[i] = 0
            squares = 0
            bits = self.group_actors[i]
            while bits:
                scene = __builtin_ctzll(bits)
                bits &= bits - 1
                self.group_total[i] += self.costs[scene]
                squares += self.costs[scene] * self.costs[scene]
            self.group_spread[i] = (
                <double>self.group_total[i] + <double>squares / <double>self.group_total[i]
            ) / 2.0
            self.group_weight[i] = <double>self.group_days[i] * self.group_spread[i]
            self.group_unit[i] = <double>self.group_days[i] / <double>self.group_total[i]
        while every:  # each scene's days times the cost of its actors on location
            scene = __builtin_ctzll(every)
            every &= every - 1
            self.scene_weight[scene] = self.durations[scene] * self.group_total[group_of[scene]]

    cdef int64_t _residual_smith(self, uint64_t left) noexcept nogil:
        """Smith's bound for the actors `left` on the scenes of the groups of no other actor:
        `_on_location_bound(scenes left, left)`, the same operations in the same order (one
        pass over the groups; each group's correction term and unit share computed once per
        call of the exact bound, by `_group_scenes`, with the same operations)."""
        cdef double share[64]
        cdef double keys[64]
        cdef int order[64]
        cdef int i, j, a, count = 0
        cdef uint64_t everyone = 0, bits
        cdef double correction = 0.0, unit, elapsed = 0.0, value = 0.0, key
        bits = left
        while bits:
            share[__builtin_ctzll(bits)] = 0.0
            bits &= bits - 1
        for i in range(self.group_count):
            if self.group_actors[i] & ~left:
                continue
            everyone |= self.group_actors[i]
            correction += self.group_weight[i]
            unit = self.group_unit[i]
            bits = self.group_actors[i]
            while bits:
                share[__builtin_ctzll(bits)] += unit
                bits &= bits - 1
        if everyone == 0:
            return 0
        while everyone:  # by share ascending, ties by index (a stable sort)
            a = __builtin_ctzll(everyone)
            everyone &= everyone - 1
            key = share[a]
            j = count
            while j > 0 and key < keys[j - 1]:
                keys[j] = keys[j - 1]
                order[j] = order[j - 1]
                j -= 1
            keys[j] = key
            order[j] = a
            count += 1
        for i in range(count):
            a = order[i]
            elapsed += keys[i] * <double>self.costs[a]
            value += <double>self.costs[a] * elapsed
        value = ceil(value - correction - EPS)
        return <int64_t>value if value > 0 else 0

    cdef inline Union* _find_union(self, uint64_t union) noexcept nogil:
        """The record of `union` in this call, or NULL."""
        cdef uint64_t at = ((union * <uint64_t>0x9E3779B97F4A7C15) >> 52) & (UNION_SLOTS - 1)
        while self.unions[at].stamp == self.generation:
            if self.unions[at].key == union:
                return &self.unions[at]
            at = (at + 1) & (UNION_SLOTS - 1)
        return NULL

    cdef Union* _union(self, uint64_t union) noexcept nogil:
        """The record of `union`, made when new: no g yet, the bound of the actors left."""
        cdef uint64_t at = ((union * <uint64_t>0x9E3779B97F4A7C15) >> 52) & (UNION_SLOTS - 1)
        cdef Union* u
        cdef int j
        cdef uint64_t scenes
        while self.unions[at].stamp == self.generation:
            if self.unions[at].key == union:
                return &self.unions[at]
            at = (at + 1) & (UNION_SLOTS - 1)
        u = &self.unions[at]
        u.stamp = self.generation
        u.key = union
        u.g = 0x7FFFFFFFFFFFFFFF
        u.closed = 0
        u.finished = 0
        u.lb = 0
        u.left = 0
        u.days = self._days(union)
        # an actor left finishes no earlier than these scenes and its own: the sum of their
        # costs times D(union | its scenes) = their cost sum times D(union) + the sum over the
        # scenes left of days times their on-location actors' costs (integers: the same sum)
        for j in range(self.set_count):
            if self.sets[j] & ~union == 0:
                u.finished += self.set_weights[j]
            else:
                u.lb += self.set_weights[j]
                u.left |= self.set_actors[j]
        u.lb *= u.days
        scenes = self.everything & ~union
        while scenes:
            u.lb += self.scene_weight[__builtin_ctzll(scenes)]
            scenes &= scenes - 1
        u.base = u.lb
        u.rest = u.left
        if u.left:  # its residual is looked up when it is popped: fetch it now
            prefetch(self._memo_slot(u.left, self.everything & ~union))
        return u

    cdef inline void _union_push(self, int64_t f, uint64_t key) noexcept nogil:
        cdef UnionEntry item
        cdef int64_t at = self.union_heap_size
        item.f = f
        item.key = key
        self.union_heap_size += 1
        while at > 0 and _union_before(&item, &self.union_heap[(at - 1) >> 1]):
            self.union_heap[at] = self.union_heap[(at - 1) >> 1]
            at = (at - 1) >> 1
        self.union_heap[at] = item

    cdef inline UnionEntry _union_pop(self) noexcept nogil:
        cdef UnionEntry top = self.union_heap[0], last
        cdef int64_t at = 0, child
        self.union_heap_size -= 1
        if self.union_heap_size == 0:
            return top
        last = self.union_heap[self.union_heap_size]
        while True:
            child = 2 * at + 1
            if child >= self.union_heap_size:
                break
            if child + 1 < self.union_heap_size and _union_before(
                &self.union_heap[child + 1], &self.union_heap[child]
            ):
                child += 1
            if not _union_before(&self.union_heap[child], &last):
                break
            self.union_heap[at] = self.union_heap[child]
            at = child
        self.union_heap[at] = last
        return top

    # --- the search (talent_search._AStar.run) -----------------------------------------------

    def run(self, int64_t upper, dive, expired, int64_t max_states, int64_t check_every,
            int64_t dive_every):
        """Search from the full scene set below `upper`.

        `dive(prefix, remaining, started)` completes a state greedily and returns the new upper
        bound (it keeps the incumbent order); `expired()` says when the clock has passed the
        deadline. Returns (GOAL, g, order), (STOPPED, lower bound, ()) or (EXHAUSTED, upper, ()).
        """
        cdef int64_t expansions = 0, g, child_g, h, best, on_bound, free_bound, enough, exact
        cdef uint64_t remaining, started, on_location, child, moved, rest, mask, allowed, cast
        cdef uint64_t supers
        cdef Node* node
        cdef Entry top
        cdef int64_t f
        cdef int scene, count, i
        cdef int successors[64]
        node = self._add(self.full)
        node.g = 0
        node.h = 0
        node.cast = self._cast_of(self.full)
        self.with_g = 1
        self._push(0, 0, self.full)
        while self.heap_size:
            top = self._pop()
            if self.heap_size:  # most likely the next state looked up
                prefetch(&self.table[self._slot(self.heap[0].remaining)])
            f = <int64_t>(top.key >> 32)
            g = <int64_t>(<uint64_t>0xFFFFFFFF - (top.key & <uint64_t>0xFFFFFFFF))
            remaining = top.remaining
            node = self._find(remaining)
            if g > node.g:
                continue  # stale entry: a cheaper path to this state was found later
            if f >= upper:
                break
            if remaining == 0:
                return GOAL, g, self._path(0)
            started = self._cast_of(self.full & ~remaining)
            expansions += 1
            if expansions % dive_every == 0:
                upper = dive(self._path(remaining), remaining, started)
            if expansions % check_every == 0 and (expired() or self.with_g > max_states):
                return STOPPED, min(f, upper), ()
            on_location = started & node.cast & CAST_BITS
            # the exact bound for the actors on location, once the state is popped
            on_bound = node.h & LOW32
            free_bound = node.h >> 32
            enough = upper - g - free_bound
            # (not when it would have to be 1.5 times the bound known: it never prunes then)
            if (not node.cast & EXACT and on_bound < enough
                    and 2 * (enough - on_bound) <= on_bound):
                exact = self._exact_on_location(remaining, on_location, enough, on_bound)
                if exact < enough:  # exact: not again (else again if reached more cheaply)
                    node.cast |= EXACT
                if exact > on_bound:
                    on_bound = exact
                    node.h = on_bound | free_bound << 32
            if g + on_bound + free_bound > f:  # the bound rose since the entry was pushed
                if g + on_bound + free_bound < upper:
                    self._push(g + on_bound + free_bound, g, remaining)
                continue
            # successors (talent_search._successors)
            count = 0
            rest = remaining
            while rest:
                scene = __builtin_ctzll(rest)
                rest &= rest - 1
                mask = self.masks[scene]
                if on_location and mask == on_location:
                    successors[0] = scene
                    count = 1
                    break
                allowed = started | mask
                supers = self.superset_of[scene] & remaining
                while supers:
                    i = __builtin_ctzll(supers)
                    if self.masks[i] & ~allowed == 0:
                        break
                    supers &= supers - 1
                if not supers:
                    successors[count] = scene
                    count += 1
            # expansion (talent_search._AStar._expand); fetch the children's slots ahead
            for i in range(count):
                prefetch(&self.table[self._slot(remaining & ~(<uint64_t>1 << successors[i]))])
            for i in range(count):
                scene = successors[i]
                child = remaining & ~(<uint64_t>1 << scene)
                child_g = g + self.durations[scene] * self._cost_of(on_location & ~self.masks[scene])
                node = self._find(child)
                best = upper
                if node != NULL and node.g >= 0:
                    best = node.g
                if child_g >= best:
                    continue
                moved = started | self.masks[scene]
                if node == NULL:
                    node = self._add(child)
                if node.h < 0:
                    h = self._on_location_bound(child, moved, &cast)
                    node.h = h | self._free_bound(cast & ~moved) << 32
                    node.cast = cast
                # what the parent's on-location actors still wait after this scene, at least
                h = on_bound - (child_g - g)
                if h > (node.h & LOW32):
                    node.h = h | (node.h >> 32) << 32
                h = (node.h & LOW32) + (node.h >> 32)
                if child_g + h >= upper:
                    continue
                if node.g < 0:
                    self.with_g += 1
                node.g = child_g
                node.cast = (node.cast & (CAST_BITS | EXACT)) | (<uint64_t>(scene + 1) << 56)
                self._push(child_g + h, child_g, child)
        return EXHAUSTED, upper, ()

    cdef uint64_t _cast_of(self, uint64_t scenes) noexcept nogil:
        cdef uint64_t cast = 0
        while scenes:
            cast |= self.masks[__builtin_ctzll(scenes)]
            scenes &= scenes - 1
        return cast

    cdef tuple _path(self, uint64_t goal):
        """The scene order from the full set to the state `goal`, read back from the parents."""
        cdef list order = []
        cdef uint64_t remaining = goal
        cdef int scene
        while remaining != self.full:
            scene = <int>((self._find(remaining).cast >> 56) & 0x7F) - 1
            order.append(scene)
            remaining |= <uint64_t>1 << scene
        order.reverse()
        return tuple(order)


# --- the local search and the three-actor optima (talent_heuristic, talent_triples) ----------


cdef int _load(masks, durations, costs, uint64_t* mask_of, int64_t* days_of,
               int64_t* cost_of) except -1:
    """Copy the reduced instance's tables into C arrays (at most 63 scenes and actors)."""
    cdef int i
    if len(masks) >= 64 or len(costs) >= 64:
        raise ValueError("talent_compiled: at most 63 scenes and 63 actors")
    for i in range(len(masks)):
        mask_of[i] = masks[i]
        days_of[i] = durations[i]
    for i in range(len(costs)):
        cost_of[i] = costs[i]
    return 0


cdef inline int64_t _sum_costs(int64_t* cost_of, uint64_t actors) noexcept nogil:
    cdef int64_t total = 0
    while actors:
        total += cost_of[__builtin_ctzll(actors)]
        actors &= actors - 1
    return total


cdef int64_t _holding(int* order, int n, uint64_t* mask_of, int64_t* days_of,
                      int64_t* cost_of) noexcept nogil:
    """talent_heuristic.holding_cost of a full order."""
    cdef uint64_t after[65]
    cdef uint64_t before = 0, held
    cdef int64_t total = 0
    cdef int i
    after[n] = 0
    for i in range(n - 1, -1, -1):
        after[i] = after[i + 1] | mask_of[order[i]]
    for i in range(n):
        held = before & after[i + 1] & ~mask_of[order[i]]
        if held:
            total += days_of[order[i]] * _sum_costs(cost_of, held)
        before |= mask_of[order[i]]
    return total


def improve_order(masks, durations, costs, order, should_stop, int max_passes, int check_every):
    """talent_heuristic.improve in C: the same moves in the same order, the same clock looks.

    Returns (order as a list, its holding cost).
    """
    cdef uint64_t mask_of[64]
    cdef int64_t days_of[64], cost_of[64], best, value
    cdef int current[64], candidate[64]
    cdef int n = len(order), i, j, at, k, moved, count
    cdef bint improved
    _load(masks, durations, costs, mask_of, days_of, cost_of)
    for i in range(n):
        current[i] = order[i]
    best = _holding(current, n, mask_of, days_of, cost_of)
    for _ in range(max_passes):
        improved = False
        for i in range(n):
            moved = current[i]
            count = 0
            for j in range(n):
                if j == i:
                    continue
                if count % check_every == 0 and should_stop():
                    return [current[k] for k in range(n)], best
                count += 1
                # the rest without position i, with the moved scene inserted at j
                at = 0
                for k in range(n):
                    if at == j:
                        candidate[at] = moved
                        at += 1
                    if k != i:
                        candidate[at] = current[k]
                        at += 1
                if at == j:
                    candidate[at] = moved
                value = _holding(candidate, n, mask_of, days_of, cost_of)
                if value < best:
                    for k in range(n):
                        current[k] = candidate[k]
                    best = value
                    improved = True
                    break
        if not improved:
            break
    return [current[k] for k in range(n)], best


def sub_optimum(masks, durations, costs, uint64_t actors):
    """talent_triples._sub_optimum in C: the optimal holding cost restricted to `actors`.

    A DP over the subsets of the distinct scene patterns (at most 16 of them).
    """
    cdef uint64_t mask_of[64]
    cdef int64_t days_of[64], cost_of[64]
    cdef uint64_t patterns[16]
    cdef int64_t days[16]
    cdef int kinds = 0, s, i
    cdef uint64_t pattern, full, remaining, low, on_location
    cdef uint64_t* union_of
    cdef int64_t* value
    cdef int64_t best, candidate
    _load(masks, durations, costs, mask_of, days_of, cost_of)
    for s in range(len(masks)):
        pattern = mask_of[s] & actors
        if not pattern:
            continue
        for i in range(kinds):
            if patterns[i] == pattern:
                days[i] += days_of[s]
                break
        else:
            if kinds == 16:
                raise ValueError("sub_optimum: more than 16 scene patterns")
            patterns[kinds] = pattern
            days[kinds] = days_of[s]
            kinds += 1
    full = (<uint64_t>1 << kinds) - 1
    union_of = <uint64_t*>malloc((full + 1) * sizeof(uint64_t))
    value = <int64_t*>malloc((full + 1) * sizeof(int64_t))
    if union_of == NULL or value == NULL:
        free(union_of)
        free(value)
        raise MemoryError()
    union_of[0] = 0
    value[0] = 0
    for remaining in range(1, full + 1):
        low = remaining & (~remaining + 1)
        union_of[remaining] = union_of[remaining ^ low] | patterns[__builtin_ctzll(low)]
    for remaining in range(1, full + 1):  # a subset is numerically below its superset
        on_location = union_of[full & ~remaining] & union_of[remaining]
        best = -1
        for i in range(kinds):
            if remaining >> i & 1:
                candidate = days[i] * _sum_costs(cost_of, on_location & ~patterns[i])
                candidate += value[remaining & ~(<uint64_t>1 << i)]
                if best < 0 or candidate < best:
                    best = candidate
        value[remaining] = best
    best = value[full]
    free(union_of)
    free(value)
    return best


def memo_slot(uint64_t left, uint64_t scenes):
    """The residual memo's slot of (left, scenes): talent_bound.ResidualMemo.slot (for tests)."""
    cdef uint64_t mixed = (left * MEMO_LEFT_MIX) ^ (scenes * MEMO_SCENES_MIX)
    return <int64_t>((mixed >> MEMO_SHIFT) & ((<uint64_t>1 << MEMO_BITS) - 1))


def memo_bits():
    """The residual memo's size, log2 (talent_bound.MEMO_BITS)."""
    return MEMO_BITS
