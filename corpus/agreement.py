"""Agreement between two annotations of the same articles (the corpus and a second, independent
pass): events matched by trigger overlap, then agreement on type, source, target and factuality
over the matched pairs, and Cohen's kappa for type and factuality."""

from __future__ import annotations

import random
from collections import Counter

from .spans import best_overlap, overlaps


def sample_ids(ids: list[str], fraction: float, seed: int) -> list[str]:
    """A fixed random share of the ids (at least one), sorted."""
    chosen = random.Random(seed).sample(sorted(ids), max(1, round(len(ids) * fraction)))
    return sorted(chosen)


def _trigger(event: dict) -> tuple[int, int] | None:
    return (event["trigger"]["start"], event["trigger"]["end"]) if event.get("trigger") else None


def entity_links(first: dict, second: dict) -> dict[str, str]:
    """Second annotation's entity id -> the first's entity that its mentions overlap most."""
    links = {}
    for entity in second["entities"]:
        spans = [(m["start"], m["end"]) for m in entity["mentions"]]
        if (found := best_overlap(spans, first["entities"])) is not None:
            links[entity["id"]] = found
    return links


def matched_events(first: dict, second: dict) -> tuple[list[tuple[dict, dict]], int, int]:
    """(pairs of events whose triggers overlap, events only the first marked, only the second)."""
    pairs, used = [], set()
    for event in first["events"]:
        other = next((o for o in second["events"] if o["id"] not in used
                      and overlaps(_trigger(event), _trigger(o))), None)
        if other is not None:
            used.add(other["id"])
            pairs.append((event, other))
    return pairs, len(first["events"]) - len(pairs), len(second["events"]) - len(used)


def kappa(pairs: list[tuple[str, str]]) -> float:
    """Cohen's kappa of two coders' labels for the same items."""
    if not pairs:
        return 0.0
    observed = sum(a == b for a, b in pairs) / len(pairs)
    first, second = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    expected = sum(first[label] * second[label] for label in first) / len(pairs) ** 2
    return (observed - expected) / (1 - expected) if expected < 1 else 1.0


def agreement(firsts: list[dict], seconds: list[dict]) -> tuple[dict, list[tuple]]:
    """Figures over all articles, and the disagreements (article id, first event, second event, what)."""
    by_id = {r["id"]: r for r in firsts}
    totals = Counter()
    types, facts, disagreements = [], [], []
    for second in seconds:
        first = by_id[second["id"]]
        links = entity_links(first, second)
        pairs, only_first, only_second = matched_events(first, second)
        totals["matched"] += len(pairs)
        totals["only_first"] += only_first
        totals["only_second"] += only_second
        for a, b in pairs:
            types.append((a["type"], b["type"]))
            facts.append((a["factuality"], b["factuality"]))
            source = {links.get(e, "?") for e in b["source"]} == set(a["source"])
            target = {links.get(e, "?") for e in b["target"]} == set(a["target"])
            totals["source"] += source
            totals["target"] += target
            for what, same in (("type", a["type"] == b["type"]), ("source", source), ("target", target),
                               ("factuality", a["factuality"] == b["factuality"])):
                if not same:
                    disagreements.append((first["id"], a, b, what))
        for event in first["events"]:
            if not any(a is event for a, _ in pairs):
                disagreements.append((first["id"], event, None, "only first"))
        for event in second["events"]:
            if not any(b is event for _, b in pairs):
                disagreements.append((first["id"], None, event, "only second"))
    n = totals["matched"]
    found = 2 * n / (2 * n + totals["only_first"] + totals["only_second"]) if n else 0.0
    figures = {
        "articles": len(seconds), "events_first": n + totals["only_first"], "events_second": n + totals["only_second"],
        "matched": n, "event_f1": round(found, 3),
        "type_agreement": round(sum(a == b for a, b in types) / n, 3) if n else 0.0,
        "type_kappa": round(kappa(types), 3),
        "source_agreement": round(totals["source"] / n, 3) if n else 0.0,
        "target_agreement": round(totals["target"] / n, 3) if n else 0.0,
        "factuality_agreement": round(sum(a == b for a, b in facts) / n, 3) if n else 0.0,
        "factuality_kappa": round(kappa(facts), 3),
    }
    return figures, disagreements
