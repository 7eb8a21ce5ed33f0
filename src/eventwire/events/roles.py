"""Source and target of an event from the dependency parse.

Verbs: the subject is the source and the object the target; passives swap them ("was attacked by
X"); a verb without its own subject takes it from the verb it hangs on ("entered Kabul and took
over the palace", "agreed to withdraw", "troops who stormed the building"). Nouns: the owner is
the source ("Israel's strikes", "Hamas rocket attacks", "attacks by X") and the "on/against/with"
object the target; "between X and Y" names both sides.
"""

from __future__ import annotations

from ..knowledge.entity_index import entity_of
from .verb_patterns import Pattern

SUBJECT = ("nsubj", "csubj")
TARGET_PREPS = {"against", "on", "with", "at", "into", "upon", "toward", "towards", "to", "over", "from", "of",
                "between", "among"}
NOUN_TARGET_PREPS = {"against", "on", "with", "at", "into", "upon", "toward", "towards", "to", "between", "of"}


def infinitive(verb) -> bool:
    """ "to withdraw": the verb has its infinitive marker."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def with_conjuncts(token) -> list:
    """A token and the tokens coordinated with it ("X, Y and Z")."""
    return [token] + [t for t in token.conjuncts if t.i > token.i]


def subjects(verb) -> list:
    """The subject tokens of a verb, borrowed from the verb it depends on when it has none."""
    own = [c for c in verb.children if c.dep_ in SUBJECT or (c.dep_ == "nsubjpass" and _stative(verb))]
    if verb.dep_ == "relcl" and all(c.tag_ in ("WP", "WDT") for c in own):
        return [verb.head]  # "the militants who attacked": the noun the clause describes
    if own:
        return [t for s in own for t in with_conjuncts(_misparsed_subject(s))]
    if verb.dep_ == "acl" and (verb.head.lemma_.lower() in STATEMENT_NOUNS or infinitive(verb)):
        # "a US offer to host": the US; "X issued a statement demanding", "X gave an undertaking to": X
        owners = [c for c in verb.head.children if c.dep_ in ("poss", "compound")]
        used = verb.head
        while used.dep_ == "conj":  # "used pepper spray and rubber bullets to disperse": the user
            used = used.head
        if owners or used.dep_ != "dobj":
            return owners
        return subjects(used.head)
    if verb.dep_ == "relcl" or (verb.dep_ == "acl" and verb.tag_ == "VBG"):
        return [verb.head]
    head = verb.head.head if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" else verb.head
    controlled = verb.dep_ == "xcomp" or (verb.dep_ == "pcomp" and verb.head.lower_ in CONTROL_PREPS)
    if controlled and head.pos_ in ("VERB", "AUX") and head.lemma_.lower() not in INSTRUMENT_VERBS:
        # object control: "urged Sudan to release", "accused Sudan of shelling": Sudan acts
        told = [t for c in head.children if c.dep_ == "dobj" for t in with_conjuncts(c)]
        if told:
            return told
    if verb.dep_ in ("conj", "xcomp", "advcl", "acomp") and verb.head.i != verb.i:
        return subjects(verb.head)  # "is ready to send": "ready" hangs from "is"
    if verb.dep_ == "pcomp" and head.i != verb.i:
        return subjects(head)
    return []


# Prepositions of object control: "accused X of shelling", "prevented X from leaving", "blamed X for
# starting", "forced X into signing"; not "torpedoed the talks by walking out" (the subject walks).
CONTROL_PREPS = {"of", "from", "for", "into"}
# Verbs whose object is a means, not someone who acts: "used tear gas to disperse", "fired rockets to".
INSTRUMENT_VERBS = {"use", "employ", "fire", "launch", "wield", "spray", "deploy", "mobilise", "mobilize"}
# Documents that speak for whoever issues them: "issued a statement condemning the raid".
STATEMENT_NOUNS = {"statement", "declaration", "communique", "communiqué", "letter", "message", "resolution",
                   "note", "appeal", "report", "decree", "order", "ultimatum", "warning", "memo", "memorandum"}
# Participles that say what the subject does or holds, not what is done to it: "Israel is opposed
# to the plan", "Vietnam is committed to opening its economy".
STATIVE_PARTICIPLES = {"oppose", "commit", "dedicate", "devote", "determine", "resolve", "engage", "involve",
                       "interest", "prepare", "entitle"}


def _misparsed_subject(token):
    """ "The Red Cross operating in Iraq said": the parser may make the participle the subject and
    the noun its subject; the noun is the one that speaks."""
    if token.tag_ == "VBG":
        return next((c for c in token.children if c.dep_ in SUBJECT), token)
    return token


def _passive(verb) -> bool:
    """ "was shelled", "were freed"; and the participle of a reduced relative ("staff abducted by")."""
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or _reduced_passive(verb)


def _reduced_passive(verb) -> bool:
    """ "three staff abducted by gunmen"; not "air strikes killed 30 people" misparsed the same way
    (a passive participle has no object)."""
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and not any(c.dep_ == "dobj" for c in verb.children)


def passive_patients(verb) -> list:
    """Who a passive verb was done to ("Bhutto" in "Bhutto was assassinated by ..."), or []."""
    return [c for c in verb.children if c.dep_ == "nsubjpass"] if not _stative(verb) else []


def _stative(verb) -> bool:
    return verb.lemma_.lower() in STATIVE_PARTICIPLES and not any(c.dep_ == "agent" for c in verb.children)


def _prep_objects(token, preps: set[str]) -> list:
    return [t for p in token.children if p.dep_ in ("prep", "prt", "dative") and p.lower_ in preps
            for g in p.children if g.dep_ == "pobj" for t in with_conjuncts(g)]


def verb_roles(verb, pattern: Pattern) -> tuple[list, list]:
    """(source tokens, target tokens) of a verb event."""
    if pattern.roles == "owner>subject":
        noun = next((g for c in verb.children if c.dep_ == "prep" for g in c.children
                     if g.dep_ == "pobj"), None)
        owners = [c for c in noun.children if c.dep_ in ("compound", "poss", "amod")] if noun is not None else []
        return owners, subjects(verb)
    if _passive(verb) and not _stative(verb):
        agents = [t for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"
                  for t in with_conjuncts(g)]
        patients = [t for c in verb.children if c.dep_ == "nsubjpass" for t in with_conjuncts(_antecedent(c))]
        if _reduced_passive(verb):  # "three staff abducted by gunmen": the staff
            patients = with_conjuncts(verb.head)
        return agents, patients
    sources = subjects(verb)
    objects = [t for c in verb.children if c.dep_ in ("dobj", "dative", "iobj") for t in with_conjuncts(_antecedent(c))]
    objects += _prep_objects(verb, set(pattern.particles) | TARGET_PREPS)
    if _object_relative(verb, sources):  # "the two drivers it detained": the drivers
        objects.append(verb.head)
    if pattern.obj:  # a light verb's noun carries the target: "held talks with Y", "launched attacks on Y"
        objects += [t for c in verb.children if c.dep_ == "dobj" for t in _prep_objects(c, NOUN_TARGET_PREPS)]
    return sources, _bound_possessives(verb, objects)


def _antecedent(token):
    """The noun a relative pronoun stands for ("journalists who were arrested": the journalists),
    or the token itself."""
    clause = token.head
    if token.tag_ in ("WP", "WDT") and clause.dep_ == "relcl" and clause.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return clause.head
    return token


def _object_relative(verb, sources: list) -> bool:
    """ "the drivers it detained", "the town the rebels captured": a relative clause with a subject
    of its own and no object describes what its verb was done to."""
    return (verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN")
            and any(c.dep_ == "nsubj" and c.tag_ not in ("WP", "WDT") for c in verb.children)
            and not any(c.dep_ in ("dobj", "ccomp", "xcomp", "dative") for c in verb.children)
            and verb.head not in sources)


def _bound_possessives(verb, objects: list) -> list:
    """ "Azerbaijan accused Armenian forces of shelling its positions": in an act whose doer is the
    one accused or urged, a possessive pronoun on the object cannot be that doer; it is the one
    who accuses or urges (the subject of the verb above)."""
    if verb.dep_ not in ("pcomp", "xcomp") or any(c.dep_ in SUBJECT for c in verb.children):
        return objects
    head = verb.head.head if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" else verb.head
    if not any(c.dep_ == "dobj" for c in head.children):  # no object control: "agreed to shell its ..."
        return objects
    controllers = [t for c in head.children if c.dep_ in SUBJECT for t in with_conjuncts(c)]
    found = []
    for token in objects:
        bound = any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in token.children)
        found += controllers if bound and controllers else [token]
    return found


COMPLEMENT_PREPS = TARGET_PREPS | {"for", "in"}


def complement_targets(verb, depth: int = 2) -> list:
    """Where the target of a statement verb hides when it has no object of its own: the subject of
    its clause ("demanded that the US cancel the sale"), the agent or owner of its object noun
    ("rejected calls by Kofi Annan", "denounced Serbia's crackdown"), else the objects of the act
    it is about ("agreed to provide aid for Romania", "offered to hand them over to Britain"), or of
    what it was done for ("fired tear gas to disperse them")."""
    found = []
    for child in verb.children:
        if child.dep_ == "dobj":
            found += _prep_objects(child, {"by", "from"})
            found += [c for c in child.children if c.dep_ in ("poss", "amod", "compound")]
    for clause in (c for c in verb.children if c.dep_ in ("xcomp", "ccomp") or _purpose(c)):
        actor = [t for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") for t in with_conjuncts(c)] \
            if clause.dep_ == "ccomp" else []
        if actor:  # "demanded that Venezuela free the prisoners": Venezuela is asked, not the prisoners
            found += actor
            continue
        found += [t for c in clause.children if c.dep_ in ("dobj", "dative") for t in with_conjuncts(c)]
        found += _prep_objects(clause, COMPLEMENT_PREPS)
        # "threatened to break relations with Russia", "promised to continue aid to Mozambique"
        found += [t for c in clause.children if c.dep_ == "dobj" for t in _prep_objects(c, NOUN_TARGET_PREPS)]
        if depth > 1:
            found += complement_targets(clause, depth - 1)
    return found


def _purpose(clause) -> bool:
    """ "to disperse them" after "fired tear gas": a clause saying what the act was for."""
    return clause.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


def acted_on(noun) -> list:
    """What an event noun did, as the verb it is the subject of says: "air strikes killed 30
    Palestinians", "the attack wounded three officers"."""
    verbs = [noun.head] if noun.dep_ == "nsubj" else []
    verbs += [c for c in noun.children if c.dep_ in ("acl", "relcl") and not _reduced_passive(c)]
    return [t for verb in verbs for c in verb.children if c.dep_ == "dobj" for t in with_conjuncts(c)]


