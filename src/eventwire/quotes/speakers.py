"""Speakers: the entity a quote's source noun phrase stands for.

A source is a name the entities stage found, a pronoun ("he said"), or a description with no name
at all ("a source familiar with the talks", "the poll", "officials"). Names resolve to their entity.
A pronoun the general reference rules (`eventwire.actors.coref`) left open goes to the nearest earlier
compatible speaker or person, looking further back than those rules do: news text keeps a speaker
for several paragraphs. A description with no entity becomes an entity of its own (type NOMINAL,
no actor code) so that media researchers can count unnamed and collective sources; the same
description said twice is one entity.
"""

from __future__ import annotations

from ..knowledge.entity_index import entity_of
from ..model import Document, Entity, Mention

PERSONAL = {"he", "him", "she", "her"}
THING = {"it"}
PLURAL = {"they", "them"}
# "a spokesman for X", "an aide to X", "a lawyer at X": the speaker speaks for X.
REPRESENTING = ("for", "to", "at", "with")
# How far back a pronoun speaker may find its antecedent, in characters (about five paragraphs).
PRONOUN_REACH = 1500


class SpeakerResolver:
    """Resolves source tokens of one document to entity ids, adding mentions and entities as needed."""

    def __init__(self, doc: Document, owner: dict[int, str]):
        self.doc = doc
        self.owner = owner
        self.by_id = {entity.id: entity for entity in doc.entities}
        self.speakers: list[tuple[int, str]] = []  # (char offset, entity id) of resolved speakers
        self.described: dict[str, str] = {}  # description key -> NOMINAL entity id
        self._next = len(doc.entities) + 1

    def entity_for(self, token) -> str | None:
        """The entity id of the source headed by `token`, or None (first person outside a quote)."""
        if token is None:
            return None
        found = entity_of(token, self.owner)
        if found is None and token.pos_ == "PRON":
            found = self._pronoun(token)
        elif found is None and token.pos_ in ("NOUN", "PROPN"):
            found = self._doer_of(token) or self._description(token)
        if found is not None:
            self.speakers.append((token.idx, found))
        return found

    def _doer_of(self, token) -> str | None:
        """ "The unions began a national strike demanding a pay rise": what an unnamed thing demands
        ("a strike", "a petition", "a statement"), whoever started or issued it demands; a
        description speaks for itself only when nobody is named doing it."""
        if token.pos_ != "NOUN" or token.dep_ != "dobj" or token.head.pos_ not in ("VERB", "AUX"):
            return None
        subject = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
        return entity_of(subject, self.owner) if subject is not None else None

    def _pronoun(self, token) -> str | None:
        lower = token.lower_
        if lower in PERSONAL:
            wanted = lambda e: e.type == "PERSON"  # noqa: E731
        elif lower in THING:
            wanted = lambda e: e.type in ("ORG", "NOMINAL", "GPE") and not _plural(e)  # noqa: E731
        elif lower in PLURAL:
            wanted = lambda e: e.type in ("ORG", "NORP", "NOMINAL")  # noqa: E731
        else:
            return None  # "I", "we", "you" outside a quote: the writer or the reader
        found = self._last_speaker(token.idx, wanted) or self._last_mentioned(token.idx, wanted)
        if found is not None:
            self._add_mention(found, token.idx, token.idx + len(token.text), "pronoun")
            self.owner[token.i] = found
        return found

    def _last_speaker(self, position: int, wanted) -> str | None:
        for offset, entity_id in reversed(self.speakers):
            if position - offset > PRONOUN_REACH:
                break
            if offset < position and wanted(self.by_id[entity_id]):
                return entity_id
        return None

    def _last_mentioned(self, position: int, wanted) -> str | None:
        best, best_start = None, -1
        for entity in self.doc.entities:
            for mention in entity.mentions:
                if best_start < mention.start < position and position - mention.start <= PRONOUN_REACH \
                        and wanted(entity):
                    best, best_start = entity.id, mention.start
        return best

    def _description(self, token) -> str:
        """The entity a description speaks for ("a spokesman for the rebels": the rebels), else a
        NOMINAL entity of its own: "a spokeswoman", "the poll", "officials"."""
        first = token.left_edge
        objects = (g for c in token.children if c.dep_ == "prep" and c.lower_ in REPRESENTING and c.i > token.i
                   for g in c.children if g.dep_ == "pobj")
        represented = next(filter(None, (entity_of(g, self.owner) for g in objects)), None)
        if represented is not None:
            self._add_mention(represented, first.idx, token.idx + len(token.text), "nominal")
            for t in token.doc[first.i:token.i + 1]:
                self.owner[t.i] = represented
            return represented
        start, end = first.idx, token.idx + len(token.text)
        name = self.doc.text[start:end]
        key = _description_key(name)
        entity_id = self.described.get(key)
        if entity_id is None:
            kind_of = token.ent_type_ or ("PERSON" if token.pos_ == "PROPN" else "NOMINAL")
            entity = Entity(id=f"E{self._next}", name=name, type=kind_of)
            self._next += 1
            self.doc.entities.append(entity)
            self.by_id[entity.id] = entity
            self.described[key] = entity_id = entity.id
        kind = "name" if token.pos_ == "PROPN" else "nominal"
        self._add_mention(entity_id, start, end, kind)
        for t in token.doc[first.i:token.i + 1]:
            self.owner[t.i] = entity_id
        return entity_id

    def _add_mention(self, entity_id: str, start: int, end: int, kind: str) -> None:
        entity = self.by_id[entity_id]
        if not any(m.start == start and m.end == end for m in entity.mentions):
            entity.mentions.append(Mention(start, end, kind))
            entity.mentions.sort(key=lambda m: m.start)


def _description_key(name: str) -> str:
    """ "The poll" and "the poll" are one source; "a source" and "another source" are not."""
    words = name.lower().split()
    if words and words[0] in ("the", "this", "that"):
        words = words[1:]
    return " ".join(words)


def _plural(entity: Entity) -> bool:
    return entity.type == "NOMINAL" and entity.name.lower().endswith("s")
