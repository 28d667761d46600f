"""What the events layer knows of the language: the trigger index, the cue lists of
``triggers.yaml`` and the closed word lists and reaches of ``events.yaml``, compiled once.

Classes of PLOVER types that rules share are here too: they are the layer's schema, not
language data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..data import load_yaml
from ..errors import DataFileError
from ..text.normalize import match_key
from .triggers import TriggerIndex, cue_lists

PARTICIPANT_TYPES = ("PER", "ORG", "GPE")
PLACE_TYPES = ("GPE", "LOC", "FAC")
# Types whose participants travel or are sent: "لروسيا" near the trigger is a destination
MOVING_TYPES = frozenset({"CONSULT", "MOBILIZE", "AID", "RETREAT"})
# Types whose actor a nisba may name ("معدات روسية إلى مالي"، "غارات إسرائيلية"): acts of
# a state's forces. (Protesters of a nationality, "تظاهر أبناء الجالية السورية", are not
# their state.)
MATERIAL_TYPES = frozenset({"MOBILIZE", "AID", "ASSAULT"})
# Acts of force: a nisba'd unit doing one is its state's army when only the army is named
FORCE_TYPES = frozenset({"MOBILIZE", "ASSAULT", "RETREAT", "COERCE"})
# Acts of a crowd: their actor is the crowd named with them, never the subject of the
# sentence's act before ("قصفت إسرائيل القطاع، وخرجت مسيرات في بيروت": not Israel's), nor
# the city it came out in
CROWD_TYPES = frozenset({"PROTEST"})
# Types told without a named party: protests and attacks whose perpetrator is unknown
UNCLAIMED_TYPES = frozenset({"PROTEST", "ASSAULT"})
# deals, partnerships and measures that among companies alone are commerce (gates.py)
COMMERCE_TYPES = frozenset({"AGREE", "COOPERATE", "SANCTION"})
# stances that are news only for who holds them: no event without an actor (gates.py)
HELD_STANCES = frozenset({"SUPPORT", "THREATEN"})
# Types whose modes tell different acts apart (an expulsion and a recall); other types'
# modes are sectors or manners of one act and do not keep two reports of it apart
MODED_TYPES = frozenset({"SANCTION", "COERCE", "RETREAT", "THREATEN"})
# Reactions whose object may be an event told before (see "anaphora" in triggers.yaml)
REACTIONS = frozenset({"ACCUSE", "REJECT", "SUPPORT", "PROTEST", "THREATEN", "REQUEST"})
# Verbs whose object may be an event noun that does not happen on its own ("منعت قافلة"،
# "رفضت مقترحا للهدنة")
BLOCKING = frozenset({"COERCE", "REJECT"})
# Types whose nouns, made definite, point back at an event the article told
REFERABLE = frozenset({"ASSAULT", "SANCTION", "AGREE", "COERCE", "AID", "MOBILIZE", "PROTEST"})
# Types whose object may be named only by a nisba ("دبلوماسيا جزائريا")
# (protesters of a nationality, "تظاهر أبناء الجالية السورية", are not what they protest)
NISBA_TARGET_TYPES = frozenset({"SANCTION", "COERCE", "ASSAULT"})
# Nouns of giving whose "من X" names the giver ("دعم من"، "مساعدات من")
# (and criticism from someone: "انتقادات من المعارضة" names the critic)
GIVEN_TYPES = frozenset({"SUPPORT", "AID", "COOPERATE", "REQUEST", "ACCUSE"})
# Types whose nouns may name a document's topic ("مذكرة تعاون عسكري"، "اتفاقية مساعدات")
DOCUMENT_TOPICS = frozenset({"COOPERATE", "AID"})
# Verbal acts that happen at meetings: with no place of their own, they happen where the
# participant's visit went ("أعرب بيلوسوف عن تقديره لدور حفتر" during Haftar's visit)
DURING_VISIT = frozenset({"CONSULT", "SUPPORT", "AGREE"})


@dataclass(frozen=True)
class Words:
    """The closed word lists of ``events.yaml`` (folded) and its reaches, by name:
    ``words.svo_cues``, ``words.reach["right_reach"]``."""

    lists: dict[str, frozenset[str]]
    reach: dict[str, int]
    # list name -> the first words of its phrases (filled as gates ask: several per trigger)
    firsts: dict[str, frozenset[str]] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        # each list as a plain attribute (rules read them on every token: no __getattr__)
        for name, words in self.lists.items():
            object.__setattr__(self, name, words)

    def first_words(self, name: str) -> frozenset[str]:
        """The first words of list ``name``'s phrases (a sentence without any of them
        holds none of its phrases)."""
        found = self.firsts.get(name)
        if found is None:
            found = self.firsts[name] = frozenset(p.split(" ")[0] for p in self.lists[name])
        return found

    def __getattr__(self, name: str) -> frozenset[str]:
        try:
            return self.__dict__["lists"][name]
        except KeyError:
            raise AttributeError(name) from None


def _load_words(data: Any) -> Words:
    if not isinstance(data, dict) or not isinstance(data.get("words"), dict) \
            or not isinstance(data.get("reaches"), dict):
        raise DataFileError("ar/events.yaml: needs the mappings 'words' and 'reaches'")
    lists: dict[str, frozenset[str]] = {}
    for name, items in data["words"].items():
        if not isinstance(items, list) or not all(isinstance(w, str) and w for w in items):
            raise DataFileError(f"ar/events.yaml: words.{name} must be a list of words")
        lists[name] = frozenset(match_key(w) or w for w in items)
    reach = {}
    for name, value in data["reaches"].items():
        if not isinstance(value, int) or value <= 0:
            raise DataFileError(f"ar/events.yaml: reaches.{name} must be a positive integer")
        reach[name] = value
    return Words(lists, reach)


@lru_cache(maxsize=1)
def words() -> Words:
    return _load_words(load_yaml("ar/events.yaml"))


@dataclass(frozen=True)
class Lexicon:
    """Everything a rule may look words up in."""

    triggers: TriggerIndex
    cues: dict[str, Any]
    words: Words

    @classmethod
    def of(cls, triggers: TriggerIndex) -> Lexicon:
        return cls(triggers, cue_lists(), words())
