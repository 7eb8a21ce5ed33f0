"""The shipped static word vectors (distilled from all-MiniLM-L6-v2 by training/distill.py) and their
numpy-only WordPiece lookup: the tokenizer splits as BERT uncased does, words near in meaning are
near in the vectors, and nothing a caller passes gives a broken vector."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from eventwire.events import static_vectors as sv
from eventwire.events.static_vectors import WIDTH, basic_tokens, pieces, word_vector, wordpieces


def cos(a: str, b: str) -> float:
    u, v = word_vector(a), word_vector(b)
    return float(u @ v / (np.linalg.norm(u) * np.linalg.norm(v)))


def test_the_shipped_file_has_the_whole_vocabulary_and_is_small():
    assert sv.WEIGHTS_FILE.stat().st_size < 6 * 1024 * 1024
    with np.load(sv.WEIGHTS_FILE, allow_pickle=False) as data:
        assert data["tokens"].shape == (30522,)
        assert data["vectors"].shape == (30522, WIDTH) and data["vectors"].dtype == np.float16
        assert np.isfinite(data["vectors"]).all()


def test_vectors_are_float32_of_the_width():
    vector = word_vector("attack")
    assert WIDTH == 64 and vector.shape == (WIDTH,) and vector.dtype == np.float32
    assert np.linalg.norm(vector) > 0


def test_known_words_are_their_own_single_piece():
    for word in ("attack", "meeting", "protest", "negotiations", "sanctions", "bombing"):
        assert pieces(word) == [word]
    assert pieces("Attack") == ["attack"]  # uncased
    assert pieces("Café") == ["cafe"] and pieces("naïve") == ["naive"]  # accents stripped


def test_a_word_outside_the_vocabulary_splits_into_vocabulary_pieces():
    split = pieces("torpedoed")
    assert split == ["torpedo", "##ed"]
    vocabulary = sv._table()[0]
    assert all(piece in vocabulary for piece in split)
    assert len(pieces("unhelpfulness")) > 1 and all(p in vocabulary for p in pieces("unhelpfulness"))


def test_wordpiece_is_greedy_longest_match_first_with_unk_fallback():
    vocab = frozenset({"un", "##aff", "##able", "##ble"})
    assert wordpieces("unaffable", vocab) == ["un", "##aff", "##able"]
    assert wordpieces("unable", vocab | {"una"}) == ["una", "##ble"]  # the longest first piece wins
    assert wordpieces("unaffable", vocab | {"una"}) == ["[UNK]"]  # and is never taken back, as in BERT
    assert wordpieces("unx", vocab) == ["[UNK]"]  # one uncoverable part makes the whole word [UNK]
    assert wordpieces("a" * 101, frozenset({"a", "##a"})) == ["[UNK]"]  # BERT's length limit


def test_basic_tokens_split_punctuation_and_drop_control_characters():
    assert basic_tokens("Cease-fire in the U.S.!") == ["cease", "-", "fire", "in", "the", "u", ".", "s", ".", "!"]
    assert basic_tokens("Zürich\u200b  talks\x00") == ["zurich", "talks"]
    assert basic_tokens("北京") == ["北", "京"]


def test_words_near_in_meaning_are_near_in_the_vectors():
    assert cos("attack", "assault") > cos("attack", "meeting")
    assert cos("attack", "raid") > cos("attack", "meeting")
    assert cos("talks", "negotiations") > cos("talks", "bombing")
    assert cos("protest", "demonstration") > cos("protest", "meeting")
    assert cos("arrested", "detained") > cos("arrested", "praised")


@pytest.mark.parametrize("text", ["xqzvvkj", "🙂🙂", "a" * 300, "\x00\u200b!", "!!!", "ДРУГ", "torpedoed",
                                  "a whole phrase, with punctuation."])
def test_any_string_gives_a_finite_vector(text):
    vector = word_vector(text)
    assert vector.shape == (WIDTH,) and vector.dtype == np.float32 and np.isfinite(vector).all()


def test_empty_gives_zeros_and_vectors_are_shared_read_only():
    assert not word_vector("").any() and not word_vector("   ").any()
    assert word_vector("raid") is word_vector("raid")
    with pytest.raises(ValueError):
        word_vector("raid")[0] = 1.0


def test_a_missing_weights_file_gives_zeros(monkeypatch, tmp_path):
    monkeypatch.setattr(sv, "WEIGHTS_FILE", tmp_path / "absent.npz")
    sv._table.cache_clear()
    sv.word_vector.cache_clear()
    try:
        vector = word_vector("attack")
        assert vector.shape == (WIDTH,) and vector.dtype == np.float32 and not vector.any()
    finally:
        monkeypatch.undo()
        sv._table.cache_clear()
        sv.word_vector.cache_clear()
    assert word_vector("attack").any()


def test_loads_fast_without_torch():
    script = ("import sys, time\n"
              "from eventwire.events import static_vectors as sv\n"
              "start = time.perf_counter(); sv.word_vector('attack'); took = time.perf_counter() - start\n"
              "assert 'torch' not in sys.modules, 'torch was imported'\n"
              "print(took)\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert float(done.stdout) < 1.0
