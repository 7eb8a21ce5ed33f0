"""The gold-corpus scorer (corpus/score.py): matching by trigger and type, roles, factuality, dates,
places and quotes, on a hand-made article and hand-made outputs."""

import pytest

from corpus.markup import strip_marks, build_record
from corpus.score import OffsetMap, score

MARKED = (
    "[[Police|T1]] [[arrested|V1]] [[12 protesters|T2]] in [[Lima|P1]] on [[Monday|D1]]. "
    "[[The ministry|T3]] did not [[expel|V2]] [[the envoy|T4]]. "
    "[[Chile|T5]] and [[Peru|T6]] [[met|V3]] in [[Lima|P1]]. "
    "\"[[We will return|Q1]],\" [[the union|T7]] [[said|C1]]."
)
NOTES = {
    "entities": {"T1": {"name": "police", "type": "NOMINAL", "code": "PERCOP"},
                 "T2": {"name": "protesters", "type": "NOMINAL", "code": "PEROPP"},
                 "T3": {"name": "ministry", "type": "NOMINAL", "code": "PERGOV"},
                 "T4": {"name": "envoy", "type": "NOMINAL", "code": None},
                 "T5": {"name": "Chile", "type": "GPE", "code": "CHL"},
                 "T6": {"name": "Peru", "type": "GPE", "code": "PER"},
                 "T7": {"name": "union", "type": "NOMINAL", "code": "PERLAB"}},
    "events": {"V1": {"type": "COERCE", "mode": "arrest", "cameo": "173", "source": ["T1"], "target": ["T2"],
                      "factuality": "asserted", "date": "2025-03-10", "place": "P1"},
               "V2": {"type": "SANCTION", "mode": "expel", "cameo": "166", "source": ["T3"], "target": ["T4"],
                      "factuality": "negated", "date": None, "place": None},
               "V3": {"type": "CONSULT", "mode": None, "cameo": "040", "source": ["T5"], "target": ["T6"],
                      "factuality": "asserted", "date": None, "place": "P1"}},
    "quotes": {"Q1": {"speaker": "T7", "cue": "C1", "kind": "direct"}},
    "places": {"P1": {"name": "Lima", "country": "PE", "lat": -12.04, "lon": -77.03, "geonameid": 3936456}},
    "times": {"D1": {"value": "2025-03-10", "type": "DATE"}},
}
HEADER = {"id": "lima-arrests", "published": "2025-03-12", "publisher": "Test", "style": "wire",
          "countries": "PER", "title": "t"}


@pytest.fixture
def gold():
    text, spans = strip_marks(MARKED)
    return build_record(HEADER, text, spans, NOTES, "test")


def output_for(gold, events, text=None, quotes=()):
    """An eventwire output record whose entities are the gold ones (same spans)."""
    text = gold["text"] if text is None else text
    shift = len(text) - len(gold["text"])
    entities = [{"id": "E" + e["id"][1:], "mentions": [[m["start"] + shift, m["end"] + shift] for m in e["mentions"]]}
                for e in gold["entities"]]
    return {"id": gold["id"], "text": text, "entities": entities, "events": events, "quotes": list(quotes),
            "places": [{"id": "P1", "lat": -12.05, "lon": -77.04, "geonameid": 3936456}]}


def find(gold, words, shift=0):
    start = gold["text"].index(words) + shift
    return [start, start + len(words)]


def test_corpus_score_a_perfect_output_scores_one(gold):
    events = [
        {"type": "COERCE", "trigger": find(gold, "arrested"), "source": ["E1"], "target": ["E2"],
         "date": "2025-03-10", "place": "P1", "negated": False},
        {"type": "SANCTION", "trigger": find(gold, "expel"), "source": ["E3"], "target": ["E4"],
         "negated": True, "modality": "negated"},
        # a symmetric meeting may come out with its sides the other way round
        {"type": "CONSULT", "trigger": find(gold, "met"), "source": ["E6"], "target": ["E5"],
         "date": None, "place": "P1", "negated": False},
    ]
    quotes = [{"span": find(gold, "We will return"), "speaker": "E7"}]
    figures, _ = score([gold], {gold["id"]: output_for(gold, events, quotes=quotes)})
    assert figures["type_micro_f1"] == 1.0 and figures["n_gold"] == 2
    assert figures["source_acc"] == figures["target_acc"] == figures["date_acc"] == figures["place_acc"] == 1.0
    assert figures["factuality_acc"] == 1.0 and figures["n_factuality_judged"] == 3
    assert figures["quotes_f1"] == 1.0 and figures["quote_speaker_acc"] == 1.0


def test_corpus_score_counts_errors_by_kind(gold):
    events = [
        # reversed roles and the wrong date
        {"type": "COERCE", "trigger": find(gold, "arrested"), "source": ["E2"], "target": ["E1"],
         "date": "2025-03-12", "place": None, "negated": False},
        # the negated expulsion asserted
        {"type": "SANCTION", "trigger": find(gold, "expel"), "source": ["E3"], "target": ["E4"], "negated": False},
        # the meeting read as an agreement
        {"type": "AGREE", "trigger": find(gold, "met"), "source": ["E5"], "target": ["E6"], "negated": False},
    ]
    figures, details = score([gold], {gold["id"]: output_for(gold, events)})
    assert (figures["n_matched"], figures["n_gold"], figures["n_pred"]) == (1, 2, 3)
    assert figures["source_acc"] == 0.0 and figures["date_acc"] == 0.0 and figures["place_acc"] == 0.0
    assert figures["factuality_acc"] == 0.5
    assert details["errors"] == {"source and target reversed": 1, "wrong date": 1, "negated event output as asserted": 1,
                                 "right trigger, wrong type": 1, "missed event": 1, "spurious event": 0}
    assert figures["quotes_r"] == 0.0


def test_corpus_score_maps_offsets_of_a_cleaned_text():
    """eventwire may drop a dateline: offsets into its text are mapped onto the gold text."""
    text, spans = strip_marks("LIMA (Test) - " + MARKED)
    gold = build_record(HEADER, text, spans, NOTES, "test")
    cleaned = text.removeprefix("LIMA (Test) - ")
    start = cleaned.index("arrested")
    events = [{"type": "COERCE", "trigger": [start, start + len("arrested")], "source": ["E1"], "target": ["E2"],
               "date": "2025-03-10", "place": "P1", "negated": False}]
    figures, _ = score([gold], {gold["id"]: output_for(gold, events, text=cleaned)})
    assert figures["n_matched"] == 1 and figures["source_acc"] == figures["target_acc"] == 1.0


def test_corpus_score_offset_map_skips_what_cleaning_removed():
    mapping = OffsetMap("Police arrested 12.", "LIMA - Police arrested 12.")
    assert mapping.span(7, 15) == (14, 22)
