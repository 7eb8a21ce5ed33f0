"""Reported speech, speakers and quote shapes: sentences written for these tests."""

from __future__ import annotations

import pytest

from eventwire.quotes.marks import find_quote_spans


def quotes_of(run_stages, text):
    doc = run_stages(text, upto="quotes", published="2024-03-12")
    return doc, [(q.kind, q.cue_kind, q.cue, q.text, doc.entity(q.speaker).name if q.speaker else None)
                 for q in doc.quotes]


@pytest.mark.parametrize("text, kind, cue, content, speaker", [
    ("The finance minister urged lenders to cut interest rates before the summer.",
     "speech", "urged", "lenders to cut interest rates before the summer", "minister"),
    ("Opposition leader Dana Reyes called for an independent inquiry into the contract.",
     "speech", "called", "an independent inquiry into the contract", "Dana Reyes"),
    ("The union believes that the factory will close within a year.",
     "thought", "believes", "that the factory will close within a year", "union"),
    ("The mayor plans to rebuild the bridge over the Arno by 2026.",
     "intent", "plans", "to rebuild the bridge over the Arno by 2026", "mayor"),
    ("A survey by the central bank found that most households expect prices to rise.",
     "evidence", "found", "that most households expect prices to rise", "survey"),
    ("Senator Ruth Okafor accused the agency of hiding the audit from Congress.",
     "speech", "accused", "the agency of hiding the audit from Congress", "Ruth Okafor"),
    ("The governor called the strike illegal and irresponsible.",
     "speech", "called", "the strike illegal and irresponsible", "governor"),
])
def test_attribution_frames_give_content_cue_and_speaker(run_stages, text, kind, cue, content, speaker):
    _, found = quotes_of(run_stages, text)
    matching = [q for q in found if q[3] == content]
    assert matching, found
    got_kind, got_cue_kind, got_cue, _, got_speaker = matching[0]
    assert (got_kind, got_cue_kind, got_cue) == ("indirect", kind, cue)
    assert speaker in got_speaker


def test_noun_cue_with_owner(run_stages):
    _, found = quotes_of(run_stages, "Farmers downstream rejected the minister's claim that the dam is safe.")
    assert ("indirect", "speech", "claim", "that the dam is safe", "minister") in \
        [(k, ck, c, t, s.split()[-1] if s else None) for k, ck, c, t, s in found]


def test_according_to_makes_the_source_the_speaker(run_stages):
    _, found = quotes_of(run_stages, "According to the health ministry, 40 people were treated for burns.")
    assert [(f[2], f[3]) for f in found] == [("according to", "40 people were treated for burns")]
    assert found[0][4].endswith("ministry")


def test_declined_to_comment_is_not_a_quote(run_stages):
    _, found = quotes_of(run_stages, "A spokesman for the ministry declined to comment on the report.")
    assert found == []


def test_unnamed_source_becomes_a_nominal_speaker(run_stages):
    doc, found = quotes_of(run_stages, "A source familiar with the talks said the two sides were close to a deal.")
    assert [(f[0], f[3]) for f in found] == [("indirect", "the two sides were close to a deal")]
    speaker = doc.entity(doc.quotes[0].speaker)
    assert speaker.type == "NOMINAL" and speaker.name == "A source"


def test_pronoun_speaker_reaches_back_past_other_sentences(run_stages):
    text = ("Lena Fischer runs the shelter on the edge of town.\n\nThe building lost power twice last winter. "
            "Volunteers brought generators from the next village.\n\n"
            "She said the roof would need to be replaced before the rains.")
    _, found = quotes_of(run_stages, text)
    assert [(f[3], f[4]) for f in found] == [("the roof would need to be replaced before the rains", "Lena Fischer")]


def test_mixed_quote_takes_in_the_quoted_words(run_stages):
    _, found = quotes_of(run_stages, "The senator said the bill was “a gift to polluters” and would not pass.")
    assert [(f[0], f[2], f[3]) for f in found] == \
        [("mixed", "said", "the bill was “a gift to polluters” and would not pass")]


def test_quote_split_by_he_said_is_one_quote_in_two_parts(run_stages):
    text = "“We have enough food for a week,” the camp manager said. “After that we need the convoy.”"
    doc, _ = quotes_of(run_stages, text)
    assert len(doc.quotes) == 1
    quote = doc.quotes[0]
    assert [text[s:e] for s, e in quote.parts] == ["We have enough food for a week,", "After that we need the convoy."]
    assert doc.entity(quote.speaker).name.endswith("manager")


def test_short_quote_next_to_a_speech_verb_is_a_quote(run_stages):
    doc, found = quotes_of(run_stages, "Osman Farah listened to the verdict.\n\n“Never again,” Farah said.")
    assert [(f[0], f[3], f[4]) for f in found] == [("direct", "Never again,", "Osman Farah")]


def test_transcript_label_is_the_speaker(run_stages):
    text = ("The interview was recorded on Monday.\n\n"
            "HOST: What will you do about the water shortage in the north?\n\n"
            "OKONJO: We will drill new wells and repair the old pipeline this year.")
    _, found = quotes_of(run_stages, text)
    assert [(f[2], f[3][:20]) for f in found] == [(":", "What will you do abo"), (":", "We will drill new we")]


def test_quote_signed_with_a_dash_belongs_to_the_name(run_stages):
    _, found = quotes_of(run_stages, "“The clinic saved my daughter’s life and I will never forget it.” ― Maria Teixeira")
    assert [(f[0], f[4]) for f in found] == [("direct", "Maria Teixeira")]


@pytest.mark.parametrize("text, inside", [
    ("He said ''we will rebuild the school before winter,'' and left.", "we will rebuild the school before winter,"),
    ("”The water is back in the taps at last,” a resident said.", "The water is back in the taps at last,"),
])
def test_quote_marks_two_apostrophes_and_a_misturned_opening_mark(text, inside):
    assert [s.text for s in find_quote_spans(text)] == [inside]


def test_spokesman_for_a_group_speaks_for_the_group_and_its_events_too(run_stages):
    doc = run_stages("“We condemn the shelling of the hospital by the army,” a spokesman for the rebels said.",
                     published="2024-03-12")
    quote = doc.quotes[0]
    assert doc.entity(quote.speaker).name == "rebels"
    accusations = [e for e in doc.events if e.type == "ACCUSE"]
    assert accusations and accusations[0].source == [quote.speaker]
