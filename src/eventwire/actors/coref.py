"""Rule-based references: pronouns and "the group"-style noun phrases linked to the actor they
stand for. No coreference model works offline, so these are rules, kept deliberately cautious:
an antecedent must be of a compatible kind and lie in the same or one of the two previous
sentences; a subject pronoun prefers a subject antecedent.

Also links people to their group through a possessive ("its leader, Ismail Haniyeh").
"""

from __future__ import annotations

from ..knowledge.actor_dictionary import ActorDictionary
from ..knowledge.countries import country_by_iso3, country_by_name
from ..knowledge.entity_index import renumber, token_entities
from ..model import Document, Mention

PERSONAL = {"he", "him", "his", "himself", "she", "her", "hers", "herself"}
SINGULAR = {"it", "its", "itself"}
PLURAL = {"they", "them", "their", "theirs", "themselves"}
# Definite noun phrases that point back to an organisation or a country ("the group has said").
BACK_TO_ORG = {"group", "movement", "organization", "organisation", "militia", "faction", "outfit",
               "militants", "insurgents", "rebels", "alliance", "party"}
BACK_TO_COUNTRY = {"country", "nation", "kingdom", "republic"}
# Words in the names of political parties, which "the party" may point back to.
PARTY_NAMES = {"party", "front", "congress", "league", "movement", "alliance", "union", "coalition", "bloc",
               "democrats", "republicans", "socialists", "conservatives"}
SENTENCES_BACK = 2
# Clauses whose subject is their head's ("fired tear gas to disperse them", "vowed to punish them").
CONTROLLED_DEPS = {"xcomp", "advcl", "conj"}
# "the minister" may point to a minister named several paragraphs before
TITLED, TITLED_SENTENCES_BACK = "titled:", 10


def resolve_references(doc: Document, dictionary: ActorDictionary) -> None:
    """Add pronoun and nominal mentions to the entities they refer to, in place."""
    sdoc = doc.parse
    owner = token_entities(doc)
    by_id = {entity.id: entity for entity in doc.entities}
    sentence_of = {}
    for number, sentence in enumerate(sdoc.sents):
        for token in sentence:
            sentence_of[token.i] = number
    for token in sdoc:
        wanted = _wanted_kind(token, owner, dictionary)
        if wanted is None:
            continue
        antecedent = _antecedent(token, wanted, owner, by_id, sentence_of)
        if antecedent is None:
            continue
        span = _reference_span(token)
        for entity in doc.entities:  # a generic "the militants" entity gives its mention up
            entity.mentions = [m for m in entity.mentions
                               if not (m.kind == "nominal" and span[0] <= m.start and m.end <= span[1])]
        by_id[antecedent].mentions.append(Mention(span[0], span[1], "pronoun" if token.pos_ == "PRON" else "nominal"))
        for i in range(token.left_edge.i if token.pos_ != "PRON" else token.i, token.i + 1):
            owner[i] = antecedent
    _link_members(doc, owner, by_id)
    _code_by_possessor(doc, owner, by_id, dictionary.sector_codes)
    renumber(doc)


def _wanted_kind(token, owner, dictionary: ActorDictionary | None = None) -> str | None:
    """What a token refers back to (person, thing, plural, org, country, a person by title:
    "titled:minister"), or None."""
    lower = token.lower_
    if token.pos_ == "PRON":
        return "person" if lower in PERSONAL else "thing" if lower in SINGULAR else \
            "plural" if lower in PLURAL else None
    if token.pos_ != "NOUN" or not any(c.lower_ == "the" for c in token.children):
        return None
    if any(c.dep_ in ("appos", "compound", "amod", "poss") and c.i in owner for c in token.children) \
            or token.dep_ == "appos" or any(c.dep_ == "appos" for c in token.children):
        return None  # "the terrorist group Hamas", "the Taliban movement": named right there
    lemma = token.lemma_.lower()
    word = dictionary.sector(lemma) if dictionary is not None and token.tag_ == "NN" else None
    if word is not None and word.kind == "title" and not any(c.dep_ in ("compound", "amod") for c in token.children):
        return f"{TITLED}{lemma}"  # "the minister" after "Interior Minister Rose Kiprono"
    return "org" if lemma in BACK_TO_ORG or token.lower_ in BACK_TO_ORG else \
        "country" if lemma in BACK_TO_COUNTRY else None


def _compatible(entity, mention_token, wanted: str) -> bool:
    plural = mention_token.tag_ in ("NNS", "NNPS")
    if wanted == "person":
        return entity.type == "PERSON"
    if wanted.startswith(TITLED):  # a person named with that title: "Interior Minister Rose Kiprono"
        title = wanted[len(TITLED):]
        words = [t for t in [*mention_token.subtree, *mention_token.children] if t.i != mention_token.i]
        return entity.type == "PERSON" and any(t.lemma_.lower() == title for t in words)
    if wanted == "thing":  # a country or an organisation; a city is rarely "it" in news
        return (entity.type == "ORG" or _is_country(entity)) and not plural
    if wanted == "plural":
        return entity.type in ("ORG", "NORP") or plural
    if wanted == "org":  # "the group" points to a named organisation, not to "officials" or the UN
        if mention_token.lemma_.lower() == "party" and not PARTY_NAMES & set(entity.name.lower().split()):
            return False  # "the party": a party's name ("the Labour Party", "the National Front")
        return entity.type == "ORG" and entity.code != "MED" and not (entity.code or "").startswith("IGO") \
            and any(m.kind != "nominal" for m in entity.mentions)
    return _is_country(entity)


