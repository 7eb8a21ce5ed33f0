"""People coded by the titles and groups next to their names: "Kenyan President X" (KENGOV),
"rebel leader X" (REB), "Archbishop X" (REL), "former President X" (ELI, as the CAMEO codebook codes
former officials), "Taliban co-founder X" and "Secretary-General X of the United Nations" (the
group's code), "X, the Afghan president" (AFGGOV). A title without a country takes the country
named before it in the sentence, if that is the sentence's only one and not a destination.
"""

from __future__ import annotations

from ..knowledge.actor_dictionary import ActorDictionary
from ..knowledge.countries import country_of_demonym, country_of_name
from .candidate import Candidate, aimed_at, nation_code
from .nouns import MODIFIER_DEPS, sector_word

STATE_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY"}
FORMER = {"former", "ex", "erstwhile"}
TITLE_RUN = 5  # words before a name that may be its title


def code_person(sdoc, person: Candidate, dictionary: ActorDictionary, covering: dict[int, Candidate]) -> None:
    """Set a person's code (and group) from the words that describe them."""
    before, related = _title_run(sdoc, person, dictionary), _related_words(sdoc, person)
    country, group, uncoded = None, None, None
    for token in before + related:
        owner = covering.get(token.i)
        if owner is None or owner is person:
            continue
        if nation_code(owner) and owner.type != "ORG":
            country = country or nation_code(owner)
        elif owner.type == "ORG" and group is None:
            if owner.code:
                group = owner
            else:
                uncoded = uncoded or owner
    if group is not None:
        person.member_of, person.code = group.key, group.code
        return
    sector, weak = _title_sector(sdoc, before, dictionary)
    if sector is None:
        sector, weak = _title_sector(sdoc, related, dictionary)
    if weak and uncoded is not None:  # "a leader of the Federation of ...": theirs, though uncoded
        person.member_of = uncoded.key
        return
    if sector in STATE_SECTORS and any(t.lower_ in FORMER for t in before + related):
        sector = "ELI"
    if sector:
        person.code = (country or _country_before(sdoc, person, covering) or "") + sector


def _title_run(sdoc, person: Candidate, dictionary: ActorDictionary) -> list:
    """Title words before a name, nearest first: up to five words right before it (titles are often
    mis-parsed: "Taliban co-founder Mullah Baradar"), and titles the name itself starts with
    ("Archbishop Desmond Tutu")."""
    words = []
    i = person.first
    while i < person.last and sector_word(sdoc, sdoc[i], dictionary)[0] is not None:
        i += 1
    words += [sdoc[j] for j in range(i - 1, person.first - 1, -1)]
    i = person.first - 1
    while i >= 0 and len(words) < TITLE_RUN and _may_be_title(sdoc[i]):
        words.append(sdoc[i])
        i -= 1
    return words


def _may_be_title(token) -> bool:
    if token.lower_ in FORMER or token.text in ("-", "co"):
        return True
    # a plural noun before a name is an object ("told reporters X ..."), not a title, unless it
    # modifies one ("Police spokesman X")
    after_verb = token.i > 0 and token.doc[token.i - 1].pos_ in ("VERB", "AUX")
    plural_object = token.tag_ in ("NNS", "NNPS") and (token.dep_ != "compound" or after_verb)
    return token.pos_ in ("PROPN", "NOUN", "ADJ") and not plural_object


def _related_words(sdoc, person: Candidate) -> list:
    """The noun phrase a name is in apposition with ("X, the rebel commander"), nearest word
    first, and the "of" phrase after it ("Secretary-General X of the United Nations")."""
    root = sdoc[person.head]
    words = []
    for token in ([root.head] if root.dep_ == "appos" else []) + [c for c in root.children if c.dep_ == "appos"]:
        words.append(token)
        words += sorted((c for c in token.children if c.dep_ in MODIFIER_DEPS or c.dep_ == "appos"),
                        key=lambda c: -c.i)
        words += _of_objects(token)
    for token in sdoc[person.first:person.last + 1]:
        words += _of_objects(token)
    return words


def _of_objects(token) -> list:
    return [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]


def _title_sector(sdoc, words: list, dictionary: ActorDictionary) -> tuple[str | None, bool]:
    """The sector of the nearest title, and whether it is only a weak one's default. A weak title
    (member kind: "commander", "spokesman", "leader") yields to a sector word before it ("rebel
    commander" REB, "police spokesman" COP) or to the group it heads ("head of the delegation")."""
    weak, seen = None, set()
    for token in words:
        if token.i in seen:
            continue
        word, start = sector_word(sdoc, token, dictionary)
        if word is None or word.kind == "equipment":
            continue
        seen.update(range(start, token.i + 1))
        if word.kind == "member" or word.sector is None:
            weak = word if weak is None or weak.sector is None else weak
        elif word.kind == "title" or weak is not None:  # a group word only as a modifier: "army officer"
            return word.sector, False
    return (weak.sector, True) if weak else (None, False)


def _country_before(sdoc, person: Candidate, covering: dict[int, Candidate]) -> str | None:
    """The country named before a person in the sentence, when it is the sentence's only country,
    named as a country (not "Russian drones ..., governor X said"), and not where something is
    sent ("weapons to Ukraine, Defence Minister X announced" is not Ukraine's minister)."""
    sentence = sdoc[person.first].sent
    named = [covering[i] for i in range(sentence.start, sentence.end)
             if i in covering and covering[i].key.startswith("country:")]
    if len({c.code for c in named}) != 1:
        return None
    before = [c for c in named if c.last < person.first]
    if not before:
        return None
    country = before[-1]
    if (country_of_demonym(country.name) and not country_of_name(country.name)) or aimed_at(sdoc[country.head]):
        return None
    return country.code
