"""Candidate actor mentions in a parsed article, each with a key saying which entity it belongs to.

Used by the entities stage; see its docstring for the order of trust.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .actors import ActorDictionary
from .countries import country_by_iso2, country_by_name
from .gazetteer import lookup as gazetteer_lookup

NAMED_LABELS = {"PERSON", "ORG", "GPE", "NORP"}
# Organisation names ending in these words are news outlets.
MEDIA_NAME = re.compile(r"\b(Post|Times|News|Herald|Journal|Tribune|Gazette|Telegraph|Guardian|Agency|"
                        r"TV|Television|Radio|Press|Daily|Observer|Chronicle|Independent|Economist)$")
MODIFIER_DEPS = {"compound", "amod", "nmod", "poss", "npadvmod"}
LONGEST_ALIAS = 7  # tokens


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


def find_candidates(sdoc, dictionary: ActorDictionary) -> list[Candidate]:
    """All candidate actor mentions of a spaCy Doc, dictionary matches first."""
    covering: dict[int, Candidate] = {}
    found = _dictionary_mentions(sdoc, dictionary)
    _cover(covering, found)
    named = [c for c in _named_mentions(sdoc, dictionary)
             if not any(i in covering for i in range(c.first, c.last + 1))]
    _cover(covering, named)
    phrases = _sector_phrases(sdoc, dictionary, covering)
    for person in (c for c in named if c.type == "PERSON"):
        _code_person(sdoc, person, dictionary, covering)
    return found + named + phrases


def _cover(covering: dict[int, Candidate], candidates: list[Candidate]) -> None:
    for candidate in candidates:
        for i in range(candidate.first, candidate.last + 1):
            covering.setdefault(i, candidate)


def _make(span, type_: str, kind: str, **fields) -> Candidate:
    return Candidate(span.start_char, span.end_char, span.root.i, type_, kind, span.text,
                     first=span.start, last=span.end - 1, **fields)


def _dictionary_mentions(sdoc, dictionary: ActorDictionary) -> list[Candidate]:
    """Longest dictionary aliases, left to right; a '#' glued in front makes a hashtag mention."""
    found, i = [], 0
    while i < len(sdoc):
        for n in range(min(LONGEST_ALIAS, len(sdoc) - i), 0, -1):
            span = sdoc[i:i + n]
            actor = dictionary.match(span.text)
            if actor is None:
                continue
            kind = "name"
            if i > 0 and sdoc[i - 1].text == "#" and not sdoc[i - 1].whitespace_:
                span, kind = sdoc[i - 1:i + n], "hashtag"
            found.append(_make(span, actor.type, kind, key=f"actor:{actor.name.lower()}",
                               canonical=actor.name, code=actor.code))
            i += n - 1
            break
        i += 1
    return found


def _strip_span(span):
    """The span without a leading determiner and a trailing possessive ("the Taliban's" -> "Taliban")."""
    while len(span) > 1 and span[0].lower_ in ("the", "a", "an"):
        span = span[1:]
    while len(span) > 1 and span[-1].tag_ == "POS":
        span = span[:-1]
    return span


def _named_mentions(sdoc, dictionary: ActorDictionary) -> list[Candidate]:
    found = []
    for ent in sdoc.ents:
        if ent.label_ not in NAMED_LABELS:
            continue
        span = _strip_span(ent)
        text = span.text
        if ent.label_ in ("GPE", "NORP"):
            country = country_by_name(text)
            if country is None and len(span) > 1:  # "Afghan Muslim": the country word alone
                part = next((t for t in span if country_by_name(t.text)), None)
                if part is not None:
                    span, text, country = sdoc[part.i:part.i + 1], part.text, country_by_name(part.text)
            if country is not None:
                found.append(_make(span, "GPE", "name", key=f"country:{country.iso3}",
                                   canonical=country.name, code=country.iso3))
            elif ent.label_ == "GPE":
                found.append(_make(span, "GPE", "name", key=f"gpe:{text.lower()}", code=_city_country(text)))
            elif span.root.dep_ not in ("amod", "compound"):
                found.append(_make(span, "NORP", "name", key=f"norp:{text.lower()}"))
        elif ent.label_ == "ORG":
            found.append(_make(span, "ORG", "name", key=f"org:{text.lower()}", code=_org_code(span, dictionary)))
        else:
            found.append(_make(span, "PERSON", "name"))
    return found


def _city_country(name: str) -> str | None:
    """The country (ISO alpha-3) of the most populous place of this name: a city acting, or
    standing for its government ("Kabul fell", "Moscow said"), is coded by its country."""
    places = [c for c in gazetteer_lookup(name) if c.country and not c.alternate]
    if not places:
        return None
    country = country_by_iso2(max(places, key=lambda c: c.population).country)
    return country.iso3 if country else None


def _org_code(span, dictionary: ActorDictionary) -> str | None:
    """A code for an organisation name outside the dictionary: media by its name, otherwise a
    country named inside it plus the sector of its last word ("Afghan Interior Ministry" -> AFGGOV)."""
    if MEDIA_NAME.search(span.text):
        return "MED"
    sector = dictionary.sector(span[-1].lemma_) or dictionary.sector(span[-1].lower_)
    country = next((c for c in (country_by_name(t.text) for t in span[:-1]) if c), None)
    if sector and sector.sector:
        return (country.iso3 if country else "") + sector.sector
    return country.iso3 if country else None


def _sector_word(sdoc, token, dictionary: ActorDictionary):
    """The sector word a noun stands for, trying the two-word form first ("riot police")."""
    if token.i > 0:
        pair = dictionary.sector(f"{sdoc[token.i - 1].lower_} {token.lower_}") or \
            dictionary.sector(f"{sdoc[token.i - 1].lower_} {token.lemma_.lower()}")
        if pair:
            return pair, token.i - 1
    word = dictionary.sector(token.lower_) or dictionary.sector(token.lemma_.lower())
    return word, token.i


def _modifier_actor(token, covering: dict[int, Candidate]) -> Candidate | None:
    """The actor named in a noun's modifiers: "U.S. troops", "Taliban fighters", "troops of Chad"."""
    for child in token.children:
        if child.i < token.i and child.dep_ in MODIFIER_DEPS and child.i in covering:
            return covering[child.i]
        if child.dep_ == "prep" and child.lower_ == "of":
            pobj = next((g for g in child.children if g.dep_ == "pobj" and g.i in covering), None)
            if pobj is not None and covering[pobj.i].type in ("GPE", "ORG"):
                return covering[pobj.i]
    return None


