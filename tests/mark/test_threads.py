"""The marker's BLAS thread limit: scoped to the block, harmless without threadpoolctl."""

from __future__ import annotations

import pytest
from threadpoolctl import threadpool_info

from clio.mark import threads
from clio.mark.threads import one_blas_thread


def _blas_threads() -> list[int]:
    return [i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"]


def test_one_thread_inside_and_restored_after() -> None:
    before = _blas_threads()
    with one_blas_thread():
        assert all(n == 1 for n in _blas_threads())
    assert _blas_threads() == before


def test_no_controller_is_a_no_op(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(threads, "_LOADED", True)
    monkeypatch.setattr(threads, "_CONTROLLER", None)
    with one_blas_thread():
        pass


def test_overlapping_blocks_restore_once_at_the_end() -> None:
    before = _blas_threads()
    outer = one_blas_thread()
    inner = one_blas_thread()
    outer.__enter__()
    inner.__enter__()
    outer.__exit__(None, None, None)  # the first block ends while the other is still inside
    assert all(n == 1 for n in _blas_threads())
    inner.__exit__(None, None, None)
    assert _blas_threads() == before
