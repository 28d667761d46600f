"""The trigger lexicon (``data/ar/triggers.yaml``) compiled into a phrase index."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..data import load_yaml, number_words
from ..doc import PLOVER_TYPES, Token
from ..errors import DataFileError
from ..text.normalize import match_key
from ..text.scan import positions_in
from ..text.segment import QUOTES, proclitic_splits, proclitics

ROLE_SCHEMES = ("subject_actor", "subject_target", "first_actor", "first_target",
                "main_subject")
NOUN_SUFFIXES = ("ه", "ها", "هما", "هم")
_SUFFIXES_LONGEST_FIRST = tuple(sorted(NOUN_SUFFIXES, key=len, reverse=True))
# The person/number endings of a verb, past and present alike (a listed form may be either;
# an ending that does not fit it makes a string no text holds): حذرت، حذرا، حذرتا، حذروا،
# حذرنا، حذرتم؛ يحذران، يحذرون
# (not the feminine plural ن: أيد + ن is the name بايدن behind ب). A three-letter stem takes
# no dual ا or ان: فعلا is its verbal noun in the accusative (شكرا، سلما) and فعلان a name
# (سلمان).
_PERSON_SUFFIXES = ("ت", "ا", "تا", "وا", "نا", "تم", "ان", "ون")
_DUAL_SUFFIXES = ("ا", "ان")
# What stands between a verb and its object pronoun: nothing (اعتقله), the feminine ت
# (اعتقلته), the plural و with its alef dropped (اعتقلوهم), the dual ا (زاراه), the present
# plural ون (يستقبلونه)
_OBJECT_BRIDGES = ("", "ت", "و", "ا", "ون")


def word_list(name: str) -> frozenset[str]:
    """The closed word list ``name`` of ``triggers.yaml``, as match keys."""
    items = load_yaml("ar/triggers.yaml").get(name)
    if not isinstance(items, list) or not all(isinstance(w, str) and w for w in items):
        raise DataFileError(f"ar/triggers.yaml: {name} must be a list of words")
    return frozenset(match_key(w) for w in items)


# Words of time that take a verbal noun (triggers.yaml), alone or behind و
_TIME_FRAMES = frozenset(p + w for p in ("", "و") for w in word_list("time_frames"))
# present-tense prefixes a third-person masculine form (يعتقل) shares its stem with: the
# feminine (تعتقل) and the first person plural of quoted statements (نعتقل)
_PRESENT_PREFIXES = ("ت", "ن")


def verb_forms(key: str) -> dict[str, str]:
    """Every person/number form of a one-word verb form (a match key) and its forms with an
    object pronoun, each with the pronoun it ends in ('' for none).

    Regular stems take the endings as they are (حذر → حذروا، حذرتم؛ اعتقل → اعتقلهم،
    اعتقلته). A past form in ي (folded ى: التقى، استدعى) drops it before ت and وا and
    writes it as alef before a pronoun (التقت، التقوا، التقاه); one in alef (دعا) drops it
    before ت and وا (دعت، دعوا، دعاه). A present form in ي (يلتقي) keeps it (يلتقيان،
    يلتقيه). A form in ي-/ي- also gives its ت- and ن- forms (يعتقل → تعتقل، نعتقل)."""
    stems = [key]
    if key.startswith("ي") and len(key) >= 4:
        stems += [p + key[1:] for p in _PRESENT_PREFIXES]
    out: dict[str, str] = {}
    for w in stems:
        out.setdefault(w, "")
        if len(w) < 3:
            continue
        if w.endswith("ي") and len(w) >= 4:  # defective: التقي / يلتقي
            stem = w[:-1]
            forms = [stem + "ت", w + "ا", stem + "تا", stem + "وا", w + "ت", w + "نا",
                     w + "تم", w + "ان", stem + "ون"]
            objects = [(b, p) for b in (stem + "ا", w, stem + "ت", stem + "و")
                       for p in NOUN_SUFFIXES]
        elif w.endswith("ا") and not w.endswith(("وا", "تا")):  # دعا، عفا
            stem = w[:-1]
            forms = [stem + "ت", stem + "وا", stem + "تا"]
            objects = [(b, p) for b in (w, stem + "ت", stem + "و") for p in NOUN_SUFFIXES]
        else:
            forms = [w + s for s in _PERSON_SUFFIXES
                     if len(w) > 3 or s not in _DUAL_SUFFIXES]
            objects = [(w + b, p) for b in _OBJECT_BRIDGES for p in NOUN_SUFFIXES]
        for f in forms:
            out.setdefault(f, "")
        for base, p in objects:
            out.setdefault(base + p, p)
    return out


@dataclass(frozen=True, slots=True)
class Trigger:
    id: str
    type: str
    mode: str | None
    pos: str
    roles: str
    requires: frozenset[str]
    unless: tuple[tuple[str, ...], ...] = ()  # phrases right after that cancel the trigger
    mutual: bool = False  # every side acts alike (agreements, clashes): no targets
    reach: int = 8  # words after the trigger where a requirement may stand
    before: bool = True  # the requirement may also stand in the two words before
    # words right before the trigger that cancel it ("قبل مغادرته"، "عدم التزام")
    not_after: tuple[tuple[str, ...], ...] = ()
    not_after_reach: int = 1  # how many words back such a word may stand ("طلب السراج إرسال")
    # words one of which must stand right before the trigger (quotes passed over): "على"
    # owes an act only after "إن/أن" ("قال إن على إسرائيل الانسحاب")
    only_after: frozenset[str] = frozenset()
    # proclitics behind which the trigger is no event: the ل of purpose (لإرسال، للهجوم على
    # "in order to attack"; ل stands for لل too), the ب of manner or of a charge's content
    # ("بالتنسيق مع"، "اتهمه بإرسال أسلحة")
    not_behind: frozenset[str] = frozenset()
    # whether a required word may stand behind a clitic (و، ب، ل، ال …); false for a
    # predicate in the indefinite accusative ("اعتبرتها انقلابا"), which takes none: "الإرهابي"
    # after اعتبر is a noun phrase of the sentence, not what the thing is called
    requires_clitics: bool = True
    # the act named behind ب within ``reach`` words after the trigger is its content, no
    # event of its own: "هددت واشنطن بفرض عقوبات" (a threat, no sanctions imposed)
    content_behind_b: bool = False
    # words within ``reach`` words after the trigger that cancel it: what a warning foresees
    # ("حذرت الأمم المتحدة من كارثة إنسانية": a danger, no threat)
    not_within: frozenset[str] = frozenset()
    # nouns that, as the trigger's object (after it, before any required noun) or as the
    # head of its relative clause ("التقارير التي ينشرها"), give the verb another sense:
    # نشر "published" ("نشر المتحدث العسكري بيانا") rather than "deployed"
    not_object: frozenset[str] = frozenset()
    # derived: the last words of the not_after phrases and the first words of the unless
    # phrases, to pass over tokens no phrase can match (most tokens)
    not_after_lasts: frozenset[str] = field(default=frozenset(), compare=False)
    unless_firsts: frozenset[str] = field(default=frozenset(), compare=False)
    unless_prefixed: bool = field(default=False, compare=False)  # an unless word ends in *
    # derived: the requirements of several words ("مذكرة توقيف"), matched word by word
    requires_phrases: tuple[tuple[str, ...], ...] = field(default=(), compare=False)
    # derived: their second words (a window position is tried only where one follows)
    requires_seconds: frozenset[str] = field(default=frozenset(), compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "not_after_lasts",
                           frozenset(p[-1] for p in self.not_after))
        object.__setattr__(self, "unless_firsts", frozenset(p[0] for p in self.unless))
        object.__setattr__(self, "unless_prefixed",
                           any(w.endswith("*") for p in self.unless for w in p))
        object.__setattr__(self, "requires_phrases",
                           tuple(tuple(r.split(" ")) for r in sorted(self.requires) if " " in r))
        object.__setattr__(self, "requires_seconds",
                           frozenset(p[1] for p in self.requires_phrases))


@dataclass(frozen=True, slots=True)
class TriggerHit:
    trigger: Trigger
    start: int
    end: int
    first_token: int
    last_token: int
    pronoun: str = ""  # an attached pronoun standing for a participant: ه (استقبله)، ها (هجومها)
    # a verb's form behind a preposition is its verbal noun ("تقضي برفع"، "قام بنشر"): read
    # with the verb's sense, its participants as a noun's
    as_noun: bool = False


def _expand(form_key: str, pos: str, inflect: bool, objects: bool = True) -> dict[str, str]:
    """The keys a form is found under, each with the attached pronoun it ends in ('' for
    none). Verbs: every person/number form, and with an object pronoun (unless ``objects``
    is false) when the form is one word (the first word of a verb phrase takes the endings:
    "توصل إلى اتفاق" → "توصلوا إلى اتفاق"), unless ``inflect`` is false. Nouns: the
    accusative alef, the regular plural and dual of a noun in ة (زيارة → زيارات، زيارتين),
    and with ``inflect`` the possessives."""
    out = {form_key: ""}
    words = form_key.split(" ")
    if pos == "verb":
        if not inflect:
            return _object_after_preposition(out)
        if len(words) == 1:
            out.update((k, p) for k, p in verb_forms(form_key).items()
                       if k not in out and (objects or not p))
            return out
        rest = form_key[len(words[0]):]
        for k, p in verb_forms(words[0]).items():
            if not p:
                out.setdefault(k + rest, "")
        return _object_after_preposition(out)
    last = words[-1]
    head = form_key[: len(form_key) - len(last)]
    if len(words) == 1 and not form_key.endswith(("ه", "ا", "ي")):
        out.setdefault(form_key + "ا", "")  # the accusative tanwin written with alef: هجوما
    stems = [head + last]
    if last.endswith("ه") and len(last) >= 4:  # ة folded: زيارة → زيارته، زياراتهم
        stem = head + last[:-1]
        stems = [stem + "ت"]
        if len(words) == 1:  # the plural and dual: زيارات، زيارتان، زيارتين
            for k in (stem + "ات", stem + "تان", stem + "تين"):
                out.setdefault(k, "")
            stems.append(stem + "ات")
    if inflect:
        for st in stems:
            for p in NOUN_SUFFIXES:
                out.setdefault(st + p, p)
    return _object_after_preposition(out)


def _hamza_possessives(forms: list, form_key: str, expanded: dict[str, str]) -> dict[str, str]:
    """A one-word verbal noun written with a final hamza (إنهاء، إخلاء، استدعاء) with a
    possessive in the accusative: the key drops the hamza, so إنهاءها keys as the verb أنهاها
    ("ended it") and is read as one unless the noun has the form too. The keys are added to
    ``expanded`` (with their pronoun) and returned; the text's hamza decides which is meant."""
    written = [str(f) for f in forms if match_key(str(f)) == form_key]
    if " " in form_key or not any(w.rstrip(_HARAKAT).endswith("اء") for w in written):
        return {}
    out = {form_key + p: p for p in NOUN_SUFFIXES}
    for k, p in out.items():
        expanded.setdefault(k, p)
    return out


