"""What a statement about an act is, as an event of its own.

CAMEO and PLOVER code what is said about an act that has not happened: "the ministry said it would
send aid" is a promise (AGREE, CAMEO 033) today, "the rebels vowed to attack" a threat (THREATEN,
138), "Syria refused to withdraw" a refusal (REJECT, 1246) and "Britain said Libya must hand over
the suspects" a demand (REQUEST, 1053, source Britain, target Libya). The act itself stays in the
output flagged `negated` with its modality (see `eventwire.events.modality`).

The CAMEO code of the statement follows the PLOVER type and mode of the act, from the tables
below (CAMEO codebook 1.1b3 families 03, 10, 12 and 13; PLOVER types from the PLOVER project's
CAMEO-to-PLOVER table, 2021).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..model import Event
from .context import clause_depth
from .modality import made_by_subject
from .roles import actors_of, governing_verb, subjects, with_conjuncts

# Express intent to ... (AGREE, CAMEO 03x), by the type of the promised act.
PROMISE = {"AID": (None, "033"), "COOPERATE": (None, "031"), "CONSULT": (None, "036"), "RETREAT": (None, "035"),
           "CONCEDE": (None, "035"), "SUPPORT": (None, "032"), "AGREE": (None, "030")}
# Threaten to ... (THREATEN, 13x), by the type and mode of the threatened act.
THREAT = {"ASSAULT": ("violence", "138"), "COERCE": ("restrict", "132"), "SANCTION": ("relations", "131"),
          "PROTEST": ("relations", "133"), "MOBILIZE": ("violence", "138"),
          ("COERCE", "seize"): ("territory", "1382"), ("COERCE", "arrest"): ("arrest", "132"),
          ("COERCE", "deport"): ("expel", "132"), ("COERCE", "curfew"): ("restrict", "1323"),
          ("COERCE", "martial-law"): ("restrict", "1324"), ("SANCTION", "expel"): ("expel", "136"),
          ("SANCTION", "withdraw"): ("relations", "1313"), ("SANCTION", "discontinue"): ("relations", "1311")}
# Refuse to ... (REJECT, 12x): only cooperation can be refused; "did not attack" is no event.
REFUSAL = {"AID": ("assist", "122"), "COOPERATE": ("assist", "121"), "SUPPORT": (None, "120"),
           "CONSULT": ("meet", "125"), "AGREE": ("meet", "127"), "CONCEDE": ("change", "124"),
           "RETREAT": ("yield", "124"), ("RETREAT", "release"): ("yield", "1243"),
           ("RETREAT", "ceasefire"): ("yield", "1246"), ("RETREAT", "disarm"): ("yield", "1246"),
           ("RETREAT", "withdraw"): ("yield", "1246"), ("RETREAT", "access"): ("yield", "1245")}
# Demand that someone ... (REQUEST, 10x).
DEMAND = {"AID": ("assist", "103"), "COOPERATE": ("assist", "101"), "SUPPORT": ("assist", "102"),
          "CONCEDE": ("change", "104"), "RETREAT": ("yield", "105"), ("RETREAT", "release"): ("yield", "1053"),
          ("RETREAT", "ceasefire"): ("yield", "1056"), ("RETREAT", "withdraw"): ("yield", "1056"),
          ("RETREAT", "disarm"): ("yield", "1056"), ("RETREAT", "access"): ("yield", "1055"),
          ("RETREAT", "resign"): ("change", "1041"), "CONSULT": ("meet", "106"), "AGREE": ("meet", "107"),
          "ACCUSE": (None, "100"), "SANCTION": (None, "100"), "REQUEST": (None, "100"), "REJECT": (None, "100")}
# An act announced on condition ("will withdraw unless the rebels disarm") is an ultimatum (CAMEO 139);
# getting ready for an attack ("prepared to resume shelling") is a show of force (CAMEO 15x), not words.
ULTIMATUM = ("relations", "139")
PREPARATION = {"ASSAULT": ("troops", "150"), "COERCE": ("troops", "150"), "MOBILIZE": ("troops", "150")}
PREPARING_WORDS = {"prepare", "gear", "brace", "mass", "prepared", "poised"}
STATEMENT_OF = {"future": ("AGREE", "THREATEN"), "intended": ("AGREE", "THREATEN"), "negated": ("REJECT",),
                "demanded": ("REQUEST",)}
TABLES = {"AGREE": PROMISE, "THREATEN": THREAT, "REJECT": REFUSAL, "REQUEST": DEMAND}
# "denied that the authorities had negotiated": a denial, not a refusal
DENYING_VERBS = {"deny", "dismiss"}
# "will not resign", "would not sign", "cannot accept" ("wo" and "ca" as the parser splits "won't", "can't")
REFUSING_AUX = {"will", "would", "can", "could", "shall", "wo", "ca"}
STATEMENT_CONFIDENCE, DEPTH_PENALTY = 0.8, 0.1


@dataclass
class Triggered:
    """An event with the token that fired it."""

    event: Event
    trigger: object  # spaCy Token


def with_statements(found: list[Triggered], owner: dict[int, str], quotes=()) -> list[Event]:
    """The events of one sentence plus, for each act that is only promised, threatened, refused
    or demanded, the statement event. When the verb that makes the statement fired a pattern of
    its own ("agreed to withdraw", "urged Iraq to cooperate"), that event takes the statement's
    more specific coding instead of a second event being added."""
    by_trigger = {item.trigger.i: item for item in found if not item.event.negated}
    events = [item.event for item in found]
    for item in found:
        head = _statement_head(item.trigger)
        statement = _statement(item, head, owner, quotes)
        if statement is None:
            continue
        told = by_trigger.get(head.i) if head is not None else None
        if told is not None and told.event in events:
            events[events.index(told.event)] = _merged(told.event, statement)
        elif not any(e.type == statement.type and not e.negated and e.source == statement.source
                     and e.target == statement.target for e in events):
            events.append(statement)
    return events


def _statement(item: Triggered, head, owner, quotes) -> Event | None:
    event, trigger = item.event, item.trigger
    if event.modality == "negated" and not _refusal(head, trigger):
        return None  # "denied that it had negotiated", "did not meet": the act is negated, no one refused
    for statement_type in STATEMENT_OF.get(event.modality, ()):
        coding = _coding(TABLES[statement_type], event)
        if statement_type == "AGREE" and coding and _ultimatum(trigger):
            statement_type, coding = "THREATEN", ULTIMATUM  # "will pull out its troops unless ..."
        elif statement_type == "THREATEN" and coding and _preparing(head):
            statement_type, coding = "MOBILIZE", PREPARATION.get(event.type)  # "prepared to resume shelling"
        if coding is None:
            continue
        if statement_type == "REQUEST":
            source, target = _demand_roles(event, head, trigger, owner, quotes)
            roles_why = {"source": "who demands (subject of the stating verb, or the quote's speaker)",
                         "target": "who is asked (object of the stating verb, or who must act)"}
        else:
            source, target = event.source or _speaker(trigger, quotes), event.target
            roles_why = {} if event.source else {"source": "the speaker of the quote"}
        if not source:
            return None
        mode, cameo = coding
        confidence = STATEMENT_CONFIDENCE - DEPTH_PENALTY * min(clause_depth(head) if head is not None else 1, 2)
        return replace(event, id="", type=statement_type, mode=mode, cameo=cameo, source=source,
                       target=[t for t in target if t not in source], negated=False, modality=None,
                       pattern=f"{event.modality}:{event.pattern}", confidence=confidence,
                       why={**event.why, **roles_why, "modality": "asserted (the statement is made)",
                            "statement": f"{statement_type}: the act {event.pattern!r} is {event.modality} "
                                         f"({event.why.get('modality', '')})"})
    return None


def _refusal(head, trigger) -> bool:
    """Whether a negated act is refused (corpus guidelines, section 5: a denial is no event): by
    a verb of its own ("refused to release", "failed to hand over"), or as a stand taken for later
    ("will not resign", "cannot accept"), not "denied backing the group" or "did not meet"."""
    if head is not None:
        return head.lemma_.lower() not in DENYING_VERBS
    return any(c.dep_ == "aux" and c.lower_ in REFUSING_AUX for c in trigger.children)


def _ultimatum(trigger) -> bool:
    """ "will withdraw unless the rebels disarm": the act is held over someone."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless" for m in c.children)
               for c in trigger.children)


