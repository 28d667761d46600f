"""A dual head shared by two names: "مطاري أم جرس وأبشي" (marsad/ner/facilities.py)."""

from __future__ import annotations

from ..helpers import extract


def _facilities(sentence: str) -> dict[str, str | None]:
    doc = extract(sentence)
    return {m.text: e.kb_id for e in doc.entities if e.type == "FAC" for m in e.mentions}


def test_two_airports_named_by_their_towns() -> None:
    facs = _facilities("وخصصت الحكومة مطاري الخرطوم ومروي للرحلات الإنسانية.")
    assert set(facs) == {"الخرطوم", "مروي"}   # each name alone: the head is shared


def test_two_crossings_linked_to_the_knowledge_base() -> None:
    facs = _facilities("وأغلقت السلطات معبري رفح وكرم أبو سالم أمس.")
    assert facs == {"رفح": "rafah_crossing", "كرم أبو سالم": "kerem_shalom_crossing"}


def test_no_pair_of_common_words() -> None:
    assert _facilities("وأعلن الجيش أن مطاري الحسم والقرار يعملان.") == {}