# Short vowels, tanween, shadda and sukun a written word may end with
_HARAKAT = "".join(chr(c) for c in range(0x064B, 0x0660))


def hamza_written(surface: str) -> bool:
    """The word is written with a bare hamza after its alef, alone or before a possessive:
    "إنهاءها"، "إخلاءه" (verbal nouns) — the verb forms they key like are written without
    it: "أنهاها"، "أخلاه"."""
    word = surface.rstrip(_HARAKAT)
    for p in _SUFFIXES_LONGEST_FIRST:
        if word.endswith(p):
            word = word[: -len(p)].rstrip(_HARAKAT)
            break
    return word.endswith("اء")


# prepositions that end a phrase trigger and take its object ("القبض على"، "الإفراج عن")
_OBJECT_PREPOSITIONS = ("علي", "عن")


def _object_after_preposition(out: dict[str, str]) -> dict[str, str]:
    """A phrase that ends in its object's preposition, also with the object as a pronoun on
    it: "القبض عليهم"، "أفرجت عنه"، "الإفراج عنهما". The pronoun is the object, not the
    possessor or the subject, so it is not recorded as the trigger's pronoun."""
    for key in list(out):
        head, _, last = key.rpartition(" ")
        if head and last in _OBJECT_PREPOSITIONS:
            for p in NOUN_SUFFIXES:
                out.setdefault(f"{head} {last}{p}", "")
    return out


