"""Scoring eventwire's output (CONTRACT.md's JSON Lines) against the gold corpus.

Events are matched by trigger: a predicted event matches a gold event when its trigger (mapped
from the output's text onto the gold text) overlaps the gold trigger and the types are equal.
Only counted events take part in detection (gold: asserted; output: not `negated`);
factuality is judged on every event, counted or not, matched the same way. Retellings of one act
(`same_as`) are one gold event, found when any telling is. Roles, date and place are judged over
the matched counted events; quotes by overlap of their content, as the shared quote scorer does.
"""

from __future__ import annotations

import difflib
from collections import Counter
from dataclasses import dataclass, field

from eventwire.knowledge.event_identity import distance_km

from .spans import best_overlap, overlaps
from .vocab import COUNTED, TYPES

# Types whose two sides are parties alike ("X and Y met"): the sides may come out swapped.
SYMMETRIC = {"CONSULT", "AGREE", "COOPERATE"}
# A predicted place this close to the gold one is the same place.
PLACE_KM = 50.0
# The corpus's factuality classes and eventwire's `modality` values, folded onto the classes both
# can say: a denial is a negation, an intention a future, a condition or a demand a hypothetical.
FOLDED = {"asserted": "asserted", "alleged": "alleged", "negated": "negated", "denied": "negated",
          "hypothetical": "hypothetical", "future": "future"}
MODALITY = {None: "asserted", "negated": "negated", "alleged": "alleged", "future": "future", "intended": "future",
            "hypothetical": "hypothetical", "conditional": "hypothetical", "demanded": "hypothetical"}


class OffsetMap:
    """Maps character offsets of the output's text onto the gold text (they differ when cleaning
    took a dateline or a line out, or changed white space)."""

    def __init__(self, output_text: str, gold_text: str):
        self.same = output_text == gold_text
        if not self.same:
            matcher = difflib.SequenceMatcher(None, output_text, gold_text, autojunk=False)
            self.blocks = [b for b in matcher.get_matching_blocks() if b.size]

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        """The gold span of an output span: the gold offsets of its first and last matched characters."""
        if self.same:
            return start, end
        first = last = None
        for block in self.blocks:
            lo, hi = max(start, block.a), min(end, block.a + block.size)
            if lo < hi:
                first = first if first is not None else block.b + (lo - block.a)
                last = block.b + (hi - block.a)
        return (first, last) if first is not None else None


def _span(item: dict | None) -> tuple[int, int] | None:
    return (item["start"], item["end"]) if item else None


@dataclass
class Pair:
    """One gold event and the predicted event matched to it."""

    gold: dict
    pred: dict


@dataclass
class ArticleResult:
    mapping: dict[str, str] = field(default_factory=dict)  # output entity id -> gold entity id
    matched: list[Pair] = field(default_factory=list)  # counted events, trigger and type agree
    missed: list[dict] = field(default_factory=list)  # counted gold events (first tellings) not found
    spurious: list[dict] = field(default_factory=list)  # counted predictions matching no counted gold event
    duplicates: int = 0  # predictions matching a gold event already found
    wrong_type: list[Pair] = field(default_factory=list)  # trigger agrees, type does not
    not_counted: list[Pair] = field(default_factory=list)  # a gold event the text does not assert, output as asserted
    factuality: list[Pair] = field(default_factory=list)  # every gold event matched by trigger and type
    quotes_found: int = 0
    quotes_gold: int = 0
    quotes_pred: int = 0
    quotes_right: int = 0  # predicted quotes inside some gold quote
    speakers_right: int = 0
    speakers_judged: int = 0
    missed_quotes: list[dict] = field(default_factory=list)


def folded_output_factuality(event: dict) -> str:
    """The folded class of an output event (an unknown modality on a negated event is a negation)."""
    folded = MODALITY.get(event.get("modality"), "negated")
    return "negated" if folded == "asserted" and event.get("negated") else folded


