"""Small hand-built resources shared by tests (not fixtures: plain functions)."""

from __future__ import annotations

from marsad.doc import Doc, Entity
from marsad.kb import KnowledgeBase, entry_from_record
from marsad.ner import build_entities, recognise
from marsad.ner.matcher import AliasMatcher
from marsad.text.segment import sentence_spans, tokenize


def small_kb() -> KnowledgeBase:
    recs = [
        {"key": "vladimir_putin", "type": "PER", "name_en": "Vladimir Putin",
         "name_ar": "فلاديمير بوتين", "aliases": ["بوتين"]},
        {"key": "khalifa_haftar", "type": "PER", "name_en": "Khalifa Haftar",
         "name_ar": "خليفة حفتر", "aliases": [{"text": "حفتر", "ambiguous": True}]},
        {"key": "saddam_haftar", "type": "PER", "name_en": "Saddam Haftar",
         "name_ar": "صدام حفتر", "aliases": []},
        {"key": "kremlin", "type": "ORG", "name_en": "Kremlin", "name_ar": "الكرملين",
         "aliases": ["الرئاسة الروسية"]},
        {"key": "russia", "type": "GPE", "name_en": "Russia", "name_ar": "روسيا",
         "aliases": ["الدب الروسي"], "demonyms_ar": ["روسي", "روسية"]},
        {"key": "mali", "type": "GPE", "name_en": "Mali", "name_ar": "مالي",
         "aliases": [{"text": "مالي", "ambiguous": True}]},
        {"key": "niger", "type": "GPE", "name_en": "Niger", "name_ar": "النيجر"},
        {"key": "moscow", "type": "GPE", "name_en": "Moscow", "name_ar": "موسكو",
         "lat": 55.75, "lon": 37.62},
        {"key": "al_jufra_air_base", "type": "FAC", "name_en": "Al-Jufra Air Base",
         "name_ar": "قاعدة الجفرة الجوية", "aliases": ["الجفرة"]},
        {"key": "jufra", "type": "GPE", "name_en": "Jufra", "name_ar": "الجفرة",
         "population": 50000},
        {"key": "niger_junta", "type": "ORG", "name_en": "Niger military junta",
         "name_ar": "المجلس الوطني لحماية الوطن", "country": "niger",
         "generic_aliases": ["المجلس العسكري"]},
        {"key": "mali_junta", "type": "ORG", "name_en": "Mali military junta",
         "name_ar": "المجلس العسكري المالي", "country": "mali",
         "generic_aliases": ["المجلس العسكري"]},
        {"key": "yunus_bek_yevkurov", "type": "PER", "name_en": "Yunus-Bek Yevkurov",
         "name_ar": "يونس بك يفكيروف", "aliases": ["يونس بك يفكوروف", "يفكيروف"]},
    ]
    return KnowledgeBase(entry_from_record(r, "test") for r in recs)



_KB: KnowledgeBase | None = None
_MATCHER: AliasMatcher | None = None


def annotate(text: str) -> Doc:
    """A Doc with sentences, tokens, mentions and entities from the small knowledge base."""
    global _KB, _MATCHER
    if _KB is None:
        _KB = small_kb()
        _MATCHER = AliasMatcher(_KB)
    assert _MATCHER is not None
    doc = Doc("t", text)
    doc.set_sentences(sentence_spans(text))
    doc.set_tokens(tokenize(text, _KB.words.__contains__))
    ents = build_entities(recognise(doc, _KB, _MATCHER), _KB)
    doc.set_mentions(m for e in ents for m in e.mentions)
    doc.set_entities(ents)
    return doc


_PIPE = None


def extract(text: str) -> Doc:
    """A team-written text through the default pipeline up to entities (the real knowledge
    base, loaded once for the test session)."""
    global _PIPE
    from marsad.ingest import RawArticle
    from marsad.pipeline import Pipeline

    if _PIPE is None:
        _PIPE = Pipeline(("sentences", "tokens", "dates", "filing", "entities"))
    return _PIPE.process(RawArticle("t", text, "text"))


def mention_texts(text: str, etype: str) -> set[str]:
    """The mention texts of every entity of type ``etype`` that :func:`extract` finds."""
    return {m.text for e in extract(text).entities if e.type == etype for m in e.mentions}


def entities_with(kb: KnowledgeBase, matcher: AliasMatcher, text: str) -> list[Entity]:
    """Entities of ``text`` recognised against a small hand-built knowledge base."""
    doc = Doc("t", text)
    doc.set_sentences(sentence_spans(text))
    doc.set_tokens(tokenize(text, kb.words.__contains__))
    return build_entities(recognise(doc, kb, matcher), kb)
