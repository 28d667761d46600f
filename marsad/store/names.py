"""English search in the store: the ``name_keys`` table (migration 0005) and the queries over it.

Every word of every English name the stored entities carry (``entities.name_en``, from the
knowledge base or a romanisation) and of the knowledge base's other Latin spellings of a
linked entity (:func:`marsad.kb.latin_spellings`) is kept as its spelling-variant key
(:func:`marsad.text.latin.word_key`) beside the name. A Latin query is matched on those keys
with the rules of :mod:`marsad.text.latin`; the names it matches lead to their articles (by
``entities.name_en``) and, through the saved fusion, to their entities' stories.

The SQL is plain and shared by both dialects (``?`` placeholders, rewritten for psycopg).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from ..text.latin import QueryMatch, match_words, name_keys

if TYPE_CHECKING:
    from .base import SQLStore

NAME_KEYS_VERSION = 5  # the migration that creates name_keys; it is filled when applied
DISTINCT_NAMES_SQL = ("SELECT DISTINCT name_en, kb_id FROM entities"
                      " WHERE name_en IS NOT NULL AND name_en <> ''")
INSERT_SQL = "INSERT INTO name_keys (key, name_en) VALUES (?, ?) ON CONFLICT DO NOTHING"
IN_CHUNK = 500  # names per IN (…) list


def spellings(name_en: str, kb_id: str | None) -> list[str]:
    """The Latin spellings one stored entity name stands for: itself and, for a linked
    entity, the knowledge base's spellings of it."""
    out = [name_en]
    if kb_id:
        from ..kb import default_kb, latin_spellings

        entry = default_kb().get(kb_id)
        if entry is not None:
            out += latin_spellings(entry)
    return list(dict.fromkeys(out))


def name_key_rows(names: Iterable[tuple[str | None, str | None]]) -> list[tuple[str, str]]:
    """``(key, name_en)`` rows of ``name_keys`` for ``(name_en, kb_id)`` pairs."""
    rows: set[tuple[str, str]] = set()
    for name_en, kb_id in names:
        if name_en:
            for s in spellings(name_en, kb_id):
                rows.update((k, name_en) for k in name_keys(s))
    return sorted(rows)


def _after(prefix: str) -> str:
    """The least string greater than every string starting with ``prefix`` (keys are ASCII
    and compared in binary / "C" order)."""
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


def _chunks(items: Sequence[str]) -> Iterable[Sequence[str]]:
    for i in range(0, len(items), IN_CHUNK):
        yield items[i:i + IN_CHUNK]


class StoreKeys:
    """:class:`marsad.text.latin.KeySource` over a store's ``name_keys``: ids are names."""

    def __init__(self, store: SQLStore) -> None:
        self._st = store

    def with_prefix(self, prefix: str) -> dict[str, set[str]]:
        out: dict[str, set[str]] = defaultdict(set)
        for key, name in self._st._all("SELECT key, name_en FROM name_keys WHERE key >= ?"
                                       " AND key < ?", (prefix, _after(prefix))):
            out[key].add(name)
        return out

    def near(self, first: str, lo: int, hi: int) -> list[str]:
        return [k for (k,) in self._st._all(
            "SELECT DISTINCT key FROM name_keys WHERE key >= ? AND key < ?"
            " AND length(key) BETWEEN ? AND ?", (first, _after(first), lo, hi))]

    def ids(self, keys: Sequence[str]) -> dict[str, set[str]]:
        out: dict[str, set[str]] = defaultdict(set)
        for part in _chunks(list(keys)):
            marks = ",".join("?" * len(part))
            for key, name in self._st._all(
                    f"SELECT key, name_en FROM name_keys WHERE key IN ({marks})", part):
                out[key].add(name)
        return out


def match(store: SQLStore, text: str) -> QueryMatch:
    """The stored English names each word of ``text`` matches."""
    return match_words(text, StoreKeys(store))