def score_article(gold: dict, output: dict) -> ArticleResult:
    """Match one article's predicted events and quotes to its gold ones."""
    offsets = OffsetMap(output.get("text") or "", gold["text"])
    result = ArticleResult(mapping=entity_map(gold, output, offsets))
    preds = []
    for event in output.get("events", []):
        where = event.get("trigger") or event.get("span")
        preds.append((event, offsets.span(*where) if where else None))
    group_of = {e["id"]: e.get("same_as") or e["id"] for e in gold["events"]}
    found_groups: set[str] = set()
    used_preds: set[int] = set()
    counted_gold = [e for e in gold["events"] if COUNTED[e["factuality"]]]
    # 1. counted predictions against counted gold events, trigger and type
    for index, (event, span) in enumerate(preds):
        if event.get("negated"):
            continue
        hits = [g for g in counted_gold if g["type"] == event["type"] and overlaps(span, _span(g["trigger"]))]
        if not hits:
            continue
        used_preds.add(index)
        fresh = [g for g in hits if group_of[g["id"]] not in found_groups]
        if fresh:
            found_groups.add(group_of[fresh[0]["id"]])
            result.matched.append(Pair(fresh[0], event))
        else:
            result.duplicates += 1
    for index, (event, span) in enumerate(preds):
        if event.get("negated") or index in used_preds:
            continue
        result.spurious.append(event)
        other = next((g for g in counted_gold if overlaps(span, _span(g["trigger"]))), None)
        unasserted = next((g for g in gold["events"] if not COUNTED[g["factuality"]] and g["type"] == event["type"]
                           and overlaps(span, _span(g["trigger"]))), None)
        if unasserted is not None:
            result.not_counted.append(Pair(unasserted, event))
        elif other is not None:
            result.wrong_type.append(Pair(other, event))
    seen_groups: set[str] = set()
    for event in counted_gold:
        group = group_of[event["id"]]
        if group not in found_groups and group not in seen_groups:
            result.missed.append(event)
        seen_groups.add(group)
    # 2. factuality: every gold event against every prediction, trigger and type
    for g in gold["events"]:
        pred = next((e for e, span in preds if e["type"] == g["type"] and overlaps(span, _span(g["trigger"]))), None)
        if pred is not None:
            result.factuality.append(Pair(g, pred))
    _score_quotes(gold, output, offsets, result)
    return result


def entity_map(gold: dict, output: dict, offsets: OffsetMap) -> dict[str, str]:
    """Output entity id -> the gold entity its mentions overlap most."""
    mapping = {}
    for entity in output.get("entities", []):
        spans = [span for start, end in entity.get("mentions", []) if (span := offsets.span(start, end))]
        if (found := best_overlap(spans, gold["entities"])) is not None:
            mapping[entity["id"]] = found
    return mapping


def roles_right(pair: Pair, mapping: dict[str, str]) -> tuple[bool, bool, bool]:
    """(source right, target right, sides reversed) for a matched event."""
    gold_source, gold_target = set(pair.gold["source"]), set(pair.gold["target"])
    source = {mapping.get(e, f"?{e}") for e in pair.pred.get("source", [])}
    target = {mapping.get(e, f"?{e}") for e in pair.pred.get("target", [])}
    if pair.gold["type"] in SYMMETRIC and (source, target) == (gold_target, gold_source):
        return True, True, False
    reversed_sides = bool(source or target) and source == gold_target and target == gold_source and source != target
    return source == gold_source, target == gold_target, reversed_sides


def _place_right(gold_place: dict | None, pred_place: dict | None) -> bool:
    if gold_place is None or pred_place is None:
        return gold_place is None and pred_place is None
    if gold_place.get("geonameid") and gold_place["geonameid"] == pred_place.get("geonameid"):
        return True
    if pred_place.get("lat") is None or pred_place.get("lon") is None:
        return False
    return distance_km(gold_place["lat"], gold_place["lon"], pred_place["lat"], pred_place["lon"]) <= PLACE_KM


