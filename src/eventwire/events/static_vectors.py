"""Static word vectors distilled from all-MiniLM-L6-v2, so the trained event models can see what a
word means (that "raid" is like "attack") with numpy alone: no torch or transformers at run time.

`training/distill.py` (`python -m training.distill`) writes `weights/minilm_static.npz`: `tokens`,
the model's 30,522 WordPiece strings, and `vectors`, one float16 row of WIDTH numbers per token (the
model2vec method; see that script for how they were made and for the model's licence). A word's
vector is the mean of its pieces' rows, with the pieces found as BERT's uncased tokenizer finds them.

If the weights file is missing, `word_vector` returns zeros (and `pieces` returns "[UNK]" for each
word), so the pipeline still runs; the models then lose only what the vectors would have told them.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from pathlib import Path

import numpy as np

WIDTH = 64
WEIGHTS_FILE = Path(__file__).resolve().parent / "weights" / "minilm_static.npz"
UNK = "[UNK]"
MAX_WORD_CHARS = 100  # BERT's limit: a longer word is [UNK] whole


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, int], np.ndarray]:
    """Token -> row, and the (tokens, WIDTH) float32 matrix; loaded once, on first use."""
    if not WEIGHTS_FILE.exists():
        return {}, np.zeros((0, WIDTH), dtype=np.float32)
    with np.load(WEIGHTS_FILE, allow_pickle=False) as data:
        tokens, vectors = data["tokens"].tolist(), data["vectors"].astype(np.float32)
    return {token: row for row, token in enumerate(tokens)}, vectors


def _is_punctuation(char: str) -> bool:
    # as BERT: every non-alphanumeric ASCII printable counts ("$", "^", "`"), and Unicode's P* classes
    code = ord(char)
    if 33 <= code <= 47 or 58 <= code <= 64 or 91 <= code <= 96 or 123 <= code <= 126:
        return True
    return unicodedata.category(char).startswith("P")


def _is_cjk(code: int) -> bool:
    return (0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0x20000 <= code <= 0x2A6DF
            or 0x2A700 <= code <= 0x2B81F or 0x2B820 <= code <= 0x2CEAF or 0xF900 <= code <= 0xFAFF
            or 0x2F800 <= code <= 0x2FA1F)


def basic_tokens(text: str) -> list[str]:
    """BERT uncased's basic tokenizer: drop control characters, lowercase, strip accents (NFD, then
    drop combining marks), and split on whitespace, punctuation and CJK ideographs."""
    spaced = []
    for char in text:
        code = ord(char)
        if code == 0 or code == 0xFFFD or (unicodedata.category(char).startswith("C") and char not in "\t\n\r"):
            continue
        spaced.append(f" {char} " if _is_cjk(code) else " " if char.isspace() else char)
    words = []
    for word in "".join(spaced).lower().split():
        word = "".join(c for c in unicodedata.normalize("NFD", word) if unicodedata.category(c) != "Mn")
        current = ""
        for char in word:
            if _is_punctuation(char):
                words.extend([current, char] if current else [char])
                current = ""
            else:
                current += char
        if current:
            words.append(current)
    return words


def wordpieces(word: str, vocab: dict[str, int] | frozenset[str]) -> list[str]:
    """Greedy longest-match-first WordPiece split of one basic token; pieces after the first carry
    "##". A word that cannot be covered, or is too long, is [UNK] whole, as in BERT."""
    if len(word) > MAX_WORD_CHARS:
        return [UNK]
    pieces, start = [], 0
    while start < len(word):
        end = len(word)
        while end > start:
            piece = word[start:end] if start == 0 else "##" + word[start:end]
            if piece in vocab:
                break
            end -= 1
        if end == start:
            return [UNK]
        pieces.append(piece)
        start = end
    return pieces


def pieces(text: str) -> list[str]:
    """The shipped vocabulary's WordPiece tokens for a word (or any short text)."""
    vocab = _table()[0]
    return [piece for word in basic_tokens(text) for piece in wordpieces(word, vocab)]


@lru_cache(maxsize=65536)
def word_vector(word: str) -> np.ndarray:
    """float32 (WIDTH,): the mean of the word's pieces' vectors; zeros for an empty word or when the
    weights are missing. Read-only, since the same array is handed to every caller."""
    index, vectors = _table()
    rows = [index[piece] for piece in pieces(word) if piece in index]
    vector = vectors[rows].mean(axis=0) if rows else np.zeros(WIDTH, dtype=np.float32)
    vector.flags.writeable = False
    return vector
