"""Actors named by common nouns: "demonstrators", "Palestinian youths", "rebels in the Ivory Coast",
"500 workers", "hundreds of thousands of people", "supporters of X", "army bulldozers" (the army).

Each phrase is built on a sector word (data/sectors.tsv) and coded by what owns it: a named group
("Taliban fighters" are the Taliban), a country or people ("Afghan police" AFGCOP), a person ("Gbagbo's
supporters"), or nothing ("gunmen" UAF). Owners are read from the parse: modifiers before the noun,
"of"/"from X" after it, and "in X" for who is where ("protesters in Kabul" AFGOPP).
"""

from __future__ import annotations

from ..knowledge.actor_dictionary import ActorDictionary, SectorWord
from ..knowledge.countries import country_by_iso3
from .candidate import Candidate, is_named_group, make_candidate, nation_code

MODIFIER_DEPS = {"compound", "amod", "nmod", "poss", "npadvmod"}
# Nouns of number and collectives whose "of" phrase is the actor: "hundreds of people", "a crowd of
# protesters". The phrase then spans them, so a verb's subject "hundreds" finds the actor.
QUANTITY = {"hundred", "thousand", "million", "dozen", "score", "ten", "group", "crowd", "band", "number",
            "handful", "couple", "mob", "busload", "lot", "contingent", "batch", "wave", "army"}
QUANTIFIERS = {"more", "fewer", "several", "many", "some", "other", "numerous", "few", "additional", "extra"}
# "in X" says whose they are only for people who are usually from where they are: troops and
# peacekeepers in a country are often foreign, and so are "foreign workers in Qatar".
ABROAD_SECTORS = {"MIL", "PKO", "IGO", "NGO", "REF"}
ABROAD_WORDS = {"diplomat", "envoy", "ambassador", "mediator", "negotiator", "delegation", "delegate",
                "inspector", "observer", "monitor", "correspondent", "tourist", "visitor", "investor"}
FOREIGN = {"foreign", "international", "multinational", "western", "coalition", "allied", "overseas",
           "expatriate", "migrant", "visiting", "exiled"}
ANONYMOUS = {"familiar", "close", "briefed"}
# Singular nouns that name an actor with no determiner ("police said", "told parliament").
BARE_ACTORS = {"police", "people", "military", "clergy", "parliament", "congress", "senate", "cabinet"}
# Where a title with no name is a party to an act: subject, object, or agent of a passive.
HOLDER_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "conj"}
LEADING_FILLER = {"det", "predet", "punct", "cc", "case"}
# Prepositions the parser sometimes takes for adjectives ("gathered outside parliament").
MISTAKEN_ADJECTIVES = {"outside", "inside", "near", "around", "about", "behind", "opposite"}


def sector_word(sdoc, token, dictionary: ActorDictionary) -> tuple[SectorWord | None, int]:
    """The sector word a noun stands for and the index where it starts, trying the hyphenated
    ("secretary-general") and two-word ("riot police") forms first."""
    i = token.i
    if i > 1 and sdoc[i - 1].text == "-" and not sdoc[i - 2].whitespace_ and not sdoc[i - 1].whitespace_:
        word = dictionary.sector(f"{sdoc[i - 2].lower_}-{token.lower_}")
        if word:
            return word, i - 2
    if i > 0:
        before = sdoc[i - 1].lower_
        pair = dictionary.sector(f"{before} {token.lower_}") or dictionary.sector(f"{before} {token.lemma_.lower()}")
        if pair:
            return pair, i - 1
    return dictionary.sector(token.lower_) or dictionary.sector(token.lemma_.lower()), i


def sector_phrases(sdoc, dictionary: ActorDictionary, covering: dict[int, Candidate]) -> list[Candidate]:
    """Actor noun phrases built on sector words, keyed by the actor they name."""
    found: list[Candidate] = []
    earlier: dict[str, tuple[Candidate, str | None]] = {}  # head lemma -> last phrase, its sector (None: a group's)
    for token in sdoc:
        if token.i in covering or token.pos_ not in ("NOUN", "PROPN"):
            continue
        word, first = sector_word(sdoc, token, dictionary)
        if word is None or _skipped(sdoc, token, word, dictionary, covering):
            continue
        candidate = _phrase(sdoc, token, word, first, dictionary, covering, earlier)
        if candidate is not None:
            found.append(candidate)
    return found


def _skipped(sdoc, token, word: SectorWord, dictionary: ActorDictionary, covering) -> bool:
    """Sector words that are not an actor phrase of their own here."""
    singular_title = word.kind in ("title", "member") and token.tag_ not in ("NNS", "NNPS")
    if singular_title and (token.head.ent_type_ == "PERSON" or any(
            c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in token.children)):
        return True  # "President X", "Egypt's foreign minister, X": the title belongs to the person
    if token.dep_ == "compound":
        return not _stands_alone(sdoc, token, word, dictionary, covering)
    if any(c.lower_ in ANONYMOUS for c in token.rights):
        return True  # "two people familiar with the talks": a source, not civilians
    return _collective_of_actor(token, dictionary)