def _with_numbers(words: Iterable[str]) -> frozenset[str]:
    """Required words (match keys) with the dual and the plural of each one-word noun in ة
    (folded ه): the object of a verb may be one or several ("وقع البلدان مذكرتي تفاهم"،
    "أغلقت السلطات ثلاث قنصليات"): اتفاقية → اتفاقيتين، اتفاقيتان، اتفاقيتي، اتفاقيتا،
    اتفاقيات."""
    out = set()
    for w in words:
        out.add(w)
        if " " not in w and w.endswith("ه") and len(w) >= 4:
            stem = w[:-1]
            out.update(stem + e for e in ("ات", "تان", "تين", "تي", "تا"))
    return frozenset(out)


def _parse_trigger(rec: dict) -> Trigger:
    """One record of triggers.yaml as a Trigger (a clear error naming the file)."""
    try:
        trig = Trigger(
            rec["id"], rec["type"], rec.get("mode"), rec["pos"],
            rec.get("roles", "subject_actor"),
            _with_numbers(match_key(w) for w in rec.get("requires") or ()),
            tuple(tuple(match_key(w).split(" ")) for w in rec.get("unless") or ()),
            bool(rec.get("mutual")),
            int(rec.get("requires_reach", 8)),
            bool(rec.get("requires_before", True)),
            tuple(tuple(match_key(w).split(" ")) for w in rec.get("not_after") or ()),
            not_after_reach=int(rec.get("not_after_reach", 1)),
            only_after=frozenset(match_key(w) for w in rec.get("only_after") or ()),
            not_behind=frozenset(rec.get("not_behind") or ()),
            requires_clitics=bool(rec.get("requires_clitics", True)),
            content_behind_b=bool(rec.get("content_behind_b")),
            not_within=frozenset(match_key(w) for w in rec.get("not_within") or ()),
            not_object=frozenset(match_key(w) for w in rec.get("not_object") or ()),
        )
    except KeyError as e:
        raise DataFileError(f"trigger {rec!r} lacks {e}", path="ar/triggers.yaml") from e
    if trig.type not in PLOVER_TYPES or trig.roles not in ROLE_SCHEMES \
            or trig.pos not in ("verb", "noun"):
        raise DataFileError(f"trigger {trig.id}: bad type/roles/pos", path="ar/triggers.yaml")
    return trig


