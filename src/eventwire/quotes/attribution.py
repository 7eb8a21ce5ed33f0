"""Reported speech read from the parse: who said, thought or intended what, without quote marks.

An attribution is a cue (a verb listed in data/cues.tsv, "according to", or a speaker's label before
a colon), its source (the noun phrase the content is attributed to) and its content. The cue's
frame in the table says where the content is: its clausal complement ("said that the talks had
failed"), its "to" complement ("plans to visit Kabul"), its object ("denied the allegations"), its
object with the object's "to" complement ("urged supporters to vote"), or its "for" phrase
("called for an inquiry"). Direct quotes are found from quote marks (`eventwire.quotes.marks`);
the quotes stage merges the two.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..knowledge.files import builtin_path, tsv_rows
from .marks import paragraph_spans

# The order frames are tried in: a clause is the most telling content, a bare object the least.
FRAME_ORDER = ("clause", "object+infinitive", "infinitive", "for", "call", "object", "about", "to")
CONTENT_KINDS = ("speech", "thought", "intent", "evidence")
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
RELATIVE_PRONOUNS = {"who", "that", "which", "whom"}
MIN_CONTENT_WORDS = 2
# "declined to comment", "refused to elaborate": a refusal to speak carries no content.
DECLINING = {"decline", "refuse", "fail"}
NO_COMMENT = {"comment", "elaborate", "respond", "speak", "say", "answer", "discuss", "reply", "confirm", "talk"}
# Verbs whose that-clause is a result or a condition, not something said or thought.
NOT_CUES = {"be", "make", "ensure", "mean", "see", "require", "provide", "seem", "appear", "happen", "get",
            "have", "do", "so", "insure", "assure", "guarantee", "check", "verify", "prove", "follow", "matter",
            "help", "add", "cause", "take", "stand", "turn", "emerge", "come", "go", "hold"}
# "NAME: text" at the start of a paragraph: an interview transcript's speaker or a headline's source.
SPEAKER_LABEL = re.compile(r"[\"“]?([A-Z][\w.’'\-]*(?: [A-Z][\w.’'\-]*){0,3}):[ \t]+(?=\S)")
# Labels that introduce page furniture, not a speaker ("UPDATE: ...", "Photo: ...").
NOT_SPEAKER_LABELS = {
    "update", "updated", "editor's note", "editor’s note", "note", "photo", "photos", "video", "watch",
    "read", "read more", "related", "see also", "breaking", "exclusive", "opinion", "analysis", "live",
    "warning", "source", "sources", "credit", "image", "caption", "correction", "clarification",
    "disclaimer", "advertisement", "sponsored", "listen", "subscribe", "follow", "contact", "email",
    "tags", "topics", "filed under", "posted", "published", "q", "a", "question", "answer", "ps", "p.s",
}


@dataclass
class Attribution:
    """Content attributed to a source through a cue. `start`/`end` are the content's characters."""

    cue: object  # spaCy Token: the cue verb, "according", or the label's last word before the colon
    cue_text: str
    source: object | None  # spaCy Token heading the source noun phrase, or None
    start: int
    end: int
    kind: str  # speech, thought, intent or evidence
    frame: str
    quoted: bool = False  # takes in a direct quote: a mixed quote


@lru_cache(maxsize=1)
def cue_table() -> dict[str, list[tuple[str, str]]]:
    """lemma -> [(kind, frame)] from data/cues.tsv, content frames in FRAME_ORDER."""
    table: dict[str, list[tuple[str, str]]] = {}
    for _, (lemma, kind, frame, *_) in tsv_rows(builtin_path("cues.tsv")):
        table.setdefault(lemma, []).append((kind, frame))
    for rows in table.values():
        rows.sort(key=lambda row: FRAME_ORDER.index(row[1]) if row[1] in FRAME_ORDER else len(FRAME_ORDER))
    return table


def is_cue(token, kind: str = "speech") -> bool:
    """True if the token is a verb listed with this kind (speech, share, relay...)."""
    return token.pos_ in ("VERB", "AUX") and any(k == kind for k, _ in cue_table().get(token.lemma_.lower(), ()))


