"""What the trained event models see of a candidate trigger: named binary features (the words,
the parse around it, the dictionary's reading, the modality rules' reading) and, for the type
model, spaCy's contextual vector of the token. The same functions serve training
(`training/events.py`) and the pipeline, so the two cannot drift apart."""

from __future__ import annotations

import numpy as np

from .modality import modality_reason
from .static_vectors import WIDTH, word_vector

CANDIDATE_POS = ("VERB", "NOUN")
TOK2VEC_WIDTH = 96  # en_core_web_sm's tok2vec
# Children whose words say most about what a verb or noun does to whom.
TELLING_DEPS = {"dobj", "nsubj", "nsubjpass", "prt", "agent", "neg", "aux", "auxpass", "acomp", "xcomp",
                "ccomp", "compound", "amod", "poss", "dative", "attr", "npadvmod", "advmod", "mark"}
# Words in the clause or above it that change whether a thing happened.
MODAL_WORDS = {"if", "unless", "whether", "would", "could", "may", "might", "should", "must", "can", "will",
               "wo", "'ll", "shall", "not", "n't", "never", "no", "allegedly", "reportedly", "any", "deny",
               "denied", "plan", "plans", "planned", "threat", "threatened", "vowed", "pledged", "accused",
               "alleged", "suspected", "claimed", "ready", "prepared", "willing", "refused", "failed",
               "wants", "intends", "expected", "urged", "called", "demanded", "asked", "sought", "to"}


def is_candidate(token) -> bool:
    """A verb or noun that could report an event (names, auxiliaries and compounds do not)."""
    return token.pos_ in CANDIDATE_POS and token.dep_ != "compound" and token.is_alpha


def _lemma(token) -> str:
    return token.lemma_.lower()


def _entity_kind(token, owner: dict[int, str], kinds: dict[str, str]) -> str:
    """PERSON, ORG, GPE... for a token inside an entity mention, else the parser's label or '-'."""
    if token.i in owner:
        return kinds.get(owner[token.i], "ENT")
    return token.ent_type_ or "-"


def in_lead(token) -> bool:
    """Whether the token is in the article's first paragraph (or first sentence)."""
    doc = token.doc
    if "lead_end" not in doc.user_data:  # found once per document: a long one has many candidates
        end = doc.text.find("\n\n")
        doc.user_data["lead_end"] = end if end >= 0 else len(doc.text)
    # paragraphs are parsed apart, so a sentence never spans the first paragraph break
    return token.idx <= doc.user_data["lead_end"]


def trigger_features(token, owner: dict[int, str], kinds: dict[str, str], pattern) -> list[str]:
    """Features for the type model. `pattern` is the dictionary's match for the token, or None."""
    lemma, dep = _lemma(token), token.dep_
    found = [f"l={lemma}", f"w={token.lower_}", f"t={token.tag_}", f"d={dep}", f"l,d={lemma},{dep}",
             f"h={_lemma(token.head)}", f"d,h={dep},{_lemma(token.head)}", f"hp={token.head.pos_}"]
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children)
    found.append(f"pass={passive}")
    for child in token.children:
        cdep = child.dep_
        if cdep == "prep":
            found.append(f"prep={child.lower_}")
            found.append(f"l,prep={lemma},{child.lower_}")
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    found.append(f"prep,o={child.lower_},{_lemma(pobj)}")
                    found.append(f"prep,k={child.lower_},{_entity_kind(pobj, owner, kinds)}")
        elif cdep in TELLING_DEPS:
            found.append(f"c={cdep},{_lemma(child)}")
            found.append(f"l,c={lemma},{cdep},{_lemma(child)}")
            if cdep in ("dobj", "nsubj", "nsubjpass", "poss", "compound"):
                found.append(f"k={cdep},{_entity_kind(child, owner, kinds)}")
    sentence = token.sent  # found by a walk over the document: once
    for offset in (-2, -1, 1, 2):
        i = token.i + offset
        if sentence.start <= i < sentence.end:
            found.append(f"w{offset}={token.doc[i].lower_}")
    if pattern is not None:
        found += [f"p={pattern.type}", f"p,l={pattern.type},{lemma}", f"pc={(pattern.cameo or '')[:2]}",
                  f"pn={pattern.nominal}"]
    else:
        found.append("p=none")
    found.append(f"pos={token.pos_}")
    found.append(f"root={dep == 'ROOT'}")
    # the lead reports the news; later sentences also tell background, where words of events are
    # often not events of their own
    lead = in_lead(token)
    found += [f"lead={lead}", f"lead,root={lead},{dep == 'ROOT'}",
              f"lead,p={lead},{pattern.type if pattern is not None else 'none'}"]
    return found


# The parts of the type model's dense vector, in order (training/events.py compares them on dev).
VECTOR_PARTS = {"trigger meaning": slice(0, WIDTH), "object meaning": slice(WIDTH, 2 * WIDTH),
                "spaCy context": slice(2 * WIDTH, 2 * WIDTH + TOK2VEC_WIDTH)}


def _object(token):
    """What a verb is done to, or the "of"/"on"/"against" phrase of a noun ("attack on the base")."""
    for child in token.children:
        if child.dep_ in ("dobj", "nsubjpass"):
            return child
    for child in token.children:
        if child.dep_ in ("prep", "agent"):
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def trigger_vector(token) -> np.ndarray:
    """The meaning of the trigger and of its object (static MiniLM vectors), then spaCy's
    contextual vector of the token (its tok2vec output; zeros when the pipeline has none)."""
    thing = _object(token)
    tensor = token.doc.tensor
    context = np.zeros(TOK2VEC_WIDTH, dtype=np.float32)
    if tensor is not None and getattr(tensor, "shape", (0, 0))[-1] == TOK2VEC_WIDTH:
        context = np.asarray(tensor[token.i], dtype=np.float32)
    return np.concatenate([word_vector(_lemma(token)),
                           word_vector(_lemma(thing)) if thing is not None else np.zeros(WIDTH, np.float32),
                           context])


def _ancestor_features(token, depth: int = 3) -> list[str]:
    found, current = [], token
    for level in range(1, depth + 1):
        if current.head.i == current.i:
            break
        found.append(f"a{level}={current.dep_},{_lemma(current.head)}")
        found.append(f"a={_lemma(current.head)}")
        for child in current.head.children:
            if child.dep_ in ("aux", "neg", "mark", "advmod") and child.i != current.i:
                found.append(f"a{level}c={child.dep_},{child.lower_}")
        current = current.head
    return found


def factuality_features(token, in_quote: bool) -> list[str]:
    """Features for the factuality model: the trigger's own auxiliaries and marks, the verbs above
    it, the modality rules' reading, and the modal words of its sentence."""
    lemma = _lemma(token)
    rule, _ = modality_reason(token)
    found = [f"rule={rule}", f"t={token.tag_}", f"d={token.dep_}", f"l={lemma}", f"pos={token.pos_}",
             f"quote={in_quote}", f"rule,d={rule},{token.dep_}"]
    for child in token.children:
        if child.dep_ in ("aux", "auxpass", "neg", "mark", "advmod", "det", "prep"):
            found.append(f"c={child.dep_},{child.lower_}")
    found += _ancestor_features(token)
    modal = [t for t in token.sent if t.lower_ in MODAL_WORDS]
    before = {t.lower_ for t in modal if t.i < token.i}
    after = {t.lower_ for t in modal if t.i > token.i}
    found += [f"sb={w}" for w in before] + [f"sa={w}" for w in after]
    return found