class TriggerIndex:
    def __init__(self, records: list[dict], fillers: Iterable[str] = (),
                 lam_governors: Iterable[str] = ()) -> None:
        self.fillers = frozenset(match_key(w) for w in fillers)
        # words whose complement takes ل ("تعرضت القاعدة لهجوم"، "تصدى الجيش لهجوم"): behind
        # them a trigger's ل is no ل of purpose
        self.lam_governors = frozenset(match_key(w) for w in lam_governors)
        # a form may trigger several types; the first whose requirement is met wins
        # (وصل with troops nearby is MOBILIZE, otherwise a visit)
        self.index: dict[str, list[Trigger]] = {}
        prefixes: set[str] = set()
        generated_pronouns: dict[str, str] = {}
        verb_h: set[str] = set()  # a verb with the pronoun ه made here (اعتقله)
        generated_verbs: set[str] = set()
        listed_all: set[str] = set()
        hamza_keys: set[str] = set()  # a verbal noun in ء with a possessive (إنهاءها)
        for rec in records:
            trig = _parse_trigger(rec)
            # verbs take every person/number form unless told not to (participles
            # of the main clause do not: مشيدا); nouns their possessives when told to
            inflect = bool(rec.get("inflect", trig.pos == "verb" and trig.roles != "main_subject"))
            listed = dict.fromkeys(match_key(str(f)) for f in rec["forms"])
            listed_all.update(listed)
            # generated forms that are another common word (تحقق "was achieved")
            never = {match_key(str(f)) for f in rec.get("not_forms") or ()}
            for form in listed:
                expanded = _expand(form, trig.pos, inflect, bool(rec.get("object_pronouns", True)))
                if trig.pos == "noun":
                    hamza_keys.update(_hamza_possessives(rec["forms"], form, expanded))
                for key, pron in expanded.items():
                    if key in never:
                        continue
                    if key not in listed and trig.pos == "verb":
                        generated_verbs.add(key)
                    lst = self.index.setdefault(key, [])
                    if trig not in lst:
                        lst.append(trig)
                    if pron and key not in listed:
                        generated_pronouns.setdefault(key, pron)
                        if pron == "ه" and trig.pos == "verb":
                            verb_h.add(key)
                    toks = key.split(" ")
                    for n in range(1, len(toks)):
                        prefixes.add(" ".join(toks[:n]))
        # a generated verb form that a noun trigger lists is the noun: استقالته is "his
        # resignation", not استقالت + ه
        generated_verbs -= listed_all
        # (the written hamza tells these apart in the text: find reads them one by one)
        self._hamza_keys = frozenset(k for k in hamza_keys
                                     if any(t.pos == "verb" for t in self.index[k]))
        for key in generated_verbs - self._hamza_keys:
            lst = self.index[key]
            if any(t.pos == "noun" for t in lst):
                lst[:] = [t for t in lst if t.pos == "noun"]
        self.prefixes = frozenset(prefixes)
        self._gen_pronoun = generated_pronouns
        # folded, a verb with ه is also a noun in ة (طالبه / طالبة، حمله / حملة): a token
        # written with ة is never the verb form
        self._verb_h = frozenset(verb_h)
        self.noun_keys = frozenset(k for k, ts in self.index.items()
                                   if any(t.pos == "noun" for t in ts))
        # first words of the noun phrases, for a possessive on a phrase's first word
        # ("سيطرتها الكاملة على")
        self._noun_firsts = frozenset(k.split(" ")[0] for k in self.noun_keys if " " in k)
        self.openable = self._openable(generated_verbs)
        self._vcache: dict[str, list[tuple[str, int, bool, bool, bool, str]]] = {}
        self._pcache: dict[str, str] = {}  # trigger key -> the pronoun it ends in
        for trig in {id(t): t for ts in self.index.values() for t in ts}.values():
            _clitic_forms(trig)

    def _openable(self, generated_verbs: set[str]) -> frozenset[str]:
        """Every key a token can have and still open a trigger: a form's first word behind
        any proclitic sequence; other tokens are passed over without looking at them (a
        generated verb form takes only the clitics a verb takes: و، ف، ل، س — a smaller set
        to hold: the person and pronoun forms are most of the keys)."""
        firsts = {k.split(" ")[0] for k in self.index
                  if k not in generated_verbs or k in self.noun_keys}
        verb_firsts = {k.split(" ")[0] for k in generated_verbs} - firsts
        clitics = ("",) + tuple(match_key(p) for p in proclitics()) + ("لل",)
        verb_clitics = tuple(c for c in clitics if not c.strip("وفلس"))
        return frozenset(c + w for w in firsts for c in clitics) | frozenset(
            c + w for w in verb_firsts for c in verb_clitics)

    def find(self, text: str, tokens: Sequence[Token], keys: Sequence[str] | None = None
             ) -> list[TriggerHit]:
        """Longest trigger phrases over the tokens, left to right, not overlapping."""
        out: list[TriggerHit] = []
        if keys is None:
            keys = [match_key(text[t.start : t.end]) for t in tokens]
        n = len(tokens)
        openable = self.openable
        verb_h = self._verb_h
        hamza_keys = self._hamza_keys
        free = 0  # the first token not inside a trigger already found
        # most tokens open no trigger: find the few that may, in one pass, first
        for i in positions_in(keys, openable):
            if i < free or tokens[i].is_punct:
                continue
            best: TriggerHit | None = None
            best_key = ""
            variants = self._variants(text[tokens[i].start : tokens[i].end], keys[i])
            for key, skip, has_article, purpose, preposed, behind in variants:
                cur, j = key, i
                while True:
                    for trig in self.index.get(cur, ()):
                        # a verb never takes the article: التعاون is a noun, not تعاون;
                        # nor the ل of purpose: "لمنح"، "لبحث" are verbal nouns ("to grant")
                        if trig.pos == "verb" and (has_article or purpose or (
                                preposed and cur in self.noun_keys) or (
                                cur in verb_h and text[tokens[i].end - 1] == "ة") or (
                                i > 0 and keys[i - 1] in _TIME_FRAMES
                                and cur in self._gen_pronoun)):
                            # (behind a preposition a form that is also a noun is the
                            # noun: "بطلب من"; "بطرد دبلوماسيين" still reads the verb's sense)
                            continue
                        if cur in hamza_keys and (trig.pos == "verb") == hamza_written(
                                text[tokens[i].start : tokens[i].end]):
                            continue  # إنهاءها is the noun, أنهاها the verb
                        if behind and behind in trig.not_behind and not (
                                behind == "ل" and self.lam_governed(keys, i)):
                            continue
                        if best is not None and j <= best.last_token:
                            break
                        if self._requirement_met(trig, i, j, keys):
                            best = TriggerHit(trig, tokens[i].start + skip, tokens[j].end, i, j,
                                              as_noun=preposed and trig.pos == "verb")
                            best_key = cur
                            break
                    if cur not in self.prefixes:
                        break
                    nxt = j + 1
                    while nxt < n and keys[nxt] in self.fillers:
                        nxt += 1
                    if nxt >= n or tokens[nxt].is_punct:
                        break
                    j = nxt
                    cur = cur + " " + keys[j]
            if best is not None:
                words = best_key.split(" ")
                suffix = self._pronoun(words[-1])
                if suffix == "ه" and text[best.end - 1 : best.end] == "ة":
                    suffix = ""  # استقالة folds like استقال + ه: a ة is no pronoun
                if not suffix and len(words) > 1 and best.trigger.pos == "noun":
                    suffix = self._first_pronoun(words[0])
                if suffix:
                    best = TriggerHit(best.trigger, best.start, best.end, best.first_token,
                                      best.last_token, suffix, best.as_noun)
                out.append(best)
                free = best.last_token + 1
        return self._drop_contents(text, tokens, out)

    @staticmethod
    def _drop_contents(text: str, tokens: Sequence[Token], hits: list[TriggerHit]
                       ) -> list[TriggerHit]:
        """Without the acts that are another trigger's content: the first trigger behind ب
        within the reach of a threat ("هددت واشنطن بفرض عقوبات"، "تهديده بطرد السفير").
        (The demand a protest makes is folded into it once read: protest_makes_its_demand.)"""
        out: list[TriggerHit] = []
        reach_end = -1
        for h in hits:
            if h.first_token <= reach_end:
                lead = match_key(text[tokens[h.first_token].start : h.start])
                if lead.lstrip("و") in ("ب", "بال"):
                    reach_end = -1
                    continue
            out.append(h)
            if h.trigger.content_behind_b:
                reach_end = h.last_token + h.trigger.reach
        return out

    def _variants(self, surface: str, key: str) -> list[tuple[str, int, bool, bool, bool, str]]:
        """The whole token, then its clitic splits with the shortest prefix first (وبحث is
        و + بحث, not وب + حث): (key, prefix length, whether the prefix ends in ال, whether
        it is the ل of purpose, whether any preposition or article stands before the word, the
        preposition ل or ب behind و/ف, '' for none)."""
        cached = self._vcache.get(surface)
        if cached is None:
            splits = sorted(proclitic_splits(surface), key=lambda pr: pr[0])
            # (a verb takes none of these: التعاون، لمنح، بطلب)
            variants = [(key, 0, False, False, False, "")] + [
                _split_variant(match_key(r), p, match_key(surface[:p])) for p, r in splits]
            fused = _fused_article(surface)  # "للاحتجاجات": ل + ال with its alef dropped
            if fused:
                rest = match_key(surface[fused:])
                variants += [_split_variant(k, fused, "لل") for k in (rest, "ال" + rest)]
            cached = [v for v in variants if v[0] in self.index or v[0] in self.prefixes]
            if len(self._vcache) < 200_000:
                self._vcache[surface] = cached
        return cached

    def _pronoun(self, key: str) -> str:
        """The attached pronoun the token ends in and its trigger form lacks ('' if none):
        استقبله (استقبل + ه), زيارته (زيارة + ه), التقاه (التقى + ه)."""
        cached = self._pcache.get(key)
        if cached is None:
            cached = self._pcache[key] = self._find_pronoun(key)  # bounded by the lexicon
        return cached

    def _first_pronoun(self, word: str) -> str:
        """The possessive on the first word of a noun phrase, whose other words stand
        between it and the rest: "سيطرتها الكاملة على" (سيطرة + ها)."""
        for suf in _SUFFIXES_LONGEST_FIRST:
            if len(word) <= len(suf) + 2 or not word.endswith(suf):
                continue
            base = word[: -len(suf)]
            for cand in (base, base[:-1] + "ه" if base.endswith("ت") else ""):
                if cand and (cand in self._noun_firsts or "ال" + cand in self._noun_firsts):
                    return suf
        return ""

    def _find_pronoun(self, key: str) -> str:
        if key in self._gen_pronoun:
            return self._gen_pronoun[key]
        for suf in _SUFFIXES_LONGEST_FIRST:
            if len(key) <= len(suf) + 2 or not key.endswith(suf):
                continue
            base = key[: -len(suf)]
            for cand in (base, base[:-1] + "ه" if base.endswith("ت") else "",
                         base[:-1] + "ي" if base.endswith("ا") else ""):
                if cand and cand in self.index:
                    return suf
        return ""

    def lam_governed(self, keys: Sequence[str], i: int) -> bool:
        """A word that takes its complement with ل stands up to six words before token
        ``i`` ("تعرض موكب الوزير لهجوم"), not across a comma."""
        for k in reversed(keys[max(0, i - 6) : i]):
            if not k[:1].isalnum():
                return False
            if k in self.lam_governors or (k[:1] in "وف" and k[1:] in self.lam_governors):
                return True
        return False

    @staticmethod
    def _requirement_met(trig: Trigger, t_first: int, t_last: int, keys: Sequence[str]) -> bool:
        """Whether the trigger read at tokens ``t_first``..``t_last`` meets its conditions
        (asked before its TriggerHit is built: most candidates of conditioned triggers
        fail)."""
        if not trig.not_after and not trig.unless and not trig.requires \
                and not trig.not_within and not trig.only_after:
            return True  # (most triggers: nothing to check)
        if trig.only_after and not _right_after(trig.only_after, keys, t_first):
            return False
        lasts, firsts = trig.not_after_lasts, trig.unless_firsts
        # (an opening quote right before the trigger is passed over: "وصفتها بأنها «انتهاك»")
        start = t_first
        while start >= 1 and keys[start - 1] in QUOTES:
            start -= 1
        for back in range(trig.not_after_reach if trig.not_after else 0):
            end = start - back
            if back and (end < 1 or not keys[end][:1].isalnum()):
                break  # not across a comma or a quote
            w = keys[end - 1] if end >= 1 else ""
            if w not in lasts and w[1:] not in lasts and not (
                    w[:1] in "وف" and w[2:] in lasts):
                continue  # (no phrase ends on this word: most tokens)
            for phrase in trig.not_after:
                at = end - len(phrase)
                if at < 0 or tuple(keys[at + 1 : end]) != phrase[1:]:
                    continue
                # the word behind و، ف، ل، ب ("وعدم"، "لبحث"، "وبضرورة")
                first = keys[at]
                if phrase[0] in (first, first[1:], first[2:] if first[:1] in "وف" else ""):
                    return False
        nxt = keys[t_last + 1] if t_last + 1 < len(keys) else ""
        unless = trig.unless if nxt in firsts or ("#" in firsts and nxt.isdigit()) or (
            trig.unless_prefixed and any(_prefixed(f, nxt) for f in firsts)) else ()
        for phrase in unless:
            at = t_last + 1
            got = keys[at : at + len(phrase)]
            # "#" stands for a number ("قتل 12 شخصا": a casualty count, not a killer), a
            # word ending in "*" for any word it opens ("ب*": "اتهامها بدعم …")
            if len(got) == len(phrase) and all(
                    w == k or (w == "#" and k.isdigit()) or _prefixed(w, k)
                    for w, k in zip(phrase, got, strict=True)):
                return False
        if trig.not_within:
            after = [k for k in keys[t_last + 1 : t_last + 2 * trig.reach + 1]
                     if k[:1].isalnum()][: trig.reach]
            banned = _with_clitics(trig.not_within)
            if not banned.isdisjoint(after):
                return False
        req = trig.requires
        if not req:
            return True
        # the requirement may stand a little before ("ألف جندي ينتشر") or after the trigger,
        # behind the subject ("وقّع ممثلو الجيش … على"): 8 words after, measured on the demo
        # corpus and the event set (6: one event fewer on each; 10: more false triggers)
        # (words only: quotes and commas around a name do not push the requirement out)
        before = [k for k in keys[max(t_first - 6, 0) : t_first]
                  if k[:1].isalnum()][-2:] if trig.before else []
        reach = trig.reach
        after = [k for k in keys[t_last + 1 : t_last + 2 * reach + 1]
                 if k[:1].isalnum()][:reach]
        window = [*before, *after]
        # the requirement behind a clitic: و، ب، ل، ال، بال، وال + word
        wide = _requirement_forms(req) if trig.requires_clitics else req
        if trig.not_object and _object_not(trig, keys, t_first, after, wide):
            return False
        if not wide.isdisjoint(window):  # (a set test in C)
            return True
        seconds = trig.requires_seconds
        return any(_phrase_at(window, i, p, trig.requires_clitics)
                   for i in range(len(window) - 1) if window[i + 1] in seconds
                   for p in trig.requires_phrases)


