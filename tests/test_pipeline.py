"""The pipeline: the chain of components is checked, failures are isolated, order is kept."""

from __future__ import annotations

import gc

import pytest

from marsad.doc import Doc, Failure
from marsad.errors import PipelineError
from marsad.ingest import RawArticle
from marsad.pipeline import REGISTRY, Pipeline, component

GOOD = "التقى الرئيس الروسي فلاديمير بوتين المشير خليفة حفتر في موسكو."


def test_requirements_are_checked_when_built() -> None:
    with pytest.raises(PipelineError, match="requires"):
        Pipeline(("events",))
    with pytest.raises(PipelineError, match="unknown component"):
        Pipeline(("sentences", "nonsense"))
    assert [c.name for c in Pipeline(("sentences", "tokens")).components] == ["sentences",
                                                                             "tokens"]


def test_every_component_documents_itself() -> None:
    for comp in REGISTRY.values():
        assert comp.doc and comp.assigns


def test_a_failing_article_is_recorded_and_the_rest_go_on() -> None:
    @component("explode_on_x", requires=("text",), assigns=("nothing",))
    def _explode(doc: Doc, res: object) -> None:
        if doc.doc_id == "x":
            raise RuntimeError("boom")

    try:
        pipe = Pipeline(("sentences", "explode_on_x"))
        items = [RawArticle("a", GOOD, "text"), RawArticle("x", GOOD, "text"),
                 RawArticle("empty", "   \n", "text"), RawArticle("b", GOOD, "text")]
        out = list(pipe.pipe(items))
    finally:
        del REGISTRY["explode_on_x"]
    assert [getattr(o, "doc_id", None) for o in out] == ["a", "x", "empty", "b"]
    assert isinstance(out[1], Failure) and "boom" in out[1].reason
    assert "explode_on_x" in out[1].reason
    assert isinstance(out[2], Failure) and "no article text" in out[2].reason
    assert isinstance(out[0], Doc) and isinstance(out[3], Doc)


def test_worker_processes_keep_input_order_and_results() -> None:
    items = [RawArticle(f"d{i}", GOOD.replace("موسكو", city), "text")
             for i, city in enumerate(["موسكو", "مينسك", "طرابلس", "بنغازي", "باماكو"] * 3)]
    single = list(Pipeline().pipe(items))
    multi = list(Pipeline().pipe(items, n_process=2, batch_size=4))
    assert [d.doc_id for d in multi] == [d.doc_id for d in single]
    for a, b in zip(single, multi, strict=True):
        assert isinstance(a, Doc) and isinstance(b, Doc)
        assert [(m.start, m.end, m.kb_id) for m in a.mentions] == \
            [(m.start, m.end, m.kb_id) for m in b.mentions]
        assert len(a.events) == len(b.events)


@pytest.mark.parametrize("text,published", [
    ("العلا، 5 يناير 2021 – وقّع قادة دول الخليج بيان القمة.", "2021-01-05"),
    ("القاهرة - 12 مايو 2025 (رويترز) - قال مسؤول إن المحادثات انتهت.", "2025-05-12"),
    ("قال مسؤول في 12 مايو 2025 إن المحادثات انتهت.", None),  # a date in a sentence is no dateline
])
def test_a_dateline_opening_the_first_paragraph(text: str, published: str | None) -> None:
    doc = Pipeline().process(RawArticle("d", text, "text"))
    assert (doc.published.isoformat() if doc.published else None) == published


# -- the time budget of one article (issue #15) ----------------------------------------------

def _with_stall(names: tuple[str, ...] = ("sentences",)):  # type: ignore[no-untyped-def]
    """A pipeline whose component 'stall' busy-loops on the article with id 'slow' (in
    Python code, as a quadratic loop would) and never returns by itself."""

    @component("stall", requires=("text",), assigns=("stalled",))
    def _stall(doc: Doc, res: object) -> None:
        """Loop for ever on the article 'slow' (spending CPU: the budget counts CPU time)."""
        while doc.doc_id == "slow":
            sum(range(1000))

    return names + ("stall",)


def test_an_article_over_its_budget_is_a_failure_and_the_run_goes_on() -> None:
    import time

    try:
        pipe = Pipeline(_with_stall(), article_seconds=0.3)
        items = [RawArticle("a", GOOD, "text"), RawArticle("slow", GOOD, "text"),
                 RawArticle("b", GOOD, "text")]
        t0 = time.perf_counter()
        out = list(pipe.pipe(items))
    finally:
        del REGISTRY["stall"]
    assert time.perf_counter() - t0 < 5
    assert [type(o).__name__ for o in out] == ["Doc", "Failure", "Doc"]
    fail = out[1]
    assert isinstance(fail, Failure) and fail.code == "E022"
    assert "time budget of 0.3 s" in fail.reason and "'stall'" in fail.reason


def test_the_budget_holds_in_worker_processes() -> None:
    try:
        pipe = Pipeline(_with_stall(), article_seconds=0.3)
        items = [RawArticle(i, GOOD, "text") for i in ("a", "slow", "b", "c")]
        out = list(pipe.pipe(items, n_process=2, batch_size=1))
    finally:
        del REGISTRY["stall"]
    assert [type(o).__name__ for o in out] == ["Doc", "Failure", "Doc", "Doc"]


