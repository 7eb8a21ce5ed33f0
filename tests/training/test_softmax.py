"""The numpy trainers behind `make model` learn what they are shown, and what they write loads back."""

from __future__ import annotations

import numpy as np

from eventwire.events.linear import LinearModel
from training.softmax import fit_temperature, train, train_ranker

WORDS = {"attack": "ASSAULT", "shell": "ASSAULT", "meet": "CONSULT", "visit": "CONSULT", "say": "none"}


def best(probabilities: dict[str, float]) -> str:
    return max(probabilities, key=probabilities.get)


def examples():
    features, labels = [], []
    for word, label in WORDS.items():
        for subject in ("army", "rebels", "minister"):
            features.append([f"l={word}", f"subj={subject}"])
            labels.append(label)
    return features, labels


def test_a_softmax_model_learns_its_labels_and_saves_and_loads(tmp_path):
    features, labels = examples()
    model = train(features, labels, ("ASSAULT", "CONSULT", "none"), epochs=30, rate=0.1, min_count=1)
    guesses = [best(model.probabilities(f)) for f in features]
    assert guesses == labels
    model.save(tmp_path / "m.npz")
    loaded = LinearModel.load(tmp_path / "m.npz")
    # weights are stored as float16: the probabilities agree to about three places
    assert np.allclose(list(loaded.probabilities(features[0]).values()),
                       list(model.probabilities(features[0]).values()), atol=2e-3)
    assert loaded.strongest(features[0], "ASSAULT", 1) == [("l=attack", loaded.strongest(features[0], "ASSAULT")[0][1])]


def test_a_dense_vector_is_read_beside_the_named_features():
    features = [["bias"]] * 40
    vectors = np.array([[1.0, 0.0]] * 20 + [[0.0, 1.0]] * 20, dtype=np.float32)
    labels = ["ASSAULT"] * 20 + ["CONSULT"] * 20
    model = train(features, labels, ("ASSAULT", "CONSULT"), vectors, epochs=30, rate=0.1, min_count=1)
    assert best(model.probabilities(["bias"], vectors[0])) == "ASSAULT"
    assert best(model.probabilities(["bias"], vectors[-1])) == "CONSULT"


def test_the_fitted_temperature_softens_an_overconfident_model():
    features, labels = examples()
    model = train(features, labels, ("ASSAULT", "CONSULT", "none"), epochs=60, rate=0.3, min_count=1)
    noisy = labels[:-3] + ["ASSAULT"] * 3  # held-out labels the model gets wrong
    assert fit_temperature(model, features, noisy) > 1.0


def test_a_ranker_puts_the_gold_candidate_first():
    groups, gold = [], []
    for n in range(30):
        group = [["null"], ["path=nsubj^", f"noise={n % 3}"], ["path=dobj^", f"noise={(n + 1) % 3}"]]
        groups.append(group)
        gold.append({1})
    model = train_ranker(groups, gold, epochs=10, min_count=1)
    scores = [model.logits(row)[0] for row in groups[0]]
    assert int(np.argmax(scores)) == 1


def test_expected_calibration_error_is_the_weighted_gap_per_bin():
    from training.events import expected_calibration_error

    assert expected_calibration_error([0.95, 0.95], ["right", "right"]) == 0.05
    assert expected_calibration_error([0.25, 0.25, 0.25, 0.25], ["right", "wrong", "wrong", "wrong"]) == 0.0
    assert expected_calibration_error([0.9, 0.1], ["wrong", "right"]) == 0.9
