"""The trained models' passes over an article's events once the rules have coded them and repeats
are merged (`eventwire.events.stage`): roles the rules left empty, and each event's date."""

from __future__ import annotations

from ..knowledge.countries import country_by_name
from ..model import Document, Event
from .context import trigger_token
from .dating import DateIndex, choose_date, date_features
from .learned import EventModels, decide_roles
from .linear import LinearModel
from .role_features import Actors


def fill_roles(doc: Document, events: list[Event], models: EventModels) -> None:
    """Each event's source and target as the role model ranks the article's actors, where the
    rules found none (`eventwire.events.learned.decide_roles`)."""
    actors = Actors(doc)
    codes = {entity.id: entity.code for entity in doc.entities}
    # towns and regions are where acts happen or are aimed, not who acts ("Kyiv said" is a government)
    places = frozenset(e.id for e in doc.entities if e.type in ("GPE", "LOC") and country_by_name(e.name) is None)
    for event in events:
        if event.source and event.target:
            continue  # the rankers only fill a side the rules left empty
        trigger = trigger_token(doc, event)
        quote = next((q for q in doc.quotes if q.start <= trigger.idx < q.end), None)
        by_rule = {**{e: "target" for e in event.target}, **{e: "source" for e in event.source}}
        speakers = {quote.speaker} if quote is not None and quote.speaker else set()
        scores = models.role_probabilities(actors, trigger, event.type, by_rule, speakers)
        chosen = decide_roles(scores, event.source, event.target, own_side(doc, codes, event.source), places)
        for side, rule, picked in zip(("source", "target"), (event.source, event.target), chosen):
            if picked != rule:
                event.why[side] = "the role model: " + (", ".join(picked) if picked else "nobody")
        event.source, event.target = chosen
        event.why["roles (model)"] = scores_text(scores)


def own_side(doc: Document, codes: dict[str, str | None], sources: list[str]) -> frozenset[str]:
    """The entities that stand for the sources' own country ("Israel" for "Israeli troops")."""
    countries = {codes[e][:3] for e in sources if codes.get(e) and len(codes[e]) >= 3}
    return frozenset(e.id for e in doc.entities if e.code and e.code in countries)


def choose_dates(doc: Document, events: list[Event], date_model: LinearModel) -> None:
    """Each event's date as the date model chooses among the rules', the publication day's, the
    last told and none (`eventwire.events.dating`); then acts that continue another take its date."""
    index = DateIndex(doc)
    for event in events:
        trigger = trigger_token(doc, event)
        dates = index.candidates(event)
        probabilities = date_model.probabilities(date_features(doc, index, event, trigger))
        chosen, event.date = choose_date(dates, probabilities)
        if chosen != "rules":
            event.why["date"] = f"the date model: {chosen} (rules: {dates['rules'] or 'none'})"
        event.why["date (model)"] = scores_text({"": probabilities})
    continued_dates(doc, events)


def continued_dates(doc: Document, events: list[Event]) -> None:
    """ "bombed the village, killing four", "entered Kabul and took over the palace": an act that
    continues another event's act in its sentence has that event's date."""
    by_token = {trigger_token(doc, e).i: e for e in events if e.trigger}
    for token_i, event in by_token.items():
        head = doc.parse[token_i]
        while head.dep_ in ("conj", "xcomp") or (head.dep_ == "advcl" and head.tag_ == "VBG"):
            head = head.head
            told = by_token.get(head.i)
            if told is not None and told.date and told is not event:
                event.date, event.why["date"] = told.date, f"the act it continues ({head.text!r})"
                break


def scores_text(scores: dict[str, dict[str, float]]) -> str:
    """'E1: source 0.91, target 0.05' for `eventwire explain` (the three likeliest labels)."""
    parts = []
    for key, probabilities in scores.items():
        top = sorted(probabilities.items(), key=lambda pair: -pair[1])[:3]
        parts.append((f"{key}: " if key else "") + ", ".join(f"{label or 'nobody'} {p:.2f}" for label, p in top))
    return "; ".join(parts)
