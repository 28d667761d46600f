"""A time budget for one article: past it, the article is recorded as failed and the run goes
on (issue #15: nothing bounded the time of one article, and one input could stall a run).

The budget counts the CPU time the article takes, not the wall-clock time: on a busy
machine (other jobs, a niced batch run) a normal article can wait seconds for a core, and
a wall-clock budget failed such articles for the machine's load, not their own cost. The
pipeline does no waiting of its own per article (no network, no locks), so CPU time is
what a pathological input drives up.

On POSIX, in the main thread (the CLI's process, and every worker process of ``--jobs N``,
whose tasks run in their main thread), an interval timer (``signal.setitimer``) interrupts
the article wherever Python code runs, and inside a regular-expression match too (the
engine checks for signals); another long call into C is interrupted when it returns.
Elsewhere (Windows, or a pipeline run from another thread) there is no portable way to
interrupt running code, so the budget is checked between components: a stalled component
finishes, and the article is then failed for its time. :func:`mode` says which applies.

The interruption is :class:`Overtime`, a ``BaseException``, so that no ``except Exception``
on the way (the HTML extractor's, a component's) can swallow it.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from .errors import PipelineError

ENV = "MARSAD_ARTICLE_SECONDS"
# The slowest of the 203 articles at hand (demo corpus, test fixtures, shared real and seed
# articles) takes 0.04 s: 5 s leaves a hundredfold margin for slow machines and stops only
# pathological input (bench/fuzz_campaign.py lists the slowest inputs).
DEFAULT_SECONDS = 5.0
# After the first interruption, the timer fires again this often, in case code on the way
# caught the first one with a bare ``except:``.
_REFIRE_SECONDS = 0.5


class Overtime(BaseException):  # noqa: N818 (not an error of the article's code)
    """The article's time budget is spent."""


def resolve_seconds(seconds: float | None) -> float:
    """The budget in seconds: ``seconds`` when given, else ``$MARSAD_ARTICLE_SECONDS``, else
    :data:`DEFAULT_SECONDS`. 0 (or less) means no budget."""
    if seconds is not None:
        return float(seconds)
    raw = os.environ.get(ENV, "").strip()
    if not raw:
        return DEFAULT_SECONDS
    try:
        return float(raw)
    except ValueError:
        raise PipelineError(f"{ENV}={raw!r} is not a number of seconds") from None


def mode() -> str:
    """"signal" (interrupted wherever it is) or "between-components" (checked after each)."""
    if hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread():
        return "signal"
    return "between-components"


class Budget:
    """The CPU-time deadline of one article (the calling thread's CPU time: a server's other
    threads do not count); :meth:`check` raises :class:`Overtime` past it."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.deadline = time.thread_time() + seconds if seconds > 0 else float("inf")
        self.armed = False
        self.stage = "cleaning"  # what the article was doing, for the failure's reason

    def check(self) -> None:
        if time.thread_time() > self.deadline:
            raise Overtime


@contextmanager
def enforced(budget: Budget) -> Iterator[Budget]:
    """Run the body under ``budget``: interrupted by the timer where signals are available,
    else only by the body's own :meth:`Budget.check` calls."""
    seconds = budget.seconds
    if seconds <= 0 or mode() != "signal":
        yield budget
        return

    def on_alarm(signum: int, frame: object) -> None:
        if budget.armed:  # a late signal after the body ended is ignored
            raise Overtime

    # ITIMER_PROF counts the process's CPU time (user and system) and signals SIGPROF; in
    # this mode the article runs in the main thread of a process that does nothing else
    old_handler = signal.signal(signal.SIGPROF, on_alarm)
    old_timer = signal.setitimer(signal.ITIMER_PROF, seconds, _REFIRE_SECONDS)
    budget.armed = True
    started = time.process_time()
    try:
        yield budget
    finally:
        budget.armed = False
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, old_handler)
        _restore_timer(old_timer, time.process_time() - started)


def _restore_timer(old: tuple[float, float], elapsed: float) -> None:
    """Re-arm a CPU timer someone else had set (a profiler), less the time the article
    took."""
    delay, interval = old
    if delay > 0:
        signal.setitimer(signal.ITIMER_PROF, max(delay - elapsed, 0.001), interval)