def _sector_phrases(sdoc, dictionary: ActorDictionary, covering: dict[int, Candidate]) -> list[Candidate]:
    """Actor noun phrases built on sector words, keyed by the actor they name."""
    found = []
    for token in sdoc:
        if token.i in covering or token.pos_ not in ("NOUN", "PROPN") or token.dep_ == "compound":
            continue
        word, first = _sector_word(sdoc, token, dictionary)
        if word is None or word.sector is None and word.kind == "title" \
                or (word.kind == "title" and token.head.ent_type_ == "PERSON"):
            continue
        owner = _modifier_actor(token, covering)
        start = min([first] + ([owner.first] if owner and owner.first < token.i else []))
        span = sdoc[start:token.i + 1]
        if owner is not None and owner.type in ("ORG", "NORP") and owner.key.startswith(("actor:", "org:")):
            # members, fighters, officials of a named group are that group
            found.append(_make(span, "ORG", "nominal", key=owner.key, canonical=owner.canonical, code=owner.code))
        elif owner is not None and owner.key.startswith("country:") and word.sector:
            code = owner.code + word.sector
            found.append(_make(span, "ORG", "nominal", key=f"sector:{code}", code=code))
        elif owner is None and word.kind == "group" and _is_definite_or_plural(token):
            found.append(_make(span, "ORG", "nominal", key=f"sector:{word.sector}:{span.text.lower()}",
                               code=word.sector))
    return found


def _is_definite_or_plural(token) -> bool:
    return token.tag_ in ("NNS", "NNPS") or any(c.lower_ == "the" for c in token.children) \
        or any(c.dep_ == "compound" for c in token.children)


def _code_person(sdoc, person: Candidate, dictionary: ActorDictionary, covering: dict[int, Candidate]) -> None:
    """Code a person from a title or group next to the name: "President X", "Taliban co-founder X",
    "X, the Afghan president", "the head of Hamas (X)"; a title without a country takes the
    nearest country named before it in the sentence."""
    sector, country, group = None, None, None
    for token in _describing_tokens(sdoc, person):
        owner = covering.get(token.i)
        if owner is not None and owner is not person:
            if owner.key.startswith("country:"):
                country = country or owner.code
            elif owner.type == "ORG" and owner.code and group is None:
                group = owner
        word, _ = _sector_word(sdoc, token, dictionary)
        if word is not None and word.kind in ("title", "member") and word.sector and sector is None:
            sector = word.sector
    if group is not None:
        person.member_of, person.code = group.key, group.code
    elif sector:
        person.code = (country or _country_before(sdoc, person, covering) or "") + sector


def _describing_tokens(sdoc, person: Candidate) -> list:
    """Words that describe a person: up to five words right before the name (titles are often
    mis-parsed: "Taliban co-founder Mullah Baradar"), and the noun phrase it is in apposition with."""
    words, i = [], person.first - 1
    while i >= 0 and len(words) < 5 and (sdoc[i].pos_ in ("PROPN", "NOUN", "ADJ") or sdoc[i].text in ("-", "co")):
        words.append(sdoc[i])
        i -= 1
    root = sdoc[person.head]
    related = ([root.head] if root.dep_ == "appos" else []) + [c for c in root.children if c.dep_ == "appos"]
    for token in related:
        words.append(token)
        words += [c for c in token.children if c.dep_ in MODIFIER_DEPS or c.dep_ == "appos"]
        words += [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                  for g in c.children if g.dep_ == "pobj"]
    return words


def _country_before(sdoc, person: Candidate, covering: dict[int, Candidate]) -> str | None:
    sentence = sdoc[person.first].sent
    for i in range(person.first - 1, sentence.start - 1, -1):
        owner = covering.get(i)
        if owner is not None and owner.key.startswith("country:"):
            return owner.code
    return None
