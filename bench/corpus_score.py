"""Score `eventwire extract` output against a split of the project's gold corpus (corpus/gold/).

    python bench/corpus_score.py inputs --split dev > dev.in.jsonl       # the split's articles as input
    eventwire extract dev.in.jsonl --output dev.out.jsonl
    python bench/corpus_score.py dev.out.jsonl --split dev --examples 10  # figures, per type, errors

Figures (corpus/score.py says how events, roles and quotes are matched): type precision, recall and
micro-F1 over counted (asserted) events matched by trigger and type, and macro-F1 over the 16
types; source and target accuracy over matched events; factuality accuracy (the output's `modality`
against the gold class, folded onto asserted, alleged, negated, hypothetical, future) over every gold
event matched by trigger and type, and `counted_acc`, whether the output counts (`negated: false`)
exactly the events the gold asserts; date and place accuracy
over matched events (and over those with a gold date or place); quote P/R/F1 and speaker accuracy;
count accuracy. Then a table per type, the commonest error kinds, and with --examples N, up to N of
each kind of error. The last line is one JSON object of the figures. Learn on train, choose on dev;
score test only when closing an issue.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corpus.score import TYPES, prf, score  # noqa: E402
from corpus.stats import sentence_spans  # noqa: E402
from corpus.validate import read_gold  # noqa: E402

GOLD = ROOT / "corpus" / "gold"
INPUT_FIELDS = ("id", "text", "published", "title", "publisher")


def print_inputs(split: str) -> None:
    for record in read_gold(GOLD / f"{split}.jsonl"):
        print(json.dumps({key: record[key] for key in INPUT_FIELDS}, ensure_ascii=False))


def sentence_of(text: str, offset: int) -> str:
    for start, end in sentence_spans(text):
        if start <= offset < end:
            return text[start:end]
    return ""


def show(kind: str, gold: dict, item, outputs: dict) -> str:
    """One line describing an error, with the sentence it is in."""
    text = gold["text"]
    if kind == "spurious":
        out_text = outputs[gold["id"]].get("text") or ""
        start, end = item.get("trigger") or item.get("span")
        return f"  {gold['id']}: {item['type']} on {out_text[start:end]!r} | {sentence_of(out_text, start)}"
    if kind == "missed":
        trigger = item["trigger"]
        return (f"  {gold['id']} {item['id']}: {item['type']} {trigger['text']!r} "
                f"| {sentence_of(text, trigger['start'])}")
    if kind == "quotes":
        first = item["spans"][0]
        return f"  {gold['id']} {item['id']}: {first['text'][:100]!r}"
    g, p = item.gold, item.pred
    detail = {
        "wrong type": f"gold {g['type']}, output {p['type']}",
        "roles": f"gold {g['source']} -> {g['target']}, output {p.get('source')} -> {p.get('target')}",
        "factuality": f"gold {g['factuality']}, output negated={p.get('negated')} modality={p.get('modality')}",
        "date": f"gold {g.get('date')}, output {p.get('date')}",
        "place": f"gold {g.get('place')}, output {p.get('place')}",
    }[kind]
    trigger = g["trigger"]
    return f"  {gold['id']} {g['id']} {g['type']} {trigger['text']!r}: {detail} | {sentence_of(text, trigger['start'])}"


def report(figures: dict, details: dict, outputs: dict, examples: int) -> None:
    print("events (counted, matched by trigger and type)")
    print(f"  type P {figures['type_p']:.3f}  R {figures['type_r']:.3f}  micro-F1 {figures['type_micro_f1']:.3f}"
          f"  macro-F1 {figures['type_macro_f1']:.3f}  ({figures['n_matched']} of {figures['n_gold']} gold,"
          f" {figures['n_pred']} output, {figures['duplicates']} duplicates)")
    print(f"  source {figures['source_acc']:.3f}  target {figures['target_acc']:.3f}  date {figures['date_acc']:.3f}"
          f" (dated {figures['date_acc_dated']:.3f})  place {figures['place_acc']:.3f}"
          f" (placed {figures['place_acc_placed']:.3f})")
    print(f"  factuality {figures['factuality_acc']:.3f}  counted or not {figures['counted_acc']:.3f}"
          f"  ({figures['n_factuality_judged']} events)  counts {figures['count_acc']:.3f} ({figures['n_counts']})")
    print(f"quotes P {figures['quotes_p']:.3f}  R {figures['quotes_r']:.3f}  F1 {figures['quotes_f1']:.3f}"
          f"  speaker {figures['quote_speaker_acc']:.3f}")
    print("\n| type | gold | output | matched | P | R | F1 |\n|---|---|---|---|---|---|---|")
    for kind in TYPES:
        c = details["per_type"][kind]
        p, r, f = prf(c["tp"], c["fp"], c["fn"])
        print(f"| {kind} | {c['tp'] + c['fn']} | {c['tp'] + c['fp']} | {c['tp']} | {p:.2f} | {r:.2f} | {f:.2f} |")
    print("\ncommonest errors")
    for kind, n in details["errors"].most_common():
        print(f"  {n:5d}  {kind}")
    if examples:
        for kind, items in details["examples"].items():
            if items:
                print(f"\n{kind} (first {min(examples, len(items))} of {len(items)})")
                for gold, item in items[:examples]:
                    print(show(kind, gold, item, outputs))


def parse_limits(pairs: list[str]) -> dict[str, float]:
    limits = {}
    for pair in pairs:
        key, _, value = pair.partition("=")
        limits[key] = float(value)
    return limits


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["inputs"]:
        parser = argparse.ArgumentParser(prog="corpus_score.py inputs")
        parser.add_argument("--split", choices=("train", "dev", "test"), required=True)
        print_inputs(parser.parse_args(argv[1:]).split)
        return 0
    parser = argparse.ArgumentParser(prog="corpus_score.py", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("output", help="eventwire extract output (JSON Lines)")
    parser.add_argument("--split", choices=("train", "dev", "test"), required=True)
    parser.add_argument("--examples", type=int, default=0, metavar="N", help="list up to N errors of each kind")
    parser.add_argument("--partial", action="store_true", help="score only the gold articles in OUTPUT")
    parser.add_argument("--min", action="append", default=[], metavar="KEY=VALUE",
                        help="exit 1 when a figure is below VALUE")
    parser.add_argument("--max", action="append", default=[], metavar="KEY=VALUE",
                        help="exit 1 when a figure is above VALUE")
    args = parser.parse_args(argv)
    golds = read_gold(GOLD / f"{args.split}.jsonl")
    try:
        with open(args.output, encoding="utf-8") as f:
            outputs = {r["id"]: r for r in map(json.loads, filter(str.strip, f))}
    except (OSError, json.JSONDecodeError) as exc:
        print(f"{args.output}: cannot be read: {exc}", file=sys.stderr)
        return 2
    missing = [g["id"] for g in golds if g["id"] not in outputs]
    if missing and not args.partial:
        print(f"{args.output}: no output for {len(missing)} gold articles, e.g. {missing[0]} (use --partial)",
              file=sys.stderr)
        return 2
    golds = [g for g in golds if g["id"] in outputs]
    figures, details = score(golds, outputs)
    report(figures, details, outputs, args.examples)
    print(json.dumps(figures))
    failed = [f"{k} {figures[k]} < {v}" for k, v in parse_limits(args.min).items() if figures[k] < v]
    failed += [f"{k} {figures[k]} > {v}" for k, v in parse_limits(args.max).items() if figures[k] > v]
    for line in failed:
        print(line, file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
