"""A trained linear model over named features (and optionally a dense vector): softmax of the summed
weights, divided by a temperature fitted on the dev split so that probabilities are calibrated.
Weights are stored as .npz files in `eventwire/events/weights/`; `training/` writes them."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

WEIGHTS = Path(__file__).resolve().parent / "weights"


@dataclass
class LinearModel:
    labels: tuple[str, ...]
    index: dict[str, int]  # feature name -> row of `weights`
    weights: np.ndarray  # (features, labels)
    bias: np.ndarray  # (labels,)
    dense: np.ndarray | None = None  # (vector width, labels) when the model reads a vector
    temperature: float = 1.0

    def logits(self, features: list[str], vector: np.ndarray | None = None) -> np.ndarray:
        rows = [self.index[f] for f in set(features) if f in self.index]
        total = self.bias + self.weights[rows].sum(axis=0)
        if self.dense is not None and vector is not None and len(vector) == self.dense.shape[0]:
            total = total + vector @ self.dense
        return total

    def probabilities(self, features: list[str], vector: np.ndarray | None = None) -> dict[str, float]:
        """Label -> calibrated probability."""
        scores = self.logits(features, vector) / self.temperature
        scores = np.exp(scores - scores.max())
        scores /= scores.sum()
        return {label: float(p) for label, p in zip(self.labels, scores)}

    def strongest(self, features: list[str], label: str, n: int = 5) -> list[tuple[str, float]]:
        """The n features that argue most for `label`: what to look at when a model surprises."""
        column = self.labels.index(label)
        weighted = [(f, float(self.weights[self.index[f], column])) for f in set(features) if f in self.index]
        return sorted(weighted, key=lambda pair: -pair[1])[:n]

    def save(self, path: Path) -> None:
        names = sorted(self.index, key=self.index.get)
        np.savez_compressed(path, labels=np.array(self.labels), features=np.array(names),
                            weights=self.weights.astype(np.float16), bias=self.bias.astype(np.float32),
                            dense=self.dense if self.dense is not None else np.zeros((0, len(self.labels))),
                            temperature=np.array(self.temperature))

    @classmethod
    def load(cls, path: Path) -> LinearModel:
        with np.load(path, allow_pickle=False) as data:
            dense = data["dense"].astype(np.float32)
            return cls(labels=tuple(str(x) for x in data["labels"]),
                       index={str(name): row for row, name in enumerate(data["features"])},
                       weights=data["weights"].astype(np.float32), bias=data["bias"],
                       dense=dense if dense.size else None, temperature=float(data["temperature"]))


@cache
def shipped(name: str) -> LinearModel | None:
    """The shipped model `name` (type, factuality, roles), or None when it has not been trained."""
    path = WEIGHTS / f"{name}.npz"
    return LinearModel.load(path) if path.exists() else None
