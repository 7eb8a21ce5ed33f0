"""Quotes: who said what, when, and through whom it reached the article.

Direct quotes are the stretches in quote marks (`eventwire.quotes.marks`); indirect ones are the
attributions the parse shows (`eventwire.quotes.attribution`): "X said (that) ...", "according to X, ...",
"X urged Y to ...", "X called for ...", a transcript's "NAME: ...". An attribution whose content
takes in a direct quote and more is one mixed quote ('said the plan was "a disaster"'). The speaker
of a direct quote is the source of the nearest cue verb outside it; a quote standing alone as a
paragraph continues the previous quote or belongs to whoever last published something. Sources
become entities through `eventwire.quotes.speakers` (names, pronouns, and unnamed sources). First-
person pronouns inside a quote become mentions of the speaker, so the events read from the quote
get the right actor.
"""

from __future__ import annotations

import re

from ..knowledge.dates import event_date
from ..knowledge.entity_index import entity_of, token_entities
from ..knowledge.event_identity import day
from ..model import Document, Mention, Quote
from ..registry import stage
from ..settings import Settings
from .attribution import Attribution, find_attributions, is_cue, source_of
from .marks import MIN_QUOTE_WORDS, QuoteSpan, find_quote_spans
from .speakers import SpeakerResolver

FIRST_PERSON = {"we", "us", "our", "ours", "ourselves", "i", "me", "my", "mine", "myself"}
# Characters an attribution's content may stick out of a direct quote and still be that quote (the marks).
MARK_SLACK = 2
# Words a speech verb may stand from a short quote and still make it speech ("“I would,” Melanie said").
CUE_REACH = 3
# At most this many words between two quotes joined as one split quote ("“A,” the minister said. “B.”").
SPLIT_GAP_WORDS = 10
# "“...” ― Karen Ortiz": a reader's or interviewee's words signed with a dash after the quote.
WORD = re.compile(r"\w+(?:['’]\w+)*")
SIGNED = re.compile(r"[\"”']*[ \t\xa0]*[―—–][ \t\xa0]*(?=[A-Z])")


@stage("quotes", requires=("doc.parse", "doc.entities", "doc.times"), assigns=("doc.quotes",))
class QuoteFinder:
    """Find direct, indirect and mixed quotes with speaker, cue, date and reporting chain."""

    def __init__(self, settings: Settings):
        pass

    def __call__(self, doc: Document) -> None:
        speakers = SpeakerResolver(doc, token_entities(doc))
        marked = find_quote_spans(doc.text, min_words=1)
        spans = [s for n, s in enumerate(marked) if s.words >= MIN_QUOTE_WORDS or _cue_beside(doc.parse, s)
                 is not None or (n > 0 and _close_after(doc.text, marked[n - 1], s))]
        quoted = [(s.start, s.end) for s in spans]  # times inside quotes date nothing outside them
        attributions, absorbed = _merge_with_direct(find_attributions(doc.parse), spans)
        found: list[tuple[int, object]] = [(s.start, s) for s in spans if id(s) not in absorbed] + \
            [(a.start, a) for a in attributions]
        quotes: list[Quote] = []
        relays = _relays(doc.parse)
        for _, item in sorted(found, key=lambda pair: pair[0]):
            if isinstance(item, QuoteSpan):
                quotes.append(_direct_quote(doc, item, speakers, quotes, quoted, relays))
            else:
                quotes.append(_indirect_quote(doc, item, speakers, quoted, relays))
        quotes = _join_split_quotes(doc.text, quotes)
        for number, quote in enumerate(quotes, 1):
            quote.id = f"Q{number}"
        doc.quotes = quotes
        _speaker_first_person(doc, quotes)


def _merge_with_direct(attributions: list[Attribution], spans: list[QuoteSpan]):
    """Attributions left after comparing them with the direct quotes, and the ids of the direct quotes
    they absorbed: an attribution inside a direct quote is that quote's own speech (dropped); one that
    takes in a direct quote and more is a mixed quote covering both (`quoted` set)."""
    kept, absorbed = [], set()
    for attribution in attributions:
        touching = [s for s in spans if s.start < attribution.end and attribution.start < s.end]
        # content that opens with a direct quote is that quote, whatever trails it (", as reported by X")
        if any(abs(s.start - attribution.start) <= MARK_SLACK or
               (s.start <= attribution.start and attribution.end <= s.end + MARK_SLACK) for s in touching) \
                or any(s.start - MARK_SLACK <= attribution.cue.idx < s.end + MARK_SLACK for s in spans):
            continue
        for span in touching:
            attribution.start, attribution.end = min(attribution.start, span.start), max(attribution.end, span.end)
            absorbed.add(id(span))
            attribution.quoted = True
        kept.append(attribution)
    return _without_repeats(kept), absorbed


