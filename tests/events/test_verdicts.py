"""What a speaker calls an act or an actor is a denunciation or praise (`eventwire.events.verdicts`).
Sentences written for these tests."""

from __future__ import annotations

import pytest


def coded(run_stages, text):
    doc = run_stages(text, upto="events", published="2025-06-10")
    names = {e.id: e.name for e in doc.entities}
    return [(e.type, e.cameo, [names[i] for i in e.source], [names[i] for i in e.target]) for e in doc.events]


@pytest.mark.parametrize(("text", "kind", "cameo"), [
    ('Amnesty International called the verdict "a travesty".', "ACCUSE", "111"),
    ('The Kenyan government described the strike as illegal.', "ACCUSE", "111"),
    ('The African Union called the agreement "a historic step".', "SUPPORT", "051"),
])
def test_what_is_called_says_which(run_stages, text, kind, cameo):
    assert [(row[0], row[1]) for row in coded(run_stages, text)] == [(kind, cameo)]


def test_a_verdict_on_an_act_is_aimed_at_who_did_it(run_stages):
    rows = coded(run_stages, 'Norway expelled three Russian diplomats on Monday. '
                             'The Kremlin called the expulsions "an unfriendly step".')
    assert ("ACCUSE", ["Kremlin"], ["Norway"]) in [(r[0], r[2], r[3]) for r in rows]


@pytest.mark.parametrize("text", [
    "The Kenyan ministry called the report a formality.",
    "Uganda's foreign minister described the report as routine.",
])
def test_a_name_with_no_verdict_in_it_is_no_event(run_stages, text):
    assert coded(run_stages, text) == []
