"""Candidate actor mentions in a parsed article, each with a key saying which entity it belongs to.

Used by the entities stage; see its docstring for the order of trust. Names are found here;
common-noun actors in `eventwire.actors.nouns`, people's titles in `eventwire.actors.titles`,
capitals standing for governments in `eventwire.actors.capitals`.
"""

from __future__ import annotations

import re

from ..knowledge.actor_dictionary import ActorDictionary, KnownActor, first_word
from ..knowledge.countries import country_by_iso2, country_by_iso3, country_by_name, country_of_demonym
from ..knowledge.gazetteer import lookup as gazetteer_lookup
from .candidate import Candidate, make_candidate
from .capitals import capital_government
from .names import ADDRESS, is_surname, person_surnames
from .nouns import sector_phrases
from .titles import code_person

__all__ = ["Candidate", "find_candidates"]

NAMED_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC"}
# Organisation names ending in these words are news outlets.
MEDIA_NAME = re.compile(r"\b(Post|Times|News|Herald|Journal|Tribune|Gazette|Telegraph|Guardian|Agency|"
                        r"TV|Television|Radio|Press|Daily|Observer|Chronicle|Independent|Economist)$")
LONGEST_ALIAS = 7  # tokens
# A national institution's common-noun alias ("Senate", "Defense Department") after another
# country's name is that country's: "Nigeria's Senate", "the Kenyan Congress", "Iraq's National
# Security Council".
NATIONAL_WORDS = {"national", "federal", "supreme", "state", "provincial", "regional"}


def find_candidates(sdoc, dictionary: ActorDictionary) -> list[Candidate]:
    """All candidate actor mentions of a spaCy Doc, dictionary matches first."""
    covering: dict[int, Candidate] = {}
    found = _dictionary_mentions(sdoc, dictionary)
    _cover(covering, found)
    named = [c for c in _named_mentions(sdoc, dictionary)
             if not any(i in covering for i in range(c.first, c.last + 1))]
    _cover(covering, named)
    missed = _missed_demonyms(sdoc, covering)
    _cover(covering, missed)
    for person in (c for c in named if c.type == "PERSON"):
        code_person(sdoc, person, dictionary, covering)
    phrases = sector_phrases(sdoc, dictionary, covering)
    return found + named + missed + phrases


def _missed_demonyms(sdoc, covering: dict[int, Candidate]) -> list[Candidate]:
    """Country adjectives spaCy left outside its entities ("Somali refugees"): capitalised
    demonyms modifying a noun."""
    found, in_entity = [], {token.i for ent in sdoc.ents for token in ent}
    for token in sdoc:
        if token.i in covering or token.i in in_entity or not token.text[:1].isupper() \
                or token.dep_ not in ("amod", "compound"):
            continue
        country = country_of_demonym(token.text)
        if country is not None:
            found.append(make_candidate(sdoc[token.i:token.i + 1], "GPE", "name", key=f"country:{country.iso3}",
                                        canonical=country.name, code=country.iso3))
    return found


def _cover(covering: dict[int, Candidate], candidates: list[Candidate]) -> None:
    for candidate in candidates:
        for i in range(candidate.first, candidate.last + 1):
            covering.setdefault(i, candidate)


def _dictionary_mentions(sdoc, dictionary: ActorDictionary) -> list[Candidate]:
    """Longest dictionary aliases, left to right; a '#' glued in front makes a hashtag mention.
    An alias once used for another country's institution ("Peru's Congress") is not the
    dictionary's anywhere in the article ("Members of Congress" there are Peru's too)."""
    found, elsewhere, i = [], set(), 0
    while i < len(sdoc):
        if first_word(sdoc[i].text) not in dictionary.first_words:
            i += 1
            continue
        hashtag = i > 0 and sdoc[i - 1].text == "#" and not sdoc[i - 1].whitespace_
        for n in range(min(LONGEST_ALIAS, len(sdoc) - i), 0, -1):
            span = sdoc[i:i + n]
            actor = dictionary.match(span.text, hashtag=hashtag)
            if actor is None:
                continue
            if _another_countrys(sdoc, span, actor):
                elsewhere.add(span.text.lower())
                continue
            kind = "name"
            if hashtag:
                span, kind = sdoc[i - 1:i + n], "hashtag"
            key = f"ethnic:{actor.code}" if actor.kind == "ethnic" else f"actor:{actor.name.lower()}"
            found.append(make_candidate(span, actor.type, kind, key=key, canonical=actor.name, code=actor.code))
            i += n - 1
            break
        i += 1
    return [c for c in found if c.name.lstrip("#").lower() not in elsewhere]


def _another_countrys(sdoc, span, actor: KnownActor) -> bool:
    """Whether a national actor's alias is preceded by another country's name or a national word."""
    if span.start == 0 or any(country_by_name(t.text) for t in span):
        return False
    before = sdoc[span.start - 1]
    if before.tag_ == "POS" and span.start > 1:
        before = sdoc[span.start - 2]
    if before.lower_ in NATIONAL_WORDS and before.text[:1].isupper():
        return True
    country = country_by_name(before.text)
    own = country_by_iso3(actor.code[:3]) if actor.code else None
    return country is not None and own is not None and country is not own


def _strip_span(span):
    """The span without a leading determiner and a trailing possessive ("the Taliban's" -> "Taliban"),
    and cut before a verb the recogniser swallowed ("the Somali National Army entered Bulo Burde")."""
    verb = next((t.i for t in span[1:] if t.tag_ in ("VBD", "VBZ", "VBP")), None)
    if verb is not None:
        span = span.doc[span.start:verb]
    while len(span) > 1 and span[0].lower_ in ("the", "a", "an"):
        span = span[1:]
    while len(span) > 1 and span[-1].tag_ == "POS":
        span = span[:-1]
    return span


