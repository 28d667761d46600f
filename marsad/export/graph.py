"""``gexf`` and ``graphml``: the entity network for Gephi, Cytoscape or networkx (extra
``graph``: networkx writes both formats).

Nodes are the entities that take part in the exported stories (English label, entity type,
knowledge-base key, country, number of stories, first and last day seen); an edge joins two
participants of the same story, weighted by the number of stories they share and typed by
PLOVER class (the workbench's four classes, the most frequent one in ``class`` and each
class's count, plus ``cooperation`` and ``conflict``). Dates are ISO days: GEXF gets them as
``start``/``end`` (a dynamic graph, Gephi's timeline), GraphML as ``first_seen``/``last_seen``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..doc import PLOVER_QUADS
from ..extras import require
from .acled import english
from .files import AtomicFile
from .rows import class_counts


def networkx() -> Any:
    return require("networkx", "graph", "the gexf and graphml formats")


@dataclass
class _Seen:
    """What is known of a node or an edge: stories, types, first and last day."""

    stories: int = 0
    types: Counter[str] = field(default_factory=Counter)
    first: str | None = None
    last: str | None = None

    def add(self, story: Mapping[str, Any]) -> None:
        self.stories += 1
        self.types[str(story["type"])] += 1
        start, end = story["date_start"], story["date_end"]
        if start and (self.first is None or start < self.first):
            self.first = start
        if end and (self.last is None or end > self.last):
            self.last = end


def collect(stories: Iterable[Mapping[str, Any]]
            ) -> tuple[dict[str, _Seen], dict[tuple[str, str], _Seen], dict[str, str]]:
    """Nodes and edges of story rows (:func:`marsad.export.rows.story_rows`), and the
    English name of every participant."""
    nodes: dict[str, _Seen] = {}
    edges: dict[tuple[str, str], _Seen] = {}
    names: dict[str, str] = {}
    for s in stories:
        parts = sorted(set(s["participants"]))
        names.update(zip(s["participants"], s["participant_names"], strict=True))
        for k in parts:
            nodes.setdefault(k, _Seen()).add(s)
        for i, a in enumerate(parts):
            for b in parts[i + 1:]:
                edges.setdefault((a, b), _Seen()).add(s)
    return nodes, edges, names


def _edge_attrs(seen: _Seen) -> dict[str, Any]:
    by_class = class_counts(seen.types)
    top = min(by_class, key=lambda c: (-by_class[c], PLOVER_QUADS.index(c)))
    return {
        "weight": seen.stories, "class": top,
        **{c.replace("-", "_"): by_class[c] for c in PLOVER_QUADS},
        "cooperation": by_class["verbal-cooperation"] + by_class["material-cooperation"],
        "conflict": by_class["verbal-conflict"] + by_class["material-conflict"],
        "types": "; ".join(f"{t}:{n}" for t, n in sorted(seen.types.items())),
    }


def build_graph(stories: Iterable[Mapping[str, Any]],
                entities: Iterable[Mapping[str, Any]], *, dynamic: bool) -> Any:
    """A networkx Graph of ``stories`` (story rows), its nodes described from
    ``entities`` (entity rows; streamed: only the participants' are kept)."""
    nx = networkx()
    nodes, edges, names = collect(stories)
    g = nx.Graph(name="marsad entity network")
    if dynamic:
        g.graph["mode"] = "dynamic"
    for key, seen in nodes.items():
        g.add_node(key, label=names.get(key) or key, type="?", n_stories=seen.stories,
                   **_dates(seen, dynamic))
    for e in entities:
        if e["key"] in g:
            g.nodes[e["key"]].update(_clean({
                "label": english(e), "type": e["type"],
                "name_ar": e.get("name"), "kb_id": e.get("kb_id"), "country": e.get("country"),
                "n_articles": e.get("n_articles")}))
    for (a, b), seen in edges.items():
        g.add_edge(a, b, **_edge_attrs(seen), **_dates(seen, dynamic))
    return g


def _dates(seen: _Seen, dynamic: bool) -> dict[str, str]:
    out = {"first_seen": seen.first, "last_seen": seen.last}
    if dynamic:  # networkx writes start/end as GEXF spells (timeformat "date")
        out.update(start=seen.first, end=seen.last)
    return _clean(out)


def _clean(attrs: Mapping[str, Any]) -> dict[str, Any]:
    """GraphML and GEXF have no null: a missing value is left out."""
    return {k: v for k, v in attrs.items() if v is not None}


def write_graph(stories: Iterable[Mapping[str, Any]], entities: Iterable[Mapping[str, Any]],
                path: str | Path, *, fmt: str) -> dict[str, int]:
    nx = networkx()
    g = build_graph(stories, entities, dynamic=fmt == "gexf")
    with AtomicFile(path, binary=True) as out:
        if fmt == "gexf":
            nx.write_gexf(g, out.fh, encoding="utf-8")
        else:
            nx.write_graphml(g, out.fh, encoding="utf-8")
    return {"nodes": g.number_of_nodes(), "edges": g.number_of_edges()}
