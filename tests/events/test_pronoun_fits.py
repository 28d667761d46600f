"""One table of what an attached pronoun may stand for as the speaker (anaphora.py), read
by the pronoun of a noun ("زيارته") and the subject pronoun of a reported clause ("أنها")."""

from __future__ import annotations

from marsad.events.anaphora import speaker_fits


def test_singular_pronouns_fit_by_gender() -> None:
    # "قال الوزير إن زيارته …": a person or a body; "أعلنت ألمانيا أنها …": a state or a body
    assert set(speaker_fits("ه")) == {"PER", "ORG"}
    assert set(speaker_fits("ها")) == {"ORG", "GPE"}


def test_a_nouns_plural_pronoun_is_no_single_speakers() -> None:
    # "قال القائد إن المقاتلين دمروا الآبار قبل انسحابهم": the fighters', not the speaker's
    assert speaker_fits("هم") == ()
    assert speaker_fits("") == ()