def _stands_alone(sdoc, token, word: SectorWord, dictionary: ActorDictionary, covering) -> bool:
    """A sector word modifying a noun that is no actor is the actor: "army bulldozers", "police
    cars", "rebel positions". Not when the noun makes an actor with it ("government troops")."""
    head = token.head
    if word.sector is None or word.kind == "equipment" or head.i in covering or head.ent_type_ == "PERSON":
        return False
    return head.pos_ in ("NOUN", "PROPN") and sector_word(sdoc, head, dictionary)[0] is None


def _collective_of_actor(token, dictionary: ActorDictionary) -> bool:
    """"a crowd of protesters": the protesters carry the phrase, not the crowd."""
    if token.lemma_.lower() not in QUANTITY:
        return False
    return any(g.dep_ == "pobj" and (dictionary.sector(g.lower_) or dictionary.sector(g.lemma_.lower()))
               for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children)


def _phrase(sdoc, token, word: SectorWord, first: int, dictionary, covering, earlier) -> Candidate | None:
    owner = _owner(token, word, covering)
    sector = _sector(sdoc, token, word, first, dictionary)
    start, uncounted = _start(token, first, owner), _start(token, first, owner, counts=False)
    span, lemma = sdoc[start:token.i + 1], token.lemma_.lower()
    if is_named_group(owner):  # members, fighters, officials of a named group are that group
        candidate = make_candidate(span, "ORG", "nominal", key=owner.key, canonical=owner.canonical, code=owner.code)
    elif owner is not None and owner.type == "PERSON":
        candidate = _of_person(span, owner, sector)
    elif nation_code(owner) and (sector or word.kind == "member" and _is_leader(token)):
        code = nation_code(owner) + (sector or "GOV")
        candidate = make_candidate(span, "ORG", "nominal", key=f"sector:{code}", code=code,
                                   canonical=sdoc[uncounted:token.i + 1].text)
    elif sector and word.kind != "equipment" and _generic(token, word) and not _press_audience(token, sector) \
            and not (word.kind == "member" and any(c.dep_ == "poss" for c in token.children)):
        # a member word owned by someone unknown ("the federation's leaders", "their supporters")
        # has no sector of its own to fall back on
        if _pronoun_owned(token):  # "its forces": whose, the references say (actors.coref), not the last "force"
            return make_candidate(span, "ORG", "nominal", key=f"sector:{sector}:{lemma}:{token.i}", code=sector)
        candidate = _unowned(span, sector, lemma, start < uncounted, earlier)
    else:
        return None
    if candidate is not None and (token.tag_ in ("NNS", "NNPS") or word.kind == "group"):
        earlier[lemma] = (candidate, None if is_named_group(owner) else sector)
    return candidate


def _pronoun_owned(token) -> bool:
    return any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in token.children)


def _unowned(span, sector: str, lemma: str, counted: bool, earlier) -> Candidate:
    """A phrase no one owns is the last one of its noun ("Kenyan police ... the police", "dozens
    of protesters ... the protesters"); a counted one is a group of its own that keeps that one's
    code ("at least nine soldiers" after "Somali soldiers")."""
    before, before_sector = earlier.get(lemma, (None, None))
    if before is not None and before_sector not in (None, sector):
        before = None
    if before is not None and not counted:
        return make_candidate(span, "ORG", "nominal", key=before.key, canonical=before.canonical, code=before.code)
    key = f"sector:{sector}:{span.text.lower() if counted else lemma}"
    return make_candidate(span, "ORG", "nominal", key=key, code=before.code if before is not None else sector)


def _of_person(span, person: Candidate, sector: str | None) -> Candidate | None:
    """Followers of a person share the person's code ("supporters of rebel leader X" REB), but a
    former official's followers are a camp out of power (OPP, not ELI); a sector word owned by a
    person takes the person's country ("Putin's government" RUSGOV)."""
    if sector is None:
        code = person.code[:-3] + "OPP" if person.code and person.code.endswith("ELI") else person.code
        if person.first >= span.end:  # "supporters of X": the name goes along
            span = span.doc[span.start:person.last + 1]
        return make_candidate(span, "ORG", "nominal", key=f"followers:{person.name.lower()}", code=code)
    country = person.code[:3] if person.code and country_by_iso3(person.code[:3]) else None
    if country is None:
        return None
    return make_candidate(span, "ORG", "nominal", key=f"sector:{country}{sector}", code=country + sector)


def _is_leader(token) -> bool:
    return token.lemma_.lower() in ("leader", "leadership", "chief", "head")


