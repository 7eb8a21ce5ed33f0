"""Entities: find the actors of an article, give each a CAMEO-style code, and merge every way the
article refers to one actor (names, short forms, spelling variants, hashtags, "the group", pronouns).

Mentions come from four places, in this order of trust: the actor dictionary ("Hamas", "#Taliban",
"the U.N."), spaCy's named entities (PERSON, ORG, GPE, NORP; a capital acting for its government,
"Washington said", is that government: `eventwire.actors.capitals`), actor noun phrases built on sector
words ("U.S. troops", "riot police", "demonstrators", "500 workers": `eventwire.actors.nouns`), and
references resolved by rules (`eventwire.actors.coref`). People are coded by their titles
(`eventwire.actors.titles`). Mentions with the same key form one entity. Actors known by their
sector alone ("the army", "police") then take the country of their clause or article
(`eventwire.actors.homeland`); a dateline left in the text (`eventwire.actors.dateline`) is no actor.
"""

from __future__ import annotations

import bisect

from ..knowledge.actor_dictionary import ActorDictionary, load_dictionary
from ..model import Document, Entity, Mention
from ..registry import stage
from ..settings import Settings
from .coref import resolve_references
from .dateline import dateline
from .homeland import code_sector_actors
from .mentions import Candidate, find_candidates
from .names import PersonClusters


@stage("entities", requires=("doc.parse",), assigns=("doc.entities",))
class EntityFinder:
    """Find actors, code them, and merge their mentions within the article."""

    def __init__(self, settings: Settings):
        self.extra_files = tuple(settings.actors_files)

    @property
    def dictionary(self) -> ActorDictionary:
        return load_dictionary(self.extra_files)

    def __call__(self, doc: Document) -> None:
        candidates = find_candidates(doc.parse, self.dictionary)
        filed_from = dateline(doc.text)
        if filed_from:  # "NAIROBI, March 3 (Wire) -" left in the text: where the reporter is, no actor
            candidates = [c for c in candidates if c.start >= filed_from[0]]
        doc.entities = build_entities(candidates, [sentence.start_char for sentence in doc.parse.sents])
        resolve_references(doc, self.dictionary)
        code_sector_actors(doc)


def build_entities(candidates: list[Candidate], sentence_starts: list[int] = ()) -> list[Entity]:
    """Group candidates into entities (ids E1, E2... by first mention) and fill in their codes.
    `sentence_starts` (character offsets) tell which people were named in the same sentence."""
    persons = PersonClusters()
    # in reading order: a short name goes with the full name read last before it
    for candidate in sorted(candidates, key=lambda c: c.start):
        if candidate.type == "PERSON" and not candidate.key:
            candidate.key = persons.key_for(candidate.name, bisect.bisect_right(sentence_starts, candidate.start))
    by_key: dict[str, list[Candidate]] = {}
    for candidate in sorted(candidates, key=lambda c: (c.start, -c.end)):
        by_key.setdefault(candidate.key, []).append(candidate)
    entities, id_of_key = [], {}
    for key, group in by_key.items():
        entity = Entity(id=f"E{len(entities) + 1}", name=_best_name(key, group, persons),
                        type=group[0].type, code=_best_code(group),
                        mentions=_distinct_mentions(group))
        id_of_key[key] = entity.id
        entities.append(entity)
    for entity, group in zip(entities, by_key.values()):
        group_key = next((c.member_of for c in group if c.member_of), None)
        if group_key in id_of_key and id_of_key[group_key] != entity.id:
            entity.member_of = id_of_key[group_key]
    return entities


def _best_name(key: str, group: list[Candidate], persons: PersonClusters) -> str:
    if group[0].type == "PERSON":
        return persons.full_name(key)
    canonical = next((c.canonical for c in group if c.canonical), None)
    return canonical or max((c.name for c in group if c.kind == "name"), key=len, default=group[0].name)


def _best_code(group: list[Candidate]) -> str | None:
    """The most specific code among the mentions (AFGGOV beats AFG beats None)."""
    codes = [c.code for c in group if c.code]
    return max(codes, key=len) if codes else None


def _distinct_mentions(group: list[Candidate]) -> list[Mention]:
    seen, mentions = set(), []
    for candidate in group:
        if (candidate.start, candidate.end) not in seen:
            seen.add((candidate.start, candidate.end))
            mentions.append(Mention(candidate.start, candidate.end, candidate.kind))
    return mentions
