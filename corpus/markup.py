"""Reading a marked-up article file into a gold record with character offsets.

A file is a header (`key: value` lines), a blank line, the article body with its spans marked
inline as `[[words|ID]]` (nestable), a line `=== annotations`, then one JSON object that describes
each ID. README.md gives the format in full. The body without its marks is the article `text`;
every span becomes `{"start", "end", "text"}` into it.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

HEADER_FIELDS = ("id", "published", "publisher", "style", "countries", "title")
ANNOTATIONS_LINE = "=== annotations"
MARK = re.compile(r"\[\[|\|([A-Z]\d+)\]\]")
ID_KINDS = {"T": "entity mention", "V": "event trigger", "Q": "quote content", "C": "quote cue",
            "P": "place mention", "N": "count", "D": "time expression"}


class MarkupError(ValueError):
    """A marked file that cannot be read; the message names the file and the problem."""


@dataclass(frozen=True)
class Span:
    id: str
    start: int
    end: int
    text: str

    def record(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text}


def split_of(article_id: str) -> str:
    """The article's split, fixed by its id: 60% train, 20% dev, 20% test."""
    bucket = int(hashlib.sha256(article_id.encode("utf-8")).hexdigest(), 16) % 10
    return "train" if bucket < 6 else "dev" if bucket < 8 else "test"


def strip_marks(marked: str, where: str = "text") -> tuple[str, list[Span]]:
    """The text without its `[[...|ID]]` marks, and the spans they made, in order of their start."""
    out: list[str] = []
    length = 0
    opened: list[int] = []
    spans: list[Span] = []
    position = 0
    for match in MARK.finditer(marked):
        piece = marked[position:match.start()]
        out.append(piece)
        length += len(piece)
        position = match.end()
        if match.group(0) == "[[":
            opened.append(length)
            continue
        if not opened:
            raise MarkupError(f"{where}: '|{match.group(1)}]]' closes nothing (near {marked[max(0, match.start() - 40):match.end()]!r})")
        start = opened.pop()
        spans.append(Span(match.group(1), start, length, "".join(out)[start:length]))
    out.append(marked[position:])
    if opened:
        text = "".join(out)
        raise MarkupError(f"{where}: '[[' never closed (near {text[opened[-1]:opened[-1] + 40]!r})")
    text = "".join(out)
    for bad in ("[[", "]]", "|"):
        if bad in text:
            at = text.index(bad)
            raise MarkupError(f"{where}: stray {bad!r} in the text (near {text[max(0, at - 30):at + 30]!r}); "
                              "marks are [[words|ID]] with ID like T1, V2, Q3")
    spans.sort(key=lambda s: (s.start, -s.end))
    return text, spans


def read_marked(path: Path) -> dict:
    """The gold record of one marked file (not yet validated: see `corpus.validate`)."""
    where = str(path)
    raw = path.read_text(encoding="utf-8").replace("\r\n", "\n")
    head, sep, rest = raw.partition("\n\n")
    if not sep:
        raise MarkupError(f"{where}: no blank line after the header")
    header = {}
    for number, line in enumerate(head.splitlines(), 1):
        key, colon, value = line.partition(":")
        if not colon or key.strip() not in HEADER_FIELDS:
            raise MarkupError(f"{where}:{number}: header lines are 'key: value' with key one of {HEADER_FIELDS}")
        header[key.strip()] = value.strip()
    missing = [key for key in HEADER_FIELDS if not header.get(key)]
    if missing:
        raise MarkupError(f"{where}: header lacks {', '.join(missing)}")
    body, sep, annotations = rest.partition(f"\n{ANNOTATIONS_LINE}\n")
    if not sep:
        raise MarkupError(f"{where}: no line '{ANNOTATIONS_LINE}' after the body")
    try:
        notes = json.loads(annotations)
    except json.JSONDecodeError as e:
        raise MarkupError(f"{where}: annotations are not valid JSON: {e}") from None
    if not isinstance(notes, dict):
        raise MarkupError(f"{where}: annotations must be one JSON object")
    body = re.sub(r"[ \t]+\n", "\n", body.strip())
    body = re.sub(r"\n{3,}", "\n\n", body)
    text, spans = strip_marks(body, where)
    return build_record(header, text, spans, notes, where)


def build_record(header: dict, text: str, spans: list[Span], notes: dict, where: str) -> dict:
    """Join the spans to their annotations: one record in the format of corpus/gold/*.jsonl."""
    by_id: dict[str, list[Span]] = {}
    for span in spans:
        by_id.setdefault(span.id, []).append(span)
    unknown = sorted(i for i in by_id if i[0] not in ID_KINDS)
    if unknown:
        raise MarkupError(f"{where}: unknown span ids {unknown} (kinds: {ID_KINDS})")

    def spans_of(item_id: str) -> list[dict]:
        return [span.record() for span in by_id.get(item_id, [])]

    def one_span(item_id: str | None) -> dict | None:
        found = by_id.get(item_id or "", [])
        return found[0].record() if found else None

    section = {key: notes.get(key) or {} for key in ("entities", "events", "quotes", "places", "counts", "times")}
    extra = sorted(set(notes) - set(section))
    if extra:
        raise MarkupError(f"{where}: unknown annotation sections {extra}")
    record = {
        "id": header["id"], "split": split_of(header["id"]), "published": header["published"],
        "publisher": header["publisher"], "style": header["style"],
        "countries": [c.strip() for c in header["countries"].split(",") if c.strip()],
        "title": header["title"], "text": text,
        "entities": [{"id": key, **value, "mentions": spans_of(key)} for key, value in section["entities"].items()],
        "events": [{"id": key, "trigger": one_span(key), **value} for key, value in section["events"].items()],
        "quotes": [{"id": key, "spans": spans_of(key), **value, "cue": one_span(value.get("cue")),
                    "cue_id": value.get("cue")} for key, value in section["quotes"].items()],
        "places": [{"id": key, **value, "mentions": spans_of(key)} for key, value in section["places"].items()],
        "counts": [{"id": key, "span": one_span(key), **value} for key, value in section["counts"].items()],
        "times": [{"id": key, "span": one_span(key), **value} for key, value in section["times"].items()],
    }
    # ids marked in the text that no section describes, and repeated single spans, are the validator's
    # to report; keep what it needs to see them
    record["_marked_ids"] = {key: len(value) for key, value in by_id.items()}
    return record


def read_corpus(folder: Path) -> list[tuple[Path, dict | MarkupError]]:
    """Every marked file under `folder` (sorted by path) with its record or the error reading it."""
    results = []
    for path in sorted(folder.rglob("*.txt")):
        try:
            results.append((path, read_marked(path)))
        except MarkupError as e:
            results.append((path, e))
    return results