# adjectives among the requirements and relative pronouns (triggers.yaml)
_ADJECTIVES = word_list("requirement_adjectives")
_RELATIVES = word_list("relatives")


def _object_not(trig: Trigger, keys: Sequence[str], first: int, after: list[str],
                wide: frozenset[str]) -> bool:
    """Whether the trigger's object, or the head of its relative clause, is one of the
    nouns that give it another sense ("نشر الناطق العسكري بيانا"، "الصور التي نشرها")."""
    banned = _with_clitics(trig.not_object)
    back = [k for k in keys[max(first - 6, 0) : first] if k[:1].isalnum()][-4:]
    if any(k in _RELATIVES for k in back[-3:]) and any(k in banned for k in back):
        return True
    for k in after[:6]:
        if k in banned:
            return True
        if k in wide and k not in _ADJECTIVES:
            return False
    return False


@lru_cache(maxsize=1)
def default_triggers() -> TriggerIndex:
    data = load_yaml("ar/triggers.yaml")
    return TriggerIndex(data["triggers"], data.get("fillers") or (),
                        data.get("lam_governors") or ())


class PhraseSet(frozenset[str]):
    """Multi-word cue phrases indexed by their first word (with or without a leading و/ف).

    A frozenset of the phrases (so ``key in cues`` is a hash lookup in C, asked thousands of
    times per article), with the index that finds them in a token sequence."""

    def __new__(cls, phrases: tuple[str, ...]) -> PhraseSet:
        return super().__new__(cls, phrases)

    def __init__(self, phrases: tuple[str, ...]) -> None:
        self.phrases = phrases
        self.by_first: dict[str, list[list[str]]] = {}
        for p in sorted(set(phrases), key=lambda x: -len(x.split(" "))):
            parts = p.split(" ")
            self.by_first.setdefault(parts[0], []).append(parts)
        # first words as they may be written, with و or ف attached: a set test tells
        # whether a sentence can hold any phrase at all
        self.openers = frozenset(self.by_first) | frozenset(
            c + f for f in self.by_first for c in ("و", "ف"))

    def positions(self, keys: list[str]) -> list[tuple[int, int]]:
        """(first, last) token positions where a phrase starts, longest phrase first."""
        out: list[tuple[int, int]] = []
        openers = self.openers
        if openers.isdisjoint(keys):
            return out
        by_first = self.by_first
        for i in positions_in(keys, openers):
            k = keys[i]
            cands = by_first.get(k) or by_first.get(k[1:])
            if not cands:
                continue
            for parts in cands:
                if keys[i + 1 : i + len(parts)] == parts[1:]:
                    out.append((i, i + len(parts) - 1))
                    break
        return out


