"""Whether an event is asserted as having happened: negated ("did not attack", "refused to
meet"), future ("will meet"), hypothetical ("could withdraw"), conditional ("if they attack"),
intended ("agreed to withdraw", "is ready to send troops"), demanded ("urged Iraq to cooperate",
"said Iraq must cooperate") or alleged ("accused Israel of killing"). Anything but None means the
event is flagged `negated` in the output, as the contract asks for such claims; `eventwire.events.intent`
turns the statement around it into an event of its own (a promise, threat, refusal or demand)."""

from __future__ import annotations

from .roles import governing_verb, infinitive

FUTURE_AUX = {"will", "wo", "'ll", "shall"}
MODAL_AUX = {"would", "could", "might", "may", "should", "must", "can", "ca", "'d"}
OBLIGATION_AUX = {"must", "should"}
CONDITIONAL_MARKS = {"if", "unless", "whether"}
# Verbs whose complement has not happened (yet): "agreed to withdraw", "threatened to strike".
# ("tried to hack", "attempted to storm" are the act itself, as CAMEO codes attempts.)
INTENT_VERBS = {"plan", "want", "intend", "threaten", "vow", "promise", "pledge", "agree", "hope", "seek",
                "aim", "prepare", "decide", "expect", "offer", "propose", "wish", "need", "consider",
                "mull", "warn", "plot", "swear", "commit", "resolve", "volunteer", "move"}
# Nouns whose infinitive has not happened: "gave an undertaking to let them leave", "its threat to strike".
INTENT_NOUNS = {"commitment", "pledge", "promise", "undertaking", "vow", "plan", "offer", "threat", "intention",
                "readiness", "willingness", "proposal", "ultimatum"}
MAKING_VERBS = {"make", "give", "issue", "announce", "express", "reaffirm", "renew", "repeat", "reiterate",
                "extend", "declare", "have", "put", "send", "deliver", "voice", "sign", "confirm"}
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
# Verbs of knowing and believing: "did not believe that any civilians had been killed" denies the act.
BELIEF_VERBS = {"believe", "think", "know", "confirm", "see", "find", "expect", "say", "report"}
# What is only alleged: "accused Israel of killing", "charged with smuggling".
ALLEGING_VERBS = {"accuse", "blame", "charge", "allege", "suspect", "indict", "convict", "arrest", "detain",
                  "jail", "sentence", "sue", "investigate", "probe"}
# Adverbs that leave an act to someone's word: "police allegedly beat the protesters".
ALLEGING_ADVERBS = {"allegedly", "purportedly", "supposedly"}
# Prepositions that introduce a complement rather than a time or place: "of killing", "to opening".
COMPLEMENT_PREPS = {"of", "for", "with", "to", "about", "on"}
NEGATIVE_DETERMINERS = {"no", "never"}
NO_ONE = {"nobody", "none", "nothing", "noone"}


def modality_of(trigger) -> str | None:
    """negated, future, hypothetical, conditional, intended, demanded, alleged or None (asserted)."""
    return modality_reason(trigger)[0]


def modality_reason(trigger) -> tuple[str | None, str]:
    """The modality of a trigger token and the words that give it (for `eventwire explain`)."""
    if trigger.pos_ in ("NOUN", "PROPN"):
        return _noun_modality(trigger)
    own = _clause_modality(trigger)
    if own[0] or trigger.dep_ != "conj":
        return own
    modality, why = _clause_modality(trigger.head)  # "will meet and discuss": the second verb shares "will"
    return modality, f"{why}, shared with {trigger.head.text!r}"


def _clause_modality(verb) -> tuple[str | None, str]:
    children = list(verb.children)
    negation = next((c for c in children if c.dep_ == "neg"), None)
    if negation is not None:
        return "negated", f"{negation.text!r} on {verb.text!r}"
    nobody = next((c for c in children if c.dep_ in ("nsubj", "nsubjpass") and _no_one(c)), None)
    if nobody is not None:
        return "negated", f"{nobody.text!r} as the subject of {verb.text!r}"
    aux = {c.lower_ for c in children if c.dep_ in ("aux", "auxpass")}
    if aux & OBLIGATION_AUX and (verb.dep_ == "ROOT" or _reported(verb)):
        # "Iraq must cooperate, the minister said": a demand on Iraq
        return "demanded", f"{sorted(aux & OBLIGATION_AUX)[0]!r} on {verb.text!r}"
    if _have_to(verb):
        return "demanded", f"'have to' before {verb.text!r}"
    if aux & FUTURE_AUX or _going_to(verb):
        return "future", f"future auxiliary on {verb.text!r}"
    if "would" in aux and _reported(verb):
        return "future", f"'would' under {verb.head.text!r}"  # "said it would send aid"
    if aux & MODAL_AUX:
        return "hypothetical", f"{sorted(aux & MODAL_AUX)[0]!r} on {verb.text!r}"
    mark = next((c for c in children if c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS), None)
    if mark is not None:
        return "conditional", f"{mark.text!r} before {verb.text!r}"
    hedge = next((c for c in children if c.dep_ == "advmod" and c.lower_ in ALLEGING_ADVERBS), None)
    if hedge is not None:
        return "alleged", f"{hedge.text!r} on {verb.text!r}"
    return _complement_modality(verb)


