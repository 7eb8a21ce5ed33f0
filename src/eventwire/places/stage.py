"""places: find the toponyms of an article and resolve each to a gazetteer entry.

Recognition takes spaCy's GPE, LOC and FAC entities, plus capitalised names the gazetteer knows
that spaCy left outside any entity (it misses many, e.g. in headlines and hashtags), plus "the
Qatari capital" / "the capital of Qatar". Names inside other entities ("the Jerusalem Post", the
"U.S." of "the U.S. State Department") and demonyms ("Afghan") are not places.

Resolution scores each candidate by population and feature class, with a bonus for candidates in a
country (or US state) the article names elsewhere, so "Paris" is Paris, France, unless the article is
about Texas. Mentions that resolve to the same entry become one `Place`.

A town or region that is also an actor ("Russian forces shelled Kherson") takes the actor code of
its country, as CAMEO codes a place by the state it lies in, unless it already has a code. So does
an actor the article codes by a domestic sector alone ("police", "opposition supporters") when the
sentence that first names it is set in one country only ("Police arrested 40 protesters in Lima":
PERCOP).
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass

from ..knowledge.countries import country_by_iso2, country_of_demonym, country_of_name
from ..knowledge.gazetteer import DEFAULT_MIN_POPULATION, Candidate, Gazetteer, gazetteer
from ..model import Document, Place
from ..registry import stage
from ..settings import Settings

TOPONYM_LABELS = {"GPE", "LOC", "FAC"}
MISLABELLED = {"ORG", "PERSON"}  # labels spaCy sometimes gives a bare place name
UNMISTAKABLE_FEATURES = {"country", "admin1", "region", "water", "continent", "airport"}
# Names spaCy sometimes labels GPE but that name groups, not places (and that GeoNames lists as
# alternate names of towns, e.g. "Hamas" for Hamm).
NOT_PLACES = {"hamas", "taliban", "hezbollah", "hizbollah", "isis", "isil", "daesh", "al qaeda",
              "al-qaeda", "houthis", "nato", "eu", "un", "congress", "parliament", "kremlin"}
STATE_PREFIXES = ("Republic of ", "Kingdom of ", "State of ", "Commonwealth of ")
GENERIC_TAILS = ("province", "state", "city", "county", "region", "district", "governorate")
# Score bonuses: a country/continent name means the country; divisions and regions outrank towns.
FEATURE_BONUS = {"country": 4.0, "continent": 4.0, "admin1": 0.5, "region": 6.0, "water": 6.0,
                 "airport": 6.0, "district": 5.0, "county": 1.0, "city": 0.0}
CONTEXT_BONUS = 1.5
ALTERNATE_PENALTY = 2.0
SCAN_MIN_CITY_POPULATION = 100_000  # a capitalised word outside spaCy's entities must be a big place
LOCATIVE_PREPS = {"in", "near", "outside", "around", "across", "throughout", "into", "towards", "toward", "via",
                  "to", "from", "at", "inside", "between"}
MOTION_VERBS = {"travel", "go", "come", "drive", "fly", "move", "return", "head", "walk", "run", "sail", "flee",
                "arrive", "commute", "deport", "send", "bring", "take", "relocate", "evacuate", "journey", "ride"}


@dataclass
class Toponym:
    """A recognised toponym: its span, the name to look up, and its candidates."""

    start: int
    end: int
    name: str
    candidates: list[Candidate]


@stage("places", requires=("doc.parse", "doc.entities"), assigns=("doc.places",))
class Places:
    """Recognise toponyms, resolve them to gazetteer entries, and code entities by their places.

    Writes doc.places; gives entities the country their places say (doc.entities: "police" in a
    sentence that names only Kenyan places is KENCOP, "Bunia" is coded COD)."""

    def __init__(self, settings: Settings):
        # a Settings field if the settings grow one; cities15000 otherwise
        self.min_population = getattr(settings, "gazetteer_min_population", DEFAULT_MIN_POPULATION)

    @property
    def gazetteer(self) -> Gazetteer:
        return gazetteer(self.min_population)

    def __call__(self, doc: Document) -> None:
        toponyms = find_toponyms(doc.parse, self.gazetteer)
        doc.places = merge_places(toponyms, resolve_all(toponyms))
        code_places_by_country(doc)
        code_sectors_by_place(doc)


# Sectors whose members act in their own country: police, opposition, courts, parliament, civilians,
# unions, schools, hospitals. Soldiers, officials, refugees, journalists and aid workers are often
# abroad, so "troops in Mali" stay MIL.
DOMESTIC_SECTORS = {"COP", "OPP", "JUD", "LEG", "CVL", "LAB", "EDU", "HLH"}


def code_sectors_by_place(doc: Document) -> None:
    """Put the country in front of a domestic sector code when the sentence that first names the
    actor has places in one country only."""
    sectored = [e for e in doc.entities if e.code in DOMESTIC_SECTORS and e.mentions]
    if not sectored or doc.parse is None:
        return
    # sentence bounds once: Span.sent walks its whole sentence on every call
    bounds = [(s.start_char, s.end_char) for s in doc.parse.sents]
    starts = [start for start, _ in bounds]
    for entity in sectored:
        first = min(m.start for m in entity.mentions)
        start, end = bounds[max(bisect.bisect_right(starts, first) - 1, 0)]
        countries = {p.country for p in place_mentions_in(doc, start, end)}
        country = country_by_iso2(countries.pop()) if len(countries) == 1 and None not in countries else None
        if country:
            entity.code = country.iso3 + entity.code


def code_places_by_country(doc: Document) -> None:
    """Give an uncoded place entity ("Kherson", "Bunia") the code of the country it was resolved in;
    also a place the parser took for a person or group, when every mention of it is a place's."""
    place_spans = {span for place in doc.places for span in place.mentions}
    for entity in doc.entities:
        if entity.code or not (entity.type in TOPONYM_LABELS
                               or all((m.start, m.end) in place_spans for m in entity.mentions)):
            continue
        place = next((p for p in doc.places for m in entity.mentions for start, end in p.mentions
                      if start < m.end and m.start < end and p.country), None)
        country = place and country_by_iso2(place.country)
        if country:
            entity.code = country.iso3


