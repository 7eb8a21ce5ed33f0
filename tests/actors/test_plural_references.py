"""Plural pronouns: "they" and "them" after a plural subject that is no actor ("mothers ... they
say") are not some actor further back; the subject of the pronoun's own verb is never its antecedent."""

from __future__ import annotations

from .helpers import entities, entity_with, texts


def test_they_after_a_plural_subject_is_not_an_actor_further_back(run_stages):
    doc = entities(run_stages, "Army aircraft struck the camp, the army said. On Monday, about 40 mothers "
                               "of fallen soldiers staged a sit-in, demanding the pensions they say the "
                               "state promised them.")
    army = next(e for e in doc.entities if e.name.lower() == "army")
    soldiers = next(e for e in doc.entities if texts(doc, e)[0] == "fallen soldiers")
    assert texts(doc, army) == ["Army", "army"]  # one army, however capitalised; not "they"
    assert texts(doc, soldiers) == ["fallen soldiers"]  # inside the mothers' phrase: not they either


def test_them_after_the_subject_of_its_own_verb_still_finds_its_actor(run_stages):
    # "men beat them": them is not the men, so the plural subject does not stop the search
    doc = entities(run_stages, "According to the journalists, masked men beat them with batons near the market.")
    journalists = next(e for e in doc.entities if texts(doc, e)[0] == "journalists")
    assert texts(doc, journalists) == ["journalists", "them"]


def test_them_in_a_purpose_clause_is_not_the_subject_of_the_act(run_stages):
    # the police disperse: "them" is the protesters, not the police, nor the embassy nearer to it
    doc = entities(run_stages, "Several hundred people protested outside the Dominican embassy on Tuesday. "
                               "Haitian police fired tear gas to disperse them. Police arrested six of them.")
    people = entity_with(doc, "Several hundred people")
    assert texts(doc, people) == ["Several hundred people", "them", "them"]


def test_its_may_be_the_subject_of_its_own_clause(run_stages):
    doc = entities(run_stages, "The Transport Workers Union staged its third strike on Monday.")
    union = entity_with(doc, "Transport Workers Union")
    assert texts(doc, union) == ["Transport Workers Union", "its"]