def _no_one(subject) -> bool:
    """ "Nobody was killed", "no one was hurt", "none of the passengers was injured", "no soldiers died"."""
    return subject.lower_ in NO_ONE or any(c.dep_ == "det" and c.lower_ == "no" for c in subject.children)


def _complement_modality(verb) -> tuple[str | None, str]:
    """The modality a verb takes from the word its clause completes."""
    head, dep = verb.head, verb.dep_
    if dep == "pcomp" and head.dep_ == "prep" and head.lower_ in COMPLEMENT_PREPS:
        dep, head = "xcomp", head.head  # "accused X of killing", "committed to opening"
    if dep == "advcl" and infinitive(verb):
        dep = "xcomp"  # the parser often hangs "vowed to fight", "sent troops to help" as a purpose clause
    if dep in ("acl", "xcomp") and infinitive(verb):
        noun = head if head.pos_ == "NOUN" else next((c for c in head.children if c.dep_ == "dobj"), None)
        if noun is not None and noun.lemma_.lower() in INTENT_NOUNS:
            return "intended", f"{verb.text!r} completes {noun.text!r}"  # "made a commitment to take in"
    if dep == "relcl" and any(c.dep_ == "det" and c.lower_ == "any" for c in head.children):
        return "hypothetical", f"{verb.text!r} describes 'any {head.text}'"  # "any deal that threatened"
    if head.i == verb.i or dep not in ("xcomp", "ccomp"):
        return None, "asserted"
    lemma, why = head.lemma_.lower(), f"{verb.text!r} completes {head.text!r}"
    if lemma in NEGATING_VERBS or lemma in NEGATING_ADJECTIVES:
        return "negated", why
    if any(c.dep_ == "neg" for c in head.children) and lemma in INTENT_VERBS | READY_ADJECTIVES | BELIEF_VERBS:
        return "negated", why + ", which is negated"  # "did not agree to withdraw", "did not believe that"
    if lemma in ALLEGING_VERBS:
        return "alleged", why
    if lemma in DEMAND_VERBS and (dep == "xcomp" or _subjunctive(verb)):
        return "demanded", why
    if dep == "xcomp" and (lemma in INTENT_VERBS or lemma in READY_ADJECTIVES):
        return "intended", why
    if dep == "xcomp" and head.pos_ in ("VERB", "AUX", "ADJ"):
        # "will send troops to help defend Y": the help is as unreal as the sending
        inherited, reason = _clause_modality(head)
        if inherited in ("future", "intended", "hypothetical", "conditional", "demanded"):
            return inherited, f"{why}: {reason}"
    return None, "asserted"


def made_by_subject(noun) -> bool:
    """ "Spain made a commitment", "issued a threat": the subject's own; "rejected a US offer" is not."""
    return noun.dep_ == "dobj" and noun.head.lemma_.lower() in MAKING_VERBS


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


# Prepositions that set an act beside the verb, not inside what it says or wants: "agreed to a
# truce after five weeks of fighting", "called for calm amid the protests".
BACKDROP_PREPS = {"after", "before", "since", "during", "amid", "following", "despite", "over"}


def _backdrop(noun, verb) -> bool:
    token = noun
    while token.i != verb.i and token.head.i != token.i:
        if token.dep_ == "prep" and token.lower_ in BACKDROP_PREPS:
            return True
        token = token.head
    return False


def _noun_modality(noun) -> tuple[str | None, str]:
    determiner = next((c for c in noun.children if c.lower_ in NEGATIVE_DETERMINERS), None)
    if determiner is not None:
        return "negated", f"{determiner.text!r} before {noun.text!r}"
    head = governing_verb(noun)
    if head is None or _backdrop(noun, head):
        return None, "asserted"
    lemma, why = head.lemma_.lower(), f"{noun.text!r} is in the phrase of {head.text!r}"
    naming = lemma == "call" and noun.dep_ == "dobj" and noun.head.i == head.i  # "called the measures illegal"
    if lemma in DEMAND_VERBS and not naming:
        return "demanded", why  # "called for talks", "demanded the release of"
    if lemma in INTENT_VERBS:
        return "intended", why
    if lemma in NEGATING_VERBS:
        return "negated", why
    if lemma in ALLEGING_VERBS and head.i < noun.i:
        return "alleged", why
    governing, reason = _clause_modality(head)
    if governing in (None, "intended", "demanded", "alleged"):
        return None, "asserted"
    return governing, reason
