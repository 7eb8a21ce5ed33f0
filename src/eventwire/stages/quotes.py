"""Quotes: who said what, when, and through whom it reached the article.

Direct quotes are the stretches in quote marks (`eventwire.quote_marks`); indirect ones are the
clauses under a speech verb ("X said that ...") or after "according to X". The speaker is the
subject of the cue verb outside the quote; a quote standing alone as a paragraph continues the
previous quote or belongs to whoever last published something. First-person pronouns inside a
quote become mentions of the speaker, so the events read from the quote get the right actor.
"""

from __future__ import annotations

from functools import lru_cache

from ..data_files import builtin_path, tsv_rows
from ..entity_index import entity_of, token_entities
from ..model import Document, Mention, Quote
from ..quote_marks import QuoteSpan, find_quote_spans
from ..registry import stage
from ..settings import Settings
from ..timex import event_date

FIRST_PERSON = {"we", "us", "our", "ours", "ourselves", "i", "me", "my", "mine", "myself"}


@lru_cache(maxsize=1)
def cue_verbs() -> dict[str, set[str]]:
    """lemma -> kinds (speech, share, relay) from data/cues.tsv."""
    table: dict[str, set[str]] = {}
    for _, (lemma, kind, *_) in tsv_rows(builtin_path("cues.tsv")):
        table.setdefault(lemma, set()).add(kind)
    return table


def is_cue(token, kind: str = "speech") -> bool:
    return token.pos_ in ("VERB", "AUX") and kind in cue_verbs().get(token.lemma_.lower(), ())


@stage("quotes", requires=("doc.parse", "doc.entities", "doc.times"), assigns=("doc.quotes",))
class QuoteFinder:
    """Find direct and indirect quotes with speaker, cue, date and reporting chain."""

    def __init__(self, settings: Settings):
        pass

    def __call__(self, doc: Document) -> None:
        owner = token_entities(doc)
        quotes: list[Quote] = []
        spans = find_quote_spans(doc.text)
        quoted = [(s.start, s.end) for s in spans]  # times inside quotes date nothing outside them
        for span in spans:
            quotes.append(self._direct_quote(doc, span, owner, quotes, quoted))
        quotes += self._indirect_quotes(doc, owner, quotes, quoted)
        quotes.sort(key=lambda q: q.start)
        for number, quote in enumerate(quotes, 1):
            quote.id = f"Q{number}"
        doc.quotes = quotes
        _speaker_first_person(doc, quotes)

    def _direct_quote(self, doc: Document, span: QuoteSpan, owner, earlier: list[Quote], quoted) -> Quote:
        sdoc = doc.parse
        quote = Quote(id="", text=doc.text[span.start:span.end], start=span.start, end=span.end)
        cue = _cue_outside(sdoc, span.start, span.end)
        previous = earlier[-1] if earlier else None
        if cue is not None:
            quote.cue = cue.text
            quote.speaker = _speaker_of(cue, owner)
            quote.via = _via(cue.sent, owner, quote)
            quote.date = _date_in(doc, cue.sent.start_char, cue.sent.end_char, quote)
        elif span.opens_paragraph:
            if previous is not None and _same_or_previous_paragraph(doc.text, previous.end, span.start):
                quote.speaker, quote.date = previous.speaker, previous.date
            else:
                quote.speaker = _last_publisher(sdoc, span.start, owner)
        if quote.date is None:
            if previous is not None and previous.speaker == quote.speaker and quote.speaker is not None:
                quote.date = previous.date
            quote.date = quote.date or _date_before(doc, span.start, quoted)
        return quote

    def _indirect_quotes(self, doc: Document, owner, direct: list[Quote], quoted) -> list[Quote]:
        taken = [(q.start, q.end) for q in direct]
        found = []
        for token in doc.parse:
            clause, speaker_token = _reported_clause(token)
            if clause is None:
                continue
            start, end = clause[0].idx, clause[-1].idx + len(clause[-1].text)
            if any(a < end and start < b for a, b in taken) or end - start < 15:
                continue
            taken.append((start, end))
            quote = Quote(id="", text=doc.text[start:end], start=start, end=end, kind="indirect",
                          cue=token.text, speaker=entity_of(speaker_token, owner) if speaker_token is not None else None)
            quote.date = _date_in(doc, token.sent.start_char, token.sent.end_char, quote) \
                or _date_before(doc, start, quoted)
            quote.via = _via(token.sent, owner, quote)
            found.append(quote)
        return found


def _cue_outside(sdoc, start: int, end: int):
    """The speech verb nearest to a quote, outside it, in the sentences the quote touches."""
    inside = sdoc.char_span(start, end, alignment_mode="expand")
    if inside is None:
        return None
    sentences = {inside[0].sent.start: inside[0].sent, inside[-1].sent.start: inside[-1].sent}
    if inside.end < len(sdoc):
        after = sdoc[inside.end].sent  # "...," the minister said.
        sentences.setdefault(after.start, after)
    best, best_distance = None, None
    for sentence in sentences.values():
        for token in sentence:
            if start <= token.idx < end or not is_cue(token):
                continue
            distance = min(abs(token.idx - start), abs(token.idx - end))
            if best is None or distance < best_distance:
                best, best_distance = token, distance
    return best


