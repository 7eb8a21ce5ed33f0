"""Who frees captives is who held them: "The aid workers, held by the militia since March, were
freed on Friday"; "Police arrested two journalists on Thursday. The journalists were released
without charge." A release told in the passive names no one who released; the text names the
captor elsewhere, in the captives' own phrase or in the event that took them.
"""

from __future__ import annotations

from ..model import Event
from .roles import with_conjuncts

# Acts that may take people: arrests and detentions (COERCE 173), seizures (192), abductions (ASSAULT
# 181); the captives are known by the release, which names them as its target.
CAPTURE_TYPES = {"COERCE", "ASSAULT"}
RELEASE_TYPE = "RETREAT"


def holders(release) -> list:
    """The agents of what the captives' own phrase says was done to them: "the aid workers, held by
    the militia", "three staff abducted by gunmen" (for a passive release verb)."""
    captives = [t for c in release.children if c.dep_ == "nsubjpass" for t in with_conjuncts(c)]
    return [t for captive in captives for participle in captive.children
            if participle.dep_ == "acl" and participle.tag_ == "VBN"
            for agent in participle.children if agent.dep_ == "agent"
            for g in agent.children if g.dep_ == "pobj" for t in with_conjuncts(g)]


def released_by_captors(events: list[Event]) -> None:
    """A release with no source takes the source of the latest earlier act that took one of its
    targets (events in text order)."""
    captures: dict[str, list[str]] = {}  # captive entity -> who took them
    for event in events:
        if event.type == RELEASE_TYPE and event.cameo == "0841" and not event.source and event.target:
            captor = next((captures[t] for t in event.target if t in captures), None)
            if captor and not set(captor) & set(event.target):
                event.source = list(captor)
                event.why["source"] = "the one who took them (an earlier arrest or abduction)"
        if event.source and event.type in CAPTURE_TYPES and not event.negated:
            for captive in event.target:
                captures[captive] = list(event.source)