def _preparing(head) -> bool:
    """ "prepared to attack", "prepared to resume shelling": a preparing word up the chain of complements."""
    while head is not None:
        if head.lemma_.lower() in PREPARING_WORDS or head.lower_ in PREPARING_WORDS:
            return True
        head = head.head if head.dep_ in ("xcomp", "acomp") and head.head.i != head.i else None
    return False


def _coding(table: dict, event: Event) -> tuple[str | None, str] | None:
    return table.get((event.type, event.mode)) or table.get(event.type)


def _merged(told: Event, statement: Event) -> Event:
    """The stating verb's own event with the statement's type, mode and code."""
    return replace(told, type=statement.type, mode=statement.mode, cameo=statement.cameo,
                   target=told.target or statement.target, pattern=f"{told.pattern}+{statement.pattern}",
                   confidence=max(told.confidence, statement.confidence),
                   why={**told.why, "statement": statement.why["statement"] + f"; coded on {told.pattern!r}"})


def _statement_head(trigger):
    """The word whose complement the act is: "agreed" in "agreed to withdraw", "said" in "said Iraq
    must cooperate", "called" in "called for talks"."""
    token = trigger
    if token.dep_ == "conj":
        token = token.head
    if token.pos_ in ("NOUN", "PROPN"):
        return governing_verb(token)
    if token.dep_ == "pcomp" and token.head.dep_ == "prep":
        token = token.head
    if token.dep_ in ("xcomp", "ccomp", "prep") and token.head.i != token.i:
        head = token.head
        return head.head if head.pos_ == "ADJ" and head.dep_ == "acomp" else head
    if token.dep_ == "advcl" and token.head.i != token.i:  # "made a commitment to take in"
        return token.head
    if token.dep_ == "acl" and token.head.pos_ == "NOUN" and made_by_subject(token.head):
        return governing_verb(token.head)
    return None


def _demand_roles(event: Event, head, trigger, owner, quotes) -> tuple[list[str], list[str]]:
    """Who demands (the subject of `head`, the stating verb: "urged", "said", "called"; else the
    quote's speaker) and of whom (the one urged, else the one who must act, else the act's target)."""
    demander = actors_of(subjects(head), owner) if head is not None else []
    demander = demander or _speaker(trigger, quotes)
    asked = []
    if head is not None:
        told = [t for c in head.children if c.dep_ in ("dobj", "dative") for t in with_conjuncts(c)]
        told += [t for p in head.children if p.dep_ == "prep" and p.lower_ == "on"
                 for g in p.children if g.dep_ == "pobj" for t in with_conjuncts(g)]
        asked = actors_of(told, owner)
    asked = asked or [s for s in event.source if s not in demander] or event.target
    return demander, asked


def _speaker(trigger, quotes) -> list[str]:
    inside = [q for q in quotes if q.speaker and q.start <= trigger.idx < q.end]
    return [inside[0].speaker] if inside else []
