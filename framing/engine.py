"""Where the per-article stages run: in this process, in a pool of processes, or on Dask.

Reading an article (cleaning it and building its text layer) and matching the lexicons in it
depend on that article alone, so an engine maps them over the articles, in chunks, and hands
the results back in the articles' order. Everything that compares articles (actors found
across outlets, mentions, quotations, counts, shared copy, the findings) runs where the engine
was called: the results, and so the report, are the same on every engine.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
from typing import Any, Protocol, TypeVar

from framing.errors import InputError

C = TypeVar("C")
T = TypeVar("T")
R = TypeVar("R")

MAX_WORKERS = 4
CHUNK = 8  # articles sent to a worker at a time
CONNECT_SECONDS = 10  # how long to wait for a scheduler to answer
WORKERS_SECONDS = 60  # ... and for its first worker


class Engine(Protocol):
    """Maps a per-article function over items, in chunks, yielding results in order."""

    def map(self, fn: Callable[[C, T], R], shared: C, items: Sequence[T]) -> Iterator[R]:
        """``fn(shared, item)`` for each item; ``shared`` goes to each worker once."""
        ...


@dataclass(frozen=True)
class InProcess:
    """One item after the other in this process: the engine for small corpora, and for stages
    whose input costs more to send to another process than to work on (matching)."""

    def map(self, fn: Callable[[C, T], R], shared: C, items: Sequence[T]) -> Iterator[R]:
        return (fn(shared, item) for item in items)


@dataclass(frozen=True)
class ProcessPool:
    """One process per core (at most ``MAX_WORKERS``) on this machine."""

    workers: int

    def map(self, fn: Callable[[C, T], R], shared: C, items: Sequence[T]) -> Iterator[R]:
        with ProcessPoolExecutor(max_workers=self.workers) as pool:
            yield from pool.map(partial(fn, shared), items, chunksize=CHUNK)


def local_pool(items: int, parallel_from: int) -> Engine:
    """A pool of processes from ``parallel_from`` items on a machine with two cores or more;
    else this process."""
    workers = min(os.cpu_count() or 1, MAX_WORKERS)
    if items < parallel_from or workers < 2:
        return InProcess()
    return ProcessPool(workers)


class DaskEngine:
    """The per-article stages on a Dask cluster: the scheduler at ``address``, or a cluster of
    local processes started here (and closed by ``close``) when no address is given.

    Each chunk of articles is one task; the shared input (the lexicons' index) is sent once per
    stage, as a task the chunks depend on; results are gathered in the articles' order, so the
    report is byte for byte the local engine's.
    """

    def __init__(self, address: str | None = None, workers: int | None = None,
                 chunk: int = CHUNK) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError as err:
            raise InputError("the Dask engine needs Dask's distributed scheduler: pip install "
                             "'framing[dask]' (or pip install 'dask[distributed]')") from err
        self.chunk = chunk
        self._cluster: Any = None
        if address is None:
            self._cluster = LocalCluster(  # type: ignore[no-untyped-call]
                n_workers=workers or min(os.cpu_count() or 1, MAX_WORKERS),
                threads_per_worker=1, processes=True, host="127.0.0.1",
                dashboard_address=":0")  # any free port: never a clash with another cluster
            address = self._cluster.scheduler_address
        try:
            self._client: Any = Client(  # type: ignore[no-untyped-call]
                address, timeout=f"{CONNECT_SECONDS}s")
        except OSError as err:
            self.close()
            raise InputError(f"no Dask scheduler answers at {address} ({err}); start one "
                             "(dask scheduler) or leave out --scheduler for a local "
                             "cluster") from err
        try:
            self._client.wait_for_workers(1, timeout=WORKERS_SECONDS)
        except TimeoutError as err:
            self.close()
            raise InputError(f"the Dask scheduler at {address} has no worker after "
                             f"{WORKERS_SECONDS} s; start workers (dask worker {address}) "
                             "and run again") from err

    def map(self, fn: Callable[[C, T], R], shared: C, items: Sequence[T]) -> Iterator[R]:
        # A task that returns the shared input, not scattered data: if a worker holding it is
        # lost, the scheduler computes it again (scattered data would be gone for good).
        shared_future = self._client.submit(_given, shared, pure=False)
        chunks = [items[i:i + self.chunk] for i in range(0, len(items), self.chunk)]
        futures = [self._client.submit(_chunk, fn, shared_future, chunk, pure=False)
                   for chunk in chunks]
        for future in futures:
            yield from future.result()
            future.release()

    def close(self) -> None:
        """Disconnect; stop the local cluster if this engine started it."""
        client = getattr(self, "_client", None)
        if client is not None:
            client.close()
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None

    def __enter__(self) -> DaskEngine:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def _given(value: C) -> C:
    """The shared input of a stage, as a task's result."""
    return value


def _chunk(fn: Callable[[C, T], R], shared: C, items: Sequence[T]) -> list[R]:
    """One task's work: ``fn`` over a chunk of items, on a worker."""
    return [fn(shared, item) for item in items]