def _split_variant(key: str, plen: int, prefix: str
                   ) -> tuple[str, int, bool, bool, bool, str]:
    """A clitic split as a variant: (key, prefix length, the prefix ends in ال, it is the ل
    of purpose, a preposition or the article stands before the word, the preposition ل or
    ب it opens with behind و/ف)."""
    bare = prefix.lstrip("وف")
    return (key, plen, prefix.endswith(("ال", "لل")), bare in ("ل", "لل"),
            bare not in ("", "س"), bare[:1] if bare[:1] in ("ل", "ب") else "")


_MARKS = frozenset(chr(c) for c in range(0x064B, 0x0660)) | {"\u0670", "\u0640"}


def _fused_article(surface: str) -> int:
    """The length of a bare fused ل + ال ("لل") opening ``surface`` (0 if none): the
    proclitic list has it only behind و or ف (ولل، فلل)."""
    letters = [i for i, ch in enumerate(surface) if ch not in _MARKS]
    if len(letters) < 5 or surface[letters[0]] != "ل" or surface[letters[1]] != "ل":
        return 0
    return letters[2]


def _right_after(words: frozenset[str], keys: Sequence[str], first: int) -> bool:
    """One of ``words`` stands right before token ``first``, quotes passed over."""
    at = first - 1
    while at >= 0 and keys[at] in QUOTES:
        at -= 1
    return at >= 0 and keys[at] in words