def test_outside_the_main_thread_the_budget_is_checked_between_components() -> None:
    import threading

    from marsad import budget

    @component("slow_step", requires=("text",), assigns=("slowed",))
    def _slow(doc: Doc, res: object) -> None:
        """Spend more CPU than the budget, then return."""
        import time

        if doc.doc_id == "slow":
            t0 = time.thread_time()
            while time.thread_time() - t0 < 0.4:
                sum(range(1000))

    out: list = []
    modes: list[str] = []
    try:
        pipe = Pipeline(("sentences", "slow_step"), article_seconds=0.2)
        items = [RawArticle("slow", GOOD, "text"), RawArticle("a", GOOD, "text")]
        worker = threading.Thread(target=lambda: (modes.append(budget.mode()),
                                                  out.extend(pipe.pipe(items))))
        worker.start()
        worker.join()
    finally:
        del REGISTRY["slow_step"]
    assert modes == ["between-components"]
    assert isinstance(out[0], Failure) and out[0].code == "E022"
    assert isinstance(out[1], Doc)


def test_an_article_that_only_waits_is_not_over_its_budget() -> None:
    # the budget counts CPU time: an article held up by a busy machine (here: sleeping) is
    # not failed for the machine's load
    @component("wait", requires=("text",), assigns=("waited",))
    def _wait(doc: Doc, res: object) -> None:
        """Wait longer than the budget without spending CPU."""
        import time

        time.sleep(0.5)

    out = Pipeline(("sentences", "wait"), article_seconds=0.2).process_safe(
        RawArticle("a", GOOD, "text"))
    assert not isinstance(out, Failure)


def test_the_budget_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    from marsad.budget import DEFAULT_SECONDS, ENV

    monkeypatch.delenv(ENV, raising=False)
    assert Pipeline(("sentences",)).article_seconds == DEFAULT_SECONDS
    monkeypatch.setenv(ENV, "0.5")
    assert Pipeline(("sentences",)).article_seconds == 0.5
    assert Pipeline(("sentences",), article_seconds=0).article_seconds == 0  # no limit
    monkeypatch.setenv(ENV, "soon")
    with pytest.raises(PipelineError, match=ENV):
        Pipeline(("sentences",))


def test_an_unexpected_error_while_cleaning_is_a_failure(monkeypatch: pytest.MonkeyPatch) -> None:
    import marsad.clean.text_rules as rules

    def boom(text: str):  # type: ignore[no-untyped-def]
        raise RuntimeError("cleaner bug")

    monkeypatch.setattr(rules, "clean_text", boom)
    (res,) = Pipeline(("sentences",)).pipe([RawArticle("a", GOOD, "text")])
    assert isinstance(res, Failure) and "cleaner bug" in res.reason and "cleaning" in res.reason


def test_a_previous_alarm_is_restored_after_an_article() -> None:
    import signal

    from marsad.budget import mode

    if mode() != "signal":
        pytest.skip("no interval timers here")
    signal.setitimer(signal.ITIMER_REAL, 100)
    try:
        Pipeline(("sentences",), article_seconds=1).process_safe(RawArticle("a", GOOD, "text"))
        left, _ = signal.getitimer(signal.ITIMER_REAL)
        assert 90 < left <= 100
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


def test_a_book_length_text_is_refused_at_once_naming_the_file(tmp_path) -> None:
    """Issue #15: a 20 MB text given as one article held the run for its whole time budget;
    past MAX_TEXT_CHARS it fails at once with the file named, and the run goes on."""
    from marsad.doc import Failure
    from marsad.ingest import MAX_TEXT_CHARS, RawArticle

    para = "وصل الوزير إلى العاصمة صباح الأحد في زيارة رسمية تستمر يومين.\n"
    big = RawArticle("big", para * (MAX_TEXT_CHARS // len(para) + 2), "text",
                     path=str(tmp_path / "big.txt"))
    small = RawArticle("small", para * 3, "text", path=str(tmp_path / "small.txt"))
    p = Pipeline()
    res = p.process_safe(big)
    assert isinstance(res, Failure) and res.code == "E010"
    assert "too long for one article" in res.reason and "big.txt" in res.reason
    assert not isinstance(p.process_safe(small), Failure)


def test_an_undated_article_s_weekday_is_the_stated_day_that_falls_on_it() -> None:
    from datetime import date

    def dated(text: str) -> list:
        doc = Pipeline(("sentences", "tokens", "dates")).process(RawArticle("w", text, "text"))
        return [(d.text, d.first) for d in doc.dates]

    # 12 November 2011 was a Saturday
    assert ("السبت", date(2011, 11, 12)) in dated(
        "القاهرة، 12 نوفمبر 2011. وقررت الجامعة، السبت، تعليق عضوية الوفد.")
    assert ("الأحد", None) in dated(
        "القاهرة، 12 نوفمبر 2011. وقررت الجامعة، الأحد، تعليق عضوية الوفد.")
    # two stated Saturdays: which one is not said
    assert ("السبت", None) in dated(
        "جرت الجولة الأولى في 12 نوفمبر 2011 والثانية في 19 نوفمبر 2011. وأعلنت اللجنة "
        "النتائج السبت.")


def test_warm_up_leaves_its_tables_out_of_the_collectors_walks() -> None:
    """The tables warm_up loads live as long as the process: they end frozen (the
    collections each article's garbage triggers skip them) and the collector is on again;
    warming up again (pipe() does on every call) freezes nothing of the caller's."""
    p = Pipeline()
    p.warm_up()
    assert gc.isenabled()
    frozen = gc.get_freeze_count()
    assert frozen > 0
    kept = [[i] for i in range(1000)]  # the caller's own objects, made after the warm-up
    p.warm_up()
    assert gc.get_freeze_count() == frozen and kept
    assert Pipeline().process(RawArticle("a", "زار الوزير القاهرة يوم الأحد.", "text")).tokens
