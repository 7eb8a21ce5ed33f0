"""The corpus's articles run through eventwire's stages up to quotes (what the event stage reads),
cached on disk so that trying a feature does not mean parsing the corpus again."""

from __future__ import annotations

import hashlib
import json
import pickle
from pathlib import Path

from corpus.validate import read_gold
from eventwire.model import Article, Document
from eventwire.pipeline import Pipeline

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "corpus" / "gold"
CACHE = ROOT / "training" / ".cache"
STAGES = ["clean", "parse", "entities", "time", "places", "quotes"]


def article_of(gold: dict) -> Article:
    return Article(id=gold["id"], source="corpus", text=gold["text"], published=gold["published"],
                   title=gold["title"], publisher=gold["publisher"])


def split_documents(split: str, pipeline: Pipeline | None = None) -> list[tuple[dict, Document]]:
    """(gold record, document read up to quotes) for every article of a split; cached by the
    gold file's and the pipeline's fingerprints."""
    golds = read_gold(GOLD / f"{split}.jsonl")
    pipeline = pipeline or Pipeline(stage_names=STAGES)
    key = hashlib.sha256((GOLD / f"{split}.jsonl").read_bytes() + pipeline.fingerprint.encode()).hexdigest()[:16]
    path = CACHE / f"{split}-{key}.pickle"
    if path.exists():
        with path.open("rb") as handle:
            return pickle.load(handle)
    documents = list(pipeline.pipe(article_of(g) for g in golds))
    pairs = list(zip(golds, documents))
    CACHE.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        pickle.dump(pairs, handle, protocol=pickle.HIGHEST_PROTOCOL)
    return pairs


def main() -> None:
    for split in ("train", "dev"):
        print(split, len(split_documents(split)), json.dumps(str(CACHE)))


if __name__ == "__main__":
    main()