def _speaker_of(cue, owner) -> str | None:
    # with a mis-parsed title several words can be subjects: the one nearest the verb is the name
    subjects = [c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass")]
    subject = min(subjects, key=lambda c: abs(c.i - cue.i), default=None)
    if subject is None and cue.dep_ in ("conj", "xcomp", "advcl"):
        subject = next((c for c in cue.head.children if c.dep_ == "nsubj"), None)
    return entity_of(subject, owner) if subject is not None else None


def _via(sentence, owner, quote: Quote) -> list[str]:
    """Entities that passed the statement on: "reported by X", "according to X", "told X"."""
    via = []
    for token in sentence:
        if quote.start <= token.idx < quote.end:
            continue
        relayed = []
        if is_cue(token, "relay"):
            relayed = [g for c in token.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        elif token.lower_ == "according" and quote.kind == "direct":
            relayed = [g for c in token.children if c.lower_ == "to" for g in c.children if g.dep_ == "pobj"]
        elif token.lemma_ == "tell":
            relayed = [c for c in token.children if c.dep_ in ("dative", "dobj")]
        for target in relayed:
            entity_id = entity_of(target, owner)
            if entity_id and entity_id != quote.speaker and entity_id not in via:
                via.append(entity_id)
    return via


def _reported_clause(token):
    """(clause tokens, speaker token) for "X said (that) CLAUSE" and "according to X, CLAUSE"."""
    if is_cue(token):
        clause = next((c for c in token.children if c.dep_ == "ccomp"), None)
        subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if clause is not None and subject is not None:
            return list(clause.subtree), subject
    if token.lower_ == "according" and token.dep_ == "prep":
        source = next((g for c in token.children if c.lower_ == "to" for g in c.children if g.dep_ == "pobj"), None)
        head = token.head
        if source is not None and head.pos_ in ("VERB", "AUX"):
            words = [t for t in head.subtree if not (token.left_edge.i <= t.i <= token.right_edge.i)]
            while words and words[0].is_punct:
                words.pop(0)
            while words and words[-1].is_punct:
                words.pop()
            return (words or None), source
    return None, None


def _date_in(doc: Document, start: int, end: int, quote: Quote) -> str | None:
    """The date of the first usable time expression in [start, end) outside the quote itself."""
    for time in doc.times:
        if start <= time.start < end and not (quote.start <= time.start < quote.end):
            value = event_date(time.value)
            if value:
                return value
    return None


def previous_paragraph_start(text: str, position: int) -> int:
    """Where the paragraph before the one holding `position` starts (0 if there is none)."""
    current = text.rfind("\n\n", 0, position)
    previous = text.rfind("\n\n", 0, current) if current > 0 else -1
    return previous + 2 if previous >= 0 else 0


def _date_before(doc: Document, position: int, quoted: list[tuple[int, int]]) -> str | None:
    """The date of the nearest usable time expression before `position` in this or the previous
    paragraph, not inside a direct quote (`quoted` spans)."""
    floor = previous_paragraph_start(doc.text, position)
    for time in sorted(doc.times, key=lambda t: -t.start):
        if not floor <= time.start < position or any(a <= time.start < b for a, b in quoted):
            continue
        value = event_date(time.value)
        if value:
            return value
    return None


def _same_or_previous_paragraph(text: str, earlier_end: int, later_start: int) -> bool:
    return text.count("\n\n", earlier_end, later_start) <= 1


def _last_publisher(sdoc, position: int, owner) -> str | None:
    """Who last published or said something before a stand-alone quote (in the paragraph before)."""
    floor = previous_paragraph_start(sdoc.text, position)
    for token in reversed([t for t in sdoc if floor <= t.idx < position]):
        if is_cue(token, "share") or is_cue(token):
            speaker = _speaker_of(token, owner)
            if speaker:
                return speaker
    return None


def _speaker_first_person(doc: Document, quotes: list[Quote]) -> None:
    """Inside a quote, "we", "our" and "I" refer to its speaker."""
    by_id = {entity.id: entity for entity in doc.entities}
    for quote in quotes:
        speaker = by_id.get(quote.speaker or "")
        if speaker is None or quote.kind != "direct":
            continue
        span = doc.parse.char_span(quote.start, quote.end, alignment_mode="expand")
        for token in span or ():
            singular = token.lower_ in ("i", "me", "my", "mine", "myself")
            if token.lower_ in FIRST_PERSON and (not singular or speaker.type == "PERSON"):
                speaker.mentions.append(Mention(token.idx, token.idx + len(token.text), "pronoun"))
        speaker.mentions.sort(key=lambda m: m.start)
