"""The quotes stage: direct and indirect quotes with speaker, date and reporting chain."""

from __future__ import annotations

import pytest

from eventwire.quotes.marks import find_quote_spans


def quotes(run_stages, text, published="2021-08-17"):
    return run_stages(text, upto="quotes", published=published)


def speaker_name(doc, quote):
    return doc.entity(quote.speaker).name if quote.speaker else None


@pytest.mark.parametrize("text, quoted, speaker", [
    ("Foreign Minister Amara Osei said, “We will not negotiate with armed groups.”",
     "We will not negotiate with armed groups.", "Amara Osei"),
    ("The Taliban said, “We have taken control of the capital.”",
     "We have taken control of the capital.", "Taliban"),
])
def test_quotes_speaker_before_quote(run_stages, text, quoted, speaker):
    doc = quotes(run_stages, text)
    assert len(doc.quotes) == 1
    quote = doc.quotes[0]
    assert (quote.text, quote.kind, quote.cue) == (quoted, "direct", "said")
    assert speaker_name(doc, quote) == speaker


def test_quotes_speaker_after_quote(run_stages):
    doc = quotes(run_stages, "“The ceasefire must hold for the sake of the civilians,” Osei said.")
    assert len(doc.quotes) == 1
    quote = doc.quotes[0]
    assert quote.text == "The ceasefire must hold for the sake of the civilians,"
    assert quote.cue == "said"
    assert speaker_name(doc, quote) == "Osei"


@pytest.mark.parametrize("text", [
    "The protesters carried banners reading “Peace Now” through the city.",
    "The militia called the deal a “historic betrayal” on Monday.",
    "Officials described the convoy as “fully operational again” after the raid.",
])
def test_quotes_three_words_or_fewer_are_not_quotes(run_stages, text):
    assert [q for q in quotes(run_stages, text).quotes if q.kind == "direct"] == []


def test_quotes_scare_quotes_inside_a_naming_are_part_of_an_indirect_quote(run_stages):
    doc = quotes(run_stages, "The militia called the deal a “historic betrayal” on Monday.")
    assert [(q.kind, q.cue, q.text, speaker_name(doc, q)) for q in doc.quotes] == \
        [("indirect", "called", "the deal a “historic betrayal”", "militia")]


@pytest.mark.parametrize("text", [
    "Israel dismissed Hamas' remarks about the truce as propaganda, and the group's spokesman rejected it.",
    "The rebels' leaders ignored the generals' warnings about the curfew on Monday.",
])
def test_quotes_apostrophe_is_not_a_quote_mark(run_stages, text):
    assert find_quote_spans(text) == []
    assert [q for q in quotes(run_stages, text).quotes if q.kind != "indirect"] == []


def test_quotes_apostrophe_inside_real_quote_keeps_quote_whole(run_stages):
    text = "Israel's army said, “Hamas' fighters have fled the northern district.”"
    doc = quotes(run_stages, text)
    assert [q.text for q in doc.quotes] == ["Hamas' fighters have fled the northern district."]


def test_quotes_standalone_paragraph_continues_speaker(run_stages):
    text = ("Commander Yusuf Bello said, “Our fighters have left the town.”\n\n"
            "“They will not return until the talks succeed.”")
    doc = quotes(run_stages, text)
    assert [q.text for q in doc.quotes] == ["Our fighters have left the town.",
                                            "They will not return until the talks succeed."]
    first, second = doc.quotes
    assert speaker_name(doc, first) == "Yusuf Bello"
    assert second.speaker == first.speaker
    assert second.cue is None


def test_quotes_reported_by_outlet_gives_via(run_stages):
    text = ("Commander Yusuf Bello told reporters, “The rebels have left the town,” "
            "as reported by the Daily Nation.")
    doc = quotes(run_stages, text)
    assert len(doc.quotes) == 1
    quote = doc.quotes[0]
    assert speaker_name(doc, quote) == "Yusuf Bello"
    assert [doc.entity(i).name for i in quote.via] == ["Daily Nation"]


@pytest.mark.parametrize("text, date", [
    ("On Monday, Interior Minister Grace Achieng said, “The curfew will be lifted next week.”", "2021-08-16"),
    ("On Sunday, Commander Yusuf Bello said, “Our fighters have left the town.”", "2021-08-15"),
])
def test_quotes_date_from_weekday_in_cue_sentence(run_stages, text, date):
    doc = quotes(run_stages, text, published="2021-08-17")  # a Tuesday
    assert len(doc.quotes) == 1
    assert doc.quotes[0].date == date


@pytest.mark.parametrize("text, speaker, first_person", [
    ("Foreign Minister Amara Osei said, “We will not negotiate with armed groups.”", "Amara Osei", "We"),
    ("Commander Yusuf Bello said, “Our fighters have left the town.”", "Yusuf Bello", "Our"),
    ("The Taliban said, “We have taken control of the capital.”", "Taliban", "We"),
])
def test_quotes_first_person_becomes_speaker_mention(run_stages, text, speaker, first_person):
    doc = quotes(run_stages, text)
    entity = doc.entity(doc.quotes[0].speaker)
    assert entity.name == speaker
    pronouns = [(text[m.start:m.end], m.kind) for m in entity.mentions if m.kind == "pronoun"]
    assert pronouns == [(first_person, "pronoun")]
    quote = doc.quotes[0]
    assert all(quote.start <= m.start < quote.end for m in entity.mentions if m.kind == "pronoun")


@pytest.mark.parametrize("text, quoted, speaker", [
    ("Interior Minister Grace Achieng said that the police would investigate the shooting.",
     "that the police would investigate the shooting", "Grace Achieng"),
    ("The Taliban said on Monday that it would respect the agreement.",
     "that it would respect the agreement", "Taliban"),
])
def test_quotes_indirect_speech(run_stages, text, quoted, speaker):
    doc = quotes(run_stages, text)
    assert len(doc.quotes) == 1
    quote = doc.quotes[0]
    assert (quote.kind, quote.text, quote.cue) == ("indirect", quoted, "said")
    assert speaker_name(doc, quote) == speaker


def test_quotes_indirect_speech_date(run_stages):
    doc = quotes(run_stages, "The Taliban said on Monday that it would respect the agreement.")
    assert doc.quotes[0].date == "2021-08-16"


def test_quotes_a_statement_is_not_dated_by_history_told_before_it(run_stages):
    doc = quotes(run_stages, "The insurgency has killed thousands of people since it began in 1969.\n\n"
                 "Business groups in Manila welcomed the agreement, saying it could bring investment.\n\n"
                 "On Monday, the army said the rebels had lost ground.", published="2025-03-24")
    dates = {q.text: q.date for q in doc.quotes}
    assert dates["it could bring investment"] is None
    assert dates["the rebels had lost ground"] == "2025-03-24"


@pytest.mark.parametrize("text, speaker", [
    ("Teachers' unions began a national strike on Monday demanding a 20 percent pay rise.", "unions"),
    ("The army issued a statement on Tuesday saying its troops had left the border town.", "army"),
])
def test_quotes_what_a_strike_or_a_statement_says_its_doer_says(run_stages, text, speaker):
    doc = quotes(run_stages, text)
    assert [speaker_name(doc, quote) for quote in doc.quotes] == [speaker]
    assert not [e for e in doc.entities if e.type == "NOMINAL"]  # no "a national strike" speaking
