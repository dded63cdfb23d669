"""Running one step over many content files in worker processes, results in input order.

Why a module of its own: the pool, its start method, its size, the order of
results and Ctrl-C are machinery; :mod:`jeugddocs.api` says what happens to a
file. This module imports nothing of the pipeline.

When a pool: the user's ``--jobs`` (or one worker per processor this process may
use), but never more workers than independent pieces of work, and, when the
number is left to us, only as many as get ``files_per_worker`` files each. That
minimum is what starting a worker costs in files: forking one and loading its
templates costs less than rendering one file and about as much as checking eight.
One worker means no pool: the work is done in this process.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Callable, Generator, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from multiprocessing.context import BaseContext
from multiprocessing.synchronize import Event as EventType
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

#: Groups sent ahead per worker, so no worker waits while the next result in input
#: order is still being made; few enough that memory stays flat over any batch.
LOOKAHEAD_PER_WORKER = 8


def available_cpus() -> int:
    """Return how many processors this process may use (its affinity, not the machine's)."""
    if hasattr(os, "process_cpu_count"):  # -- Python 3.13 --
        count: int | None = os.process_cpu_count()
    elif hasattr(os, "sched_getaffinity"):
        count = len(os.sched_getaffinity(0))
    else:
        count = os.cpu_count()
    return count or 1


def worker_count(files: int, units: int, jobs: int | None, files_per_worker: int) -> int:
    """Return how many worker processes a batch gets; 1 means: in this process.

    ``units`` is how many independent pieces of work the ``files`` form (files
    that may write the same output go together). ``jobs`` is what the user asked
    for; ``None`` leaves it to the machine and to the size of the batch.
    """
    if jobs is None:
        jobs = min(available_cpus(), files // files_per_worker)
    return max(1, min(jobs, units))


def in_workers(
    step: Callable[[list[Item]], list[Result]],
    items: Sequence[Item],
    groups: Sequence[Sequence[int]],
    workers: int,
    preload: Sequence[str] = (),
) -> Generator[Result, None, None]:
    """Yield the result for every item, in the order of ``items``, made by ``workers`` processes.

    ``step`` receives the items of one group, in order, and returns one result per
    item; it runs in a worker, so it is a module-level function (or a
    ``functools.partial`` of one) and its results must be small. ``groups`` lists
    item indices, each group ascending, groups ordered by their first index and
    together covering every item once: items that depend on each other share a
    group. ``preload`` names the modules a worker needs, for a fork server to
    import once for all workers.

    Ctrl-C reaches only this process: the workers never see it. They are told to
    stop (:func:`stop_requested`), which a step checks between files, so no
    half-written file is left; groups not yet started are dropped, and
    KeyboardInterrupt reaches the caller once the workers have stopped.
    """
    where = {
        index: (number, rank)
        for number, group in enumerate(groups)
        for rank, index in enumerate(group)
    }
    window = LOOKAHEAD_PER_WORKER * workers
    context = _context(preload)
    stop = context.Event()
    executor = ProcessPoolExecutor(
        workers, mp_context=context, initializer=_start_worker, initargs=(stop,)
    )
    sent: dict[int, Future[list[Result]]] = {}
    next_group = 0
    try:
        for index in range(len(items)):
            number, rank = where[index]
            while next_group <= number or (next_group < len(groups) and len(sent) < window):
                batch = [items[i] for i in groups[next_group]]
                with _interrupts_held_back():
                    sent[next_group] = executor.submit(step, batch)
                next_group += 1
            results = sent[number].result()
            yield results[rank]
            if rank == len(groups[number]) - 1:
                del sent[number]
    except BaseException:
        stop.set()  # -- Ctrl-C, or the caller stopped reading: the workers stop too --
        raise
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


def start_method() -> str:
    """Return how workers are started: ``fork`` where that is safe, else a fork server.

    Forking copies this process, pipeline already imported: a worker is ready in
    milliseconds, where a fork server or ``spawn`` first imports the pipeline again
    (a third of a second, measured, before the first file). Forking is safe on
    Linux in a process that runs no other thread: a thread could hold a lock at
    that moment, which the copy would never see released. The executor starts
    all its forked workers at once, before its own threads. macOS and Windows
    get a fork server or ``spawn``, as do programs that use threads.
    """
    if sys.platform == "linux" and threading.active_count() == 1:
        return "fork"
    if "forkserver" in multiprocessing.get_all_start_methods():
        return "forkserver"
    return "spawn"


def _context(preload: Sequence[str]) -> BaseContext:
    method = start_method()
    context = multiprocessing.get_context(method)
    if method == "fork":
        # -- a copy of unwritten output would be written by the worker as well --
        sys.stdout.flush()
        sys.stderr.flush()
    elif method == "forkserver":
        context.set_forkserver_preload(list(preload))
    return context


@contextmanager
def _interrupts_held_back() -> Iterator[None]:
    """Hold Ctrl-C back while a worker may be started; it is delivered right after.

    Why: a process started meanwhile (a worker, or the fork server) inherits the
    blocked signal, so it never gets Ctrl-C, not even while it starts up, where
    it would print a traceback. And this process is not interrupted halfway
    through starting a worker, which would leave that worker without its queues,
    printing a traceback too. (The executor starts its resource tracker when it is
    made, before this is used: starting one unblocks the signal.)
    """
    if not hasattr(signal, "pthread_sigmask"):  # -- Windows: _ignore_interrupts only --
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


#: This worker's sign from its parent that the batch stops; None outside a worker.
_stop: EventType | None = None


def stop_requested() -> bool:
    """Whether the batch this worker works for is being stopped (Ctrl-C in its parent).

    A step checks it between files, and a long wait (LibreOffice converting) while
    it waits: the group at hand is given up, nothing half-written is left.
    Always False outside a worker, where Ctrl-C raises KeyboardInterrupt itself.
    """
    return _stop is not None and _stop.is_set()


def _start_worker(stop: EventType) -> None:
    global _stop
    _stop = stop
    _ignore_interrupts()


def _ignore_interrupts() -> None:
    """Ignore Ctrl-C in a worker: its parent handles it (see :func:`_interrupts_held_back`).

    Needed besides holding it back where a fork server was already running
    without it, and where signals cannot be blocked.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
