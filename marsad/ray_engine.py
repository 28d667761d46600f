"""``marsad ingest … --engine ray``: the per-article pipeline on a pool of Ray actors.

Each actor builds one :class:`~marsad.pipeline.Pipeline` and loads the knowledge base and
word lists once; the driver reads the inputs lazily, sends them to the actors a batch at a
time (at most ``IN_FLIGHT`` batches per actor queued, so memory stays bounded) and takes the
results back in input order: the store's rows (:mod:`marsad.store.rows`), the same plain data
``--jobs N`` workers return, which the driver writes a batch per transaction. A re-run after
a failure skips what was stored (content hashes), so nothing is stored twice.

Ray connects to the cluster named by ``RAY_ADDRESS`` (``ray start --head`` prints it), or
starts a local Ray on this machine when none is given. Every node needs Marsad installed
(the same version as the driver). Extra ``ray`` (``pip install "marsad[ray]"``).
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

from .doc import Failure
from .extras import require
from .ingest import RawArticle
from .pipeline import IN_FLIGHT, Finish, Pipeline, _batched


class PipelineActor:
    """One pipeline, its resources loaded once, mapping batches of articles."""

    def __init__(self, names: tuple[str, ...], article_seconds: float | None,
                 finish: Finish | None) -> None:
        self.pipeline = Pipeline(names, article_seconds=article_seconds)
        self.pipeline.warm_up()
        self.finish = finish

    def run(self, batch: list[RawArticle | Failure]) -> list[Any]:
        return [self.pipeline.finish_safe(item, self.finish) for item in batch]


def need_ray() -> Any:
    return require("ray", "ray", "--engine ray")


def start(actors: int | None = None) -> Any:
    """Ray, connected: to ``$RAY_ADDRESS`` when set, else a local Ray (``actors`` CPUs)."""
    ray = need_ray()
    if not ray.is_initialized():
        if os.environ.get("RAY_ADDRESS"):
            ray.init(log_to_driver=False)
        else:
            ray.init(num_cpus=actors, include_dashboard=False, log_to_driver=False)
    return ray


def ray_pipe(pipeline: Pipeline, items: Iterable[RawArticle | Failure], *, batch_size: int,
             actors: int | None, finish: Finish | None) -> Iterator[Any]:
    """:meth:`Pipeline.pipe` on Ray actors: results in input order, the input read lazily.
    ``actors``: how many (default: the cluster's CPUs). No actor starts when there is
    nothing to do."""
    batches = _batched(items, batch_size)
    first = next(batches, None)
    if first is None:
        return
    ray = start(actors)
    n = actors or max(1, int(ray.cluster_resources().get("CPU", 1)))
    remote = ray.remote(num_cpus=1)(PipelineActor)
    pool = [remote.remote(pipeline.names, pipeline.article_seconds, finish) for _ in range(n)]
    pending: deque[Any] = deque()
    try:
        for i, batch in enumerate(_chain(first, batches)):
            pending.append(pool[i % n].run.remote(batch))
            if len(pending) >= IN_FLIGHT * n:
                yield from ray.get(pending.popleft())
        while pending:
            yield from ray.get(pending.popleft())
    finally:
        for actor in pool:
            ray.kill(actor)


def _chain(first: list[RawArticle | Failure], rest: Iterator[list[RawArticle | Failure]]
           ) -> Iterator[list[RawArticle | Failure]]:
    yield first
    yield from rest
