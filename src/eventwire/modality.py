"""Whether an event is asserted as having happened: negated ("did not attack"), future ("will
meet"), hypothetical ("could withdraw", "if they attack"), or only intended, demanded or denied
("agreed to withdraw", "called for talks", "denied that it attacked"). Anything but None means the
event is flagged `negated` in the output, as the contract asks for such claims."""

from __future__ import annotations

FUTURE_AUX = {"will", "wo", "'ll", "shall"}
MODAL_AUX = {"would", "could", "might", "may", "should", "must", "can", "ca", "'d"}
CONDITIONAL_MARKS = {"if", "unless", "whether"}
# Verbs whose complement has not happened (yet): "agreed to withdraw", "threatened to strike".
INTENT_VERBS = {"plan", "want", "intend", "threaten", "vow", "promise", "pledge", "agree", "hope", "seek",
                "try", "aim", "prepare", "decide", "expect", "offer", "propose", "ask", "urge", "call",
                "demand", "request", "wish", "need", "consider", "mull", "warn", "push", "press", "plot",
                "refuse", "fail", "decline", "attempt", "order"}
REPORTING_VERBS = {"say", "announce", "state", "tell", "declare", "add", "confirm", "report", "insist", "warn",
                   "vow", "pledge", "promise", "indicate", "signal", "write", "tweet", "claim"}
NEGATING_VERBS = {"refuse", "fail", "decline", "deny", "reject", "dismiss"}
NEGATIVE_DETERMINERS = {"no", "never"}


def modality_of(trigger) -> str | None:
    """negated, future, hypothetical, conditional, intended or None (asserted) for a trigger token."""
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
    if aux & FUTURE_AUX or _going_to(verb):
        return "future"
    if "would" in aux and verb.dep_ == "ccomp" and verb.head.lemma_.lower() in REPORTING_VERBS:
        return "future"  # "said it would send aid": the future seen from the past
    if aux & MODAL_AUX:
        return "hypothetical"
    if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in children):
        return "conditional"
    if verb.dep_ in ("xcomp", "ccomp") and verb.head.lemma_.lower() in NEGATING_VERBS:
        return "negated"
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in INTENT_VERBS:
        return "intended"
    return None


def _going_to(verb) -> bool:
    head = verb.head
    return verb.dep_ == "xcomp" and head.lower_ == "going" and any(c.lower_ in ("is", "are", "am", "'s", "'re")
                                                                     for c in head.children)


def _noun_modality(noun) -> str | None:
    if any(c.lower_ in NEGATIVE_DETERMINERS for c in noun.children):
        return "negated"
    head = noun.head
    while head.i != head.head.i and head.pos_ not in ("VERB", "AUX"):
        head = head.head
    if head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in INTENT_VERBS:
        return "intended"
    if head.pos_ in ("VERB", "AUX"):
        governing = _clause_modality(head)
        return None if governing == "intended" else governing
    return None
