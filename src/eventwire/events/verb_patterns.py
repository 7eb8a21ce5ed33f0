"""The verb/noun pattern dictionary (data/verbs.tsv and user files given with `--verbs`), and
matching its patterns against parsed tokens. The file header explains the pattern syntax."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import DictionaryError
from ..knowledge.files import builtin_path, tsv_rows
from ..model import PLOVER_TYPES

ROLE_RULES = {"", "owner>subject", "symmetric", "mediator"}


@dataclass(frozen=True)
class Pattern:
    text: str
    type: str
    mode: str | None
    context: tuple[str, ...]
    cameo: str | None
    roles: str
    nominal: bool
    lemma: str  # the verb, or the head noun
    compound: str | None = None  # nominal: the word before the head ("rocket" attack)
    particles: tuple[str, ...] = ()
    obj: str | None = None
    prep: str | None = None
    prep_obj: str | None = None
    builtin: bool = True  # from data/verbs.tsv, not a user's --verbs file

    @property
    def specificity(self) -> int:
        return len(self.particles) + bool(self.obj) + 2 * bool(self.prep_obj) + bool(self.compound)


def parse_pattern(text: str, fields: dict) -> Pattern:
    """A Pattern from its written form ("take over", "hold +talks", "n:rocket attack")."""
    if text.startswith("n:"):
        words = text[2:].split()
        return Pattern(text, nominal=True, lemma=words[-1].lower(), compound=" ".join(words[:-1]).lower() or None,
                       **fields)
    words = text.split()
    particles, obj, prep, prep_obj = [], None, None, None
    for word in words[1:]:
        if word.startswith("+"):
            obj = word[1:].lower()
        elif ":" in word:
            prep, prep_obj = word.lower().split(":", 1)
        else:
            particles.append(word.lower())
    return Pattern(text, nominal=False, lemma=words[0].lower(), particles=tuple(particles), obj=obj,
                   prep=prep, prep_obj=prep_obj, **fields)


# The type of a pattern that says its words are no event ("released a statement", "dismissed his
# cabinet"): it wins over the shorter patterns of its verb, and the type model may not make an
# event of the word either.
NOT_AN_EVENT = "-"


def read_patterns(path: Path | None = None) -> list[Pattern]:
    """Read a verb dictionary (the built-in one when path is None)."""
    where = str(path or "data/verbs.tsv")
    patterns = []
    for number, fields in tsv_rows(path or builtin_path("verbs.tsv")):
        cells = fields + [""] * 6
        pattern, event_type, mode, context, cameo, roles = cells[:6]
        if event_type not in PLOVER_TYPES and event_type != NOT_AN_EVENT:
            raise DictionaryError(f"{where}:{number}: {event_type!r} is not a PLOVER event type (nor "
                                  f"{NOT_AN_EVENT!r}, no event)")
        if roles not in ROLE_RULES or not pattern:
            raise DictionaryError(f"{where}:{number}: bad pattern or roles {roles!r} (known: {sorted(ROLE_RULES)})")
        fields = {"type": event_type, "mode": mode or None, "cameo": cameo or None, "roles": roles,
                  "builtin": path is None,
                  "context": tuple(c.strip() for c in context.split(";") if c.strip())}
        patterns.append(parse_pattern(pattern, fields))
    return patterns


# Words that count or measure what follows "of": "thousands of troops", "5 million dollars of aid",
# "part of its aid programme", "a mission of observers".
QUANTITY_WORDS = {"thousand", "thousands", "hundred", "hundreds", "dozen", "dozens", "million", "millions",
                  "number", "lot", "lots", "group", "batch", "contingent", "team", "tons", "ton", "tonne", "tonnes",
                  "shipment", "consignment", "convoy", "battalion", "unit", "squad", "wave", "series", "round",
                  "part", "portion", "half", "some", "all", "most", "much", "rest", "bulk", "mission", "package",
                  "kg", "kilograms", "dollars", "dollar", "euros", "euro", "pounds", "francs", "yen", "shillings",
                  "rupees", "worth"}


def _through_quantity(token) -> list:
    """The noun itself and its conjuncts ("sent food and medicine"), and for "thousands of troops",
    "a convoy of aid" also what it counts."""
    return [noun for conjunct in [token, *token.conjuncts] for noun in _counted(conjunct)]


def _counted(token) -> list:
    nouns = [token]
    if token.lemma_.lower() in QUANTITY_WORDS or token.lower_ in QUANTITY_WORDS or token.pos_ == "NUM":
        nouns += [g for p in token.children if p.dep_ == "prep" and p.lower_ == "of"
                  for g in p.children if g.dep_ == "pobj"]
    return nouns


def _names_a_body(noun) -> bool:
    """ "the UN refugee agency", "the Red Cross aid convoy": an organisation's name or part of one."""
    return noun.ent_type_ == "ORG" or any(
        c.ent_type_ == "ORG" or c.dep_ == "appos" for c in noun.children)