def place_mentions_in(doc: Document, start: int, end: int) -> list[Place]:
    """The places of `doc` with a mention inside the character span [start, end).

    Args:
        doc: a document the places stage has run on.
        start, end: character offsets into `doc.text`, e.g. an event's sentence.

    Returns:
        The places, in order of their first mention inside the span.
    """
    inside = []
    for place in doc.places:
        spans = [s for s, e in place.mentions if s >= start and e <= end]
        if spans:
            inside.append((min(spans), place))
    return [place for _, place in sorted(inside, key=lambda pair: pair[0])]


def find_toponyms(parsed, gaz: Gazetteer) -> list[Toponym]:
    """Every toponym of a spaCy Doc with its candidates, in text order, without overlaps."""
    capitals = capital_phrases(parsed, gaz)
    found = capitals + entity_toponyms(parsed, gaz) + scanned_toponyms(parsed, gaz) + located_names(parsed, gaz)
    kept: list[Toponym] = []
    for toponym in found:  # earlier sources win an overlap
        if not any(t.start < toponym.end and toponym.start < t.end for t in kept):
            kept.append(toponym)
    kept += same_names_again(parsed, kept)
    return sorted(kept, key=lambda t: t.start)


def located_names(parsed, gaz: Gazetteer) -> list[Toponym]:
    """Names spaCy mislabels that a locative preposition shows to be places: "a cottage in Dewsbury",
    "authorities in Tunis", "near Cirencester" (PERSON, ORG or NORP to the parser)."""
    found = []
    for ent in parsed.ents:
        if ent.label_ not in MISLABELLED | {"NORP"} or not _after_locative(ent):
            continue
        toponym = toponym_of_tokens(ent, gaz, allow_alternate=False)
        if toponym is not None:
            found.append(toponym)
    return found


def _after_locative(span) -> bool:
    """ "in X", "near X", "to X" with X the object of that preposition (and not "talked to X")."""
    head = span.root
    while head.dep_ == "conj" and head.head.i != head.i:  # "in Hilversum and Almelo"
        head = head.head
    if head.dep_ != "pobj" or head.head.lower_ not in LOCATIVE_PREPS:
        return False
    if head.head.lower_ in ("to", "from") and span.label_ == "PERSON":
        return head.head.head.lemma_.lower() in MOTION_VERBS  # "travelling to X", not "a letter from X"
    return True


def same_names_again(parsed, kept: list[Toponym]) -> list[Toponym]:
    """Later and earlier mentions of a name already taken as a place, which the parser labelled
    otherwise ("Kent" a PERSON twice after "Brands Hatch, Kent"): a name keeps one sense in an article."""
    by_name = {t.name: t for t in kept if t.name.lower() not in NOT_PLACES}
    if not by_name:
        return []
    names = "|".join(re.escape(name) for name in sorted(by_name, key=len, reverse=True))
    extra: list[Toponym] = []
    # character offsets already taken, and the other entities (Doc.ents is rebuilt on every read)
    taken = {i for t in kept for i in range(t.start, t.end)}
    others = [(ent.start, ent.end) for ent in parsed.ents if ent.label_ not in TOPONYM_LABELS]
    for match in re.finditer(rf"(?<![\w-])(?:{names})(?![\w-])", parsed.text):
        start, end = match.span()
        span = parsed.char_span(start, end)
        if span is None or not taken.isdisjoint(range(start, end)) or _inside_a_name(span, others):
            continue
        extra.append(Toponym(start, end, match.group(), by_name[match.group()].candidates))
        taken.update(range(start, end))
    return extra


