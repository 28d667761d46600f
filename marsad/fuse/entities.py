"""Cross-article entities.

Linked entities are joined by ``kb_id``. Unlinked ones are joined by normalised name and type,
but only when the name has two words or more: two different people reported as "محمد" are
not one person, while "عبد الحميد الدبيبة" in two articles almost certainly is. A one-word
unlinked entity stays an entity of its own article (key ``doc:<doc_id>#<id>``).

:func:`entity_profiles` adds what the fused stories say about each entity: its stories in
date order and the entities it shares stories with.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .keys import entity_key

Pos = tuple[str, int]  # (doc_id, index of the entity in its record's list)


@dataclass
class Tally:
    """What :func:`link_entities` counts for one key, kept so that a fusion adding articles
    can add their counts instead of reading every article of the key again. Each counted
    value keeps its count and where it was first seen: the full fusion breaks ties by first
    seen in doc_id order, and a new article may sort before the ones counted already."""

    first: Pos
    kb_id: Any
    names: dict[Any, list[Any]] = field(default_factory=dict)  # value → [count, first Pos]
    names_en: dict[Any, list[Any]] = field(default_factory=dict)
    types: dict[Any, list[Any]] = field(default_factory=dict)
    coords: dict[tuple[Any, Any], list[Any]] = field(default_factory=dict)
    spellings: Counter[str] = field(default_factory=Counter)
    mentions: int = 0
    n_articles: int = 0
    # the articles counted here and [doc_id, id] of their entities (doc_id order): all of
    # them in a full fusion; a saved tally keeps its counts only (issue #19: the lists grew
    # with the corpus), its articles are rows of the store (migration 0009), so merged with
    # a saved one these list the new articles only
    articles: list[str] = field(default_factory=list)  # sorted
    local_ids: list[list[Any]] = field(default_factory=list)

    def merge(self, other: Tally) -> None:
        """Add the counts of ``other`` (articles not counted here)."""
        if other.first < self.first:
            self.first, self.kb_id = other.first, other.kb_id
        for mine, theirs in ((self.names, other.names), (self.names_en, other.names_en),
                             (self.types, other.types), (self.coords, other.coords)):
            for value, (n, pos) in theirs.items():
                _count(mine, value, pos, n)
        self.spellings.update(other.spellings)
        self.mentions += other.mentions
        self.n_articles += other.n_articles  # (the articles of ``other`` are not counted here)
        self.articles = sorted({*self.articles, *other.articles})
        # a stable sort by doc_id keeps each article's entities in their order
        self.local_ids = sorted(self.local_ids + other.local_ids, key=lambda x: x[0])

    def to_json(self) -> dict[str, Any]:
        def pairs(d: dict[Any, list[Any]]) -> list[list[Any]]:
            return [[list(v) if isinstance(v, tuple) else v, n, list(p)]
                    for v, (n, p) in d.items()]
        return {"first": list(self.first), "kb_id": self.kb_id, "names": pairs(self.names),
                "names_en": pairs(self.names_en), "types": pairs(self.types),
                "coords": pairs(self.coords), "spellings": sorted(self.spellings.items()),
                "mentions": self.mentions, "n_articles": self.n_articles}

    @classmethod
    def from_json(cls, j: Mapping[str, Any]) -> Tally:
        def counts(rows: list[list[Any]], as_tuple: bool = False) -> dict[Any, list[Any]]:
            return {(tuple(v) if as_tuple else v): [n, (p[0], p[1])] for v, n, p in rows}
        return cls((j["first"][0], j["first"][1]), j["kb_id"], counts(j["names"]),
                   counts(j["names_en"]), counts(j["types"]), counts(j["coords"], True),
                   Counter(dict(j["spellings"])), j["mentions"], int(j["n_articles"]))


def _count(d: dict[Any, list[Any]], value: Any, pos: Pos, n: int = 1) -> None:
    c = d.get(value)
    if c is None:
        d[value] = [n, pos]
    else:
        c[0] += n
        c[1] = min(c[1], pos)


def _most_common(d: Mapping[Any, list[Any]]) -> Any:
    """Counter.most_common(1) of values counted in doc_id order: ties to the first seen."""
    return min(d.items(), key=lambda kv: (-kv[1][0], kv[1][1]))[0]


def entity_tallies(records: Iterable[Mapping[str, Any]]) -> dict[str, Tally]:
    """Cross-article key (:func:`marsad.fuse.keys.entity_key`) → its :class:`Tally` over
    ``records``."""
    acc: dict[str, Tally] = {}
    for rec in records:
        doc_id = str(rec.get("doc_id"))
        for i, ent in enumerate(rec.get("entities") or []):
            key = entity_key(doc_id, ent)
            pos = (doc_id, i)
            a = acc.get(key)
            if a is None:
                a = acc[key] = Tally(pos, ent.get("kb_id"))
            _count(a.names, ent.get("name"), pos)
            for m in ent.get("mentions") or []:  # the spellings the articles use
                if m.get("text"):
                    a.spellings[m["text"]] += 1
            if ent.get("name_en"):
                _count(a.names_en, ent["name_en"], pos)
            if ent.get("lat") is not None and ent.get("lon") is not None:
                _count(a.coords, (ent["lat"], ent["lon"]), pos)
            _count(a.types, ent.get("type"), pos)
            a.mentions += len(ent.get("mentions") or [])
            if not a.articles or a.articles[-1] != doc_id:
                a.articles.append(doc_id)
            a.local_ids.append([doc_id, ent.get("id")])
    for a in acc.values():  # records in another order than doc_id's
        a.articles = sorted(set(a.articles))
        a.n_articles = len(a.articles)
        a.local_ids.sort(key=lambda x: x[0])
    return acc


def entity_summary(key: str, a: Tally) -> dict[str, Any]:
    """The summary :func:`link_entities` gives one key."""
    coords = _most_common(a.coords) if a.coords else None
    return {
        "key": key,
        "kb_id": a.kb_id,
        "type": _most_common(a.types),
        "name": _most_common(a.names),
        "name_en": _most_common(a.names_en) if a.names_en else None,
        "names": sorted(n for n in a.names if n),
        "names_en": sorted(a.names_en),
        "spellings": [[t, n] for t, n in sorted(a.spellings.items(),
                                                key=lambda kv: (-kv[1], kv[0]))],
        "lat": coords[0] if coords else None,
        "lon": coords[1] if coords else None,
        "mention_count": a.mentions,
        "articles": a.articles,
        "local_ids": a.local_ids,
    }


def link_entities(records: Iterable[Mapping[str, Any]]) -> dict[str, dict[str, Any]]:
    """Cross-article key (see :func:`marsad.fuse.keys.entity_key`) → a summary::

        {"key", "kb_id", "type", "name", "name_en", "names" (distinct names, sorted),
         "names_en", "spellings" (mention texts, most frequent first, with counts),
         "lat", "lon", "mention_count", "articles" (sorted doc_ids),
         "local_ids" ([doc_id, id] pairs)}

    ``name``, ``name_en``, ``type`` and the coordinates are the most frequent values (ties:
    the first seen in doc_id order)."""
    return {k: entity_summary(k, a) for k, a in entity_tallies(records).items()}


def entity_profiles(entities: Mapping[str, Mapping[str, Any]],
                    stories: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Each entity of :func:`link_entities` with ``stories`` (the ids of the stories
    (:meth:`marsad.fuse.stories.Story.to_dict` dicts, already in date order) it takes part
    in or is the place of, in that order) and ``related`` (the entities it shares stories
    with: ``[{"key", "name", "name_en", "type", "shared"}]``, most shared first, ties by
    key). Entities with no story get empty lists. Sorted by key."""
    story_ids: dict[str, list[str]] = defaultdict(list)
    shared: dict[str, Counter[str]] = defaultdict(Counter)
    for st in stories:
        keys = list(dict.fromkeys([*st["participants"],
                                   *([st["location"]] if st.get("location") else [])]))
        for k in keys:
            story_ids[k].append(st["id"])
            for other in keys:
                if other != k:
                    shared[k][other] += 1
    out = []
    for key in sorted(entities):
        e = dict(entities[key])
        e["stories"] = story_ids.get(key, [])
        related = []
        for other, n in sorted(shared.get(key, Counter()).items(), key=lambda kv: (-kv[1], kv[0])):
            o = entities.get(other, {})
            related.append({"key": other, "name": o.get("name"), "name_en": o.get("name_en"),
                            "type": o.get("type"), "shared": n})
        e["related"] = related
        out.append(e)
    return out