def find_attributions(sdoc) -> list[Attribution]:
    """Every attribution the parse shows, in text order (overlaps are left to the caller)."""
    found = []
    for token in sdoc:
        if token.lower_ == "according" and token.dep_ == "prep":
            attribution = _according_to(token)
        elif token.pos_ in ("VERB", "AUX"):
            attribution = _verb_attribution(token)
        elif token.pos_ == "NOUN" and token.lemma_.lower() in noun_cues():
            attribution = _noun_attribution(token)
        else:
            attribution = None
        if attribution is not None:
            found.append(attribution)
    return found + _labelled_speech(sdoc)


@lru_cache(maxsize=2)
def noun_cues(frames: tuple[str, ...] = ("noun", "noun-of")) -> dict[str, str]:
    """Nouns that carry a content of their own ("his claim that", "a pledge to", "her criticism of"):
    lemma -> kind."""
    return {lemma: kind for lemma, rows in cue_table().items() for kind, frame in rows if frame in frames}


def _noun_attribution(noun) -> Attribution | None:
    """ "Trump's claim that the vote is rigged", "repeated his warning that ...", "a pledge to cut":
    the noun's that-clause or infinitive, attributed to its owner or to whoever made the statement."""
    content = next((c for c in noun.children if c.dep_ in ("acl", "ccomp", "relcl")
                    and (_marked_that(c) or _has_to(c)) and c.i > noun.i), None)
    if content is None and noun.lemma_.lower() in noun_cues(("noun-of",)):  # "his criticism of the plan"
        content = next((g for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "on") and c.i > noun.i
                        for g in c.children if g.dep_ == "pobj"), None)
    if content is None:
        return None
    source = next((c for c in noun.children if c.dep_ == "poss"), None) or \
        next((g for c in noun.children if c.dep_ == "prep" and c.lower_ in ("by", "from")
              for g in c.children if g.dep_ == "pobj"), None)
    if source is None and noun.dep_ in ("dobj", "nsubjpass") and noun.head.pos_ in ("VERB", "AUX"):
        source = source_of(noun.head)
    if source is None or source.pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    words = list(content.subtree)
    if sum(1 for w in words if not w.is_punct) < MIN_CONTENT_WORDS:
        return None
    start, end = _char_span(words)
    return Attribution(noun, noun.text, source, start, end, noun_cues()[noun.lemma_.lower()], "noun")