def _owner(token, word: SectorWord, covering: dict[int, Candidate]) -> Candidate | None:
    """The actor a sector noun belongs to: "U.S. troops", "Taliban fighters", "Kenya's police",
    "the militant group Hamas", "troops of Chad", "doctors from Cuba", "rebels in the Ivory Coast"."""
    named = next((c for c in token.children if c.dep_ == "appos" and c.i in covering), None)
    if named is not None and is_named_group(covering[named.i]):
        return covering[named.i]
    modifiers = [c for c in token.children if c.i < token.i]
    if token.dep_ == "compound":  # "Israeli army bulldozers": the country modifies the equipment
        modifiers += [c for c in token.head.children if c.i < token.i]
    for child in modifiers:
        if child.dep_ in MODIFIER_DEPS and child.i in covering and _adjoins(covering[child.i], token):
            return covering[child.i]
    foreign = any(c.lower_ in FOREIGN for c in token.children) or token.lemma_.lower() in ABROAD_WORDS
    for prep in (c for c in token.children if c.dep_ == "prep"):
        for pobj in (g for g in prep.children if g.dep_ == "pobj" and g.i in covering):
            owner = covering[pobj.i]
            if prep.lower_ in ("of", "from") and owner.type in ("GPE", "ORG", "NORP", "PERSON"):
                return owner
            if prep.lower_ == "in" and nation_code(owner) and word.sector not in ABROAD_SECTORS and not foreign:
                return owner
    return None


def _adjoins(owner: Candidate, token) -> bool:
    """Whether only modifiers stand between an owner and its noun: not "North Korea test-fired
    cruise missiles", where the parser took a clause for a noun phrase."""
    return all(t.pos_ not in ("VERB", "AUX", "ADP", "SCONJ") for t in token.doc[owner.last + 1:token.i])


def _sector(sdoc, token, word: SectorWord, first: int, dictionary: ActorDictionary) -> str | None:
    """A member word takes the sector of a sector word before it ("rebel fighters" REB, "police
    spokesman" COP); titles and groups keep their own ("government troops" MIL)."""
    if word.kind != "member" and word.sector is not None:
        return word.sector
    for child in token.lefts:
        if child.i < first and child.dep_ in ("compound", "amod", "nmod"):
            modifier, _ = sector_word(sdoc, child, dictionary)
            if modifier is not None and modifier.sector and modifier.kind != "equipment":
                return modifier.sector
    return word.sector


def _generic(token, word: SectorWord) -> bool:
    """Whether a sector noun with no owner still names an actor: plurals ("gunmen", "500 workers"),
    and institutions with a determiner or a capital ("the court", "a court", "Parliament")."""
    if token.tag_ in ("NNS", "NNPS") or token.lower_ in BARE_ACTORS:
        return True
    if word.kind in ("title", "member"):
        return _unnamed_holder(token, word)
    if word.kind != "group":
        return False
    return token.text[:1].isupper() or any(c.dep_ in ("det", "compound", "amod") for c in token.children)


def _unnamed_holder(token, word: SectorWord) -> bool:
    """A title with an article and no name, as a party to an act: "the commander was freed", "he
    named a judge he accused", "thanked the governor of the region". A name nearby makes it that
    person's (`_skipped`); "the minister" after a named minister is that minister (`actors.coref`);
    "a spokesman for the rebels" speaks as the rebels."""
    if word.kind == "member" and any(c.dep_ == "prep" and c.lower_ in ("for", "of", "from") for c in token.children):
        return False
    return token.dep_ in HOLDER_DEPS and any(c.dep_ == "det" and c.lower_ in ("the", "a", "an") for c in token.children)


def _press_audience(token, sector: str) -> bool:
    """Reporters told something are the audience of a statement, not an actor in it: "X told
    reporters", "said to journalists", "briefed the media"."""
    if sector != "MED":
        return False
    if token.dep_ in ("dative", "dobj") and token.head.lemma_.lower() in ("tell", "brief", "address", "inform"):
        return True
    return token.dep_ == "pobj" and token.head.lower_ == "to" \
        and token.head.head.lemma_.lower() in ("say", "speak", "talk", "tell", "explain")


def _start(token, first: int, owner: Candidate | None, counts: bool = True) -> int:
    """Where the phrase starts: its owner before it, its adjectives ("angry workers") and, when
    `counts`, its numbers ("500 workers") and a quantity it is counted by ("hundreds of thousands
    of people")."""
    start = min(first, owner.first) if owner is not None and owner.first < token.i else first
    for child in token.lefts:
        counting = child.dep_ in ("nummod", "quantmod") or child.lower_ in QUANTIFIERS
        if child.dep_ in ("amod", "nummod", "compound", "quantmod", "nmod", "npadvmod") \
                and child.lower_ not in MISTAKEN_ADJECTIVES and (counts or not counting):
            start = min(start, child.left_edge.i)
    counted = token
    while counts and counted.dep_ == "pobj" and counted.head.lower_ == "of" \
            and counted.head.head.lemma_.lower() in QUANTITY:
        counted = counted.head.head
        start = min(start, counted.left_edge.i)
    doc = token.doc
    while start < first and doc[start].dep_ in LEADING_FILLER:
        start += 1
    return start
