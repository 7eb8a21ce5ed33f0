""""Both sides agreed", "the two governments signed": the sides are the two parties the article has
just told acting on each other ("talks between the army and the RSF ... Both sides agreed to let
aid through"). No coreference model works offline; a phrase that can only mean two parties, after
an event between two, is read as them.
"""

from __future__ import annotations

import re

from ..model import Document, Event

BOTH_SIDES = re.compile(r"^(?:both|the two|two) (?:sides|parties|countries|governments|delegations|nations|camps"
                        r"|neighbours|neighbors|rivals|leaders)$")


def both_sides_named(doc: Document, events: list[Event]) -> None:
    """Put the two parties of the latest event between two for a "both sides" source or target
    (events in text order): the first acts, the other is its target, as for symmetric acts."""
    pairs = {e.id for e in doc.entities if BOTH_SIDES.match(e.name.lower())}
    if not pairs:
        return
    last: tuple[str, str] | None = None
    for event in events:
        if last is not None and set(event.source) & pairs:
            event.source = [last[0]]
            event.target = [t for t in event.target if t not in pairs and t != last[0]] or [last[1]]
            event.why["source"] = event.why["target"] = "the two parties of the act told before ('both sides')"
        elif last is not None and set(event.target) & pairs:
            event.target = [t for t in last if t not in event.source]
            event.why["target"] = "the two parties of the act told before ('both sides')"
        if event.source and event.target and not (set(event.source) | set(event.target)) & pairs:
            last = (event.source[0], event.target[0])
