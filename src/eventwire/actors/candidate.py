"""A candidate actor mention, shared by the modules that find them (`eventwire.actors.mentions`
for names, `eventwire.actors.nouns` for common-noun actors, `eventwire.actors.titles` for people)."""

from __future__ import annotations

import re
from dataclasses import dataclass

ISO3 = re.compile(r"[A-Z]{3}")
# A place after these is where someone goes or what is struck, not whose someone is.
AIMED_PREPS = {"to", "into", "toward", "towards", "onto", "on", "against", "at"}


@dataclass
class Candidate:
    """One actor mention and what it says about its entity."""

    start: int
    end: int
    head: int  # token index of the mention's head
    type: str  # PERSON, ORG, GPE, NORP
    kind: str  # name, hashtag, nominal, pronoun
    name: str
    key: str = ""  # mentions with the same key are one entity ("" for people: set by name clustering)
    canonical: str | None = None  # the entity's name when a dictionary gives it
    code: str | None = None
    member_of: str | None = None  # key of the group a person belongs to
    first: int = -1  # token index range [first, last]
    last: int = -1


def make_candidate(span, type_: str, kind: str, **fields) -> Candidate:
    """A candidate for a spaCy span."""
    return Candidate(span.start_char, span.end_char, span.root.i, type_, kind, span.text,
                     first=span.start, last=span.end - 1, **fields)


def nation_code(candidate: Candidate | None) -> str | None:
    """The code a sector word composes with when this candidate owns it: a country ("Afghan"), a
    people coded like one ("Kurdish"), or a city standing for its country ("Kabul police")."""
    if candidate is None or not candidate.code:
        return None
    if candidate.key.startswith(("country:", "ethnic:")):
        return candidate.code
    if candidate.type == "GPE" and ISO3.fullmatch(candidate.code):
        return candidate.code
    return None


def is_named_group(candidate: Candidate | None) -> bool:
    """Whether the candidate is a named organisation or group whose members are the group itself."""
    return candidate is not None and candidate.type in ("ORG", "NORP") \
        and candidate.key.startswith(("actor:", "org:"))


def aimed_at(token) -> bool:
    """Whether a place is where something goes or what is struck: an object ("shelled Kharkiv")
    or after "to", "into", "on", "against" ("sent to Mali", "an attack on Kyiv"); such a place
    says nothing about whose the actors in its clause are."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    if token.dep_ == "dobj":
        return True
    return token.dep_ == "pobj" and token.head.lower_ in AIMED_PREPS
