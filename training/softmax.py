"""Multinomial logistic regression over named binary features and an optional dense vector,
trained with Adam on minibatches in plain numpy (no training framework needed), with a fixed seed."""

from __future__ import annotations

from collections import Counter

import numpy as np

from eventwire.events.linear import LinearModel


def _vocabulary(examples: list[list[str]], min_count: int) -> dict[str, int]:
    counts = Counter(f for features in examples for f in set(features))
    kept = sorted(f for f, n in counts.items() if n >= min_count)
    return {f: i for i, f in enumerate(kept)}


def _index_matrix(examples: list[list[str]], index: dict[str, int]) -> np.ndarray:
    """(examples, widest) feature rows, padded with the all-zero row len(index)."""
    rows = [sorted({index[f] for f in features if f in index}) for features in examples]
    width = max((len(r) for r in rows), default=1) or 1
    matrix = np.full((len(rows), width), len(index), dtype=np.int64)
    for i, row in enumerate(rows):
        matrix[i, :len(row)] = row
    return matrix


def train(examples: list[list[str]], labels: list[str], label_set: tuple[str, ...],
          vectors: np.ndarray | None = None, epochs: int = 12, rate: float = 0.02, l2: float = 1e-6,
          min_count: int = 2, batch: int = 128, seed: int = 0, weight: dict[str, float] | None = None) -> LinearModel:
    rng = np.random.default_rng(seed)
    index = _vocabulary(examples, min_count)
    rows = _index_matrix(examples, index)
    y = np.array([label_set.index(label) for label in labels])
    n_labels = len(label_set)
    sample_weight = np.array([(weight or {}).get(label, 1.0) for label in labels], dtype=np.float32)
    params = {"W": np.zeros((len(index) + 1, n_labels), np.float32), "b": np.zeros(n_labels, np.float32)}
    if vectors is not None:
        params["D"] = np.zeros((vectors.shape[1], n_labels), np.float32)
    moments = {k: (np.zeros_like(v), np.zeros_like(v)) for k, v in params.items()}
    step = 0
    for _ in range(epochs):
        order = rng.permutation(len(y))
        for start in range(0, len(y), batch):
            chosen = order[start:start + batch]
            logits = params["W"][rows[chosen]].sum(axis=1) + params["b"]
            if vectors is not None:
                logits += vectors[chosen] @ params["D"]
            logits -= logits.max(axis=1, keepdims=True)
            probs = np.exp(logits)
            probs /= probs.sum(axis=1, keepdims=True)
            probs[np.arange(len(chosen)), y[chosen]] -= 1.0
            grad_out = probs * sample_weight[chosen, None] / len(chosen)
            grads = {"W": np.zeros_like(params["W"]), "b": grad_out.sum(axis=0)}
            np.add.at(grads["W"], rows[chosen], grad_out[:, None, :])
            grads["W"][-1] = 0.0
            grads["W"] += l2 * params["W"]
            if vectors is not None:
                grads["D"] = vectors[chosen].T @ grad_out + l2 * params["D"]
            step += 1
            for key, grad in grads.items():
                m, v = moments[key]
                m *= 0.9
                m += 0.1 * grad
                v *= 0.999
                v += 0.001 * grad * grad
                params[key] -= rate * (m / (1 - 0.9 ** step)) / (np.sqrt(v / (1 - 0.999 ** step)) + 1e-8)
    return LinearModel(labels=label_set, index=index, weights=params["W"][:-1], bias=params["b"],
                       dense=params.get("D"))


def fit_temperature(model: LinearModel, examples: list[list[str]], labels: list[str],
                    vectors: np.ndarray | None = None) -> float:
    """The temperature that minimises the negative log-likelihood of held-out examples."""
    logits = np.array([model.logits(f, vectors[i] if vectors is not None else None) for i, f in enumerate(examples)])
    y = np.array([model.labels.index(label) for label in labels])
    best = (float("inf"), 1.0)
    for temperature in np.arange(0.5, 4.01, 0.1):
        scaled = logits / temperature
        scaled -= scaled.max(axis=1, keepdims=True)
        log_probs = scaled - np.log(np.exp(scaled).sum(axis=1, keepdims=True))
        best = min(best, (float(-log_probs[np.arange(len(y)), y].mean()), round(float(temperature), 2)))
    return best[1]


def train_ranker(groups: list[list[list[str]]], gold: list[set[int]], epochs: int = 10, rate: float = 0.05,
                 l2: float = 1e-6, min_count: int = 1, seed: int = 0) -> LinearModel:
    """A scorer of candidates trained so that, within each group (one event's candidates for one
    role), the softmax of the scores puts its mass on the gold candidates."""
    rng = np.random.default_rng(seed)
    index = _vocabulary([f for group in groups for f in group], min_count)
    rows = [_index_matrix(group, index) for group in groups]
    weights = np.zeros(len(index) + 1, np.float32)
    m, v = np.zeros_like(weights), np.zeros_like(weights)
    step = 0
    for _ in range(epochs):
        for g in rng.permutation(len(groups)):
            if not gold[g]:
                continue
            scores = weights[rows[g]].sum(axis=1)
            probs = np.exp(scores - scores.max())
            probs /= probs.sum()
            wanted = np.zeros_like(probs)
            wanted[list(gold[g])] = probs[list(gold[g])]
            wanted /= wanted.sum()
            grad = np.zeros_like(weights)
            np.add.at(grad, rows[g], (probs - wanted)[:, None])
            grad[-1] = 0.0
            grad += l2 * weights
            step += 1
            m = 0.9 * m + 0.1 * grad
            v = 0.999 * v + 0.001 * grad * grad
            weights -= rate * (m / (1 - 0.9 ** step)) / (np.sqrt(v / (1 - 0.999 ** step)) + 1e-8)
    return LinearModel(labels=("score",), index=index, weights=weights[:-1, None], bias=np.zeros(1, np.float32))
