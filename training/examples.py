"""Training examples from gold articles read by the pipeline: each candidate trigger with its gold
type (or "none"), each gold event's trigger with its factuality, and each actor of an event's
sentence with its gold role."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from corpus.score import OffsetMap, entity_map
from eventwire.events.features import factuality_features, is_candidate, trigger_features, trigger_vector
from eventwire.events.learned import model_pattern
from eventwire.events.role_features import Actors, null_features, role_features
from eventwire.events.stage import rule_roles
from eventwire.events.verb_patterns import load_verbs
from eventwire.knowledge.actor_dictionary import load_dictionary
from eventwire.knowledge.entity_index import token_entities
from eventwire.model import Document

NONE = "none"


@dataclass
class Examples:
    features: list[list[str]] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    vectors: list[np.ndarray] = field(default_factory=list)
    groups: dict[str, list[tuple[list[list[str]], set[int]]]] = field(default_factory=dict)

    def add(self, features: list[str], label: str, vector: np.ndarray | None = None) -> None:
        self.features.append(features)
        self.labels.append(label)
        if vector is not None:
            self.vectors.append(vector)

    def add_group(self, side: str, group: list[list[str]], wanted: set[int]) -> None:
        """One event's candidates for one role (the first stands for nobody) and the gold ones
        among them; an event whose gold actor the pipeline did not find teaches nothing."""
        if wanted:
            self.groups.setdefault(side, []).append((group, wanted))

    def matrix(self) -> np.ndarray | None:
        return np.stack(self.vectors) if self.vectors else None


def gold_triggers(gold: dict, doc: Document) -> list[tuple[dict, list]]:
    """Each gold event with the candidate tokens its trigger covers in the document."""
    offsets = OffsetMap(gold["text"], doc.text)
    found = []
    for event in gold["events"]:
        span = offsets.span(event["trigger"]["start"], event["trigger"]["end"])
        tokens = doc.parse.char_span(*span, alignment_mode="expand") if span else None
        found.append((event, [t for t in tokens if is_candidate(t)] if tokens is not None else []))
    return found


def main_token(tokens: list):
    """The token of a multi-word trigger that stands for it: the first verb, else the syntactic head."""
    verbs = [t for t in tokens if t.pos_ == "VERB"]
    if verbs:
        return verbs[0]
    return min(tokens, key=lambda t: len(list(t.ancestors)))


def article_examples(gold: dict, doc: Document, types: Examples, factuality: Examples, roles: Examples) -> None:
    owner = token_entities(doc)
    kinds = {e.id: e.type for e in doc.entities}
    sector_codes = load_dictionary(()).sector_codes
    codes = {e.id: e.code for e in doc.entities}
    unnamed = {i: codes[e] for i, e in owner.items() if codes[e] in sector_codes}
    verbs = load_verbs(())
    triggers = gold_triggers(gold, doc)
    actors = Actors(doc)
    label_of = {t.i: event["type"] for event, tokens in triggers for t in tokens}
    for sentence in doc.parse.sents:
        for token in sentence:
            if is_candidate(token):
                types.add(trigger_features(token, owner, kinds, dictionary_pattern(verbs, token)), label_of.get(token.i, NONE),
                          trigger_vector(token))
    output = {"entities": [{"id": e.id, "mentions": [m.span for m in e.mentions]} for e in doc.entities]}
    to_gold = entity_map(gold, output, OffsetMap(doc.text, gold["text"]))
    for event, tokens in triggers:
        if not tokens:
            continue
        token = main_token(tokens)
        in_quote = any(q.start <= token.idx < q.end for q in doc.quotes if q.kind == "direct")
        factuality.add(factuality_features(token, in_quote), event["factuality"])
        pattern = dictionary_pattern(verbs, token)
        if pattern is None or pattern.type != event["type"]:
            pattern = model_pattern(token, event["type"])
        sources, targets, _ = rule_roles(token, pattern, owner, unnamed)
        by_rule = {**{e: "target" for e in targets}, **{e: "source" for e in sources}}
        speakers = {q.speaker for q in doc.quotes if q.speaker and q.start <= token.idx < q.end}
        candidates = actors.candidates(token, speakers)
        group = [null_features(token, event["type"], by_rule)] + [
            role_features(actors, token, mention, entity, event["type"], by_rule.get(entity, "-"), entity in speakers)
            for entity, mention in candidates]
        for side in ("source", "target"):
            wanted = {n for n, (entity, _) in enumerate(candidates, 1) if to_gold.get(entity) in event[side]}
            # a gold actor named only in other sentences is out of the model's reach: it should
            # then name nobody rather than someone of the sentence
            roles.add_group(side, group, wanted or {0})


def dictionary_pattern(verbs, token):
    return verbs.match_verb(token) if token.pos_ == "VERB" else verbs.match_noun(token)
