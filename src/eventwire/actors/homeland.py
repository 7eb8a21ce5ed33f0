"""Sector-only actors take their country: "the army", "police", "protesters", "rebels" with no owner
named are coded by the country of their clause, else of their sentence, else of the article (its
dateline, else the country most of its place names lie in): "The army said ..." in a story datelined
Bogota is COLMIL, not a bare MIL that every army of every article would share.

Only place and country names count as evidence, never a demonym that owns another actor: in "Israeli
soldiers shot Palestinian protesters" neither side says whose the other is. Soldiers are often
abroad, so a military is coded more cautiously: not when a place in its clause is one it is sent
to or fights or is stationed in ("troops were sent to Mali", "soldiers shelled Kharkiv", "troops in
Mali"), nor when the article names another country's military, which it may be ("Russian troops
... soldiers ..."). The places stage later codes domestic sectors left bare here by the places of
their sentence.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..knowledge.countries import country_by_iso3, country_of_demonym, country_of_name
from ..model import Document, Entity
from .candidate import aimed_at
from .dateline import dateline
from .mentions import city_country
from .nouns import FOREIGN

# Sectors whose members act in their own country (police, opposition, courts, parliament,
# civilians, unions, schools, hospitals, rebels) and the one that often does not.
DOMESTIC = {"COP", "OPP", "JUD", "LEG", "CVL", "LAB", "EDU", "HLH", "REB"}
MILITARY = "MIL"
# Prepositions after which a name is a place, whatever the parser labelled it.
LOCATIVE = {"in", "near", "outside", "around", "across", "throughout", "inside", "at"}
# A place after these is where people go ("fled into Thailand"), not whose they are.
DESTINATION_PREPS = {"to", "into", "toward", "towards", "onto"}
# Dependents that head a clause of their own: "police said [the army had left Goma]".
CLAUSE_DEPS = {"ccomp", "advcl", "relcl", "parataxis", "conj", "csubj", "acl"}


@dataclass(frozen=True)
class PlaceName:
    """One mention of a place or country name, with the country it lies in."""

    token: int  # the mention's head token
    country: str  # ISO alpha-3
    owned: bool  # inside another actor's mention ("Kabul police"): not where that actor is
    aimed: bool  # where something is sent or struck ("sent to Mali", "shelled Kharkiv")


def code_sector_actors(doc: Document) -> None:
    """Put a country in front of the code of each sector-only actor that has one to take."""
    actors = [e for e in doc.entities if _sector_only(doc, e)]
    if not actors or doc.parse is None:
        return
    places = _place_names(doc)
    home = article_country(doc, places)
    armies = {e.code[:3] for e in doc.entities
              if e.code and len(e.code) == 6 and e.code.endswith(MILITARY) and country_by_iso3(e.code[:3])}
    for entity in actors:
        military = entity.code == MILITARY
        country = _country_of(doc, entity, places, home, military)
        if country and military and armies - {country}:
            continue  # another country's army is in the story: this one may be it
        if country:
            entity.code = country + entity.code


def article_country(doc: Document, places: list[PlaceName] | None = None) -> str | None:
    """The country the article is set in (ISO alpha-3): its dateline's, else the country of more
    than half of its place-name mentions, else None."""
    for text in [r.text for r in doc.removed if r.kind == "dateline"] + [doc.text]:
        found = dateline(text)
        if found:
            return found[1]
    counts = Counter(p.country for p in (places if places is not None else _place_names(doc)))
    if not counts:
        return None
    country, count = counts.most_common(1)[0]
    return country if count * 2 > sum(counts.values()) else None


def _sector_only(doc: Document, entity: Entity) -> bool:
    """An actor known by its sector alone, with no sign that it is abroad ("foreign troops") or
    someone else's ("its troops": whose is told elsewhere)."""
    if entity.code not in DOMESTIC and entity.code != MILITARY:
        return False
    if not entity.mentions or any(m.kind not in ("nominal", "pronoun") for m in entity.mentions):
        return False
    for mention in (m for m in entity.mentions if m.kind == "nominal"):
        span = doc.parse.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        if any(t.lower_ in FOREIGN for t in span) \
                or any(c.dep_ == "poss" and c.pos_ == "PRON" for c in span.root.children):
            return False
    return True


