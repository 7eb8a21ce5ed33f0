"""Comparing spans: whether two overlap, and which entity a set of spans overlaps most. Shared by
the scorer and the agreement of two annotations."""

from __future__ import annotations

from collections import Counter


def overlaps(one: tuple[int, int] | None, other: tuple[int, int] | None) -> bool:
    return bool(one and other) and one[0] < other[1] and other[0] < one[1]


def best_overlap(spans: list[tuple[int, int]], entities: list[dict]) -> str | None:
    """The id of the entity whose mentions the spans overlap most (by characters), or None."""
    shared: Counter = Counter()
    for start, end in spans:
        for entity in entities:
            for m in entity["mentions"]:
                lo, hi = max(start, m["start"]), min(end, m["end"])
                if lo < hi:
                    shared[entity["id"]] += hi - lo
    return shared.most_common(1)[0][0] if shared else None
