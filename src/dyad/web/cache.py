"""A small answer cache for the API, valid while the store does not change.

Every answer is keyed by the request (path and query) and by the store's manifest stamp,
so a batch committed by an ingest makes every older answer stale at once. Bounded (LRU),
thread-safe, owned by one app (no module-level state).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any


class AnswerCache:
    def __init__(self, maxsize: int = 512) -> None:
        self.maxsize = maxsize
        self._items: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()
        self._inflight: dict[Hashable, threading.Lock] = {}
        self.hits = 0
        self.misses = 0

    def _peek(self, key: Hashable) -> tuple[bool, Any]:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                self.hits += 1
                return True, self._items[key]
            return False, None

    def get(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        """The cached answer for ``key``; when missing, one caller computes it and the others wait."""
        if self.maxsize <= 0:
            return compute()
        found, value = self._peek(key)
        if found:
            return value
        with self._lock:
            flight = self._inflight.setdefault(key, threading.Lock())
        with flight:
            found, value = self._peek(key)
            if found:
                return value
            with self._lock:
                self.misses += 1
            try:
                value = compute()
            finally:
                with self._lock:
                    self._inflight.pop(key, None)
            with self._lock:
                self._items[key] = value
                self._items.move_to_end(key)
                while len(self._items) > self.maxsize:
                    self._items.popitem(last=False)
        return value

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