def _is_country(entity) -> bool:
    return entity.type == "GPE" and country_by_name(entity.name) is not None


def _antecedent(token, wanted: str, owner, by_id, sentence_of) -> str | None:
    """The nearest compatible entity before the token; a subject pronoun prefers a subject."""
    first_sentence = sentence_of[token.i] - (TITLED_SENTENCES_BACK if wanted.startswith(TITLED) else SENTENCES_BACK)
    candidates = []
    own_subjects = {owner.get(s.i) for s in _clause_subjects(token)} - {None} if token.pos_ == "PRON" else set()
    for i in range(token.i - 1, -1, -1):
        if sentence_of[i] < first_sentence:
            break
        entity_id, mention_token = owner.get(i), token.doc[i]
        if entity_id is None and wanted == "plural" and sentence_of[i] == sentence_of[token.i] \
                and _plural_subject(mention_token) and mention_token.head.i != token.head.i:
            # "mothers of soldiers staged a sit-in, demanding pensions they say ...": they are the
            # mothers, no actor; nor the soldiers inside that phrase
            subject = mention_token
            candidates = [c for c in candidates if not subject.left_edge.i <= c[0] <= subject.right_edge.i]
            break
        if entity_id is None or i >= token.left_edge.i:  # not inside the reference itself
            continue
        if entity_id in own_subjects:
            continue  # "masked men beat them": not the men ("themselves" would be)
        if wanted == "plural" and mention_token.tag_ == "NN" and not _is_country(by_id[entity_id]):
            continue  # "protested outside the embassy ... disperse them": people, not the embassy
        if _compatible(by_id[entity_id], mention_token, wanted) and mention_token.dep_ != "compound":
            candidates.append((i, entity_id, mention_token.dep_ in ("nsubj", "nsubjpass")))
    if not candidates:
        return None
    if token.dep_ in ("nsubj", "nsubjpass"):
        subjects = [c for c in candidates if c[2]]
        if subjects:
            return subjects[0][1]
    return candidates[0][1]


def _clause_subjects(pronoun) -> list:
    """The subjects of the clause a pronoun is an object in, which it cannot stand for: "masked men
    beat them", "police fired tear gas to disperse them" (the subject of "fired" disperses), "police
    arrested six of them". A subject, a possessive ("the union staged its third strike") or a
    reflexive has none."""
    if pronoun.dep_ in ("nsubj", "nsubjpass", "poss") or pronoun.lower_.endswith(("self", "selves")):
        return []
    verb = next((t for t in pronoun.ancestors if t.pos_ in ("VERB", "AUX")), None)
    while verb is not None:
        # "About 60 people, most of them radio hosts, held a vigil": inside the subject, it is the subject
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")
                    and not c.left_edge.i <= pronoun.i <= c.right_edge.i]
        if subjects or verb.dep_ not in CONTROLLED_DEPS:
            return subjects
        verb = verb.head
    return []


def _plural_subject(noun) -> bool:
    """A plural noun subject (in a sentence, before "they", and no actor): "they" is more likely it
    than any actor further back, unless it is the subject of the pronoun's own verb ("men beat
    them": not the men)."""
    return noun.tag_ in ("NNS", "NNPS") and noun.dep_ in ("nsubj", "nsubjpass")


def _reference_span(token) -> tuple[int, int]:
    """Character span of the reference: the pronoun, or the noun phrase up to its head."""
    first = token if token.pos_ == "PRON" else token.left_edge
    return first.idx, token.idx + len(token.text)


def _code_by_possessor(doc: Document, owner, by_id, sector_codes: set[str]) -> None:
    """ "Russia's defence ministry said its forces had captured the village": forces known by their
    sector and a possessive pronoun are the forces of whoever the pronoun points to (RUSMIL)."""
    for entity in doc.entities:
        if entity.code not in sector_codes:
            continue
        for mention in entity.mentions:
            span = doc.parse.char_span(mention.start, mention.end, alignment_mode="expand")
            pronoun = next((c for c in span.root.children if c.dep_ == "poss" and c.tag_ == "PRP$"), None) \
                if span is not None else None
            possessor = by_id.get(owner.get(pronoun.i, "")) if pronoun is not None else None
            country = (possessor.code or "")[:3] if possessor is not None else ""
            if country and country_by_iso3(country) is not None:
                entity.code = country + entity.code
                break


def _link_members(doc: Document, owner, by_id) -> None:
    """A person in apposition to a noun owned by a group ("its leader, X") belongs to the group."""
    for entity in doc.entities:
        if entity.type != "PERSON" or entity.member_of:
            continue
        for mention in entity.mentions:
            span = doc.parse.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None or span.root.dep_ != "appos":
                continue
            described = span.root.head
            for child in described.children:
                group = by_id.get(owner.get(child.i, ""))
                if child.dep_ == "poss" and group is not None and group.type == "ORG":
                    entity.member_of = group.id  # the group's code wins over a title's, as for "Hamas leader X"
                    entity.code = group.code or entity.code
