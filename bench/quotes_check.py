"""Independent quote attribution check set: who said what, on text nobody tuned the quote code on.

``bench/quotes_check.jsonl`` holds 40 short news articles (wire reports, campaign and conflict
coverage, business, local news, interviews, press releases). They were written for this check
without looking at the project's quote code, its cue list or any evaluation data. Every
attribution in each article is annotated following the conventions of the PolNeAR corpus
(Newell, Margolin & Ruths, LREC 2018): a SOURCE (a name, a pronoun, or a nominal such as "a
spokeswoman", "the report", "officials"), a CUE ("said", "told reporters", "according to",
"believes", "urged", "found" ...) and a CONTENT (a direct quote with its quote marks, a reported
clause with a leading "that", or a noun-phrase content such as "denied [the charges]").

Each line is ``{"id", "published", "text", "quotes": [...], "non_quotes": [...]}``. A quote is
``{"content": [s, e], "content_parts": [[s, e], ...] (quotes split by "he said"), "source": [s, e]
or null, "cue": [s, e] or null, "speaker": canonical name, "kind": "direct" | "indirect" |
"mixed", "tags": [phenomena]}``; offsets are Python string offsets into ``text``. A content that
contains another attribution (nesting) is annotated as both. ``non_quotes`` are quote-marked spans
that are not attributions (scare quotes, titles).

The script runs ``eventwire extract --no-clean`` on the articles (or scores ``--pred``) and prints:
  - precision, recall and F1 of quote spans. A gold quote is FOUND when one predicted span covers
    at least half of its content characters (of its parts, when split); a prediction is RIGHT when
    at least half of its characters lie inside some gold content.
  - speaker accuracy over found gold quotes with a source: the predicted speaker entity is right
    if one of its mentions overlaps the gold source span; or its name or a mention has the same
    head word as the gold source text (head: the last word before a postmodifier such as "of",
    "for", "at", "who" or a comma, lower-cased, without a possessive 's; pronouns never match by
    head); or the last word of its name equals the last word of the gold canonical speaker
    (this credits resolving "he" to the right person).
  - cue accuracy over found gold quotes with a cue: the predicted cue's head word equals the gold
    cue's. The head is the last word after dropping trailing particles and addressees ("according
    to" -> according, "told reporters" -> told, "called for" -> called), compared after a crude
    lemmatisation (said/say, told/tell, found/find; -s, -es, -ed, -ing and a final -e stripped).
  - recall of direct, indirect and mixed quotes separately, and recall for each phenomenon tag.

Usage, from the repository root:
    .venv/bin/python bench/quotes_check.py                    # run eventwire and print the figures
    .venv/bin/python bench/quotes_check.py --misses           # also list misses and errors
    .venv/bin/python bench/quotes_check.py --pred out.jsonl   # score an existing extract output
    .venv/bin/python bench/quotes_check.py --keep out.jsonl   # keep the extract output
The last line printed is a JSON object with the figures.
"""
import argparse
import collections
import json
import os
import re
import sys

from check_sets import predictions, read_jsonl  # noqa: E402  (bench/ is on sys.path when run)

HERE = os.path.dirname(os.path.abspath(__file__))
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "his", "its",
            "their", "who", "this", "that", "these", "those"}
POSTMOD = re.compile(r"\s+(?:of|for|at|in|on|from|with|by|who|whose|which|that|to)\s+|,")
CUE_TAIL = {"to", "for", "of", "that", "reporters", "journalists", "as", "in", "on", "with", "a",
            "the", "an", "out", "up"}
IRREGULAR = {"said": "say", "says": "say", "saying": "say", "told": "tell", "tells": "tell",
             "telling": "tell", "wrote": "write", "writes": "write", "writing": "write",
             "written": "write", "thought": "think", "thinks": "think", "found": "find",
             "finds": "find", "spoke": "speak", "spoken": "speak", "forecast": "forecast",
             "forecasts": "forecast", "held": "hold", "saw": "see", "knew": "know"}


def words(s):
    return re.findall(r"[\w'’.-]+", s.lower())


def clean_word(w):
    w = w.lower().strip(".,;:!?\"“”‘’()'-")
    for suf in ("'s", "’s"):
        if w.endswith(suf):
            w = w[: -len(suf)]
    return w.rstrip("'’")


def head(s):
    """Head word of a source phrase: the last word before any postmodifier.

    "of" between two capitalised words is part of a name (Bank of Ghana), not a postmodifier.
    """
    s = s.strip()
    first = s
    for m in POSTMOD.finditer(s):
        before, after = s[:m.start()].split(), s[m.end():].split()
        if (m.group().strip() == "of" and before and after and before[-1][:1].isupper()
                and after[0][:1].isupper()):
            continue
        first = s[:m.start()]
        break
    ws = [clean_word(w) for w in first.split()]
    ws = [w for w in ws if w]
    return ws[-1] if ws else ""


