"""Train the event models on the corpus's train split, choose on dev, write the weights.

    python -m training.events            # train, report dev figures, write src/eventwire/events/weights/
    python -m training.events --compare  # also compare the type model's representations on dev
"""

from __future__ import annotations

import argparse
import time
from collections import Counter

import numpy as np

from corpus.vocab import TYPES
from eventwire.events.calibration import RIGHT
from eventwire.events.dating import CANDIDATES
from eventwire.events.features import VECTOR_PARTS
from eventwire.events.learned import EventModels
from eventwire.events.linear import WEIGHTS
from eventwire.events.stage import EventCoder
from eventwire.settings import Settings

from .confidence import WRONG, confidence_examples
from .dates import date_examples
from .documents import split_documents
from .examples import NONE, Examples, article_examples
from .softmax import fit_temperature, train, train_ranker

SEED = 13
FACTUALITY = ("asserted", "negated", "denied", "hypothetical", "future", "alleged")
# The type model's representations compared on dev: named features alone, or with parts of the
# dense vector (eventwire.events.features.VECTOR_PARTS). The shipped model reads the whole vector.
REPRESENTATIONS = {"words+parse": (), "words+parse+spaCy context": ("spaCy context",),
                   "words+parse+MiniLM meaning": ("trigger meaning", "object meaning"),
                   "words+parse+MiniLM meaning+spaCy context": ("trigger meaning", "object meaning", "spaCy context")}
CHOSEN = "words+parse+MiniLM meaning+spaCy context"
VECTOR_WIDTH = VECTOR_PARTS["spaCy context"].stop


def build(split: str) -> tuple[Examples, Examples, Examples]:
    types, factuality, roles = Examples(), Examples(), Examples()
    for gold, doc in split_documents(split):
        article_examples(gold, doc, types, factuality, roles)
    return types, factuality, roles


def event_f1(model, examples: Examples, vectors) -> tuple[float, float]:
    """Micro-F1 of events (not "none") and accuracy, candidate by candidate."""
    tp = fp = fn = right = 0
    for i, features in enumerate(examples.features):
        probs = model.probabilities(features, vectors[i] if vectors is not None else None)
        guess, gold = max(probs, key=probs.get), examples.labels[i]
        right += guess == gold
        if guess != NONE:
            tp += guess == gold
            fp += guess != gold
        if gold != NONE and guess != gold:
            fn += 1
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return round(f1, 3), round(right / max(1, len(examples.labels)), 3)


def ranker_accuracy(model, groups) -> float:
    right = sum(int(np.argmax([model.logits(row)[0] for row in group])) in wanted for group, wanted in groups)
    return round(right / max(1, len(groups)), 3)


def fitted(train_set: Examples, dev_set: Examples, labels: tuple[str, ...], columns: list[int] | None, **options):
    """A model trained on train, its temperature fitted on dev; `columns` of the dense vector it reads."""
    train_vectors = train_set.matrix()[:, columns] if columns else None
    dev_vectors = dev_set.matrix()[:, columns] if columns else None
    model = train(train_set.features, train_set.labels, labels, train_vectors, seed=SEED, **options)
    model.temperature = fit_temperature(model, dev_set.features, dev_set.labels, dev_vectors)
    return model, dev_vectors


def train_type_model(train_types: Examples, dev_types: Examples, compare: bool):
    """The type model of the chosen representation (and, with `compare`, a report of each)."""
    chosen = None
    for name, parts in (REPRESENTATIONS if compare else {CHOSEN: REPRESENTATIONS[CHOSEN]}).items():
        columns = [c for part in parts for c in range(*VECTOR_PARTS[part].indices(VECTOR_WIDTH))]
        model, dev_vectors = fitted(train_types, dev_types, (*TYPES, NONE), columns, min_count=1)
        print(f"type model ({name}): dev candidate event F1, accuracy = {event_f1(model, dev_types, dev_vectors)}"
              f", T={model.temperature}")
        chosen = model if name == CHOSEN else chosen
    return chosen


def train_rankers(train_roles: Examples, dev_roles: Examples) -> dict:
    rankers = {}
    for side in ("source", "target"):
        groups, wanted = zip(*train_roles.groups[side])
        rankers[side] = train_ranker(list(groups), list(wanted), seed=SEED, l2=1e-2, min_count=2)
        print(f"roles ({side}): dev top-1 right", ranker_accuracy(rankers[side], dev_roles.groups[side]))
    return rankers