def _prefixed(pattern: str, key: str) -> bool:
    """Whether ``key`` is a word ``pattern`` ("ب*") opens: the prefix and more letters."""
    return pattern.endswith("*") and len(key) > len(pattern) and key.startswith(pattern[:-1])


def _phrase_at(window: Sequence[str], i: int, phrase: tuple[str, ...], clitics: bool) -> bool:
    """A requirement of several words stands at ``window[i]``, its first word behind a
    clitic when clitics are allowed ("بمذكرة توقيف")."""
    got = window[i : i + len(phrase)]
    if len(got) < len(phrase) or tuple(got[1:]) != phrase[1:]:
        return False
    return got[0] == phrase[0] or (clitics and got[0] in _with_clitics(frozenset(phrase[:1])))


@lru_cache(maxsize=4096)
def _requirement_forms(words: frozenset[str]) -> frozenset[str]:
    """A requirement list as the text may write it: behind a clitic, and a noun of four
    letters or more also in the indefinite accusative ("أرسلت طائرات تحمل عتادا": عتاد)
    and with a possessive ("التزامه بتنفيذه": بتنفيذ; a noun in ة takes it on ت). Short
    words take neither: معا and عليا are other words than مع and على."""
    inflected = set(words)
    for w in words:
        if len(w) < 4 or w.endswith(("ا", "ي", "ء")):
            continue
        if w.endswith("ه"):  # ة folded: مساعدة → مساعدته
            inflected.update(w[:-1] + "ت" + p for p in NOUN_SUFFIXES)
            continue
        inflected.update(w + p for p in NOUN_SUFFIXES)
        if not w.startswith(("ال", "بال", "وال", "لل")):
            inflected.add(w + "ا")
    return _with_clitics(frozenset(inflected))


