"""What the check-set scorers under bench/ share: reading JSON Lines, running `eventwire extract`
on the gold records, and taking either that output or a given one (--pred) to score."""

import json
import os
import subprocess
import sys
import tempfile


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def run_extract(gold, out_path, fields=("id", "text"), extra_args=()):
    """Run `python -m eventwire extract` in this Python environment on the gold records' `fields`."""
    name = os.path.splitext(os.path.basename(out_path))[0]
    with tempfile.TemporaryDirectory() as tmp:
        inp = os.path.join(tmp, f"{name}_input.jsonl")
        with open(inp, "w", encoding="utf-8") as f:
            for g in gold:
                f.write(json.dumps({key: g[key] for key in fields}, ensure_ascii=False) + "\n")
        cmd = [sys.executable, "-m", "eventwire", "extract", inp, "--output", out_path, *extra_args]
        proc = subprocess.run(cmd, check=False)
    if not os.path.exists(out_path):
        sys.exit(f"{name}: `{' '.join(cmd)}` wrote no output (exit status {proc.returncode})")
    if proc.returncode:
        print(f"{name}: warning: eventwire exited with status {proc.returncode} "
              "(that many articles failed; they count as having found nothing)", file=sys.stderr)


def predictions(args, gold, name, **extract_options):
    """The output to score: --pred if given, else a fresh extract (kept in --keep if given)."""
    if args.pred:
        return read_jsonl(args.pred)
    out = args.keep or os.path.join(tempfile.mkdtemp(), f"{name}_out.jsonl")
    run_extract(gold, out, **extract_options)
    return read_jsonl(out)
