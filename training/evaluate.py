"""Score the event stage on a split, reusing the cached reading up to quotes: what `make model`
reports after training, and how the fusion thresholds are chosen on dev.

    python -m training.evaluate dev            # with the shipped models
    python -m training.evaluate dev --no-model # the dictionary and rules alone
"""

from __future__ import annotations

import argparse
import copy
import json

from corpus.score import score
from eventwire.events.stage import EventCoder
from eventwire.settings import Settings

from .documents import split_documents

SHOWN = ("type_micro_f1", "type_macro_f1", "type_p", "type_r", "source_acc", "target_acc", "factuality_acc",
         "counted_acc", "date_acc", "place_acc")


def evaluate(split: str, event_models: bool = True) -> dict:
    coder = EventCoder(Settings(event_models=event_models))
    golds, outputs = [], {}
    for gold, doc in split_documents(split):
        doc = copy.copy(doc)
        coder(doc)
        golds.append(gold)
        outputs[gold["id"]] = doc.to_record()
    figures, _ = score(golds, outputs)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("split", choices=("train", "dev", "test"))
    parser.add_argument("--no-model", action="store_true")
    args = parser.parse_args()
    figures = evaluate(args.split, not args.no_model)
    print(json.dumps({key: figures[key] for key in SHOWN}))


if __name__ == "__main__":
    main()
