"""The held-out scoring protocol (``docs/annotation.md``, section "Scoring").

The pieces that differ from the older all-participants scorer: the folded keys that map
system entities to gold keys by votes, the relaxed and strict event conditions, and the
one-to-one event pairing by a maximum matching. :mod:`marsad.eval.scorer` puts them
together; everything here is a pure function of one document.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from marsad.eval.gold import DateRange, GoldDoc, GoldEvent
from marsad.text.normalize import strip_diacritics

# The protocol's folding, and nothing more: the match keys of marsad.text.normalize fold
# further (ؤ, ئ, Persian letters, case), which would let more mentions match than the
# held-out scorer lets match.
_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})
QUOTES_BRACKETS = "\"'`«»“”„‟‘’‚‹›()[]{}<>"
_DROP_QUOTES = str.maketrans("", "", QUOTES_BRACKETS)
CLITICS = ("و", "ب", "ل", "ك", "ف")
ARTICLES = ("ال", "لل")
# A strip must leave at least two letters, so that a two-letter name is never reduced
# to a single letter that would meet every other one-letter remainder.
_MIN_REST = 2
KB_VOTES = 5  # a matching kb_id outweighs up to four mentions that point elsewhere

# Types whose sides act alike (an agreement, a meeting, a cooperation): strict accepts
# the gold participants in any role. PLOVER's mutual types; gold writes them either way
# (seeds and r001–r060 have AGREE with two actors and with actor plus targets).
MUTUAL_TYPES: frozenset[str] = frozenset({"AGREE", "CONSULT", "COOPERATE"})


def fold_key(text: str) -> str:
    """Diacritics removed, أإآٱ→ا, ى→ي, ة→ه, quotes and brackets dropped, spaces single."""
    folded = strip_diacritics(text).translate(_LETTERS).translate(_DROP_QUOTES)
    return " ".join(folded.split())


def key_variants(text: str) -> frozenset[str]:
    """The folded key, without one leading clitic, and without a leading ال/لل after that."""
    key = fold_key(text)
    heads = {key}
    if key.startswith(CLITICS) and len(key) - 1 >= _MIN_REST:
        heads.add(key[1:])
    out = set(heads)
    for head in heads:
        if head.startswith(ARTICLES) and len(head) - 2 >= _MIN_REST:
            out.add(head[2:])
    out.discard("")
    return frozenset(out)


def _gold_variants(gold: GoldDoc) -> list[frozenset[str]]:
    out = []
    for g in gold.entities:
        names = [*g.aliases, g.key] + ([g.name_en] if g.name_en else [])
        out.append(frozenset().union(*(key_variants(n) for n in names)))
    return out


@dataclass(frozen=True)
class SystemEntity:
    kb_id: str | None
    mentions: tuple[str, ...]  # the mention texts, one per mention


def map_entities(entities: Sequence[SystemEntity], gold: GoldDoc) -> dict[int, int]:
    """``{system index: gold index}`` by votes; entities with no vote are left out.

    Each mention whose variants meet a gold entity's variants is one vote for it; a kb_id
    equal to the gold key is KB_VOTES votes. The most-voted gold entity wins, the first
    in the gold file on a tie (deterministic). Several system entities may map to one key.
    """
    gold_vars = _gold_variants(gold)
    out: dict[int, int] = {}
    for si, s in enumerate(entities):
        mention_vars = [key_variants(m) for m in s.mentions]
        votes = [sum(bool(mv & gv) for mv in mention_vars)
                 + KB_VOTES * (s.kb_id == g.key)
                 for g, gv in zip(gold.entities, gold_vars, strict=True)]
        best = max(votes, default=0)
        if best > 0:
            out[si] = votes.index(best)
    return out


# --------------------------------------------------------------------------- events


def dates_overlap(system: DateRange | None, gold: DateRange) -> bool:
    """True when the system range shares at least one day with the gold range."""
    return system is not None and system[0] <= gold[1] and gold[0] <= system[1]


@dataclass(frozen=True)
class EventView:
    """A system event with its entity ids already mapped to gold keys (or placeholders)."""

    type: str
    actors: frozenset[str]
    targets: frozenset[str]
    location: str | None
    date: DateRange | None


def shared_participants(e: EventView, v: GoldEvent) -> int:
    return len(v.participants & (e.actors | e.targets))


def relaxed(e: EventView, v: GoldEvent, *, all_participants: bool = False) -> bool:
    """Same type and at least min(2, n) of the n gold participants (all n if asked).

    ``min(2, 0) = 0``: a gold event without participants matches any event of its type.
    """
    need = len(v.participants) if all_participants else min(2, len(v.participants))
    return e.type == v.type and shared_participants(e, v) >= need


def actors_ok(e: EventView, v: GoldEvent) -> bool:
    if e.actors == frozenset(v.actors):
        return True
    return v.type in MUTUAL_TYPES and (e.actors | e.targets) == v.participants


def location_ok(e: EventView, v: GoldEvent) -> bool:
    return v.location is None or e.location == v.location


def date_ok(e: EventView, v: GoldEvent) -> bool:
    return v.date is None or dates_overlap(e.date, v.date)


def strict(e: EventView, v: GoldEvent) -> bool:
    return relaxed(e, v) and actors_ok(e, v) and location_ok(e, v) and date_ok(e, v)


# --------------------------------------------------------------------------- matching

Edge = tuple[int, int]  # (system index, gold index)


def max_matching(weights: Mapping[Edge, int]) -> dict[int, int]:
    """A maximum one-to-one matching ``{system: gold}``, of largest weight among those.

    Successive augmenting paths (the Hungarian method's shortest-path form): every round
    augments along the path of largest weight gain, found by Bellman-Ford relaxation over
    the residual graph, so the matching grows by one pair per round until no augmenting
    path is left (maximum cardinality), and each size's matching is of largest total
    weight. Edges are relaxed in sorted order and only strict gains replace a path, so
    ties resolve to the lowest indexes: the result is deterministic.
    """
    search = _PathSearch(sorted(weights.items()), dict(weights))
    while (path := search.best_path()) is not None:
        for si, gi in path:
            search.to_gold[si] = gi
            search.to_sys[gi] = si
    return search.to_gold


@dataclass
class _PathSearch:
    edges: list[tuple[Edge, int]]
    weight: dict[Edge, int]
    to_gold: dict[int, int] = field(default_factory=dict)
    to_sys: dict[int, int] = field(default_factory=dict)
    sys_gain: dict[int, int] = field(default_factory=dict)
    gold_gain: dict[int, int] = field(default_factory=dict)
    came_from: dict[int, int] = field(default_factory=dict)  # gold -> system reaching it

    def best_path(self) -> list[Edge] | None:
        """The augmenting path of largest gain as the pairs it adds; None when none is left."""
        # free system events start at gain 0; a matched one is reached only through its
        # gold partner, giving that edge's weight back
        self.sys_gain = {si: 0 for (si, _), _w in self.edges if si not in self.to_gold}
        self.gold_gain, self.came_from = {}, {}
        for _ in range(len(self.edges) + 1):  # no positive cycle: converges before the bound
            if not self._relax():
                break
        free = [gi for gi in sorted(self.gold_gain) if gi not in self.to_sys]
        if not free:
            return None
        gi = max(free, key=lambda g: self.gold_gain[g])  # the first of the best on a tie
        path: list[Edge] = []
        while len(path) <= len(self.to_gold):
            si = self.came_from[gi]
            path.append((si, gi))
            if si not in self.to_gold:
                return path
            gi = self.to_gold[si]
        raise AssertionError("augmenting path loops")  # impossible without positive cycles

    def _relax(self) -> bool:
        """One Bellman-Ford pass: free edges add their weight, matched ones take it back."""
        changed = False
        for (si, gi), w in self.edges:
            if si not in self.sys_gain or self.to_gold.get(si) == gi:
                continue
            gain = self.sys_gain[si] + w
            if gi in self.gold_gain and gain <= self.gold_gain[gi]:
                continue
            self.gold_gain[gi] = gain
            self.came_from[gi] = si
            changed = True
            mate = self.to_sys.get(gi)
            if mate is not None:
                back = gain - self.weight[mate, gi]
                if back > self.sys_gain.get(mate, back - 1):
                    self.sys_gain[mate] = back
        return changed
