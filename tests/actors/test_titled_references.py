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