def source_of(cue):
    """The token heading the cue verb's source: its subject, the agent of a passive, the noun a
    relative or participle clause hangs from ("officials who said", "a statement saying"), or the
    subject of the verb a participle or a second verb depends on ("..., saying", "and added")."""
    subjects = [c for c in cue.children if c.dep_ in SUBJECT_DEPS]
    subject = min(subjects, key=lambda c: abs(c.i - cue.i), default=None)
    if subject is not None and subject.dep_ == "nsubjpass":
        agent = next((g for c in cue.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
        return agent  # "he was told that": the subject heard it, it did not say it
    if subject is not None and subject.lower_ in RELATIVE_PRONOUNS and cue.dep_ == "relcl":
        return cue.head
    if subject is not None:
        return subject
    if cue.dep_ in ("relcl", "acl") and cue.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return cue.head
    if cue.dep_ in ("conj", "advcl", "xcomp") and cue.head.pos_ in ("VERB", "AUX") \
            and not (cue.tag_ == "VBN" and cue.lemma_ == "ask"):
        return source_of(cue.head)  # not "Asked whether ..., the general shrugged": he was asked
    return None


def _verb_attribution(cue) -> Attribution | None:
    if cue.dep_ == "xcomp" and cue.head.lemma_.lower() in DECLINING:
        return None  # "declined to comment on the talks": nothing was said
    frames = cue_table().get(cue.lemma_.lower())
    if frames is None and cue.lemma_.lower() not in NOT_CUES:
        frames = [("speech", "that-clause")]  # "ruled that ...", "made the case that ...": any verb with a that-clause
    for kind, frame in frames or ():
        if kind not in CONTENT_KINDS or frame not in CONTENT_FRAMES:
            continue
        words = CONTENT_FRAMES[frame](cue)
        if not words or (len([w for w in words if not w.is_punct]) < MIN_CONTENT_WORDS
                         and not (frame == "object" and words[0].pos_ == "PROPN")):  # "endorsed Clinton"
            continue
        source = source_of(cue)
        if source is None or source.dep_ == "expl":
            return None  # "it is expected that": no one to attribute it to
        start, end = _char_span(words)
        return Attribution(cue, _cue_words(cue), source, start, end, kind, frame)
    return None


def _clause(cue):
    clauses = [c for c in cue.children if c.dep_ == "ccomp"]
    # "Writing for a panel that agreed Pence won, X noted that ...": the clause after the verb is its own
    clause = next((c for c in clauses if c.i > cue.i and _marked_that(c)), None) or \
        next((c for c in clauses if c.i > cue.i), None) or next(iter(clauses), None)
    if clause is not None:
        return list(clause.subtree)
    # "The plan, he said, has failed." and "The plan has failed, the minister maintains.": the verb of
    # the reported clause is parsed as the head of the speech verb
    inserted_after_comma = cue.dep_ == "ccomp" and cue.i > cue.head.i and cue.left_edge.i > 0 \
        and cue.doc[cue.left_edge.i - 1].text == ","
    if (cue.dep_ == "parataxis" or inserted_after_comma) and cue.head.pos_ in ("VERB", "AUX"):
        inserted = {t.i for t in cue.subtree}
        return [t for t in cue.head.subtree if t.i not in inserted]
    return None


def _infinitive(cue):
    complement = next((c for c in cue.children if c.dep_ == "xcomp" and _has_to(c)), None)
    if complement is not None and cue.lemma_.lower() in DECLINING and complement.lemma_.lower() in NO_COMMENT:
        return None
    return list(complement.subtree) if complement is not None else None


def _object_infinitive(cue):
    """ "urged supporters to vote", "called on Congress to act", "asked him to resign"."""
    complement = next((c for c in cue.children if c.dep_ in ("xcomp", "ccomp") and _has_to(c)), None)
    if complement is None:
        return None
    person = next((c for c in cue.children if c.dep_ in ("dobj", "dative")), None) or \
        next((g for c in cue.children if c.dep_ == "prep" and c.lower_ in ("on", "upon")
              for g in c.children if g.dep_ == "pobj"), None) or \
        next((c for c in complement.children if c.dep_ == "nsubj"), None)
    if person is None:
        return None
    first = min(person.left_edge.i, complement.left_edge.i)
    return [t for t in cue.doc[first:complement.right_edge.i + 1]]


def _for_phrase(cue):
    for child in cue.children:
        if child.dep_ == "prep" and child.lower_ == "for":
            pobj = next((g for g in child.children if g.dep_ in ("pobj", "pcomp")), None)
            if pobj is not None:
                return list(pobj.subtree)
    return None


def _call(cue):
    """ "called the charges baseless", "called Trump a liar": the object and what it was called."""
    predicate = next((c for c in cue.children if c.dep_ == "oprd"), None)
    obj = next((c for c in cue.children if c.dep_ == "dobj"), None)
    if predicate is None and obj is not None:
        predicate = next((c for c in cue.children if c.dep_ in ("xcomp", "ccomp") and c.i > obj.i), None)
    if predicate is None:
        return None
    first = obj.left_edge.i if obj is not None and obj.i < predicate.i else cue.i + 1
    return [t for t in cue.doc[first:predicate.right_edge.i + 1]]


def _object(cue):
    """ "denied the allegations", "endorsed Clinton", and with the reason or charge: "accused the
    minister of fraud", "accusing her of lying"."""
    obj = next((c for c in cue.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN", "PRON")), None)
    if obj is None:
        return None
    reason = next((c for c in cue.children if c.dep_ == "prep" and c.lower_ in ("of", "for", "as", "to", "with")
                   and c.i > obj.i), None)
    if reason is None and (obj.pos_ == "PRON" or (obj.pos_ == "NOUN" and obj.left_edge.i == obj.i)):
        return None  # "denied it", "criticized officials": too little to be a content
    last = reason.right_edge.i if reason is not None else obj.right_edge.i
    return [t for t in cue.doc[obj.left_edge.i:last + 1]]


def _topic(cue, prepositions=("about", "of", "on", "over")):
    """ "spoke about the economy", "asked about the candidates", "wrote of his fears"."""
    for child in cue.children:
        if child.dep_ == "prep" and child.lower_ in prepositions and child.i > cue.i:
            pobj = next((g for g in child.children if g.dep_ in ("pobj", "pcomp")), None)
            if pobj is not None:
                return list(pobj.subtree)
    return None


def _that_clause(cue):
    clause = next((c for c in cue.children if c.dep_ == "ccomp" and c.i > cue.i and _marked_that(c)), None)
    return list(clause.subtree) if clause is not None else None


CONTENT_FRAMES = {"that-clause": _that_clause, "clause": _clause, "infinitive": _infinitive, "object+infinitive": _object_infinitive,
                  "for": _for_phrase, "call": _call, "object": _object, "about": _topic,
                  "to": lambda cue: _topic(cue, ("to",))}


def _according_to(token) -> Attribution | None:
    """ "according to X, CLAUSE" and "CLAUSE, according to X": the clause is the content."""
    source = next((g for c in token.children if c.lower_ == "to" for g in c.children if g.dep_ == "pobj"), None)
    if source is None:
        return None
    head = token.head
    scope = head.subtree if head.pos_ in ("VERB", "AUX") else token.sent
    phrase = range(token.left_edge.i, token.right_edge.i + 1)
    words = [t for t in scope if t.i not in phrase]
    if sum(1 for w in words if not w.is_punct) < MIN_CONTENT_WORDS:
        return None
    start, end = _char_span(words)
    return Attribution(token, "according to", source, start, end, "speech", "according")


def _labelled_speech(sdoc) -> list[Attribution]:
    """ "PENCE: Well, look, ..." in a transcript and "Poll: Voters Abandon ..." in a headline: the
    label before the colon is the source, the rest of the paragraph the content."""
    text = sdoc.text
    found = []
    for para_start, para_end in paragraph_spans(text):
        match = SPEAKER_LABEL.match(text, para_start, para_end)
        if match is None or match.group(1).lower() in NOT_SPEAKER_LABELS:
            continue
        label = sdoc.char_span(match.start(1), match.end(1), alignment_mode="expand")
        colon = sdoc.char_span(match.end(1), match.end(1) + 1, alignment_mode="expand")
        content_end = para_end
        while content_end > match.end() and text[content_end - 1] in " \t\"”":
            content_end -= 1
        if label is None or colon is None or len(text[match.end():content_end].split()) < MIN_CONTENT_WORDS:
            continue
        transcript = match.group(1).isupper()  # "PENCE:": the tagger may not know the name, the capitals tell
        if not transcript and (not any(t.pos_ in ("PROPN", "NOUN") for t in label)
                               or any(t.pos_ in ("ADP", "VERB", "AUX", "CCONJ") for t in label)):
            continue  # "Stealth Over Health: ..." is a headline, not a speaker
        found.append(Attribution(colon[0], ":", label[-1], match.end(), content_end, "speech", "label"))
    return found


def _marked_that(clause) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)


def _has_to(verb) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _cue_words(cue) -> str:
    """The cue as written, with its particle or preposition ("called for", "pointed out")."""
    particle = next((c for c in cue.children if c.dep_ == "prt"), None)
    return f"{cue.text} {particle.text}" if particle is not None and particle.i == cue.i + 1 else cue.text


def _char_span(words) -> tuple[int, int]:
    """Characters from the first to the last word, without punctuation at either end."""
    words = sorted(words, key=lambda t: t.i)
    while len(words) > 1 and (words[0].is_punct or words[0].is_space):
        words.pop(0)
    while len(words) > 1 and (words[-1].is_punct or words[-1].is_space) and not words[-1].is_quote:
        words.pop()
    return words[0].idx, words[-1].idx + len(words[-1].text)