def place_targets(trigger) -> list:
    """Where an act without a recipient is applied: "lifted the curfew in Montenegro", "the state of
    emergency in Darfur". Only places: "arrested in the raid" has no target."""
    holders = [trigger] + [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
    return [t for holder in holders for t in _prep_objects(holder, {"in", "across", "throughout"})
            if t.ent_type_ in ("GPE", "LOC")]


def noun_roles(noun, pattern: Pattern) -> tuple[list, list]:
    """(source tokens, target tokens) of a nominal event."""
    between = _prep_objects(noun, {"between", "among"})
    if between and pattern.roles == "mediator":
        return [], between  # "a mediation mission between X and Y": the mediator is the verb's subject
    if between:
        return between[:1], between[1:]
    sources = [c for c in noun.children if c.dep_ in ("poss", "compound", "amod", "nmod")
               and not (pattern.compound and c.lower_ == pattern.compound)]
    sources += _prep_objects(noun, {"by", "from"})
    targets = _prep_objects(noun, NOUN_TARGET_PREPS - {"between"})
    return sources, targets


# Verbs whose subject is the agent of the event named after their preposition: "engaged in
# cleansing", "took part in the protests", "resorted to violence", "returned to Geneva for talks".
PARTICIPATION_VERBS = {"engage", "participate", "join", "involve", "indulge", "persist", "resort", "embark",
                       "return", "come", "go", "travel", "fly", "head", "arrive", "gather"}


def _participates(verb) -> bool:
    lemma = verb.lemma_.lower()
    return lemma in PARTICIPATION_VERBS or (lemma == "take" and any(c.lower_ == "part" for c in verb.children))


def light_verb_roles(noun) -> tuple[list, list]:
    """Roles an event noun takes from the verb it is the object of: "X held a meeting with Y",
    "X offered mediation", "X provided aid to Y" (the verb's subject and its to/with object)."""
    verb = noun.head
    if noun.dep_ == "pobj" and verb.dep_ == "prep" and verb.lower_ != "under" and _participates(verb.head):
        verb = verb.head  # "X took part in the protests", "X was engaged in ethnic cleansing"
        actors = [t for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for t in with_conjuncts(c)]
        return actors or subjects(verb), []
    if noun.dep_ != "dobj" or verb.pos_ not in ("VERB", "AUX"):
        return [], []
    targets = [t for c in verb.children if c.dep_ == "dative" for t in with_conjuncts(c)]
    return subjects(verb), targets + _prep_objects(verb, {"to", "with", "for"})


def governing_verb(noun):
    """The verb a noun phrase hangs from ("called" in "called for an end to the attacks"), or None."""
    head = noun.head
    while head.i != head.head.i and head.pos_ not in ("VERB", "AUX"):
        head = head.head
    return head if head.pos_ in ("VERB", "AUX") and head.i != noun.i else None


def governing_object(noun):
    """The direct object of the verb a noun phrase hangs from ("congratulated Hamas on ... attacks"):
    the likely agent of an event noun that names none itself."""
    head = governing_verb(noun)
    if head is None or not _through_prepositions(noun, head):
        return None
    return next((c for c in head.children if c.dep_ == "dobj" and c.i < noun.i), None)


ABOUT_PREPS = {"on", "for", "over"}


def _through_prepositions(noun, verb) -> bool:
    """The noun hangs from the verb by prepositional phrases alone: "congratulated Hamas on a
    victory after a campaign of attacks", not "kidnapped 20 students, the latest in a wave of
    abductions" (an apposition on the way)."""
    token = noun
    while token.head.i != verb.i:
        if token.dep_ not in ("pobj", "prep"):
            return False
        token = token.head
    # what the verb is about ("on", "for", "over"), not when or where ("killed a man during the protests")
    return token.dep_ == "prep" and token.lower_ in ABOUT_PREPS


def actors_of(tokens, owner: dict[int, str]) -> list[str]:
    """Entity ids for tokens, in order, without repeats."""
    found = []
    for token in tokens:
        entity_id = entity_of(token, owner)
        if entity_id and entity_id not in found:
            found.append(entity_id)
    return found