def train_date_model(models: EventModels):
    """The date model, learned from the events the stage codes with the other models."""
    coder = EventCoder(Settings())
    coder.models = models
    train_dates, dev_dates = date_examples("train", coder), date_examples("dev", coder)
    # 10 epochs: in the middle of the plateau dev showed (8-12: 0.771-0.774; 20: 0.761, overfitting)
    date_model, _ = fitted(train_dates, dev_dates, CANDIDATES, None, min_count=1, epochs=10)
    print(f"dates: {len(train_dates.labels)}/{len(dev_dates.labels)} examples, dev accuracy",
          event_f1(date_model, dev_dates, None)[1], "rules alone",
          round(dev_dates.labels.count("rules") / max(1, len(dev_dates.labels)), 3))
    return date_model


def train_confidence_model(models: EventModels):
    """The confidence curve: a logistic curve over the structural score fitted on dev, the split
    calibration is chosen on (two parameters; on train the models' own events look better than
    they are), its calibration error measured by fitting on one half of dev and scoring the other."""
    coder = EventCoder(Settings())
    coder.models = models
    dev_set = confidence_examples("dev", coder)
    vectors = dev_set.matrix()

    def fit(rows):
        return train([[] for _ in rows], [dev_set.labels[i] for i in rows], (RIGHT, WRONG), vectors[rows],
                     seed=SEED, epochs=200, rate=0.05, min_count=1)

    halves = (list(range(0, len(vectors), 2)), list(range(1, len(vectors), 2)))
    held_out = []
    for fitted_on, scored in (halves, halves[::-1]):
        half = fit(fitted_on)
        held_out += [(half.probabilities([], vectors[i])[RIGHT], dev_set.labels[i]) for i in scored]
    model = fit(list(range(len(vectors))))
    print(f"confidence: {len(dev_set.labels)} dev events, right", round(dev_set.labels.count(RIGHT) / len(vectors), 3),
          "ECE structural", expected_calibration_error([float(v[0]) for v in vectors], dev_set.labels),
          "ECE calibrated (two-fold on dev)", expected_calibration_error(*map(list, zip(*held_out))))
    return model


def expected_calibration_error(probabilities: list[float], labels: list[str], bins: int = 10) -> float:
    """The mean gap between predicted and observed rates of right events over ten probability bins,
    weighted by the bins' sizes."""
    total, gap = len(labels), 0.0
    for low in range(bins):
        members = [(p, label == RIGHT) for p, label in zip(probabilities, labels)
                   if low / bins <= p < (low + 1) / bins or (low == bins - 1 and p == 1.0)]
        if members:
            gap += abs(sum(p for p, _ in members) - sum(right for _, right in members))
    return round(gap / max(1, total), 3)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--compare", action="store_true", help="compare type representations on dev")
    parser.add_argument("--dry-run", action="store_true", help="report, write no weights")
    args = parser.parse_args()
    started = time.time()
    train_types, train_fact, train_roles = build("train")
    dev_types, dev_fact, dev_roles = build("dev")
    print(f"examples: type {len(train_types.labels)}/{len(dev_types.labels)}, factuality "
          f"{len(train_fact.labels)}/{len(dev_fact.labels)}, role groups "
          f"{len(train_roles.groups['source'])}/{len(dev_roles.groups['source'])} ({time.time() - started:.0f}s)")
    type_model = train_type_model(train_types, dev_types, args.compare)
    fact_model, _ = fitted(train_fact, dev_fact, FACTUALITY, None, min_count=1, epochs=20)
    print("factuality: dev accuracy", event_f1(fact_model, dev_fact, None)[1],
          "majority", round(Counter(dev_fact.labels)["asserted"] / len(dev_fact.labels), 3))
    rankers = train_rankers(train_roles, dev_roles)
    date_model = train_date_model(EventModels(type_model, fact_model, rankers))
    confidence_model = train_confidence_model(EventModels(type_model, fact_model, rankers, date_model))
    if not args.dry_run:
        WEIGHTS.mkdir(exist_ok=True)
        for name, model in (("type", type_model), ("factuality", fact_model), ("roles_source", rankers["source"]),
                            ("roles_target", rankers["target"]), ("date", date_model),
                            ("confidence", confidence_model)):
            model.save(WEIGHTS / f"{name}.npz")
    print(f"done in {time.time() - started:.0f}s")


if __name__ == "__main__":
    np.seterr(over="ignore")
    main()
