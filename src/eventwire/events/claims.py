"""Claims of responsibility name the attacker: "JNIM claimed responsibility for the attack",
"Islamic State said it was behind the bombing", "the group took credit for the ambush". The
claiming group is the source of the attack (corpus/GUIDELINES.md section 13), and a claim of an
attack told earlier in the article ("A car bomb killed 21 people ... The group claimed the
attack") names that attack's source rather than telling a second one.
"""

from __future__ import annotations

from ..model import Event
from .roles import governing_verb, subjects

CLAIMED_NOUNS = {"responsibility", "credit"}
CLAIM_ROUTE = "the one claiming it"
# the `why` entry that marks an event told by a claim
CLAIM = "claim"


def claimants(noun) -> list:
    """The tokens of whoever claims the act a noun names, or []."""
    head = noun.head
    if noun.dep_ != "pobj":
        return []
    if head.lower_ == "for" and head.head.lemma_.lower() in CLAIMED_NOUNS:
        verb = governing_verb(head.head)  # "claimed responsibility for", "took credit for"
        return subjects(verb) if verb is not None else []
    if head.lower_ == "behind" and head.head.lemma_.lower() == "be":
        being = head.head  # "the group was behind the attack", "X said it was behind the bombing"
        named = [c for c in being.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
        if named or being.dep_ != "ccomp":
            return named
        return subjects(being.head)
    return []


def is_claim(trigger) -> bool:
    """ "claimed responsibility", "took credit": the verb of a claim (the type model reads it as the
    act claimed, as the corpus marks it), or a noun a claim names."""
    if trigger.pos_ in ("VERB", "AUX"):
        return any(c.dep_ == "dobj" and c.lemma_.lower() in CLAIMED_NOUNS for c in trigger.children)
    return bool(claimants(trigger))


def credit_claims(events: list[Event]) -> list[Event]:
    """Events in text order, with each claim of an act told earlier without a doer folded into
    that act: the earlier telling takes the claimant as source and the claim's sentence."""
    kept: list[Event] = []
    for event in events:
        claimed = CLAIM in event.why and event.source and not event.target
        # the act told before without a doer, or already named by another word of this claim
        earlier = next((e for e in reversed(kept) if claimed and e.type == event.type and not e.negated
                        and (not e.source or e.source == event.source)), None)
        if earlier is None:
            kept.append(event)
            continue
        earlier.source = list(event.source)
        earlier.why["source"] = f"a claim of responsibility ({event.why['source']})"
        earlier.told_again_in(event)
    return kept