def _word_is(token, word: str) -> bool:
    return token.lemma_.lower() == word or token.lower_ == word


class VerbDictionary:
    """Patterns indexed by verb lemma and by head noun; a later pattern with the same text wins."""

    def __init__(self, extra_files: tuple[Path, ...] = ()):
        by_text: dict[str, Pattern] = {}
        for path in (None, *extra_files):
            for pattern in read_patterns(path):
                by_text[pattern.text] = pattern
        self.verbs: dict[str, list[Pattern]] = {}
        self.nouns: dict[str, list[Pattern]] = {}
        for pattern in by_text.values():
            index = self.nouns if pattern.nominal else self.verbs
            index.setdefault(pattern.lemma, []).append(pattern)
        for patterns in (*self.verbs.values(), *self.nouns.values()):
            patterns.sort(key=lambda p: -p.specificity)

    def match_verb(self, token) -> Pattern | None:
        """The most specific verb pattern whose words are all there."""
        patterns = self.verbs.get(token.lemma_.lower(), ())
        if not patterns:
            return None
        # what an object pattern may name, worked out once for all the verb's patterns
        objects = {word for c in token.children if c.dep_ in ("dobj", "nsubjpass")
                   for noun in self.object_words(c) for word in (noun.lemma_.lower(), noun.lower_)}
        for pattern in patterns:
            if self._verb_fits(token, pattern, objects):
                return pattern
        return None

    def object_words(self, token) -> list:
        """The tokens an object pattern may name: the noun; for "thousands of troops" what is counted;
        and for a noun that is no event or name of its own its modifiers ("suspended aid deliveries",
        "eased emergency measures", "ended mediation efforts"). An event noun keeps its own reading
        ("ordered a troop withdrawal" is a withdrawal, not "order +troop"), and so does a name ("forced
        the UN refugee agency out" is not "force out +refugee")."""
        nouns = _through_quantity(token)
        return nouns + [c for noun in nouns if self._plain(noun) for c in noun.children
                        if c.dep_ in ("compound", "amod") and c.i < noun.i]

    def _plain(self, noun) -> bool:
        """A noun whose modifiers say what it is: not an event by itself ("withdrawal"; "mediation
        effort" is an event through its modifier) and not an organisation's name."""
        pattern = self.match_noun(noun)
        return (pattern is None or pattern.type == NOT_AN_EVENT or pattern.compound is not None) \
            and not _names_a_body(noun)

    def match_noun(self, token) -> Pattern | None:
        """The most specific noun pattern for this head noun (with its compound, if the pattern has one)."""
        for key in (token.lemma_.lower(), token.lower_):
            for pattern in self.nouns.get(key, ()):
                if pattern.compound is None or any(
                        c.dep_ in ("compound", "amod") and _word_is(c, pattern.compound) for c in token.children):
                    return pattern
        return None

    @staticmethod
    def _verb_fits(token, pattern: Pattern, objects: set[str]) -> bool:
        children = list(token.children)
        for particle in pattern.particles:
            if not any(c.dep_ in ("prt", "prep", "advmod", "dative") and c.lower_ == particle for c in children):
                return False
        if pattern.obj and pattern.obj not in objects:
            return False
        return not pattern.prep_obj or bool(prep_objects(token, pattern))


def prep_objects(verb, pattern: Pattern) -> list:
    """The nouns a pattern names after its preposition ("talks" in "fell under Taliban control",
    "walked out of the talks": the preposition may hang from the particle)."""
    children = list(verb.children)
    preps = [c for c in children + [g for c in children if c.dep_ in ("prt", "prep") for g in c.children]
             if c.dep_ == "prep" and c.lower_ == pattern.prep]
    return [g for p in preps for g in p.children if g.dep_ == "pobj" and _word_is(g, pattern.prep_obj)]


@lru_cache(maxsize=8)
def load_verbs(extra_files: tuple[Path, ...] = ()) -> VerbDictionary:
    """The verb dictionary with these extra files, built once per process."""
    return VerbDictionary(extra_files)