def _score_quotes(gold: dict, output: dict, offsets: OffsetMap, result: ArticleResult) -> None:
    mapping = result.mapping
    pred_spans = []
    for quote in output.get("quotes", []):
        parts = quote.get("parts") or [quote["span"]]
        mapped = [offsets.span(*p) for p in parts]
        pred_spans.append((quote, [s for s in mapped if s]))
    gold_chars_all = set()
    for quote in gold["quotes"]:
        chars = {i for s in quote["spans"] for i in range(s["start"], s["end"])}
        gold_chars_all |= chars
        result.quotes_gold += 1
        best = max(pred_spans, key=lambda q: len(chars & {i for s in q[1] for i in range(*s)}), default=None)
        covered = len(chars & {i for s in best[1] for i in range(*s)}) if best else 0
        if chars and covered * 2 >= len(chars):
            result.quotes_found += 1
            if quote.get("speaker"):
                result.speakers_judged += 1
                result.speakers_right += mapping.get(best[0].get("speaker")) == quote["speaker"]
        else:
            result.missed_quotes.append(quote)
    for _, spans in pred_spans:
        chars = {i for s in spans for i in range(*s)}
        result.quotes_pred += 1
        result.quotes_right += bool(chars) and len(chars & gold_chars_all) * 2 >= len(chars)


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(golds: list[dict], outputs: dict[str, dict]) -> tuple[dict, dict]:
    """(figures, details) over all articles. `details` holds per-type counts and the errors."""
    per_type = {t: Counter() for t in TYPES}
    totals = Counter()
    errors = Counter()
    examples: dict[str, list] = {"missed": [], "spurious": [], "wrong type": [], "roles": [],
                                 "factuality": [], "date": [], "place": [], "quotes": []}
    for gold in golds:
        output = outputs[gold["id"]]
        result = score_article(gold, output)
        mapping = result.mapping
        places = {p["id"]: p for p in gold["places"]}
        pred_places = {p["id"]: p for p in output.get("places", [])}
        for pair in result.matched:
            per_type[pair.gold["type"]]["tp"] += 1
            source_ok, target_ok, reversed_sides = roles_right(pair, mapping)
            totals["source_right"] += source_ok
            totals["target_right"] += target_ok
            if reversed_sides:
                errors["source and target reversed"] += 1
            elif not (source_ok and target_ok):
                errors["wrong source" if not source_ok else "wrong target"] += 1
            if not (source_ok and target_ok):
                examples["roles"].append((gold, pair))
            date_ok = pair.pred.get("date") == pair.gold.get("date")
            totals["date_right"] += date_ok
            if pair.gold.get("date"):
                totals["dated"] += 1
                totals["dated_right"] += date_ok
            if not date_ok:
                errors["wrong date"] += 1
                examples["date"].append((gold, pair))
            place_ok = _place_right(places.get(pair.gold.get("place")), pred_places.get(pair.pred.get("place")))
            totals["place_right"] += place_ok
            if pair.gold.get("place"):
                totals["placed"] += 1
                totals["placed_right"] += place_ok
            if not place_ok:
                examples["place"].append((gold, pair))
            for count_id in pair.gold.get("counts", []):
                totals["counts"] += 1
                count = next(c for c in gold["counts"] if c["id"] == count_id)
                totals["counts_right"] += any(c.get("kind") == count["kind"] and c.get("value") == count.get("value")
                                              for c in pair.pred.get("counts", []))
        for event in result.missed:
            per_type[event["type"]]["fn"] += 1
            examples["missed"].append((gold, event))
        for event in result.spurious:
            if event["type"] in per_type:
                per_type[event["type"]]["fp"] += 1
            examples["spurious"].append((gold, event))
        for pair in result.wrong_type:
            errors["right trigger, wrong type"] += 1
            examples["wrong type"].append((gold, pair))
        for pair in result.not_counted:
            errors[f"{pair.gold['factuality']} event output as asserted"] += 1
        errors["missed event"] += len(result.missed)
        errors["spurious event"] += len(result.spurious) - len(result.wrong_type) - len(result.not_counted)
        for pair in result.factuality:
            gold_class = FOLDED[pair.gold["factuality"]]
            pred_class = folded_output_factuality(pair.pred)
            totals["factuality_judged"] += 1
            totals["factuality_right"] += gold_class == pred_class
            totals["counted_right"] += COUNTED[pair.gold["factuality"]] == (not pair.pred.get("negated"))
            if gold_class != pred_class:
                examples["factuality"].append((gold, pair))
                if gold_class == "asserted":
                    errors["asserted event output as not counted"] += 1
        totals["duplicates"] += result.duplicates
        for key in ("quotes_found", "quotes_gold", "quotes_pred", "quotes_right", "speakers_right", "speakers_judged"):
            totals[key] += getattr(result, key)
        examples["quotes"].extend((gold, q) for q in result.missed_quotes)
    figures = _figures(per_type, totals)
    return figures, {"per_type": per_type, "errors": errors, "examples": examples, "totals": totals}


def _figures(per_type: dict[str, Counter], totals: Counter) -> dict:
    tp = sum(c["tp"] for c in per_type.values())
    fp = sum(c["fp"] for c in per_type.values())
    fn = sum(c["fn"] for c in per_type.values())
    p, r, f = prf(tp, fp, fn)
    present = [t for t in TYPES if per_type[t]["tp"] + per_type[t]["fn"]]
    macro = sum(prf(per_type[t]["tp"], per_type[t]["fp"], per_type[t]["fn"])[2] for t in present) / (len(present) or 1)
    quote_p = totals["quotes_right"] / totals["quotes_pred"] if totals["quotes_pred"] else 0.0
    quote_r = totals["quotes_found"] / totals["quotes_gold"] if totals["quotes_gold"] else 0.0

    def share(right: str, judged: int) -> float:
        return round(totals[right] / judged, 3) if judged else 0.0

    return {
        "type_p": round(p, 3), "type_r": round(r, 3), "type_micro_f1": round(f, 3), "type_macro_f1": round(macro, 3),
        "source_acc": share("source_right", tp), "target_acc": share("target_right", tp),
        "factuality_acc": share("factuality_right", totals["factuality_judged"]),
        "counted_acc": share("counted_right", totals["factuality_judged"]),
        "date_acc": share("date_right", tp), "date_acc_dated": share("dated_right", totals["dated"]),
        "place_acc": share("place_right", tp), "place_acc_placed": share("placed_right", totals["placed"]),
        "quotes_p": round(quote_p, 3), "quotes_r": round(quote_r, 3),
        "quotes_f1": round(2 * quote_p * quote_r / (quote_p + quote_r), 3) if quote_p + quote_r else 0.0,
        "quote_speaker_acc": share("speakers_right", totals["speakers_judged"]),
        "count_acc": share("counts_right", totals["counts"]),
        "n_gold": tp + fn, "n_pred": tp + fp, "n_matched": tp, "duplicates": totals["duplicates"],
        "n_factuality_judged": totals["factuality_judged"], "n_counts": totals["counts"],
    }
