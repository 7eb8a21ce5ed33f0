"""Which entity each token of a parsed document belongs to."""

from __future__ import annotations

from ..model import Document


def token_entities(doc: Document) -> dict[int, str]:
    """Map token index -> entity id, taking for each token the shortest mention that covers it
    (so in "U.S. troops" the token "troops" belongs to the troops, not to the U.S.)."""
    owner: dict[int, str] = {}
    length: dict[int, int] = {}
    for entity in doc.entities:
        for mention in entity.mentions:
            span = doc.parse.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None:
                continue
            for token in span:
                if token.i not in owner or len(span) < length[token.i]:
                    owner[token.i], length[token.i] = entity.id, len(span)
    return owner


def renumber(doc: Document) -> None:
    """Drop entities left without mentions and number the rest E1, E2... by first mention."""
    kept = sorted((e for e in doc.entities if e.mentions), key=lambda e: min(m.start for m in e.mentions))
    new_ids = {entity.id: f"E{n}" for n, entity in enumerate(kept, 1)}
    for entity in kept:
        entity.id = new_ids[entity.id]
        entity.member_of = new_ids.get(entity.member_of) if entity.member_of else None
        entity.mentions.sort(key=lambda m: m.start)
    doc.entities = kept


DESCRIBING_DEPS = ("appos", "compound", "poss", "nmod", "amod")


def entity_of(token, owner: dict[int, str], depth: int = 2) -> str | None:
    """The entity a noun phrase headed by `token` stands for: its own mention, else a name in
    apposition ("the group Hamas", "its leader, X"), else an owner among its modifiers
    ("the Hamas statement", "Taliban control"), else the "of"/"from" phrase ("the head of Hamas", "delegates from Chad")."""
    if token.i in owner:
        return owner[token.i]
    children = list(token.children)
    for dep in DESCRIBING_DEPS:
        for child in children:
            if child.dep_ == dep and child.i in owner:
                return owner[child.i]
    for child in children:  # "opposition leader Tundu Lissu" parsed as a clause on "leader": the name
        if child.dep_ in ("relcl", "acl") and child.pos_ == "PROPN" and child.i in owner \
                and child.left_edge.i == token.i + 1:
            return owner[child.i]
    if depth > 0:
        for child in children:
            if child.dep_ == "prep" and child.lower_ in ("of", "from"):  # "leaders of X", "officials from X"
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        found = entity_of(pobj, owner, depth - 1)
                        if found:
                            return found
    return None
