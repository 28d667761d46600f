"""The trigger lexicon, second round (issue #14): verbal nouns of verb triggers, the fused
لل, the proclitics and the words before a trigger that cancel it, and wrong word senses;
team-written (invented) sentences through the whole pipeline, with negatives for the
ambiguous words."""

from __future__ import annotations

from marsad.events.triggers import default_triggers
from tests.events.test_lexicon import _doc, _hit_ids, _types

TRIGGERS = default_triggers()


def _hits(text: str) -> list[tuple[str, str, str]]:
    doc = _doc(text)
    return [(h.trigger.id, doc.text[h.start : h.end], h.pronoun)
            for h in TRIGGERS.find(doc.text, doc.tokens)]


# ------------------------------------------------------------------ the matcher

def test_fused_lam_article_opens_a_noun_trigger() -> None:
    assert "protest_noun" in _hit_ids("وتعود جذور الأزمة للاحتجاجات التي عمت المدن الكبرى.")


def test_purpose_lam_keeps_an_attack_or_a_release_from_being_an_event() -> None:
    assert "ASSAULT" not in _types("وحشدت القوات الإسرائيلية ألوية للهجوم على مدينة رفح.")
    assert "RETREAT" not in _types("وتسعى الحكومة للانسحاب من منظمة أوبك.")


def test_possessive_on_the_first_word_of_a_phrase_with_a_filler() -> None:
    hits = _hits("وأعلنت قوات الدعم السريع سيطرتها الكاملة على مدينة الفاشر.")
    assert ("assault_control", "سيطرتها الكاملة على", "ها") in hits