def _inside_a_name(span, others: list[tuple[int, int]]) -> bool:
    """ "Tunis" in "Tunis Air", "the Tunis Post": part of a longer entity (token bounds `others`)
    that is not a place."""
    return any(end - start > len(span) and start <= span.start and span.end <= end for start, end in others)


def entity_toponyms(parsed, gaz: Gazetteer) -> list[Toponym]:
    """spaCy's GPE/LOC/FAC entities that the gazetteer knows, and whole ORG/PERSON entities that are
    plainly a place name (spaCy often labels "U.S.", "UAE" or a dateline's "WASHINGTON" ORG)."""
    found = []
    person_words = _words_of_longer_person_names(parsed)
    for ent in parsed.ents:
        if ent.label_ in TOPONYM_LABELS:
            toponym = toponym_of_tokens(ent, gaz, allow_alternate=True)
        elif ent.label_ in MISLABELLED and not (ent.label_ == "PERSON" and ent.text in person_words):
            toponym = toponym_of_tokens(ent, gaz, allow_alternate=False)
            toponym = toponym if toponym and _unmistakable(toponym, ent.label_) else None
        else:
            continue
        if toponym:
            found.append(toponym)
    return found


def _words_of_longer_person_names(parsed) -> set[str]:
    """Words of multi-word PERSON entities: 'Jordan' alone is then the person, not the country."""
    return {token.text for ent in parsed.ents if ent.label_ == "PERSON" and len(ent) > 1 for token in ent}


def _unmistakable(toponym: Toponym, label: str) -> bool:
    """Whether a whole ORG/PERSON entity's name can only be read as a place."""
    if any(c.feature in UNMISTAKABLE_FEATURES for c in toponym.candidates):
        return True
    return label == "ORG" and _well_known(toponym)


def scanned_toponyms(parsed, gaz: Gazetteer) -> list[Toponym]:
    """Runs of capitalised proper nouns outside every entity that name a well-known place."""
    in_entity = {token.i for ent in parsed.ents for token in ent}
    found, run = [], []
    for token in [*parsed, None]:
        if token is not None and token.i not in in_entity and _capitalised(token):
            run.append(token)
            continue
        if run and any(t.pos_ == "PROPN" for t in run) and _starts_a_name(run):
            toponym = toponym_of_tokens(parsed[run[0].i: run[-1].i + 1], gaz, allow_alternate=False)
            if toponym and _well_known(toponym):
                found.append(toponym)
        run = []
    return found


def capital_phrases(parsed, gaz: Gazetteer) -> list[Toponym]:
    """'the Qatari capital' and 'the capital of Qatar', resolved to the capital city."""
    found = []
    for token in parsed:
        if token.lower_ != "capital":
            continue
        country, first, last = _capital_country(parsed, token)
        capital = gaz.by_geonameid(country.capital_geonameid) if country and country.capital_geonameid else None
        if capital:
            span = parsed[first: last + 1]
            found.append(Toponym(span.start_char, span.end_char, capital.name, [capital]))
    return found


def _capital_country(parsed, capital):
    """(country, first token index, last token index) of a capital phrase around `capital`."""
    i = capital.i
    if i >= 2 and parsed[i - 2].lower_ == "the" and country_of_demonym(parsed[i - 1].text):
        return country_of_demonym(parsed[i - 1].text), i - 2, i
    if i + 2 < len(parsed) and parsed[i + 1].lower_ == "of":
        j = i + 3 if parsed[i + 2].lower_ == "the" and i + 3 < len(parsed) else i + 2
        for end in range(min(j + 3, len(parsed)), j, -1):
            if parsed[end - 1].is_punct:  # "Afghanistan." would match: periods are ignored
                continue
            country = country_of_name(parsed[j:end].text)
            if country:
                first = i - 1 if i >= 1 and parsed[i - 1].lower_ == "the" else i
                return country, first, end - 1
    return None, 0, 0


