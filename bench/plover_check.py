"""Independent PLOVER check set: how the event coder does on text nobody tuned it on.

``bench/plover_check.jsonl`` holds 240 single-sentence news leads in wire-service style, 15 for
each of PLOVER's 16 event types. The project wrote them by hand for this check, without looking at
the verb or actor dictionaries in ``src/eventwire/data/`` or at any evaluation data. Types follow
CAMEO practice and the CAMEO-to-PLOVER crosswalk. For example, "vowed to retaliate" is THREATEN,
"refused to release" is REJECT, "urged X to withdraw" is REQUEST, "pledged aid" is AGREE, an
expulsion of diplomats is SANCTION, and an arrest is COERCE. The wording is varied on purpose:
synonyms, phrasal and light verbs, nominal events, passives and reported speech. Each line is
``{"id", "text", "event", "source", "target"}``, where source and target are the actor phrases as
they appear in the text ("" when there are none).

The script runs ``eventwire extract`` on the sentences and prints:
  - type recall: the share of sentences where some predicted event has the gold type
  - primary accuracy: the share where the event with the highest confidence has the gold type
  - source and target accuracy among type-matched sentences with a non-empty gold phrase: some
    event of the gold type has a source (target) entity with a mention, or a name, that contains
    the gold phrase or is contained in it (case-insensitive)
  - recall and primary accuracy for each type
Events with ``negated: true`` are ignored, as the contract's scorers ignore them. Use
``--include-negated`` to count them.

Usage, from the repository root:
    source .venv/bin/activate
    python bench/plover_check.py                    # run the coder and print the figures
    python bench/plover_check.py --misses           # also list each missed sentence
    python bench/plover_check.py --pred out.jsonl   # score an existing extract output
    python bench/plover_check.py --keep out.jsonl   # keep the extract output for later
"""
import argparse
import collections
import os

from check_sets import predictions, read_jsonl  # noqa: E402  (bench/ is on sys.path when run)

HERE = os.path.dirname(os.path.abspath(__file__))
TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
         "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]


def names(record, ids):
    """All surface strings of the given entity ids: name plus each mention's text."""
    ents = {e["id"]: e for e in record.get("entities", [])}
    text = record.get("text", "")
    out = []
    for i in ids or []:
        e = ents.get(i)
        if e:
            out.append(e.get("name") or "")
            out += [text[a:b] for a, b in e.get("mentions", [])]
    return [s for s in out if s]


def role_ok(record, events, role, gold_phrase):
    g = gold_phrase.lower()
    return any(s.lower() in g or g in s.lower()
               for ev in events for s in names(record, ev.get(role)))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=os.path.join(HERE, "plover_check.jsonl"))
    ap.add_argument("--pred", help="score this extract output instead of running eventwire")
    ap.add_argument("--keep", help="write the extract output here (default: a temporary file)")
    ap.add_argument("--misses", action="store_true", help="list every missed sentence")
    ap.add_argument("--include-negated", action="store_true", help="count negated events too")
    args = ap.parse_args()

    gold = read_jsonl(args.data)
    pred = predictions(args, gold, "plover_check")
    by_id = {p.get("id"): p for p in pred}

    n = hit = prim = 0
    src_n = src_ok = tgt_n = tgt_ok = 0
    per = collections.defaultdict(lambda: [0, 0, 0])  # n, recall hits, primary hits
    misses = []
    for g in gold:
        rec = by_id.get(g["id"], {})
        evs = [e for e in rec.get("events", []) if args.include_negated or not e.get("negated")]
        same = [e for e in evs if e.get("type") == g["event"]]
        top = max(evs, key=lambda e: e.get("confidence") or 0, default=None)
        n += 1
        per[g["event"]][0] += 1
        if same:
            hit += 1
            per[g["event"]][1] += 1
            if g["source"]:
                src_n += 1
                src_ok += role_ok(rec, same, "source", g["source"])
            if g["target"]:
                tgt_n += 1
                tgt_ok += role_ok(rec, same, "target", g["target"])
        else:
            misses.append((g, rec))
        if top is not None and top.get("type") == g["event"]:
            prim += 1
            per[g["event"]][2] += 1

    pct = lambda a, b: f"{100 * a / b:5.1f}%" if b else "   n/a"
    print(f"PLOVER check set: {n} sentences ({args.data})")
    print(f"type recall        {pct(hit, n)}  ({hit}/{n})")
    print(f"primary accuracy   {pct(prim, n)}  ({prim}/{n})")
    print(f"source accuracy    {pct(src_ok, src_n)}  ({src_ok}/{src_n} type-matched with a gold source)")
    print(f"target accuracy    {pct(tgt_ok, tgt_n)}  ({tgt_ok}/{tgt_n} type-matched with a gold target)")
    print(f"\n{'type':<10} {'n':>3} {'recall':>7} {'primary':>8}")
    for t in TYPES:
        k, r, p = per[t]
        print(f"{t:<10} {k:>3} {pct(r, k):>7} {pct(p, k):>8}")

    if args.misses:
        print(f"\nMisses ({len(misses)}):")
        for g, rec in misses:
            print(f"\n{g['id']}  gold {g['event']}  [{g['source']} -> {g['target']}]\n  {g['text']}")
            if rec.get("error"):
                print(f"  error: {rec['error']}")
            evs = rec.get("events", [])
            if not evs:
                print("  predicted: nothing")
            for e in evs:
                src = "/".join(names(rec, e.get("source"))[:1]) or "-"
                tgt = "/".join(names(rec, e.get("target"))[:1]) or "-"
                neg = f" negated({e.get('modality')})" if e.get("negated") else ""
                print(f"  predicted: {e.get('type')} {e.get('cameo')} [{src} -> {tgt}] "
                      f"conf={e.get('confidence')} pattern={e.get('pattern')!r}{neg}")


if __name__ == "__main__":
    main()
