"""A reaction is aimed at whoever did what it reacts to: "Mali's regulator suspended the daily ...
The Committee to Protect Journalists condemned the suspension": the target of the condemnation is
the regulator. News tells reactions this way all the time (condemned the attack, welcomed the
agreement, rejected the demand), and the acting side is named only in the earlier sentence.
"""

from __future__ import annotations

import os

from ..model import Document, Event
from .context import trigger_token
from .verb_patterns import VerbDictionary

# Acts done together: a reaction to them is aimed at every side ("welcomed the agreement").
JOINT_TYPES = {"AGREE", "CONSULT", "COOPERATE"}
# Prepositions after which a reacting verb names what it reacts to ("called for an end to the raids",
# "protested against the ban", "apologised for the delay").
ABOUT_PREPS = {"of", "for", "to", "against", "over", "on", "about", "at"}
KNOWN_DETERMINERS = {"the", "this", "that", "these", "those"}
MIN_STEM = 4  # "suspension" is the act of "suspend", "agreement" of "agree"; shorter stems match by chance
# What reacts to an act: words about it, not acts of the same kind ("carried out an attack" is the attack).
REACTION_TYPES = {"ACCUSE", "SUPPORT", "REJECT", "REQUEST", "PROTEST"}
LOOK_BACK = 2500  # characters: a reaction is told close to what it reacts to


def aim_reactions(doc: Document, events: list[Event], verbs: VerbDictionary) -> None:
    """A reaction with no target whose object names an earlier act by its noun ("the suspension")
    takes the source of that act as its target (events in text order). The noun names the latest
    act of its stem, else the latest the dictionary codes with the noun's type ("the expulsions"
    after "expelled")."""
    tokens = {event.trigger: trigger_token(doc, event) for event in events if event.trigger}
    for index, event in enumerate(events):
        if event.target or event.trigger is None or event.type not in REACTION_TYPES:
            continue
        named = _named_act(tokens[event.trigger])
        if named is None:
            continue
        earlier = [e for e in events[:index] if e.source and e.trigger and e.trigger[1] <= event.trigger[0]
                   and event.trigger[0] - e.trigger[0] <= LOOK_BACK]
        noun_type = getattr(verbs.match_noun(named), "type", None)
        act = next((e for e in reversed(earlier) if _names(named, tokens[e.trigger])), None) or \
            next((e for e in reversed(earlier) if e.type == noun_type), None)
        if act is None or set(act.source) & set(event.source):
            continue
        aimed = act.source + act.target if act.type in JOINT_TYPES else act.source
        event.target = [e for e in dict.fromkeys(aimed) if e not in event.source]
        event.why["target"] = f"who did what it reacts to ('{named.text}': {doc.text[act.trigger[0]:act.trigger[1]]})"


def _named_act(trigger):
    """The noun the trigger takes as what it acts on: its object, or the object of an `ABOUT_PREPS`
    preposition; None when that is not a common noun told as known."""
    found = [c for c in trigger.children if c.dep_ == "dobj"]
    found += [g for c in trigger.children if c.dep_ == "prep" and c.lower_ in ABOUT_PREPS
              for g in c.children if g.dep_ == "pobj"]
    return next((noun for noun in found if noun.pos_ == "NOUN" and _known(noun)), None)


def _known(noun) -> bool:
    """Whether the noun is told as already known ("the suspension", "this move", "Russia's decision"),
    as a reaction names what it reacts to; "set fire to" is no reaction to an earlier firing."""
    return any(c.dep_ == "poss" or c.dep_ == "det" and c.lower_ in KNOWN_DETERMINERS for c in noun.children)


def _names(noun, act_trigger) -> bool:
    """Whether a noun stands for the act told by `act_trigger`: it shares the act verb's stem
    ("suspension" / "suspended", "sentences" / "sentenced"). Nouns for any act ("the move", "the
    decision") are left alone: in the corpus's train split they pointed at the wrong act more often
    than not."""
    word, verb = noun.lemma_.lower(), act_trigger.lemma_.lower()
    stem = len(os.path.commonprefix([word, verb]))
    return stem >= MIN_STEM or stem == len(verb)  # "ban" / "banned"


def protests_aimed_by_demands(events: list[Event]) -> None:
    """A protest with no target is aimed at whom its protesters' demand in the same sentence is
    addressed to: "hundreds of young men blocked the highway, demanding protection from the
    government" protests against the government (the text says whom, a clause away)."""
    for event in events:
        if event.type != "PROTEST" or event.target or event.negated:
            continue
        demand = next((e for e in events if e.type == "REQUEST" and e.start == event.start and e.target
                       and (not e.source or not event.source or set(e.source) == set(event.source))), None)
        if demand is not None:
            event.target = [e for e in demand.target if e not in event.source]
            event.why["target"] = "whom the protesters' demand is addressed to"