def _named_mentions(sdoc, dictionary: ActorDictionary) -> list[Candidate]:
    found, surnames = [], person_surnames(sdoc)
    for ent in sdoc.ents:
        if ent.label_ not in NAMED_LABELS:
            continue
        span = _strip_span(ent)
        if span.text.islower():
            continue  # "to comb the bush": a name is written with a capital; the tagger guessed
        if _part_of_sector_phrase(span, dictionary):
            continue  # "Riot police" taken for a person "Riot": the sector phrase makes the actor
        if ent.label_ == "ORG" and is_surname(span, surnames) and not MEDIA_NAME.search(span.text) \
                and _org_code(span, dictionary) is None:
            found.append(make_candidate(span, "PERSON", "name"))  # "Lammy said", "Mr Lammy": not an organisation
            continue
        if ent.label_ == "LOC" and country_by_name(span.text) is None:
            continue  # a region or sea; a country taken for one ("Ivory Coast") is kept
        government = capital_government(span) if ent.label_ in ("GPE", "ORG") else None
        if government:  # "Washington said", "Beijing's decision": its own entity, coded as the government
            found.append(make_candidate(span, "ORG", "name", key=f"capital:{government}", code=government))
        elif ent.label_ in ("GPE", "NORP", "LOC") or country_by_name(span.text) or _people_of_country(span):
            candidate = _country_or_place(sdoc, span, ent.label_)
            if candidate is not None:
                found.append(candidate)
        elif ent.label_ == "ORG":
            found.append(make_candidate(span, "ORG", "name", key=f"org:{span.text.lower()}",
                                        code=_org_code(span, dictionary)))
        else:
            found.append(make_candidate(span, "PERSON", "name"))
    return found + _missed_surnames(sdoc, surnames)


def _part_of_sector_phrase(span, dictionary: ActorDictionary) -> bool:
    """A recognised name that is a sector word capitalised at the start of a sentence ("Gunmen",
    "Troops") or the first word of a sector phrase ("Riot police", "Border guards")."""
    if len(span) == 1 and span[0].is_sent_start and dictionary.sector(span.text) is not None:
        return True
    head = span.root.head
    return span.root.dep_ == "compound" and head.i == span.end and \
        dictionary.sector(f"{span.text} {head.text}") is not None


def _missed_surnames(sdoc, surnames: set[str]) -> list[Candidate]:
    """Surnames of people named in full elsewhere that the recogniser left outside any entity
    ("Mensah also said"), standing alone, not inside a longer name."""
    found, in_entity = [], {token.i for ent in sdoc.ents for token in ent}
    for token in sdoc:
        if token.i in in_entity or token.pos_ != "PROPN" or not token.text[:1].isupper() \
                or token.lower_ not in surnames:
            continue
        before = sdoc[token.i - 1] if token.i > 0 else None
        after = sdoc[token.i + 1] if token.i + 1 < len(sdoc) else None
        if before is not None and before.pos_ == "PROPN" and before.lower_.rstrip(".") not in ADDRESS \
                or after is not None and after.pos_ == "PROPN":
            continue  # "Kofi Mensah Junior", "the Mensah Foundation": part of another name
        found.append(make_candidate(sdoc[token.i:token.i + 1], "PERSON", "name"))
    return found


def _people_of_country(span) -> bool:
    """A people with an adjective that spaCy took for an organisation: "Young Algerians"."""
    return len(span) <= 3 and span[-1].tag_ in ("NNS", "NNPS") and country_of_demonym(span[-1].text) is not None


def _country_or_place(sdoc, span, label: str) -> Candidate | None:
    """A country (by name or demonym: a demonym noun alone is the country's people), else a place
    coded by its country, else a people or group with no country ("Sunni", "Pashtuns")."""
    country = country_by_name(span.text)
    if country is None and len(span) > 1:  # "Afghan Muslim", "Young Algerians": the country word alone
        part = next((t for t in span if country_by_name(t.text)), None)
        if part is not None:
            span, country = sdoc[part.i:part.i + 1], country_by_name(part.text)
    if country is not None:
        return make_candidate(span, "GPE", "name", key=f"country:{country.iso3}",
                              canonical=country.name, code=country.iso3)
    if label == "GPE":
        return make_candidate(span, "GPE", "name", key=f"gpe:{span.text.lower()}", code=city_country(span.text))
    if label == "NORP" and span.root.dep_ not in ("amod", "compound"):
        return make_candidate(span, "NORP", "name", key=f"norp:{span.text.lower()}")
    return None


def city_country(name: str) -> str | None:
    """The country (ISO alpha-3) of the most populous place of this name: a city acting, or
    standing for its government ("Kabul fell", "Moscow said"), is coded by its country."""
    places = [c for c in gazetteer_lookup(name) if c.country and not c.alternate]
    if not places:
        return None
    country = country_by_iso2(max(places, key=lambda c: c.population).country)
    return country.iso3 if country else None


def _org_code(span, dictionary: ActorDictionary) -> str | None:
    """A code for an organisation name outside the dictionary: media by its name, otherwise a
    country named inside it or owning it plus the sector of its last word ("Afghan Interior
    Ministry", "Iraq's National Security Council" -> AFGGOV, IRQGOV)."""
    if MEDIA_NAME.search(span.text):
        return "MED"
    sector = dictionary.sector(span[-1].lemma_) or dictionary.sector(span[-1].lower_)
    owners = [*span[:-1], *(c for c in span.root.children if c.dep_ in ("poss", "amod") and c.i < span.start)]
    country = next((c for c in (country_by_name(t.text) for t in owners) if c), None)
    if sector and sector.sector:
        return (country.iso3 if country else "") + sector.sector
    return country.iso3 if country else None