def _country_of(doc: Document, entity: Entity, places: list[PlaceName], home: str | None,
                military: bool) -> str | None:
    """The country of the clause of the actor's first mention, else of its sentence, else `home`.
    Two countries in one scope leave a domestic actor with the article's country if it is one of
    them, and a military uncoded; so does, for a military, any place it goes to, strikes or is
    stationed in."""
    first = min(entity.mentions, key=lambda m: m.start)
    span = doc.parse.char_span(first.start, first.end, alignment_mode="expand")
    if span is None:
        return None
    sentence = span.root.sent
    for scope in (_clause(span.root), set(range(sentence.start, sentence.end))):
        found = [p for p in places if p.token in scope and not p.owned]
        if not military:  # "4,000 people fled into Thailand": where people go is not whose they are
            found = [p for p in found if not _destination(doc.parse[p.token])]
        if not found:
            continue
        countries = {p.country for p in found}
        if military and any(p.aimed or _stationed(doc.parse[p.token], span.root) for p in found):
            return None  # "troops were sent to Mali", "troops in Mali": whose troops is not said
        if len(countries) == 1:
            return countries.pop()
        return home if home in countries and not military else None
    return home


def _destination(place) -> bool:
    """Whether a place is where someone goes: "fled into Thailand", "deported to Haiti and Cuba"."""
    while place.dep_ == "conj" and place.head.i != place.i:
        place = place.head
    return place.dep_ == "pobj" and place.head.lower_ in DESTINATION_PREPS


def _stationed(place, noun) -> bool:
    """Whether a place says where the actor noun is ("troops in Mali"), not whose it is."""
    return place.dep_ == "pobj" and place.head.dep_ == "prep" and place.head.head.i == noun.i


def _clause(token) -> set[int]:
    """Token indices of the clause a token is in: the subtree of its nearest verb, without the
    clauses that verb governs unless the token is inside them."""
    verb = token
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return {t.i for t in token.sent}
    inside, stack = set(), [verb]
    while stack:
        current = stack.pop()
        inside.add(current.i)
        for child in current.children:
            own_clause = child.dep_ in CLAUSE_DEPS and child.pos_ in ("VERB", "AUX")
            if own_clause and not child.left_edge.i <= token.i <= child.right_edge.i:
                continue
            stack.append(child)
    return inside


def _place_names(doc: Document) -> list[PlaceName]:
    """Every mention of a place or country name coded by its country (not demonyms: "Kenyan"), and
    every name after "in", "near"... that the gazetteer knows, however the parser labelled it, if at
    all ("police in Kyiv", "protesters in Goma and Bukavu")."""
    spans = [(m.start, m.end, e.id) for e in doc.entities for m in e.mentions]
    found, taken = [], set()
    for entity in doc.entities:
        if entity.type != "GPE" or not entity.code or len(entity.code) != 3 or not country_by_iso3(entity.code):
            continue
        for mention in entity.mentions:
            text = doc.text[mention.start:mention.end]
            span = doc.parse.char_span(mention.start, mention.end, alignment_mode="expand")
            if mention.kind != "name" or span is None or (country_of_demonym(text) and not country_of_name(text)):
                continue
            owned = any(s <= mention.start and mention.end <= e and e - s > mention.end - mention.start
                        and other != entity.id for s, e, other in spans)
            found.append(PlaceName(span.root.i, entity.code, owned, aimed_at(span.root)))
            taken.update(t.i for t in span)
    return found + [p for p in _located_names(doc.parse) if p.token not in taken]


def _located_names(sdoc) -> list[PlaceName]:
    """Names after a locative preposition that the gazetteer knows ("in Port Harcourt")."""
    found = []
    for token in sdoc:
        if token.pos_ != "PROPN" or not token.text[:1].isupper() or token.dep_ == "compound":
            continue
        head = token
        while head.dep_ == "conj" and head.head.i != head.i:  # "in Goma and Bukavu"
            head = head.head
        if head.dep_ != "pobj" or head.head.lower_ not in LOCATIVE:
            continue
        start = token.i
        while start > 0 and sdoc[start - 1].pos_ == "PROPN" and sdoc[start - 1].dep_ == "compound":
            start -= 1
        country = city_country(sdoc[start:token.i + 1].text)
        if country:
            found.append(PlaceName(token.i, country, False, aimed_at(token)))
    return found
