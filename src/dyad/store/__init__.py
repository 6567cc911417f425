"""The embedded event store: Parquet parts on disk, DuckDB in process, DataFrames out."""

from __future__ import annotations

from dyad.store.aggregates import Filters
from dyad.store.layout import Layout
from dyad.store.store import Store

__all__ = ["Filters", "Layout", "Store"]