@lru_cache(maxsize=4096)
def _with_clitics(words: frozenset[str]) -> frozenset[str]:
    """The words and the forms they take behind a clitic (one set per requirement list)."""
    return words | frozenset(p + w for w in words for p in ("و", "ب", "ل", "ال", "بال", "وال"))


def _clitic_forms(trig: Trigger) -> None:
    """Build the clitic forms of the trigger's requirements and bans (cached) with the
    index: they depend on the lexicon alone, and building them for the first sentences
    that ask was a visible share of extracting unseen text."""
    if trig.requires and trig.requires_clitics:
        _requirement_forms(trig.requires)
        for phrase in trig.requires_phrases:
            _with_clitics(frozenset(phrase[:1]))
    for banned in (trig.not_within, trig.not_object):
        if banned:
            _with_clitics(banned)


@lru_cache(maxsize=1)
def cue_lists() -> dict[str, Any]:
    data = load_yaml("ar/triggers.yaml")
    out: dict[str, Any] = {
        sec: {k: PhraseSet(tuple(match_key(w) for w in v)) for k, v in data[sec].items()}
        for sec in ("certainty", "attribution")
    }
    # a sentence with none of these and no trigger cites no source either
    out["attribution_openers"] = frozenset().union(
        *(c.openers for c in out["attribution"].values()))
    out["light_verbs"] = PhraseSet(tuple(match_key(w) for w in data["light_verbs"]))
    out["habitual"] = PhraseSet(tuple(match_key(w) for w in data.get("habitual", ())))
    story = load_yaml("ar/dates.yaml").get("story_relative") or []
    out["story_days"] = {match_key(w): int(e["days"]) for e in story for w in e["words"]}
    out["story_dates"] = PhraseSet(tuple(out["story_days"]))
    out["anaphora"] = {match_key(w): etype for etype, words in data.get("anaphora", {}).items()
                       for w in words}
    cues = load_yaml("ar/ner_cues.yaml")
    out["titles"] = PhraseSet(tuple(match_key(w) for w in cues["person_titles"]))
    # one-word heads that describe a person before the name (titles and roles: "القيادي"،
    # "المعارض"، "الناشط"), for a patient told behind its description
    roles = load_yaml("ar/person_cues.yaml")["person_roles"]
    out["person_heads"] = frozenset(
        match_key(w) for w in (*cues["person_titles"], *roles) if " " not in w)
    # cardinal numbers as words ("ثلاثة"، "عشرات"), for a count of people acted on
    # (and the words of an unnumbered count: "عشرات"، "عدد" in triggers.yaml)
    out["numbers"] = number_words() | word_list("count_words")
    return out
