"""Actors known by their sector alone ("the army", "police", "protesters", "rebels") take the country
of their clause, else of their sentence, else of the article (dateline, else most place names); a
military not when it may be someone else's."""

from __future__ import annotations

import pytest

from eventwire.model import Article

from .helpers import entities, entity_with, texts


def code_of(doc, mention):
    return entity_with(doc, mention).code


def test_sector_actors_take_the_dateline_country(run_stages):
    doc = entities(run_stages, "BOGOTA, May 2 (Andes Wire) - The army said on Tuesday it had killed six "
                               "rebels in a raid. Soldiers also seized weapons and explosives.")
    assert code_of(doc, "army") == "COLMIL"
    assert code_of(doc, "six rebels") == "COLREB"
    assert code_of(doc, "Soldiers") == "COLMIL"
    # the dateline is where the reporter is: no actor, and no capital standing for a government
    assert not [e for e in doc.entities if "BOGOTA" in texts(doc, e)]


def test_a_dateline_cut_by_cleaning_still_sets_the_country(pipeline):
    doc = pipeline(Article(id="t", source="test", published="2024-03-13",
                           text="NAIROBI, March 12 (Rift Valley Wire) - Police fired tear gas on Tuesday "
                                "to break up a march by hundreds of teachers demanding higher pay."))
    assert [r.kind for r in doc.removed] == ["dateline"]
    assert code_of(doc, "Police") == "KENCOP"


def test_the_clause_country_beats_the_dateline(run_stages):
    doc = entities(run_stages, "NAIROBI, March 3 (Rift Wire) - Trade ministers met in the capital on Tuesday "
                               "to discuss tariffs. In Kampala, police arrested 20 protesters outside "
                               "the central market.")
    assert code_of(doc, "police") == "UGACOP"
    assert code_of(doc, "20 protesters") == "UGAOPP"


def test_without_a_dateline_the_country_most_places_lie_in(run_stages):
    doc = entities(run_stages, "The army imposed a curfew on Friday after a week of clashes. Shops in "
                               "Kano and Kaduna stayed shut, and flights from Abuja were suspended.")
    assert code_of(doc, "army") == "NGAMIL"


def test_places_split_between_countries_give_no_article_country(run_stages):
    doc = entities(run_stages, "The army imposed a curfew on Friday. Flights between Nairobi and "
                               "Kampala were suspended.")
    assert code_of(doc, "army") == "MIL"


def test_two_armies_stay_two_and_a_bare_one_between_them_stays_bare(run_stages):
    doc = entities(run_stages, "Venezuelan troops massed on the border on Sunday, while the Colombian "
                               "army reinforced its posts near Cucuta. Soldiers on both sides said they "
                               "were ready.")
    assert code_of(doc, "Venezuelan troops") == "VENMIL"
    assert code_of(doc, "Colombian army") == "COLMIL"
    assert code_of(doc, "Soldiers") == "MIL"


def test_a_foreign_army_named_leaves_other_soldiers_bare(run_stages):
    doc = entities(run_stages, "Russian troops shelled Kharkiv overnight, Ukrainian officials said. "
                               "Soldiers also fired on a convoy near Izium.")
    assert code_of(doc, "Russian troops") == "RUSMIL"
    assert code_of(doc, "Soldiers") == "MIL"


@pytest.mark.parametrize("text, mention", [
    ("Troops were sent to Mali last year to guard the mines.", "Troops"),  # where they go
    ("Foreign troops patrolled the streets of Kabul on Monday.", "Foreign troops"),  # plainly not Afghan
])
def test_a_military_that_may_be_another_countrys_stays_bare(run_stages, text, mention):
    assert code_of(entities(run_stages, text), mention) == "MIL"


@pytest.mark.parametrize("text, mention, code", [
    ("Chad said on Monday that it would withdraw its troops from Mali.", "troops", "TCDMIL"),
    ("Russia's defence ministry said its forces had captured the village of Vovchenka.", "forces", "RUSMIL"),
])
def test_forces_owned_by_a_pronoun_are_the_forces_of_whom_it_points_to(run_stages, text, mention, code):
    assert code_of(entities(run_stages, text), mention) == code


def test_a_pronoun_owned_force_is_not_merged_with_another_force_told_before(run_stages):
    doc = entities(run_stages, "Ukraine's air force said it had shot down 40 drones. Russia's defence ministry "
                               "said its forces had captured the village of Vovchenka.")
    assert code_of(doc, "forces") == "RUSMIL" and code_of(doc, "Ukraine's air force") == "UKRMIL"


def test_a_demonym_owning_another_actor_says_nothing_about_a_sector_actor(run_stages):
    # the soldiers are Israeli; the protesters are not, though the sentence names no other country
    doc = entities(run_stages, "Israeli soldiers shot three Palestinian protesters, medics said.")
    assert code_of(doc, "Israeli soldiers") == "ISRMIL"
    assert code_of(doc, "medics") == "HLH"


def test_a_place_the_parser_missed_still_sets_the_clause_country(run_stages):
    # the dateline says Russia, but the police are where they act
    doc = entities(run_stages, "MOSCOW, July 19 (Northern Wire) - Police in Kyiv detained 12 people on "
                               "Friday, a Ukrainian official said.")
    assert code_of(doc, "Police") == "UKRCOP"


def test_where_people_go_is_not_their_country(run_stages):
    doc = entities(run_stages, "KAMPALA, May 6 (Lakes Wire) - About 300 people fled across the border into "
                               "Kenya on Tuesday.")
    assert code_of(doc, "About 300 people") == "UGACVL"


@pytest.mark.parametrize("text, mention, code", [
    ("Police arrested 14 young men on Namirembe Road in Kampala on Wednesday night.", "14 young men", "UGACVL"),
    ("Officers detained two suspects in Kampala on Monday.", "two suspects", "UGACVL"),
    ("Officers detained two suspects in Kampala on Monday.", "Officers", "UGACOP"),
])
def test_people_named_by_what_they_are_are_actors(run_stages, text, mention, code):
    assert code_of(entities(run_stages, text), mention) == code


@pytest.mark.parametrize(("text", "mention", "code"), [
    ("Soldiers shot dead a civilian at the cattle market in Kano on Tuesday.", "civilian", "NGACVL"),
    ("Police in Kano said a hostage escaped from the camp on Sunday.", "hostage", "NGACVL"),
    ("Police in Kano arrested the driver of the lorry on Friday.", "driver", "NGALAB"),
    ("A protester was shot dead outside the governor's office in Kano.", "protester", "NGAOPP"),
])
def test_one_person_named_by_what_they_are_is_an_actor(run_stages, text, mention, code):
    # the singular of a group word ("traders", "hostages") is a person of its sector
    assert code_of(entities(run_stages, text), mention) == code