def last_word(s):
    ws = [clean_word(w) for w in (s or "").split()]
    ws = [w for w in ws if w]
    return ws[-1] if ws else ""


def lemma(w):
    w = w.lower()
    if w in IRREGULAR:
        return IRREGULAR[w]
    for suf in ("ing", "ied", "ies", "ed", "es", "s"):
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            w = w[: -len(suf)] + ("i" if suf in ("ied", "ies") else "")
            break
    if w.endswith("y"):
        w = w[:-1] + "i"
    return w.rstrip("e")


def cue_head(s):
    ws = [clean_word(w) for w in (s or "").split()]
    ws = [w for w in ws if w]
    while len(ws) > 1 and ws[-1] in CUE_TAIL:
        ws.pop()
    return lemma(ws[-1]) if ws else ""


def overlap(a, b):
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def snippet(text, span, n=90):
    s = text[span[0]:span[1]].replace("\n", " / ")
    return s if len(s) <= n else s[: n - 25] + " ... " + s[-20:]


def speaker_ok(rec, ent, gold_q):
    """Is the predicted speaker entity `ent` the gold source of `gold_q`?"""
    if not ent:
        return False
    text = rec["text"]
    src = gold_q["source"]
    mentions = [m for m in ent.get("mentions", []) if isinstance(m, (list, tuple)) and len(m) == 2]
    if any(overlap(m, src) > 0 for m in mentions):
        return True
    gh = head(text[src[0]:src[1]])
    if gh and gh not in PRONOUNS:
        surfaces = [ent.get("name") or ""] + [text[a:b] for a, b in mentions]
        if any(head(s) == gh for s in surfaces if s):
            return True
    name_last = last_word(ent.get("name") or "")
    return bool(name_last) and name_last not in PRONOUNS and name_last == last_word(gold_q.get("speaker"))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=os.path.join(HERE, "quotes_check.jsonl"))
    ap.add_argument("--pred", help="score this extract output instead of running eventwire")
    ap.add_argument("--keep", help="write the extract output here (default: a temporary file)")
    ap.add_argument("--misses", action="store_true",
                    help="list missed gold quotes, spurious predictions, wrong speakers and cues")
    args = ap.parse_args()

    gold = read_jsonl(args.data)
    pred = predictions(args, gold, "quotes_check", fields=("id", "text", "published"), extra_args=("--no-clean",))
    by_id = {p.get("id"): p for p in pred}

    missing = [g["id"] for g in gold if g["id"] not in by_id]
    if missing:
        sys.exit(f"quotes_check: the output has no line for {len(missing)} article(s): {missing[:5]}")
    differ = [g["id"] for g in gold if not by_id[g["id"]].get("error")
              and by_id[g["id"]].get("text") != g["text"]]
    if differ:
        sys.exit(f"quotes_check: the output text differs from the input text for {len(differ)} "
                 f"article(s) ({differ[:5]}), so offsets are not comparable. Was the output made "
                 "with --no-clean?")

    n_gold = n_found = n_pred = n_right = 0
    spk_n = spk_ok = cue_n = cue_ok = 0
    kind_n, kind_found = collections.Counter(), collections.Counter()
    tag_n, tag_found = collections.Counter(), collections.Counter()
    errors, missed, spurious, wrong_spk, wrong_cue = [], [], [], [], []
    non_quote_n = non_quote_hit = 0

    for g in gold:
        rec = by_id[g["id"]]
        text = g["text"]
        if rec.get("error"):
            errors.append((g["id"], rec["error"]))
        preds = [q for q in rec.get("quotes", []) or []
                 if isinstance(q.get("span"), (list, tuple)) and len(q["span"]) == 2
                 and q["span"][1] > q["span"][0]]
        ents = {e.get("id"): e for e in rec.get("entities", []) or []}
        gold_spans = [q["content"] for q in g["quotes"]]
        covered = set()
        for a, b in gold_spans:
            covered.update(range(a, b))

        for p in preds:
            a, b = p["span"]
            n_pred += 1
            inside = sum(1 for i in range(a, b) if i in covered)
            if inside * 2 >= (b - a):
                n_right += 1
            else:
                spurious.append((g["id"], p, snippet(text, p["span"])))
        for span in g.get("non_quotes", []):
            non_quote_n += 1
            # a hit: a prediction that is mostly this scare-quoted word or title
            non_quote_hit += any(overlap(p["span"], span) * 2 >= p["span"][1] - p["span"][0]
                                 for p in preds)

        for q in g["quotes"]:
            parts = q.get("content_parts") or [q["content"]]
            size = sum(b - a for a, b in parts)
            # found: some prediction covers half the content; of those, the one that fits best
            # (Dice overlap) supplies the speaker and cue, so a nested inner quote is not
            # judged by the prediction for the outer one
            best, best_fit = None, -1.0
            for p in preds:
                ov = sum(overlap(p["span"], part) for part in parts)
                fit = 2 * ov / (size + p["span"][1] - p["span"][0])
                if ov * 2 >= size and fit > best_fit:
                    best, best_fit = p, fit
            found = best is not None
            n_gold += 1
            kind_n[q["kind"]] += 1
            for t in q.get("tags", []):
                tag_n[t] += 1
            if not found:
                missed.append((g["id"], q, text))
                continue
            n_found += 1
            kind_found[q["kind"]] += 1
            for t in q.get("tags", []):
                tag_found[t] += 1
            if q.get("source"):
                spk_n += 1
                ent = ents.get(best.get("speaker"))
                if speaker_ok(rec, ent, q):
                    spk_ok += 1
                else:
                    wrong_spk.append((g["id"], q, text, ent, best))
            if q.get("cue"):
                cue_n += 1
                gc = cue_head(text[q["cue"][0]:q["cue"][1]])
                pc = cue_head(best.get("cue") or "")
                if gc and gc == pc:
                    cue_ok += 1
                else:
                    wrong_cue.append((g["id"], text[q["cue"][0]:q["cue"][1]], best.get("cue"),
                                      snippet(text, q["content"], 60)))

    ratio = lambda a, b: a / b if b else 0.0
    pct = lambda a, b: f"{100 * a / b:5.1f}%" if b else "   n/a"
    P, R = ratio(n_right, n_pred), ratio(n_found, n_gold)
    F = 2 * P * R / (P + R) if P + R else 0.0

    print(f"Quote attribution check set: {len(gold)} articles, {n_gold} gold attributions "
          f"({', '.join(f'{k} {kind_n[k]}' for k in ('direct', 'indirect', 'mixed'))}); "
          f"{n_pred} predicted quotes ({args.data})")
    if errors:
        print(f"articles that failed: {len(errors)}")
    print(f"precision          {pct(n_right, n_pred)}  ({n_right}/{n_pred} predictions inside gold content)")
    print(f"recall             {pct(n_found, n_gold)}  ({n_found}/{n_gold} gold quotes found)")
    print(f"F1                 {100 * F:5.1f}%")
    print(f"speaker accuracy   {pct(spk_ok, spk_n)}  ({spk_ok}/{spk_n} found quotes with a gold source)")
    print(f"cue accuracy       {pct(cue_ok, cue_n)}  ({cue_ok}/{cue_n} found quotes with a gold cue)")
    for k in ("direct", "indirect", "mixed"):
        print(f"{k + ' recall':<18} {pct(kind_found[k], kind_n[k])}  ({kind_found[k]}/{kind_n[k]})")
    print(f"scare quotes/titles predicted as quotes: {non_quote_hit}/{non_quote_n}")
    print(f"\n{'phenomenon':<36} {'n':>4} {'recall':>7}")
    for t in sorted(tag_n):
        print(f"{t:<36} {tag_n[t]:>4} {pct(tag_found[t], tag_n[t]):>7}")

    if args.misses:
        for gid, err in errors:
            print(f"\nERROR {gid}: {err}")
        print(f"\nMissed gold quotes ({len(missed)}):")
        for gid, q, text in missed:
            src = snippet(text, q["source"], 40) if q.get("source") else "-"
            cue = text[q["cue"][0]:q["cue"][1]] if q.get("cue") else "-"
            print(f"  {gid} [{q['kind']}] {src} | {cue} | {snippet(text, q['content'])}")
        print(f"\nSpurious predictions ({len(spurious)}):")
        for gid, p, snip in spurious:
            print(f"  {gid} cue={p.get('cue')!r} speaker={p.get('speaker')} | {snip}")
        print(f"\nWrong speakers ({len(wrong_spk)}):")
        for gid, q, text, ent, p in wrong_spk:
            got = f"{ent.get('name')!r} ({p.get('speaker')})" if ent else "none"
            print(f"  {gid} gold {snippet(text, q['source'], 40)!r} = {q['speaker']!r}; predicted {got}"
                  f" | {snippet(text, q['content'], 60)}")
        print(f"\nWrong cues ({len(wrong_cue)}):")
        for gid, gc, pc, snip in wrong_cue:
            print(f"  {gid} gold {gc!r} predicted {pc!r} | {snip}")

    print(json.dumps({
        "articles": len(gold), "gold": n_gold, "predicted": n_pred, "found": n_found,
        "right": n_right, "precision": round(P, 4), "recall": round(R, 4), "f1": round(F, 4),
        "speaker_accuracy": round(ratio(spk_ok, spk_n), 4), "speaker_n": spk_n,
        "cue_accuracy": round(ratio(cue_ok, cue_n), 4), "cue_n": cue_n,
        "direct_recall": round(ratio(kind_found["direct"], kind_n["direct"]), 4),
        "indirect_recall": round(ratio(kind_found["indirect"], kind_n["indirect"]), 4),
        "mixed_recall": round(ratio(kind_found["mixed"], kind_n["mixed"]), 4),
        "non_quotes_predicted": non_quote_hit, "failed_articles": len(errors),
    }))


if __name__ == "__main__":
    main()
