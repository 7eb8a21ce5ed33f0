"""The trained event models fused with the dictionary (eventwire.events.learned): what the model
adds, drops and retypes, what it never overrides, and that the shipped weights load fast."""

from __future__ import annotations

import time

import pytest

from eventwire.events import learned
from eventwire.events.dating import DateIndex
from eventwire.events.learned import ROOT_CAMEO, EventModels, decide_type, model_pattern
from eventwire.events.linear import shipped
from eventwire.events.verb_patterns import Pattern
from eventwire.explain import explain, render
from eventwire.model import Article
from eventwire.pipeline import Pipeline
from eventwire.settings import Settings

LEAD = "Police arrested six men in Kano on Monday.\n\n"


def coded(run_stages, text):
    doc = run_stages(text, upto="events", published="2025-03-10")
    names = {e.id: e.name for e in doc.entities}
    return [(e.type, e.cameo, e.pattern, [names[i] for i in e.source], [names[i] for i in e.target])
            for e in doc.events]


def probabilities(**given) -> dict[str, float]:
    rest = (1.0 - sum(given.values())) / (17 - len(given))
    return {label: given.get(label, rest) for label in (*ROOT_CAMEO, "none")}


def test_the_shipped_models_load_within_three_seconds():
    shipped.cache_clear()
    started = time.perf_counter()
    models = EventModels.shipped()
    assert time.perf_counter() - started < 3.0
    assert models.type_model and models.factuality_model and models.date_model
    assert set(models.role_models) == {"source", "target"}


def test_a_type_the_model_is_sure_of_with_no_pattern_is_an_event_with_the_root_cameo_code(run_stages):
    rows = coded(run_stages, "Poland summoned the Belarusian charge d'affaires on Friday over the balloons.")
    assert ("ACCUSE", "110", "", ["Poland"], ["Belarus"]) in rows


def test_after_the_lead_a_pattern_the_model_rejects_is_dropped(run_stages):
    text = LEAD + "The team attacked relentlessly in the second half but could not score."
    assert [row[0] for row in coded(run_stages, text)] == ["COERCE"]


def test_after_the_lead_a_pattern_the_model_reads_as_another_type_is_retyped(run_stages):
    text = LEAD + "Hungary flew 30 tonnes of food to Armenia on Tuesday."
    assert ("AID", "070", "", ["Hungary"], ["Armenia"]) in coded(run_stages, text)


def test_in_the_lead_the_dictionary_reading_stands(run_stages):
    assert coded(run_stages, "Hungary flew 30 tonnes of food to Armenia on Tuesday.")[0][:3] == \
        ("CONSULT", "042", "fly to")


def test_a_storm_is_no_event(run_stages):
    assert coded(run_stages, LEAD + "A storm battered the coast of Mozambique on Sunday.") == \
        coded(run_stages, LEAD.strip())


@pytest.fixture(scope="module")
def token(nlp):
    return nlp("The army shelled the town.")[2]


def test_decide_type_keeps_a_users_pattern_and_a_flagged_act_whatever_the_model_says(token):
    user = Pattern("shell", "ASSAULT", None, (), "190", "", nominal=False, lemma="shell", builtin=False)
    builtin = Pattern("shell", "ASSAULT", None, (), "190", "", nominal=False, lemma="shell")
    sure_none = probabilities(none=0.99)
    assert decide_type(user, token, sure_none)[0] is user
    assert decide_type(builtin, token, sure_none, flagged=True)[0] is builtin


def test_decide_type_adds_only_what_the_model_is_sure_of(token):
    assert decide_type(None, token, probabilities(ASSAULT=0.9))[0] == model_pattern(token, "ASSAULT")
    assert decide_type(None, token, probabilities(ASSAULT=learned.NEW_EVENT_MIN - 0.1))[0] is None
    assert decide_type(None, token, None) == (None, "dictionary only (no trained model)", None)


def test_a_users_verbs_file_still_codes_what_the_model_would_not(tmp_path):
    verbs = tmp_path / "verbs.tsv"
    verbs.write_text("stonewall\tREJECT\tmeet\t\t125\t\n", encoding="utf-8")
    text = LEAD + "The rebels stonewalled the negotiations with the government on Tuesday."
    pipeline = Pipeline(Settings(verbs_files=[verbs]), ["verbatim", "parse", "entities", "time", "places", "quotes",
                                                        "events"])
    doc = pipeline(Article(id="t", source="test", text=text, published="2025-03-10"))
    assert [(e.type, e.cameo, e.pattern) for e in doc.events if e.type == "REJECT"] == [("REJECT", "125", "stonewall")]


@pytest.mark.parametrize("text", ["The interior ministry released a statement on Monday.",
                                  "The president dismissed his cabinet on Tuesday."])
def test_the_dictionary_says_what_is_no_event(run_stages, text):
    # "release +statement	-": no release of prisoners, and no event the type model would make of it
    assert run_stages(text, upto="events", published="2025-03-10").events == []


def test_a_users_verbs_file_can_say_a_word_is_no_event(tmp_path):
    verbs = tmp_path / "verbs.tsv"
    verbs.write_text("attack +problem\t-\n", encoding="utf-8")
    text = "The new government attacked the problem of youth unemployment on Tuesday."
    steps = ["verbatim", "parse", "entities", "time", "places", "quotes", "events"]
    article = Article(id="t", source="test", text=text, published="2025-03-10")
    assert [e.type for e in Pipeline(Settings(), steps)(article).events] == ["ASSAULT"]
    assert Pipeline(Settings(verbs_files=[verbs]), steps)(article).events == []


def test_explain_shows_the_models_readings_beside_the_dictionarys():
    report = explain("Two journalists were arrested in Harare on Monday.", Settings(), published="2025-03-10")
    arrested = next(row for row in report["lookups"] if row["text"] == "arrested")
    assert arrested["matched"] == "arrest" and max(arrested["model"], key=arrested["model"].get) == "COERCE"
    text = render(report)
    for line in ("model COERCE", "factuality (model)", "roles (model)", "date (model)"):
        assert line in text


def test_the_date_model_is_offered_the_news_day_after_the_sentence_that_tells_it(run_stages):
    doc = run_stages("Police clashed with protesters outside parliament in London on Tuesday.\n\n"
                     "The law was passed in January after months of debate.\n\n"
                     "Forty-three people were detained, a police spokeswoman said.\n\n"
                     "After the talks collapsed on Friday, the union called a new strike.",
                     upto="events", published="2025-03-13")
    index = DateIndex(doc)
    offers = {doc.text[e.trigger[0]:e.trigger[1]]: index.candidates(e) for e in doc.events}
    assert offers["detained"]["lead"] == "2025-03-11"  # the news day, past January
    assert offers["detained"]["last told"] == "2025-01"
    assert offers["clashed"]["lead"] is None  # its own sentence tells its date, or another clause's