def toponym_of_tokens(span, gaz: Gazetteer, allow_alternate: bool) -> Toponym | None:
    """The toponym of a span once trimmed ('the', possessive, '#'), or None if it names no place."""
    tokens = list(span)
    while tokens and (tokens[0].lower_ in ("the", "#") or tokens[0].text.startswith("#")
                      and len(tokens[0].text) == 1):
        tokens = tokens[1:]
    while tokens and tokens[-1].text in ("'s", "’s", "'", "’"):
        tokens = tokens[:-1]
    if not tokens:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    # the tokens' own text: Doc.text is rebuilt from every token each time it is read
    name = span.doc[tokens[0].i:tokens[-1].i + 1].text.lstrip("#")
    start = end - len(name)
    if not _could_be_place(name):
        return None
    candidates = _candidates(name, gaz, allow_alternate)
    return Toponym(start, end, name, candidates) if candidates else None


def _candidates(name: str, gaz: Gazetteer, allow_alternate: bool) -> list[Candidate]:
    """Gazetteer candidates for a name, or for it without a generic tail ('Helmand province')."""
    candidates = [c for c in gaz.lookup(name) if allow_alternate or not c.alternate]
    words = name.split()
    if not candidates and len(words) > 1 and words[-1].lower() in GENERIC_TAILS:
        candidates = [c for c in gaz.lookup(" ".join(words[:-1])) if not c.alternate]
    if not candidates and name.startswith(STATE_PREFIXES):
        candidates = [c for c in gaz.lookup(name.split(" of ", 1)[1]) if c.feature == "country"]
    return candidates


def _could_be_place(name: str) -> bool:
    """False for group names, demonyms and lower-case words."""
    if name.lower() in NOT_PLACES or not name[:1].isupper():
        return False
    return not (country_of_demonym(name) and not country_of_name(name))


def _capitalised(token) -> bool:
    """Whether a token can be part of a name ('Kabul', 'U.S.', '#Gaza')."""
    text = token.text.lstrip("#")
    return bool(text) and text[0].isupper() and any(c.isalpha() for c in text)


def _starts_a_name(run) -> bool:
    """False for a run that begins a sentence with a word that is not a proper noun ('Mobile ...')."""
    first = run[0]
    return not (first.is_sent_start and first.pos_ != "PROPN")


def _well_known(toponym: Toponym) -> bool:
    """Whether a scanned name is safe to take without spaCy's say-so."""
    return any(c.feature != "city" or c.population >= SCAN_MIN_CITY_POPULATION
               for c in toponym.candidates)


def resolve_all(toponyms: list[Toponym]) -> list[Candidate]:
    """The chosen candidate of each toponym, using the article's other toponyms as context."""
    first_pass = [best_candidate(t.candidates, set(), set()) for t in toponyms]
    sure = [c for t, c in zip(toponyms, first_pass) if len(t.candidates) == 1 or c.feature != "city"]
    countries = {c.country for c in sure if c.country}
    admin1s = {(c.country, c.admin1) for c in sure if c.feature == "admin1" and c.admin1}
    return [best_candidate(t.candidates, countries, admin1s) for t in toponyms]


def best_candidate(candidates: list[Candidate], countries: set[str],
                   admin1s: set[tuple[str, str]]) -> Candidate:
    """The most likely candidate: feature class and population, helped by the article's context."""
    return max(candidates, key=lambda c: _score(c, candidates, countries, admin1s))


def _score(candidate: Candidate, rivals: list[Candidate], countries: set[str],
           admin1s: set[tuple[str, str]]) -> float:
    """A candidate's score; see `best_candidate`."""
    score = math.log10(candidate.population + 10) + FEATURE_BONUS.get(candidate.feature, 0.0)
    if candidate.alternate:
        score -= ALTERNATE_PENALTY
    if candidate.country in countries:
        score += CONTEXT_BONUS
    if (candidate.country, candidate.admin1) in admin1s:
        score += CONTEXT_BONUS
    if candidate.feature == "city" and candidate.population >= 500_000 and any(
            r.feature == "admin1" and r.country == candidate.country for r in rivals):
        score += 2.0  # "New York", "Washington": news means the big city, not the state
    return score


def merge_places(toponyms: list[Toponym], chosen: list[Candidate]) -> list[Place]:
    """One Place per resolved entry, ids P1, P2, ... in order of first mention."""
    places: dict[tuple, Place] = {}
    for toponym, candidate in zip(toponyms, chosen):
        key = (candidate.geonameid,) if candidate.geonameid else (candidate.name, candidate.lat, candidate.lon)
        if key not in places:
            places[key] = Place(id=f"P{len(places) + 1}", name=candidate.name, country=candidate.country,
                                lat=candidate.lat, lon=candidate.lon, geonameid=candidate.geonameid,
                                feature=candidate.feature)
        places[key].mentions.append((toponym.start, toponym.end))
    return list(places.values())
