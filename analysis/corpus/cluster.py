"""Many articles on Dask workers, on this machine or several: the results batch.run gives.

    python -m analysis ARTICLES... --out corpus.duckdb --scheduler tcp://HOST:8786
    python -m analysis ARTICLES... --out corpus.duckdb --dask    # a cluster on this machine

Only file paths and names travel to the workers, a few articles per task; a worker reads
the files itself (so every worker must see them at the same paths: shared storage),
loads the models on its first task and keeps them. The results come back in input order
with a few tasks per worker thread in flight, so memory stays flat however long the run,
and go to the same writing code as a local run's: the tables are the same.

Nothing about one article stops the others, as in batch.run: an article that cannot be
read or analysed comes back as that article's error; a task whose worker died is run
again an article at a time, and an article whose worker dies again is named. Losing the
scheduler, or every worker for good, ends the run with a SchedulerError (what is in a
store stays there; a rerun goes on).

Dask is imported only here, and only when a run asks for it.
"""
from __future__ import annotations

import logging
import math
import os
import signal
import threading
import time
from asyncio import CancelledError
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import TYPE_CHECKING

from .batch import Item, Result, analyse_items, load_models

if TYPE_CHECKING:
    from distributed import Client, Future

TASK = 4  # articles per task at most: a task's overhead is small beside them, the workers stay balanced
AHEAD = 2  # tasks in flight per worker thread: one running, one ready to start
CONNECT_SECONDS = 10  # to reach a scheduler
NO_WORKERS_SECONDS = 60  # a scheduler without workers this long is refused, at the start or mid-run
POLL_SECONDS = 5

_engine = threading.Lock()  # a worker with several threads still analyses one article at a time


class SchedulerError(Exception):
    """The scheduler cannot be reached, has no workers, or went away mid-run."""


# The local cluster's scheduler: a task whose worker died fails at once and comes back to
# run() to be retried per article; a worker holds only the task it runs, so a death is
# charged to that task alone. Its workers do not sample their threads' stacks every 10 ms
# for the dashboard's profile, which nobody here reads: the sampling held the GIL through
# spaCy's deep stacks, about 5% of the workers' CPU. Their memory allocator keeps its
# defaults: Dask's MALLOC_TRIM_THRESHOLD_ (64 kB) fixes glibc's thresholds, so every array
# past 128 kB was mapped and unmapped anew: three times the page faults, twice the system time.
LOCAL_SCHEDULER = {"distributed.scheduler.allowed-failures": 0, "distributed.scheduler.worker-saturation": 1.0,
                   "distributed.worker.profile.enabled": False,
                   "distributed.nanny.pre-spawn-environ": {"OMP_NUM_THREADS": 1, "MKL_NUM_THREADS": 1,
                                                           "OPENBLAS_NUM_THREADS": 1}}


@contextmanager
def connect(scheduler: str | None, *, workers: int) -> Iterator[Client]:
    """A client of the scheduler at `scheduler`, or of a cluster on this machine of
    `workers` single-threaded processes (stopped on leaving)."""
    from distributed import Client

    _quiet()
    if scheduler is not None:
        with _remote(scheduler) as client:
            yield client
        return
    with local_cluster(workers) as cluster, Client(cluster) as client:
        yield client


@contextmanager
def local_cluster(workers: int):
    """A LocalCluster of `workers` single-threaded processes, listening on this machine only;
    its web page (health, metrics) on a free port, not Dask's usual 8787 another may hold."""
    import dask
    from distributed import LocalCluster

    with dask.config.set(LOCAL_SCHEDULER), \
            LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, silence_logs=logging.ERROR,
                         dashboard_address=None, scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
                         preload=[__name__]) as cluster:
        yield cluster