def name_rows(store: SQLStore, names: Iterable[str]) -> list[tuple[str, str, str, int]]:
    """``(doc_id, entity_id, name_en, mentions)`` of every stored entity carrying one of
    ``names``."""
    out: list[tuple[str, str, str, int]] = []
    for part in _chunks(sorted(set(names))):
        marks = ",".join("?" * len(part))
        out += [(str(d), str(e), str(n), int(c)) for d, e, n, c in store._all(
            "SELECT e.doc_id, e.entity_id, e.name_en, (SELECT count(*) FROM mentions m"
            " WHERE m.doc_id = e.doc_id AND m.entity_id = e.entity_id)"
            f" FROM entities e WHERE e.name_en IN ({marks})", part)]
    return out


def ranked_articles(store: SQLStore, m: QueryMatch, limit: int
                    ) -> list[tuple[str, list[str]]]:
    """The best ``limit`` articles whose entities cover every word of the query, with the ids
    of their matching entities. Best: one name covering the whole query best, then the
    words' best scores, then the most mentions of the matching names, then doc_id."""
    if not m.found:
        return []
    whole = m.whole()
    per_doc: dict[str, dict[str, int]] = defaultdict(dict)  # doc → name → mentions
    ents: dict[str, list[str]] = defaultdict(list)
    for doc_id, ent_id, name, n in name_rows(store, m.any()):
        per_doc[doc_id][name] = per_doc[doc_id].get(name, 0) + n
        ents[doc_id].append(ent_id)
    scored = []
    for doc_id, names in per_doc.items():
        cover = m.covers(names)
        if cover:
            best = max((whole.get(n, 0.0) for n in names), default=0.0)
            scored.append(((-best, -cover, -sum(names.values()), doc_id), doc_id))
    scored.sort()
    return [(doc_id, ents[doc_id]) for _, doc_id in scored[:limit]]


def first_mention(store: SQLStore, doc_id: str, entity_ids: Sequence[str]
                  ) -> tuple[int, int] | None:
    marks = ",".join("?" * len(entity_ids))
    row = store._one(f'SELECT start, "end" FROM mentions WHERE doc_id = ? AND entity_id IN'
                     f" ({marks}) ORDER BY start LIMIT 1", (doc_id, *entity_ids))
    return None if row is None else (int(row[0]), int(row[1]))


def found_entities(store: SQLStore, text: str, limit: int = 20) -> list[dict[str, Any]]:
    """The stored entities a Latin query names, best first: the names matching every word
    (or, when none does, those matching one word each, as "Putin Haftar" names two), with
    their knowledge-base id, the key of the saved fusion (when fused), their number of
    articles and ``words``, the positions of the query's words they match."""
    m = match(store, text)
    whole = m.whole()
    chosen = whole or m.any()
    if not chosen:
        return []
    rows: dict[tuple[str, str | None], int] = {}
    for part in _chunks(sorted(chosen)):
        marks = ",".join("?" * len(part))
        for name, kb_id, n in store._all(
                "SELECT name_en, kb_id, count(DISTINCT doc_id) FROM entities"
                f" WHERE name_en IN ({marks}) GROUP BY name_en, kb_id", part):
            rows[(str(name), kb_id)] = int(n)
    ranked = sorted(rows.items(), key=lambda r: (-chosen[r[0][0]], -r[1], r[0][0],
                                                 r[0][1] or ""))[:limit]
    return [{"name_en": name, "kb_id": kb_id, "key": _fused_key(store, name, kb_id),
             "n_articles": n, "score": round(chosen[name], 3),
             "words": [i for i, w in enumerate(m.per_word) if name in w]}
            for (name, kb_id), n in ranked]


def _fused_key(store: SQLStore, name: str, kb_id: str | None) -> str | None:
    """The entity key of the saved fusion for a stored name (None when not fused)."""
    if kb_id:
        row = store._one("SELECT entity_key FROM fused_entities WHERE kb_id = ?", (kb_id,))
    else:
        row = store._one("SELECT entity_key FROM fused_entities WHERE name_en = ?"
                         " AND kb_id IS NULL ORDER BY n_articles DESC, entity_key LIMIT 1",
                         (name,))
    return None if row is None else str(row[0])
