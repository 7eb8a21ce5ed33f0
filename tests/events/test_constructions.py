"""Who did what to whom, and whether it happened, on sentences written for each construction that
the trained models and the rules must handle together (MODEL.md lists them)."""

from __future__ import annotations

import pytest


def events_of(run_stages, text):
    doc = run_stages(text, upto="events", published="2025-03-10")
    names = {e.id: e.name for e in doc.entities}
    return [(e.type, [names[i] for i in e.source], [names[i] for i in e.target], e.modality) for e in doc.events]


def first(rows, event_type):
    return next(row for row in rows if row[0] == event_type)


@pytest.mark.parametrize("text, event_type, source, target", [
    # active voice
    ("Ghana deported 40 Nigerian traders on Friday.", "COERCE", ["Ghana"], ["Nigerian traders"]),
    # passive with its agent
    ("Two opposition leaders were detained by Tanzanian police in Arusha on Monday.", "COERCE",
     ["Tanzanian police"], ["Two opposition leaders"]),
    # passive whose agent is named in an earlier sentence
    (("Militia fighters seized three aid workers in Beni in March.\n\nThe aid workers were freed on Friday."),
     "RETREAT", ["Militia fighters"], ["three aid workers"]),
    # passive whose agent is named in the captives' own phrase
    ("The aid workers, held by the militia since March, were freed on Friday.", "RETREAT", ["militia"],
     ["aid workers"]),
    # coordinated sources, coordinated targets
    ("Rwanda and Uganda accused Burundi of arming rebels on Monday.", "ACCUSE", ["Rwanda", "Uganda"], ["Burundi"]),
    ("Police arrested two journalists and a lawyer in Harare on Monday.", "COERCE", ["Police"],
     ["two journalists", "lawyer"]),
    # a relative clause: the noun it describes did the act
    ("The soldiers who shelled the village were arrested by military police on Sunday.", "COERCE",
     ["military police"], ["soldiers"]),
    # object control: the one urged is the one to act
    ("The United States urged Sudan to release the detained activists.", "REQUEST", ["United States"], ["Sudan"]),
])
def test_source_and_target_of_each_construction(run_stages, text, event_type, source, target):
    row = first(events_of(run_stages, text), event_type)
    assert (row[1], row[2]) == (source, target)


def test_a_relative_clause_act_is_done_by_the_noun_it_describes(run_stages):
    assert first(events_of(run_stages, "The soldiers who shelled the village were arrested by military police "
                                       "on Sunday."), "ASSAULT")[1] == ["soldiers"]


def test_the_one_urged_does_the_demanded_act(run_stages):
    row = first(events_of(run_stages, "The United States urged Sudan to release the detained activists."), "RETREAT")
    assert row[1:] == (["Sudan"], ["detained activists"], "demanded")


def test_a_possessive_in_the_act_of_the_accused_is_the_accuser(run_stages):
    row = first(events_of(run_stages, "Azerbaijan accused Armenian forces of shelling its positions on Sunday."),
                "ASSAULT")
    assert row[1:] == (["Armenian forces"], ["Azerbaijan"], "alleged")


def test_the_speaker_of_a_quote_is_the_source_of_what_it_says(run_stages):
    row = first(events_of(run_stages, '"We condemn this attack on our embassy," Kenyan Foreign Minister Musalia '
                                      'Mudavadi said on Monday.'), "ACCUSE")
    assert row[1] == ["Musalia Mudavadi"]


@pytest.mark.parametrize("text, event_type, modality", [
    ("Police arrested 40 protesters in Lima on Tuesday.", "COERCE", None),  # asserted
    ("Israeli troops did not attack the camp on Monday.", "ASSAULT", "negated"),
    ("The ministry denied that its soldiers had killed civilians.", "ASSAULT", "negated"),  # denied
    ("If Iran attacks the tanker, the United States will respond.", "ASSAULT", "conditional"),
    ("Turkey will send troops to Libya next month.", "MOBILIZE", "future"),
    ("The rebels vowed to retake the town.", "COERCE", "intended"),
    ("Police allegedly beat the protesters in Lagos on Monday.", "ASSAULT", "alleged"),
    ("The command said it did not believe that any civilians had been killed.", "ASSAULT", "negated"),
    ("Serbia said it would reject any deal that threatened its territorial integrity.", "THREATEN",
     "hypothetical"),
    ("Ukraine accused Russia of shelling a hospital in Kharkiv.", "ASSAULT", "alleged"),
])
def test_factuality_of_each_class(run_stages, text, event_type, modality):
    assert first(events_of(run_stages, text), event_type)[3] == modality


def test_a_negated_act_is_flagged_and_the_refusal_is_the_event(run_stages):
    rows = events_of(run_stages, '"We will not negotiate with terrorists," said Nigerian President Bola Tinubu '
                                 'on Monday.')
    assert first(rows, "CONSULT")[3] == "negated"
    assert first(rows, "REJECT")[1:] == (["Bola Tinubu"], ["terrorists"], None)
