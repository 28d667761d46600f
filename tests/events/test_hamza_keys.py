"""Hamza collisions in the trigger matcher (session 11, issue #14): the key drops a bare
hamza, so a verbal noun in ء with a possessive in the accusative (إنهاءها، إخلاءه،
استدعاءه) keys like the past verb with its object pronoun (أنهاها، أخلاه، استدعاه). The
written word decides: with the hamza it is the noun, without it the verb."""

from __future__ import annotations

from marsad.events.triggers import hamza_written
from marsad.ingest import RawArticle
from marsad.pipeline import Pipeline

_PIPE = Pipeline()


def _hits(text: str) -> list[tuple[str, str]]:
    doc = _PIPE.process(RawArticle("h", text, "text"))
    hits = _PIPE.resources.triggers.find(doc.text, doc.tokens)
    return [(doc.text[h.start : h.end], h.trigger.pos) for h in hits]


def test_hamza_written_tells_the_noun_from_the_verb() -> None:
    assert hamza_written("إنهاءها") and hamza_written("إخلاءَه") and hamza_written("استدعاء")
    assert not hamza_written("أنهاها") and not hamza_written("أخلاه")
    assert not hamza_written("إنهائها")  # the genitive seat keys apart already


def test_a_verbal_noun_in_hamza_with_a_possessive_is_no_verb() -> None:
    hits = _hits("وقالت الحكومة إنها تدرس إنهاءها، في إشارة إلى الاتفاقية الأمنية مع الجارة.")
    assert ("إنهاءها", "verb") not in hits, hits
    hits = _hits("وأرجأت الخارجية استدعاءه، في إشارة إلى السفير المعتمد لديها.")
    assert not any(w == "استدعاءه" and pos == "verb" for w, pos in hits), hits


def test_the_verb_with_its_object_pronoun_is_still_the_verb() -> None:
    hits = _hits("وكانت الدولة قد وقعت الاتفاقية مع جارتها ثم ألغاها الرئيس الجديد العام الماضي.")
    assert ("ألغاها", "verb") in hits, hits
