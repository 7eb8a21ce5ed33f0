"""A reaction is aimed at whoever did what it reacts to, named in an earlier sentence
(`eventwire.events.reactions`). Sentences written for these tests."""

from __future__ import annotations

import pytest


def reactions_of(run_stages, text, kind):
    doc = run_stages(text, upto="events", published="2025-06-10")
    names = {e.id: e.name for e in doc.entities}
    return [([names[i] for i in e.source], [names[i] for i in e.target]) for e in doc.events if e.type == kind]


@pytest.mark.parametrize(("text", "kind", "aimed_at"), [
    (("Kenya's media regulator suspended the newspaper for a month on Tuesday. "
      "The Committee to Protect Journalists condemned the suspension."), "ACCUSE", "Kenya's media regulator"),
    ("Russian forces attacked the port of Izmail overnight. Romania condemned the attack on Wednesday.",
     "ACCUSE", "Russian forces"),
    (("A court in Minsk sentenced three editors to six years in prison. "
      "The European Union condemned the sentences."), "ACCUSE", "court"),
])
def test_a_reaction_is_aimed_at_who_did_the_act(run_stages, text, kind, aimed_at):
    rows = reactions_of(run_stages, text, kind)
    assert rows and rows[-1][1] == [aimed_at]


def test_a_reaction_to_an_agreement_is_aimed_at_both_parties(run_stages):
    rows = reactions_of(run_stages, "Armenia and Azerbaijan agreed on Monday to reopen the border crossing. "
                                    "The European Union welcomed the agreement.", "SUPPORT")
    assert rows and set(rows[-1][1]) == {"Armenia", "Azerbaijan"}


def test_a_new_act_of_the_same_name_is_not_a_reaction(run_stages):
    # "set fire to" names no earlier firing: no determiner marks the fire as already told
    rows = reactions_of(run_stages, "Police fired tear gas at the marchers in Kano. "
                                    "Protesters set fire to the gate of a revenue office.", "PROTEST")
    assert all(target == [] for _, target in rows)


def test_a_reaction_that_names_its_target_keeps_it(run_stages):
    rows = reactions_of(run_stages, "Police arrested two reporters in Harare on Monday. "
                                    "Amnesty International condemned the government over the arrests.", "ACCUSE")
    assert rows and rows[-1][1] == ["government"]


def test_a_protest_is_aimed_at_whom_its_demand_is_addressed(run_stages):
    rows = reactions_of(run_stages, "Hundreds of young men blocked the highway near Jos on Wednesday, demanding "
                                    "protection from the government.", "PROTEST")
    assert rows and rows[0][1] == ["government"]


def test_both_sides_are_the_two_parties_told_before(run_stages):
    doc = run_stages("Delegations of the Sudanese army and the Rapid Support Forces held talks in Jeddah on Monday. "
                     "Both sides agreed to let aid convoys through three corridors.", upto="events",
                     published="2025-06-10")
    names = {e.id: e.name for e in doc.entities}
    agree = next(e for e in doc.events if e.type == "AGREE")
    assert ([names[i] for i in agree.source], [names[i] for i in agree.target]) == \
        (["Sudanese army"], ["Rapid Support Forces"])
