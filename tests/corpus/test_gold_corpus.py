"""The gold corpus is valid: every marked file reads and passes the validator (offsets inside the
text and equal to the span text; types, modes, CAMEO codes and factuality from the vocabularies;
every event with a trigger; ids unique), corpus/gold/ is what the marked files build to, and the
split is the one each article's id fixes. Then the corpus is as large and as varied as its issue
asked."""


import pytest

from corpus.__main__ import GOLD, MARKED, gold_lines
from corpus.agreement import agreement
from corpus.markup import MarkupError, build_record, read_marked, split_of, strip_marks
from corpus.stats import corpus_counts
from corpus.validate import corpus_problems, problems, read_gold
from corpus.vocab import TYPES

MARKED_FILES = sorted(MARKED.rglob("*.txt"))
SECOND_PASS_FILES = sorted((MARKED.parent / "second_pass").rglob("*.txt"))


@pytest.fixture(scope="module")
def records():
    return [read_marked(path) for path in MARKED_FILES]


@pytest.mark.parametrize("path", MARKED_FILES, ids=lambda p: p.stem)
def test_gold_article_is_valid(path):
    assert problems(read_marked(path)) == []


def test_gold_ids_are_unique_and_splits_fixed(records):
    assert corpus_problems(records) == []


def test_gold_files_are_what_the_marked_files_build_to(records):
    for split, lines in gold_lines(records).items():
        assert (GOLD / f"{split}.jsonl").read_text(encoding="utf-8").splitlines() == lines, split


def test_gold_split_is_fixed_by_the_id():
    # pinned: a change to the rule would move articles between train, dev and test
    assert [split_of(i) for i in ("kenya-fuel-protest-nairobi", "a", "b", "c", "d", "e")] == \
        ["dev", "test", "train", "test", "train", "train"]
    for split in ("train", "dev", "test"):
        assert {r["split"] for r in read_gold(GOLD / f"{split}.jsonl")} == {split}


def test_gold_split_is_sixty_twenty_twenty(records):
    share = {s: sum(r["split"] == s for r in records) / len(records) for s in ("train", "dev", "test")}
    assert 0.55 <= share["train"] <= 0.65 and 0.15 <= share["dev"] <= 0.25 and 0.15 <= share["test"] <= 0.25


def test_gold_corpus_is_as_large_and_varied_as_asked(records):
    counts = corpus_counts(records)
    assert counts["articles"] >= 400 and counts["sentences"] >= 3000 and counts["events"] >= 2500
    assert min(counts["types"].get(t, 0) for t in TYPES) >= 60
    assert counts["sentences_without_event"] >= counts["sentences"] / 4
    assert counts["countries"] >= 50
    assert len(counts["styles"]) >= 6


def test_gold_second_pass_is_valid_and_annotates_the_corpus_own_text(records):
    texts = {r["id"]: r["text"] for r in records}
    seconds = [read_marked(path) for path in SECOND_PASS_FILES]
    assert len(seconds) >= len(records) // 10
    assert [p for second in seconds for p in problems(second)] == []
    assert all(texts[second["id"]] == second["text"] for second in seconds)


def test_gold_second_pass_agrees_with_the_corpus(records):
    figures, _ = agreement(records, [read_marked(path) for path in SECOND_PASS_FILES])
    assert figures["type_agreement"] >= 0.85 and figures["event_f1"] >= 0.8


HEADER = {"id": "t-article", "published": "2025-01-02", "publisher": "P", "style": "wire", "countries": "KEN",
          "title": "t"}
ENTITIES = {"T1": {"name": "police", "type": "NOMINAL", "code": "KENCOP"}}


def event(**fields):
    return {"type": "COERCE", "mode": "arrest", "cameo": "173", "source": ["T1"], "target": [],
            "factuality": "asserted", "date": None, "place": None, **fields}


@pytest.mark.parametrize("fields, message", [
    ({"type": "ARREST"}, "not a PLOVER type"),
    ({"mode": "beat"}, "is not a mode of COERCE"),
    ({"cameo": "190"}, "does not go with COERCE"),
    ({"cameo": "9999"}, "not a CAMEO event code"),
    ({"source": ["T9"]}, "not an entity of the article"),
    ({"factuality": "likely"}, "factuality 'likely'"),
    ({"date": "March 2025"}, "not YYYY"),
    ({"place": "P4"}, "not a place of the article"),
    ({"same_as": "V1"}, "not another event"),
])
def test_gold_validator_names_the_item_and_the_problem(fields, message):
    text, spans = strip_marks("[[Police|T1]] [[arrested|V1]] two men.")
    record = build_record(HEADER, text, spans, {"entities": ENTITIES, "events": {"V1": event(**fields)}}, "t")
    found = problems(record)
    assert len(found) == 1 and found[0].startswith("t-article V1:") and message in found[0]


def test_gold_validator_catches_an_offset_that_is_not_the_span_text():
    text, spans = strip_marks("[[Police|T1]] [[arrested|V1]] two men.")
    record = build_record(HEADER, text, spans, {"entities": ENTITIES, "events": {"V1": event()}}, "t")
    record["events"][0]["trigger"]["start"] += 1
    assert problems(record) == ["t-article V1: span text 'arrested' is not the text at 8-15"]


def test_gold_validator_wants_a_trigger_for_every_event():
    text, spans = strip_marks("[[Police|T1]] arrested two men.")
    record = build_record(HEADER, text, spans, {"entities": ENTITIES, "events": {"V1": event()}}, "t")
    assert problems(record) == ["t-article V1: event has no trigger marked in the text"]


@pytest.mark.parametrize("marked, message", [
    ("[[Police|T1] arrested", "never closed"),
    ("Police|T1]] arrested", "closes nothing"),
    ("Police arrested them | and more", "stray"),
])
def test_gold_markup_errors_name_the_problem(marked, message):
    with pytest.raises(MarkupError, match=message):
        strip_marks(marked)


def test_gold_split_tampering_is_caught():
    record = {"id": "kenya-fuel-protest-nairobi", "split": "train"}
    assert corpus_problems([record]) == ["kenya-fuel-protest-nairobi: split 'train', but its id fixes 'dev'"]
