"""The trained event models and how their readings are fused with the dictionary's.

Three linear models (`eventwire.events.linear`), trained on the gold corpus's train split by
`make model` (see MODEL.md):

- type: each candidate verb or noun -> one of the 16 PLOVER types or "none";
- factuality: an event's trigger -> asserted, negated, denied, hypothetical, future or alleged;
- roles: an (event, actor) pair -> source, target or none.

Fusion (`decide_type`): a pattern the model agrees with (or is not sure against) keeps its CAMEO
code, mode and context; a type the model is sure of with no pattern is output with the type's root
CAMEO code and no pattern; after the lead, a pattern the model rejects is dropped and one it reads
as another type is retyped.
"""

from __future__ import annotations

import numpy as np

from .features import factuality_features, in_lead, trigger_features, trigger_vector
from .linear import LinearModel, shipped
from .role_features import Actors, null_features, role_features
from .verb_patterns import Pattern

NONE = "none"
# The CAMEO code an event of each type gets when no pattern names it: the root of the type's
# commonest CAMEO family in the corpus (PLOVER's CAMEO crosswalk; Goldstein values in data/goldstein.tsv).
ROOT_CAMEO = {"AGREE": "030", "CONSULT": "040", "SUPPORT": "050", "COOPERATE": "060", "AID": "070",
              "CONCEDE": "080", "RETREAT": "087", "REQUEST": "100", "ACCUSE": "110", "REJECT": "120",
              "THREATEN": "130", "PROTEST": "140", "MOBILIZE": "150", "SANCTION": "160", "COERCE": "170",
              "ASSAULT": "190"}
SYMMETRIC_TYPES = {"CONSULT", "AGREE", "COOPERATE"}
# Chosen on the dev split (training/events.py prints the sweep): how sure the model must be.
NEW_EVENT_MIN = 0.5  # a type with no pattern behind it
REJECT_MIN = 0.5  # "none" over a pattern's type, to drop the pattern (after the lead)
RETYPE_MIN = 0.5  # another type over a pattern's type, to retype it
ROLE_MIN = 0.5  # the likeliest candidate of a side, to name it
ROLE_MORE_MIN = 0.4  # a second actor on the same side
# The corpus's factuality classes as eventwire's `modality` values (None: asserted).
MODALITY_OF = {"asserted": None, "negated": "negated", "denied": "negated", "hypothetical": "hypothetical",
               "future": "future", "alleged": "alleged"}


def model_pattern(token, event_type: str) -> Pattern:
    """A stand-in pattern for a type the model reads where the dictionary has none."""
    return Pattern("", event_type, None, (), ROOT_CAMEO[event_type],
                   "symmetric" if event_type in SYMMETRIC_TYPES else "", nominal=token.pos_ != "VERB",
                   lemma=token.lemma_.lower())


class EventModels:
    """The shipped models, or None for a model not trained (then the dictionary decides alone)."""

    def __init__(self, type_model: LinearModel | None = None, factuality_model: LinearModel | None = None,
                 role_models: dict[str, LinearModel] | None = None, date_model: LinearModel | None = None,
                 confidence_model: LinearModel | None = None):
        self.date_model = date_model
        self.confidence_model = confidence_model
        self.type_model = type_model
        self.factuality_model = factuality_model
        self.role_models = role_models or {}

    @classmethod
    def shipped(cls) -> EventModels:
        rankers = {side: shipped(f"roles_{side}") for side in ("source", "target")}
        return cls(shipped("type"), shipped("factuality"), rankers if all(rankers.values()) else None,
                   shipped("date"), shipped("confidence"))

    def type_probabilities(self, token, owner, kinds, pattern: Pattern | None) -> dict[str, float] | None:
        if self.type_model is None:
            return None
        return self.type_model.probabilities(trigger_features(token, owner, kinds, pattern), trigger_vector(token))

    def factuality(self, token, in_quote: bool) -> dict[str, float] | None:
        if self.factuality_model is None:
            return None
        return self.factuality_model.probabilities(factuality_features(token, in_quote))

    def role_probabilities(self, actors: Actors, token, event_type: str, rule_roles: dict[str, str],
                           speakers: set[str]) -> dict[str, dict[str, float]] | None:
        """Role -> {entity id or "" (nobody) -> probability}: a softmax over the actors of the
        trigger's sentence and the speakers of its quote (`Actors.candidates`)."""
        if not self.role_models:
            return None
        candidates = actors.candidates(token, speakers)
        rows = [null_features(token, event_type, rule_roles)] + [
            role_features(actors, token, mention, entity, event_type, rule_roles.get(entity, "-"), entity in speakers)
            for entity, mention in candidates]
        names = ["", *(entity for entity, _ in candidates)]
        found = {}
        for side, model in self.role_models.items():
            scores = np.array([model.logits(row)[0] for row in rows]) / model.temperature
            scores = np.exp(scores - scores.max())
            found[side] = dict(zip(names, (scores / scores.sum()).tolist()))
        return found