def _without_repeats(attributions: list[Attribution]) -> list[Attribution]:
    """One attribution per content span (a verb can be read in two frames, "and" can repeat a subject)."""
    seen, kept = set(), []
    for attribution in attributions:
        if (attribution.start, attribution.end) not in seen:
            seen.add((attribution.start, attribution.end))
            kept.append(attribution)
    return kept


def _direct_quote(doc: Document, span: QuoteSpan, speakers: SpeakerResolver, earlier: list[Quote], quoted,
                  relays) -> Quote:
    sdoc = doc.parse
    quote = Quote(id="", text=doc.text[span.start:span.end], start=span.start, end=span.end)
    cue = _cue_outside(sdoc, span.start, span.end)
    previous = earlier[-1] if earlier else None
    if cue is not None:
        quote.cue = cue.text
        quote.speaker = speakers.entity_for(source_of(cue))
        quote.via = _via(cue.sent, speakers.owner, quote, relays)
        quote.date = _date_in(doc, cue.sent.start_char, cue.sent.end_char, quote)
    elif (signature := SIGNED.match(doc.text, span.end)) is not None:
        quote.speaker = speakers.entity_for(_name_at(sdoc, signature.end()))
        quote.cue = "―"
    elif span.opens_paragraph:
        if previous is not None and _same_or_previous_paragraph(doc.text, previous.end, span.start):
            quote.speaker, quote.date = previous.speaker, previous.date
        else:
            quote.speaker = _last_publisher(sdoc, span.start, speakers)
    if quote.date is None:
        if previous is not None and previous.speaker == quote.speaker and quote.speaker is not None:
            quote.date = previous.date
        quote.date = quote.date or _date_before(doc, span.start, quoted)
    return quote


def _cue_beside(sdoc, span: QuoteSpan):
    """A speech verb right after a quote (",” she said") or right before it with a colon or comma
    (said: “...”), within CUE_REACH words; None if there is none."""
    inside = sdoc.char_span(span.start, span.end, alignment_mode="expand")
    if inside is None:
        return None
    after = [t for t in sdoc[inside.end:inside.end + CUE_REACH + 2] if not (t.is_punct or t.is_space)][:CUE_REACH]
    before = [t for t in reversed(sdoc[max(inside.start - 3, 0):inside.start]) if not t.is_quote]
    cue = next((t for t in after if is_cue(t)), None)
    if cue is None and len(before) >= 2 and before[0].text in (",", ":") and is_cue(before[1]):
        cue = before[1]
    return cue


def _passive(verb) -> bool:
    """ "as reported by the Daily Nation": a passive speech verb passes a quote on, it does not say it."""
    return any(c.dep_ in ("agent", "auxpass") for c in verb.children)


def _name_at(sdoc, position: int):
    """The head token of the name starting at a character position."""
    span = sdoc.char_span(position, position + 1, alignment_mode="expand")
    if span is None:
        return None
    token = span[0]
    while token.dep_ in ("compound", "flat") and token.head.i > token.i:
        token = token.head
    return token


def _join_split_quotes(text: str, quotes: list[Quote]) -> list[Quote]:
    """ "“A,” the minister said. “B.”": one quote in two parts when the words between two direct
    quotes of one paragraph are only the cue clause of the first."""
    joined: list[Quote] = []
    for quote in quotes:
        previous = joined[-1] if joined else None
        if previous is not None and previous.kind == "direct" and quote.kind == "direct" \
                and previous.cue and _only_cue_between(text, previous, quote):
            previous.parts = (previous.parts or [(previous.start, previous.end)]) + [(quote.start, quote.end)]
            previous.end, previous.text = quote.end, text[previous.start:quote.end]
            continue
        joined.append(quote)
    return joined


def _close_after(text: str, first: QuoteSpan, second: QuoteSpan) -> bool:
    """True if a short quote follows another in the same paragraph with a few words between: the
    second piece of a split quote ("“Here he is,” she said. “He's here.”")."""
    gap = _gap_in_paragraph(text, first.end, second.start)
    return gap is not None and len(gap.split()) <= SPLIT_GAP_WORDS