def dask_setup(worker) -> None:
    """Run by each worker of the local cluster as it starts (its preload): Ctrl-C reaches
    every process of the terminal, and it is the command's to stop the run and the
    cluster; a worker that took it too would die mid-article with a traceback."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


@contextmanager
def _remote(scheduler: str) -> Iterator[Client]:
    """A client of a running scheduler that has at least one worker."""
    from distributed import Client

    try:
        client = Client(scheduler, timeout=CONNECT_SECONDS)
    except (OSError, ValueError) as exc:  # TimeoutError and refused connections are OSErrors
        raise SchedulerError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
    with client:
        try:
            client.wait_for_workers(1, timeout=NO_WORKERS_SECONDS)
        except TimeoutError:
            raise SchedulerError(f"the Dask scheduler at {scheduler} has no workers after {NO_WORKERS_SECONDS} s: "
                                 f"start some with `dask worker {scheduler}`") from None
        yield client


def _quiet() -> None:
    """Dask's own log lines only for errors: the progress line and summary say the rest."""
    logging.getLogger("distributed").setLevel(logging.ERROR)


def threads(client: Client) -> int:
    """The worker threads of the cluster: the articles analysed at once."""
    return max(1, sum(client.nthreads().values()))


def run(items: list[Item], client: Client) -> Iterator[Result]:
    """Every item's result, in input order, from the cluster's workers."""
    width = threads(client)
    size = max(1, min(TASK, math.ceil(len(items) / width)))
    pending: deque[tuple[list[Item], Future]] = deque()
    for start in range(0, len(items), size):
        batch = items[start:start + size]
        pending.append((batch, _submit(client, batch)))
        if len(pending) >= AHEAD * width:
            yield from _collect(client, *pending.popleft())
    while pending:
        yield from _collect(client, *pending.popleft())


def _collect(client: Client, batch: list[Item], future: Future) -> list[Result]:
    """A task's results. If its worker died, each of its articles again in a task of its own,
    so the one that kills a worker again is named and the others land; if the task failed
    (a worker without the project installed, say), that is each of its articles' error."""
    from distributed import KilledWorker

    try:
        return [Result(item, got.tables, got.error) for item, got in zip(batch, _wait(client, future), strict=True)]
    except KilledWorker:
        if len(batch) == 1:
            return [Result(batch[0], None, "analysis failed: its Dask worker died twice (out of memory?)")]
        alone = [(item, _submit(client, [item])) for item in batch]
        return [result for item, again in alone for result in _collect(client, [item], again)]
    except SchedulerError:
        raise
    except (Exception, CancelledError) as exc:  # noqa: BLE001 - reported for each article, never hidden
        _check_scheduler(client)
        return [Result(item, None, f"analysis failed on its Dask worker: {type(exc).__name__}: {exc}")
                for item in batch]


def _submit(client: Client, batch: list[Item]) -> Future:
    """A task for a batch, its paths made absolute: a worker on another machine was started
    in a folder of its own. Their results are given back the items as named here."""
    absolute = [replace(item, path=item.path.absolute()) for item in batch]
    return client.submit(analyse_batch, absolute, pure=False)


def _wait(client: Client, future: Future) -> list[Result]:
    """The future's result, checking every few seconds that the scheduler and some worker are
    still there (a remote scheduler whose workers are all gone would wait forever)."""
    idle_since = None
    while True:
        try:
            return future.result(timeout=POLL_SECONDS)
        except TimeoutError:
            pass
        _check_scheduler(client)
        idle_since = None if client.nthreads() else idle_since or time.monotonic()
        if idle_since is not None and time.monotonic() - idle_since > NO_WORKERS_SECONDS:
            raise SchedulerError(f"the Dask scheduler at {client.scheduler.address} has had no workers for "
                                 f"{NO_WORKERS_SECONDS} s")


def _check_scheduler(client: Client) -> None:
    if client.status != "running":
        raise SchedulerError(f"lost the Dask scheduler at {client.scheduler.address}")


def analyse_batch(items: list[Item]) -> list[Result]:
    """Runs on a worker: the models load on its first task and stay loaded for the rest.

    One thread for the tone model, as each worker has a core; one article at a time in a
    process, as the engine's models and caches are not made for threads."""
    with _engine:
        os.environ["NEWS_READER_TONE_THREADS"] = "1"
        load_models()
        return analyse_items(items)