def decide_type(pattern: Pattern | None, token, probabilities: dict[str, float] | None,
                flagged: bool = False) -> tuple[Pattern | None, str, str | None]:
    """The pattern to code the trigger with (None: no event), why, and what the model would do
    to the pattern's event if it turns out to stand alone: NONE (drop it), another type (retype
    it) or None.

    The model adds events where the dictionary has no pattern. It drops or retypes a pattern only
    after the lead, and only an event that retells nothing the article told (`settle_doubts`): the
    lead reports the news, and there the dictionary's reading held up better on the sets the team
    checks against regression, while the body also tells background, where a pattern's word is
    often no event ("since the attack", "after talks"). A pattern from the user's own dictionary,
    or on an act the modality rules flag ("agreed to withdraw": the statement around it becomes an
    event of its own), is never dropped."""
    if probabilities is None:
        return pattern, "dictionary only (no trained model)", None
    best = max(probabilities, key=probabilities.get)
    if pattern is None:
        if best != NONE and probabilities[best] >= NEW_EVENT_MIN:
            return model_pattern(token, best), f"model: {best} {probabilities[best]:.2f}, no pattern", None
        return None, "no pattern, model not sure", None
    agreed = f"model {pattern.type} {probabilities.get(pattern.type, 0):.2f}"
    if not pattern.builtin or flagged or in_lead(token):
        why = "user dictionary" if not pattern.builtin else "flagged act" if flagged else "in the lead"
        return pattern, f"pattern ({why}), {agreed}", None
    if probabilities[NONE] >= REJECT_MIN:
        return pattern, f"model rejects the pattern unless it retells an event: none {probabilities[NONE]:.2f}", NONE
    if best not in (NONE, pattern.type) and probabilities[best] >= RETYPE_MIN:
        return pattern, f"model retypes the pattern unless it retells an event: {best} {probabilities[best]:.2f}", best
    return pattern, f"pattern, {agreed}", None


def settle_doubts(events: list, doubts: dict[tuple[int, int], str]) -> list:
    """Apply the model's verdicts (`decide_type`) to the events they concern that stand alone: a
    retelling merged into an earlier event is gone already, and a first telling that later tellings
    joined (`also_spans`) is an event the article tells more than once. A rejected pattern whose
    source and target the rules both found stays."""
    kept = []
    for event in events:
        verdict = doubts.get(event.trigger) if not event.also_spans else None
        if verdict == NONE and event.source and event.target:
            verdict = None  # the parse names who did it to whom: "a meeting between X and Y"
        if verdict == NONE:
            continue
        if verdict is not None:
            event.type, event.cameo, event.mode, event.context, event.pattern = \
                verdict, ROOT_CAMEO[verdict], None, [], ""
        kept.append(event)
    return kept


def decide_roles(probabilities: dict[str, dict[str, float]], rule_sources: list[str],
                 rule_targets: list[str], own_side: frozenset[str] = frozenset(),
                 not_sources: frozenset[str] = frozenset()) -> tuple[list[str], list[str]]:
    """Sources and targets: on each side the likeliest candidate (possibly nobody), and any other
    candidate nearly as likely ("X and Y attacked"); the target is never the source nor on its side
    (`own_side`: "Israeli troops" are not directed at Israel). A side the rules filled, or whose
    likeliest candidate is not sure enough, keeps what the rules found. `not_sources` (towns and
    regions) never act."""
    chosen = {}
    for side, rule in (("source", rule_sources), ("target", rule_targets)):
        # no one on both sides: a source is not the rules' target, a target not the chosen source
        barred = set(rule_targets) | not_sources if side == "source" else set(chosen["source"]) | own_side
        scores = {e: p for e, p in probabilities[side].items() if e not in barred}
        ranked = sorted(scores.items(), key=lambda pair: -pair[1])
        best, p = ranked[0]
        if rule or p < ROLE_MIN or not best:
            chosen[side] = [e for e in rule if side == "source" or e not in chosen["source"]]
            continue
        also = {e for e, q in ranked if q >= ROLE_MORE_MIN}
        chosen[side] = [e for e, _ in ranked if e and (e == best or e in also)]
    return chosen["source"], chosen["target"]


FACTUALITY_MIN = 0.6


def decide_modality(rule: str | None, probabilities: dict[str, float] | None) -> str | None:
    """The event's modality. The rules' flags stand (they name the words that make a claim
    unasserted, and the model has seen few of the statements they turn into events); the model
    flags what the rules took as asserted when it is sure the event is not."""
    if probabilities is None or rule is not None:
        return rule
    best = max(probabilities, key=probabilities.get)
    if best == "asserted" or probabilities[best] < FACTUALITY_MIN:
        return None
    return MODALITY_OF[best]