def _only_cue_between(text: str, first: Quote, second: Quote) -> bool:
    gap = _gap_in_paragraph(text, first.end, second.start)
    words = WORD.findall(gap or "")
    return 0 < len(words) <= SPLIT_GAP_WORDS and first.cue in words


def _gap_in_paragraph(text: str, end: int, start: int) -> str | None:
    """The text from one quote's end to the next one's start; None across a paragraph break."""
    between = text[end:start]
    return None if "\n\n" in between else between


def _indirect_quote(doc: Document, attribution: Attribution, speakers: SpeakerResolver, quoted, relays) -> Quote:
    start, end = attribution.start, attribution.end
    quote = Quote(id="", text=doc.text[start:end], start=start, end=end,
                  kind="mixed" if attribution.quoted else "indirect", cue=attribution.cue_text,
                  cue_kind=attribution.kind, speaker=speakers.entity_for(attribution.source))
    sentence = attribution.cue.sent
    quote.date = _date_in(doc, sentence.start_char, sentence.end_char, quote) or _date_before(doc, start, quoted)
    quote.via = _via(sentence, speakers.owner, quote, relays)
    return quote


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
            if start <= token.idx < end or not is_cue(token) or _passive(token):
                continue
            distance = min(abs(token.idx - start), abs(token.idx - end))
            if best is None or distance < best_distance:
                best, best_distance = token, distance
    return best


def _relays(sdoc) -> dict[int, list[tuple[int, str, tuple]]]:
    """The words that pass a statement on, by sentence (its first token): (offset, how, the tokens
    of whom it passed through) for "reported by X" (relay), "according to X", "told X". Found
    once per document: a sentence of thousands of words can hold thousands of statements."""
    found: dict[int, list[tuple[int, str, tuple]]] = {}
    for sentence in sdoc.sents:
        for token in sentence:
            if is_cue(token, "relay"):
                relayed = tuple(g for c in token.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj")
                found.setdefault(sentence.start, []).append((token.idx, "relay", relayed))
            elif token.lower_ == "according":
                relayed = tuple(g for c in token.children if c.lower_ == "to" for g in c.children if g.dep_ == "pobj")
                found.setdefault(sentence.start, []).append((token.idx, "according", relayed))
            elif token.lemma_ == "tell":
                relayed = tuple(c for c in token.children if c.dep_ in ("dative", "dobj"))
                found.setdefault(sentence.start, []).append((token.idx, "tell", relayed))
    return found


def _via(sentence, owner, quote: Quote, relays: dict[int, list[tuple[int, str, tuple]]]) -> list[str]:
    """Entities that passed the statement on: "reported by X", "according to X", "told X"
    (`relays` of the document, by sentence)."""
    via = []
    for idx, how, relayed in relays.get(sentence.start, ()):
        if quote.start <= idx < quote.end or (how == "according" and quote.kind != "direct"):
            continue
        for target in relayed:
            entity_id = entity_of(target, owner)
            if entity_id and entity_id != quote.speaker and entity_id not in via:
                via.append(entity_id)
    return via


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
    paragraph, not inside a direct quote (`quoted` spans), and within the month before the
    article: "since the insurgency began in 1969" is history, not when the next statement was made."""
    floor = previous_paragraph_start(doc.text, position)
    for time in sorted(doc.times, key=lambda t: -t.start):
        if not floor <= time.start < position or any(a <= time.start < b for a, b in quoted):
            continue
        value = event_date(time.value)
        if value and _recent(value, doc.published):
            return value
    return None


def _recent(value: str, published: str | None, days: int = 31) -> bool:
    """`value` (a date, month or year) lies in the `days` before `published` (or there is no
    article date to tell)."""
    article, when = day(published[:10]) if published else None, day(value)
    if article is None:
        return True
    if when is None:  # a month or a year: the article's own
        return article.isoformat().startswith(value)
    return 0 <= (article - when).days <= days


def _same_or_previous_paragraph(text: str, earlier_end: int, later_start: int) -> bool:
    return text.count("\n\n", earlier_end, later_start) <= 1


def _last_publisher(sdoc, position: int, speakers: SpeakerResolver) -> str | None:
    """Who last published or said something before a stand-alone quote (in the paragraph before)."""
    floor = previous_paragraph_start(sdoc.text, position)
    for token in reversed([t for t in sdoc if floor <= t.idx < position]):
        if is_cue(token, "share") or is_cue(token):
            speaker = speakers.entity_for(source_of(token))
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
