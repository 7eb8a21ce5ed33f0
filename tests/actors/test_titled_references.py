"""A definite title ("the minister") points back to the person named with that title, however far
back in the article; it is never someone named with another title."""

from __future__ import annotations

from .helpers import entities, texts


def test_the_minister_is_the_minister_named_before(run_stages):
    doc = entities(run_stages, "Interior Minister Rose Kiprono accused opposition politicians of paying youths. "
                               "Traders closed their shops on Monday. The union refused to attend a meeting with "
                               "the minister on Friday.")
    kiprono = next(e for e in doc.entities if e.name == "Rose Kiprono")
    assert texts(doc, kiprono) == ["Rose Kiprono", "the minister"]


def test_the_minister_is_not_a_person_named_with_another_title(run_stages):
    doc = entities(run_stages, "Governor Ali Musa visited the camp on Monday. The minister did not attend.")
    musa = next(e for e in doc.entities if e.name == "Ali Musa")
    assert texts(doc, musa) == ["Ali Musa"]


def test_a_title_with_no_name_is_an_actor_of_its_sector(run_stages):
    doc = entities(run_stages, "The army freed the commander on Monday. Seck thanked the governor of the region.")
    assert {(e.name, e.code) for e in doc.entities} >= {("commander", "MIL"), ("governor", "GOV")}


def test_the_minister_named_before_takes_the_unnamed_title_mention(run_stages):
    doc = entities(run_stages, "Interior Minister Rose Kiprono visited Kisumu. Protesters booed the minister.")
    kiprono = next(e for e in doc.entities if e.name == "Rose Kiprono")
    assert texts(doc, kiprono) == ["Rose Kiprono", "the minister"]
    assert [e.name for e in doc.entities if e.code == "GOV" and e.type != "PERSON"] == []


def test_a_spokesman_for_a_group_is_no_actor_of_his_own(run_stages):
    doc = entities(run_stages, "A spokesman for the rebels denied the report.")
    assert [e.name for e in doc.entities] == ["rebels"]
