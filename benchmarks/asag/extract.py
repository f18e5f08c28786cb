"""Run the marker's embedding and feature steps over a dataset once, with an on-disk cache.

The cache key is a hash of the marker's source code, the shipped tokenizer and the dataset's
answers, so an edit to the marker or the data recomputes the features (never stale).
"""

from __future__ import annotations

import hashlib
import sys
import time
from pathlib import Path

import numpy as np
from datasets import REPO, Item

sys.path.insert(0, str(REPO / "src"))

from clio.mark.features import FEATURE_NAMES
from clio.mark.marker import assess_prepared, prepare_items
from clio.mark.schemes import scheme_from_reference

CACHE = Path(__file__).resolve().parent / ".cache"
CHUNK = 512


def _code_hash() -> str:
    digest = hashlib.sha256()
    src = REPO / "src" / "clio"
    # classset.py is read when the figures are computed, never stored in the cache.
    paths = [p for p in src.glob("mark/*.py") if p.name != "classset.py"]
    for path in sorted([*paths, src / "embed.py"]):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def _data_hash(items: list[Item], max_marks: int) -> str:
    digest = hashlib.sha256(str(max_marks).encode())
    for it in items:
        digest.update("\x1f".join([it.qid, it.question, it.reference, it.answer]).encode())
    return digest.hexdigest()[:12]


def features(name: str, items: list[Item], *, max_marks: int) -> dict[str, np.ndarray]:
    """Feature rows, guard caps, zero-training scores and answer vectors (cached on disk)."""
    CACHE.mkdir(exist_ok=True)
    (CACHE / ".gitignore").write_text("*\n")
    path = CACHE / f"{name}-{_code_hash()}-{_data_hash(items, max_marks)}.npz"
    if path.exists():
        with np.load(path) as data:
            return {k: data[k] for k in data.files}
    started = time.perf_counter()
    rows, caps, zero_score, zero_raw, vectors = [], [], [], [], []
    schemes = {}
    for start in range(0, len(items), CHUNK):
        chunk = items[start : start + CHUNK]
        triples = []
        for it in chunk:
            key = (it.reference, max_marks)
            if key not in schemes:
                schemes[key] = scheme_from_reference(it.reference or it.question, max_marks)
            triples.append((it.question, schemes[key], it.answer))
        for prepared in prepare_items(triples):
            result = assess_prepared(prepared, scorer=None)
            values = result.features.values if result.features else (0.0,) * len(FEATURE_NAMES)
            rows.append(values)
            caps.append(result.cap)
            zero_score.append(result.mark.score)
            zero_raw.append(result.capped)
            vectors.append(prepared.answer.vector)
        print(f"  {name}: {min(start + CHUNK, len(items))}/{len(items)} answers", file=sys.stderr)
    out = {
        "X": np.asarray(rows, dtype=np.float64),
        "cap": np.asarray(caps, dtype=np.float64),
        "zero_score": np.asarray(zero_score, dtype=np.float64),
        "zero_raw": np.asarray(zero_raw, dtype=np.float64),
        "vectors": np.asarray(vectors, dtype=np.float32),  # the answers' vectors (class sets)
        "seconds": np.asarray(time.perf_counter() - started),
    }
    np.savez(path, **out)
    return out
