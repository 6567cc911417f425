"""The learned event detector: a multinomial logistic model over hashed sparse features and
the model's contextual token vectors, trained with Adam in NumPy.

For each candidate token it gives a probability for "no event" and for each PLOVER type.
The weights ship inside the package as a compressed ``.npz`` (no pickle), with the
training data's hash and the model version in its metadata.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from dyad.datafiles import data_path
from dyad.detector.features import featurise, is_candidate
from dyad.errors import ModelError
from dyad.ontology import EVENT_TYPES

LABELS = ("O", *EVENT_TYPES)
DEFAULT_PATH = ("models", "detector.npz")


@dataclass(frozen=True, slots=True)
class Detection:
    """A token the detector takes for an event trigger."""

    token: int
    type: str
    probability: float


@dataclass
class DetectorModel:
    sparse: np.ndarray  # (buckets, labels)
    dense: np.ndarray  # (dense_dim, labels)
    bias: np.ndarray  # (labels,)
    meta: dict[str, Any] = field(default_factory=dict)
    threshold: float = 0.5

    @property
    def buckets(self) -> int:
        return int(self.sparse.shape[0])

    @property
    def version(self) -> str:
        return str(self.meta.get("version", "unknown"))

    def logits(self, idx: np.ndarray, dense: np.ndarray) -> np.ndarray:
        out = self.sparse[idx].sum(axis=0) + self.bias
        if dense.size and dense.shape[0] == self.dense.shape[0]:
            out = out + dense @ self.dense
        return np.asarray(out, dtype=np.float32)

    def predict_token(self, tok: Any, lexicon_type: Callable[[Any], str | None]) -> np.ndarray:
        idx, dense = featurise(tok, lexicon_type, self.buckets)
        z = self.logits(idx, dense)
        z = z - z.max()
        p = np.exp(z)
        return np.asarray(p / p.sum())

    def detect(self, sent: Any, lexicon_type: Callable[[Any], str | None]) -> list[Detection]:
        """Tokens of ``sent`` whose most likely label is an event type above the threshold."""
        out = []
        for tok in sent:
            if not is_candidate(tok):
                continue
            p = self.predict_token(tok, lexicon_type)
            best = int(p.argmax())
            if best and p[best] >= self.threshold:
                out.append(Detection(tok.i, LABELS[best], float(p[best])))
            elif best == 0 and 1 - p[0] >= self.threshold:
                alt = int(p[1:].argmax()) + 1
                out.append(Detection(tok.i, LABELS[alt], float(p[alt])))
        return out

    # -- persistence ---------------------------------------------------------------
    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(
            path,
            sparse=self.sparse.astype(np.float16),
            dense=self.dense.astype(np.float32),
            bias=self.bias.astype(np.float32),
            meta=np.frombuffer(json.dumps(self.meta | {"threshold": self.threshold}).encode(), dtype=np.uint8),
        )

    @classmethod
    def load(cls, path: Path | None = None) -> DetectorModel:
        path = path or data_path(*DEFAULT_PATH)
        try:
            with np.load(path, allow_pickle=False) as z:
                meta = json.loads(bytes(z["meta"]).decode())
                return cls(z["sparse"].astype(np.float32), z["dense"], z["bias"], meta, float(meta["threshold"]))
        except (OSError, KeyError, ValueError) as exc:
            raise ModelError(f"cannot load the event detector from {path}: {exc}") from exc


def train(
    examples: Sequence[tuple[np.ndarray, np.ndarray, int]],
    buckets: int,
    dense_dim: int,
    *,
    epochs: int = 12,
    lr: float = 0.05,
    l2: float = 1e-6,
    seed: int = 0,
) -> DetectorModel:
    """Fit the model on (sparse indices, dense vector, label index) examples."""
    rng = np.random.default_rng(seed)
    n_labels = len(LABELS)
    W = np.zeros((buckets, n_labels), np.float32)
    D = np.zeros((dense_dim, n_labels), np.float32)
    b = np.zeros(n_labels, np.float32)
    # class weights: events are rare against "O"; weigh them up so recall is not starved
    counts = np.bincount([y for _, _, y in examples], minlength=n_labels).astype(np.float32)
    cw = np.where(counts > 0, (counts.sum() / np.maximum(counts, 1)) ** 0.5, 1.0)
    cw = cw / cw[0]
    mD: np.ndarray = np.zeros_like(D)
    vD: np.ndarray = np.zeros_like(D)
    t = 0
    order = np.arange(len(examples))
    for _ in range(epochs):
        rng.shuffle(order)
        for i in order:
            idx, dense, y = examples[int(i)]
            z = W[idx].sum(axis=0) + b + (dense @ D if dense.size == dense_dim else 0)
            z = z - z.max()
            p = np.exp(z)
            p /= p.sum()
            g = p.copy()
            g[y] -= 1.0
            g *= cw[y]
            t += 1
            # sparse part: plain SGD (Adam state per bucket would be large); dense: Adam
            W[idx] -= lr * (g + l2 * W[idx])
            b -= lr * g
            if dense.size == dense_dim:
                gD = np.outer(dense, g)
                mD = 0.9 * mD + 0.1 * gD
                vD = 0.999 * vD + 0.001 * gD * gD
                D -= 0.01 * lr * (mD / (1 - 0.9**t)) / (np.sqrt(vD / (1 - 0.999**t)) + 1e-8)
        lr *= 0.8
    return DetectorModel(W, D, b)
