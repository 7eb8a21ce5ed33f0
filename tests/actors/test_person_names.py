"""People: name variants of one person merge within an article ("Lammy", "Mr Lammy" after "David
Lammy"), people who share only a surname do not, and officials take the country the text gives."""

from __future__ import annotations

import pytest

from .helpers import entities, texts


def people(doc):
    return {e.name: [t for t, m in zip(texts(doc, e), e.mentions) if m.kind == "name"]
            for e in doc.entities if e.type == "PERSON"}


def test_surname_and_mr_surname_merge_with_the_full_name(run_stages):
    doc = entities(run_stages, "Foreign Secretary David Lammy arrived in Kyiv on Monday. Lammy told reporters "
                               "that Britain would send more aid. Mr Lammy later met President Volodymyr "
                               "Zelensky.")
    found = people(doc)
    assert found["David Lammy"] == ["David Lammy", "Lammy", "Lammy"]
    assert "Volodymyr Zelensky" in found
    assert not [e for e in doc.entities if e.type != "PERSON" and "Lammy" in e.name]


def test_a_surname_goes_with_the_person_named_in_full_last(run_stages):
    doc = entities(run_stages, "Ruth Okonkwo spoke first on Monday. Her brother Daniel Okonkwo replied on "
                               "Tuesday. Okonkwo said the party had lost its way.")
    found = people(doc)
    assert found["Ruth Okonkwo"] == ["Ruth Okonkwo"]
    assert found["Daniel Okonkwo"] == ["Daniel Okonkwo", "Okonkwo"]


def test_same_surname_different_given_names_are_two_people(run_stages):
    doc = entities(run_stages, "Peter Mensah, a lawyer, met Grace Mensah, a judge, in Accra on Friday. "
                               "Grace Mensah later said the case was closed. Mensah also said she would retire.")
    found = people(doc)
    assert found["Peter Mensah"] == ["Peter Mensah"]
    assert found["Grace Mensah"] == ["Grace Mensah", "Grace Mensah", "Mensah"]


def test_a_surname_after_two_people_named_together_is_left_alone(run_stages):
    doc = entities(run_stages, "Peter Mensah, a lawyer, met Grace Mensah, a judge, in Accra on Friday. "
                               "Mensah said the case was closed.")
    found = people(doc)
    assert found["Peter Mensah"] == ["Peter Mensah"]
    assert found["Grace Mensah"] == ["Grace Mensah"]


def test_a_surname_before_two_full_names_does_not_join_them_together(run_stages):
    doc = entities(run_stages, "Mensah told the court he was innocent. Peter Mensah, 45, was arrested in "
                               "March. His sister Grace Mensah said the family was shocked.")
    found = people(doc)
    assert found["Peter Mensah"] == ["Mensah", "Peter Mensah"]
    assert found["Grace Mensah"] == ["Grace Mensah"]


@pytest.mark.parametrize("text, name, code", [
    ("Kenyan Interior Minister Amos Wekesa said the curfew would be lifted.", "Amos Wekesa", "KENGOV"),
    ("Chidi Okafor, Nigeria's foreign minister, met the envoy on Monday.", "Chidi Okafor", "NGAGOV"),
    ("Foreign Minister Ama Boateng of Ghana welcomed the deal.", "Ama Boateng", "GHAGOV"),
    ("Nigeria's Foreign Minister Chidi Okafor said talks would resume.", "Chidi Okafor", "NGAGOV"),
    ("Amos Wekesa, the Kenyan interior minister, disagreed.", "Amos Wekesa", "KENGOV"),
])
def test_officials_take_the_country_the_text_gives(run_stages, text, name, code):
    found = [e for e in entities(run_stages, text).entities if e.name == name]
    assert [e.code for e in found] == [code]


@pytest.mark.parametrize("text, name", [
    # where weapons go is not the minister's country
    ("Spain will send an air defence battery to Ukraine before winter, Defence Minister Marta Ibarra announced.",
     "Marta Ibarra"),
    # the other country's official in the sentence is not the minister's
    ("Canada expelled a Chinese consular official over what Foreign Minister Claire Dubois called intimidation.",
     "Claire Dubois"),
    # the attackers' country is not the governor's
    ("Russian drones struck an apartment block in Kharkiv, regional governor Oleh Savchenko said.",
     "Oleh Savchenko"),
])
def test_a_title_does_not_take_a_country_the_sentence_names_for_something_else(run_stages, text, name):
    person = next(e for e in entities(run_stages, text).entities if e.name == name)
    assert person.code == "GOV"
