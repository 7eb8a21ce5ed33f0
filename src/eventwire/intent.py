"""Stated intentions are events of their own. CAMEO codes a promise to cooperate as "express
intent to cooperate" (03, PLOVER AGREE) and an announced hostile act as a threat (13, PLOVER
THREATEN): "the ministry said it would send aid" is an AGREE event today even though the aid is
only future; "the rebels vowed to attack the capital" is a THREATEN event. The future event
itself stays flagged `negated`."""

from __future__ import annotations

from dataclasses import replace

from .model import QUAD_CLASS_OF, Event

INTENT_MODALITIES = {"future", "intended"}
# CAMEO 03x (intent to cooperate) by PLOVER type of the intended act; 13x for hostile acts.
AGREE_CAMEO = {"AID": "033", "COOPERATE": "031", "CONSULT": "036", "RETREAT": "035", "CONCEDE": "035",
               "SUPPORT": "032", "AGREE": "030"}
THREATEN_MODE = {"ASSAULT": ("violence", "138"), "COERCE": ("restrict", "130"), "SANCTION": ("relations", "131"),
                 "PROTEST": ("relations", "133"), "MOBILIZE": ("violence", "138")}
INTENT_CONFIDENCE = 0.75


def with_stated_intentions(events: list[Event]) -> list[Event]:
    """The events of one sentence plus an AGREE or THREATEN event for each future or intended
    event with a source, unless the sentence already has an asserted event of that type by the same
    source ("agreed to withdraw"). A bare promise ("vowed", "pledged": generic AGREE 030) whose
    content turns out hostile ("vowed to attack") is a threat, not an agreement."""
    derived = _derived(events)
    threats = [d for d in derived if d.type == "THREATEN"]
    kept = [e for e in events if not (e.type == "AGREE" and e.cameo == "030" and not e.negated
                                      and any(set(t.source) & set(e.source) for t in threats))]
    return kept + derived


def _derived(events: list[Event]) -> list[Event]:
    derived = []
    for event in events:
        if event.modality not in INTENT_MODALITIES or not event.source:
            continue
        new_type, mode, cameo = _intent_type(event)
        if new_type is None or any(e.type == new_type and not e.negated and set(e.source) & set(event.source)
                                   for e in events + derived if e.start == event.start):
            continue
        derived.append(replace(event, id="", type=new_type, mode=mode, cameo=cameo, negated=False, modality=None,
                               pattern=f"intent:{event.pattern}", confidence=INTENT_CONFIDENCE))
    return derived


def _intent_type(event: Event) -> tuple[str | None, str | None, str | None]:
    if event.type in THREATEN_MODE:
        return ("THREATEN", *THREATEN_MODE[event.type])
    if event.type in AGREE_CAMEO and QUAD_CLASS_OF[event.type].endswith("cooperation"):
        return "AGREE", None, AGREE_CAMEO[event.type]
    return None, None, None
