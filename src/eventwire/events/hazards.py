"""Disasters are not actors: "Cyclone Remal battered the coast, killing 12", "an earthquake struck
western Nepal", "three people were killed in a landslide" tell of no event, whatever the verb.

The hazard words are data (data/hazards.tsv); an act is a hazard's when the one who does it is a
hazard (the verb's subject, borrowed from the verb it hangs on as roles do, or a passive's agent),
or when a passive or intransitive harm with no agent happened "in" or "during" one.
"""

from __future__ import annotations

from ..knowledge.files import builtin_word_table
from .roles import subjects, with_conjuncts

# Harms that a hazard does without being named their doer: "were killed in a landslide", "died
# in the floods". Other acts in a storm ("were arrested during the storm") keep their reading.
HARM_TYPES = {"ASSAULT", "COERCE"}
ACCIDENT = "accident"
# "fire from government positions", "fire by the soldiers": the fire of guns, not a blaze
FIRED_BY = {"from", "by"}


def hazard_groups() -> dict[str, str]:
    """Hazard word -> its group (data/hazards.tsv)."""
    return builtin_word_table("hazards.tsv")


def names_hazard(token) -> bool:
    """ "the storm", "Cyclone Remal", "flash floods", "the 7.8-magnitude quake", and what a hazard
    happened to ("the collapse of a station canopy that killed 15")."""
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.i != token.head.i \
            and _is_hazard_word(token.head.head):
        return True
    return _is_hazard_word(token)


def _is_hazard_word(token) -> bool:
    words = hazard_groups()
    if token.lemma_.lower() in words or token.lower_ in words:
        return not (token.lemma_.lower() == "fire" and any(
            c.dep_ == "prep" and c.lower_ in FIRED_BY for c in token.children))
    return any(c.dep_ == "compound" and c.i < token.i and (c.lower_ in words or c.lemma_.lower() in words)
               for c in token.children)


def hazard_doer(trigger, event_type: str):
    """The hazard that did what a verb tells, or None when the act is someone's."""
    if trigger.pos_ not in ("VERB", "AUX"):
        return None
    head = trigger.head
    if trigger.dep_ in ("advcl", "conj") and trigger.tag_ == "VBG":  # what the verb it follows did
        if event_type in HARM_TYPES and hazard_groups().get(head.lemma_.lower()) == ACCIDENT:
            return head  # "a building collapsed, killing 12 workers"
        if head.dep_ == "acl" and names_hazard(head.head):
            return head.head  # "A mudslide buried nine homes, killing four", parsed as a headline
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in trigger.children)
    doers = [t for c in trigger.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"
             for t in with_conjuncts(g)] if passive else subjects(trigger)
    found = next((t for t in doers if names_hazard(t)), None)
    if found is not None or doers or event_type not in HARM_TYPES:
        return found
    # no doer named: "were killed in a landslide", "died during the floods", "were killed when a bus
    # plunged into a ravine"
    return next((g for c in trigger.children if c.dep_ == "prep" and c.lower_ in ("in", "during", "by")
                 for g in c.children if g.dep_ == "pobj" and names_hazard(g)), None) or \
        next((c for t in with_conjuncts(trigger) for c in t.children if c.dep_ == "advcl" and _accident(c)), None)


def _accident(clause) -> bool:
    """ "when a bus plunged into a ravine", "as the boat capsized", "after floods swept the village"."""
    return hazard_groups().get(clause.lemma_.lower()) == ACCIDENT or any(names_hazard(s) for s in subjects(clause))
