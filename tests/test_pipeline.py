"""The pipeline: the chain of components is checked, failures are isolated, order is kept."""

from __future__ import annotations

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
