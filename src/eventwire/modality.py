"""Whether an event is asserted as having happened: negated ("did not attack", "refused to
meet"), future ("will meet"), hypothetical ("could withdraw"), conditional ("if they attack"),
intended ("agreed to withdraw", "is ready to send troops"), demanded ("urged Iraq to cooperate",
"said Iraq must cooperate") or alleged ("accused Israel of killing"). Anything but None means the
event is flagged `negated` in the output, as the contract asks for such claims; `eventwire.intent`
turns the statement around it into an event of its own (a promise, threat, refusal or demand)."""

from __future__ import annotations

FUTURE_AUX = {"will", "wo", "'ll", "shall"}
MODAL_AUX = {"would", "could", "might", "may", "should", "must", "can", "ca", "'d"}
OBLIGATION_AUX = {"must", "should"}
CONDITIONAL_MARKS = {"if", "unless", "whether"}
# Verbs whose complement has not happened (yet): "agreed to withdraw", "threatened to strike".
INTENT_VERBS = {"plan", "want", "intend", "threaten", "vow", "promise", "pledge", "agree", "hope", "seek",
                "try", "aim", "prepare", "decide", "expect", "offer", "propose", "wish", "need", "consider",
                "mull", "warn", "plot", "attempt", "swear", "commit", "resolve", "volunteer", "move"}
# Adjectives of readiness: "is willing to send troops", "stands ready to help".
READY_ADJECTIVES = {"willing", "ready", "prepared", "determined", "eager", "keen", "committed", "poised",
                    "set", "open", "unwilling", "reluctant"}
# Verbs whose complement is asked of someone else: "urged Iraq to cooperate", "demanded that X resign".
DEMAND_VERBS = {"ask", "urge", "call", "demand", "request", "press", "push", "appeal", "implore", "order",
                "insist", "pressure", "pressurize", "require", "tell", "instruct", "encourage", "invite",
                "challenge", "petition", "beg", "exhort"}
REPORTING_VERBS = {"say", "announce", "state", "tell", "declare", "add", "confirm", "report", "insist", "warn",
                   "vow", "pledge", "promise", "indicate", "signal", "write", "tweet", "claim", "reiterate",
                   "stress", "conclude", "argue", "note", "emphasize", "emphasise", "maintain", "assert"}
NEGATING_VERBS = {"refuse", "fail", "decline", "deny", "reject", "dismiss", "oppose", "resist", "avoid"}
NEGATING_ADJECTIVES = {"unwilling", "reluctant", "opposed"}
# What is only alleged: "accused Israel of killing", "charged with smuggling".
ALLEGING_VERBS = {"accuse", "blame", "charge", "allege", "suspect", "indict", "convict", "arrest", "detain",
                  "jail", "sentence", "try", "sue", "investigate", "probe"}
# Prepositions that introduce a complement rather than a time or place: "of killing", "to opening".
COMPLEMENT_PREPS = {"of", "for", "with", "to", "about", "on"}
NEGATIVE_DETERMINERS = {"no", "never"}


def modality_of(trigger) -> str | None:
    """negated, future, hypothetical, conditional, intended, demanded, alleged or None (asserted)."""
    if trigger.pos_ in ("NOUN", "PROPN"):
        return _noun_modality(trigger)
    own = _clause_modality(trigger)
    if own or trigger.dep_ != "conj":
        return own
    return _clause_modality(trigger.head)  # "will meet and discuss": the second verb shares "will"


def _clause_modality(verb) -> str | None:
    children = list(verb.children)
    if any(c.dep_ == "neg" for c in children):
        return "negated"
    aux = {c.lower_ for c in children if c.dep_ in ("aux", "auxpass")}
    if aux & OBLIGATION_AUX and (verb.dep_ == "ROOT" or _reported(verb)):
        return "demanded"  # "Iraq must cooperate, the minister said": a demand on Iraq
    if _have_to(verb):
        return "demanded"
    if aux & FUTURE_AUX or _going_to(verb):
        return "future"
    if "would" in aux and _reported(verb):
        return "future"  # "said it would send aid": the future seen from the past
    if aux & MODAL_AUX:
        return "hypothetical"
    if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in children):
        return "conditional"
    return _complement_modality(verb)


def _complement_modality(verb) -> str | None:
    """The modality a verb takes from the word its clause completes."""
    head, dep = verb.head, verb.dep_
    if dep == "pcomp" and head.dep_ == "prep" and head.lower_ in COMPLEMENT_PREPS:  # "accused X of killing", "committed to opening"
        dep, head = "xcomp", head.head
    if head.i == verb.i or dep not in ("xcomp", "ccomp"):
        return None
    lemma = head.lemma_.lower()
    if lemma in NEGATING_VERBS or lemma in NEGATING_ADJECTIVES:
        return "negated"
    if any(c.dep_ == "neg" for c in head.children) and lemma in INTENT_VERBS | READY_ADJECTIVES:
        return "negated"  # "did not agree to withdraw", "is not ready to talk"
    if lemma in ALLEGING_VERBS:
        return "alleged"
    if lemma in DEMAND_VERBS:
        return "demanded" if dep == "xcomp" or _subjunctive(verb) else None
    if lemma in INTENT_VERBS or lemma in READY_ADJECTIVES:
        return "intended" if dep == "xcomp" else None
    return None


def _reported(verb) -> bool:
    return verb.dep_ == "ccomp" and verb.head.lemma_.lower() in REPORTING_VERBS | DEMAND_VERBS


def _subjunctive(verb) -> bool:
    """ "demanded that the minister resign": a bare verb under "that"."""
    return verb.tag_ in ("VB", "VBP") or any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("be", "should")
                                             for c in verb.children)


def _going_to(verb) -> bool:
    head = verb.head
    return verb.dep_ == "xcomp" and head.lower_ == "going" and any(c.lower_ in ("is", "are", "am", "'s", "'re")
                                                                     for c in head.children)


def _have_to(verb) -> bool:
    """ "Iraq has to let inspectors in": an obligation, as with "must"."""
    head = verb.head
    return verb.dep_ == "xcomp" and head.lemma_ == "have" and head.i < verb.i \
        and any(c.dep_ == "aux" and c.i == verb.i - 1 and c.lower_ == "to" for c in verb.children)


def _noun_modality(noun) -> str | None:
    if any(c.lower_ in NEGATIVE_DETERMINERS for c in noun.children):
        return "negated"
    head = noun.head
    while head.i != head.head.i and head.pos_ not in ("VERB", "AUX"):
        head = head.head
    if head.pos_ not in ("VERB", "AUX"):
        return None
    lemma = head.lemma_.lower()
    if lemma in DEMAND_VERBS:
        return "demanded"  # "called for talks", "demanded the release of"
    if lemma in INTENT_VERBS:
        return "intended"
    if lemma in NEGATING_VERBS:
        return "negated"
    if lemma in ALLEGING_VERBS and head.i < noun.i:
        return "alleged"
    governing = _clause_modality(head)
    return None if governing in ("intended", "demanded", "alleged") else governing
