"""Run the marker's small matrix products on one BLAS thread.

The marker multiplies small matrices (tens of token vectors by tens). Multi-threaded OpenBLAS
wakes its threads for each of them, and the threads then spin, taking CPU from the embedding
model; on a busy 2-core machine that cost more than the products themselves. One thread also
makes the figures independent of the machine's core count.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

_LOCK = threading.Lock()
_CONTROLLER: Any = None
_LOADED = False


def _controller() -> Any:
    global _CONTROLLER, _LOADED
    if not _LOADED:
        with _LOCK:
            if not _LOADED:
                try:
                    from threadpoolctl import ThreadpoolController

                    _CONTROLLER = ThreadpoolController()
                except Exception:  # missing or unusable: run as it is
                    _CONTROLLER = None
                _LOADED = True
    return _CONTROLLER


_USERS = 0  # blocks inside one_blas_thread() now, across threads
_LIMITER: Any = None


@contextmanager
def one_blas_thread() -> Iterator[None]:
    """Limit BLAS to one thread inside the block (no-op without threadpoolctl).

    The limit is process-wide, so overlapping blocks (a web server marking in several threads)
    share one: the first sets it and the last restores the original thread count.
    """
    global _USERS, _LIMITER
    controller = _controller()
    if controller is None:
        yield
        return
    with _LOCK:
        if _USERS == 0:
            _LIMITER = controller.limit(limits=1, user_api="blas")
        _USERS += 1
    try:
        yield
    finally:
        with _LOCK:
            _USERS -= 1
            if _USERS == 0 and _LIMITER is not None:
                _LIMITER.restore_original_limits()
                _LIMITER = None
