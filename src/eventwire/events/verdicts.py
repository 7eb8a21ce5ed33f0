"""What a speaker calls an act or an actor: "Amnesty called the ruling 'a travesty'", "the minister
described the strike as illegal", "Washington branded the group terrorists". News tells most
condemnations and much praise this way rather than with "condemned" or "praised"; the verdict's
words (data/verdicts.tsv) say which it is. The target is who was named, or who did the act named
(`eventwire.events.reactions`).
"""

from __future__ import annotations

from ..knowledge.files import builtin_word_table
from .verb_patterns import Pattern

NAMING_VERBS = {"call", "describe", "brand", "label", "term", "dub"}
# PLOVER type -> (mode, context, CAMEO code), as verbs.tsv codes "condemn" and "praise"
CODING = {"ACCUSE": ("disapprove", (), "111"), "SUPPORT": (None, ("diplomatic",), "051")}


def verdict_words() -> dict[str, str]:
    """Verdict word -> PLOVER type, from data/verdicts.tsv."""
    return builtin_word_table("verdicts.tsv")


def verdict_pattern(verb) -> Pattern | None:
    """The pattern of a naming verb whose verdict is in the list, else None."""
    if verb.lemma_.lower() not in NAMING_VERBS:
        return None
    verdict = _verdict(verb)
    if not verdict:
        return None
    words = verdict_words()
    kinds = [words[t.lemma_.lower()] for t in verdict if t.lemma_.lower() in words] or \
        [words[t.lower_] for t in verdict if t.lower_ in words]
    if not kinds:
        return None
    kind = "ACCUSE" if "ACCUSE" in kinds else "SUPPORT"  # "a historic betrayal" condemns
    mode, context, cameo = CODING[kind]
    return Pattern(f"{verb.lemma_.lower()} +verdict", kind, mode, context, cameo, roles="", nominal=False,
                   lemma=verb.lemma_.lower())


def names_something(verb) -> bool:
    """ "called the report a formality": a naming verb that gives its object a name; whether that
    is a verdict is for the verdict list to say, not the type model."""
    return verb.lemma_.lower() in NAMING_VERBS and bool(_verdict(verb))


def _verdict(verb) -> list:
    """The words of what the object is called: the object predicate ("called the ruling a
    travesty"), an "as" phrase ("described the strike as illegal"), or a second object ("branded
    the group terrorists"), or one set beside the first."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if not objects:
        return []
    said = [c for c in verb.children if c.dep_ in ("oprd", "acomp", "ccomp")]
    said += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" for g in c.children]
    said += objects[1:] + [c for c in objects[0].children if c.dep_ == "appos"]  # the parser's reading of 'the verdict "a travesty"'
    return [t for c in said for t in c.subtree]
