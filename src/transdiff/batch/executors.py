"""Where the pairs run: a local process pool (default) or a Dask distributed cluster (--scheduler).

Both yield PairOutcomes as they finish and never raise for one pair's failure. Closing the
generator (the batch ends, is interrupted or fails) stops the workers and cancels what is left.
"""
from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Iterator

from ..errors import InputError
from .worker import PairOutcome, PairTask, failed_outcome, run_pair, warm_up

WORKER_DIED = "the worker process died while comparing this pair (out of memory, or a crash in a library)"
_PARENT_CHECK_SECONDS = 1.0


# --------------------------------------------------------------------------- local process pool
def _init_worker(parent_pid: int) -> None:
    # Ctrl-C is the parent's to handle: it records what finished and stops the workers itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A parent killed with SIGKILL cannot stop its workers; they notice and leave on their own.
    threading.Thread(target=_exit_with_parent, args=(parent_pid,), daemon=True).start()


def _exit_with_parent(parent_pid: int) -> None:
    while os.getppid() == parent_pid:
        time.sleep(_PARENT_CHECK_SECONDS)
    os._exit(1)


def _new_pool(jobs: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(os.getpid(),))


def _stop_pool(executor: ProcessPoolExecutor, *, finished: bool) -> None:
    if finished:
        executor.shutdown(wait=True)
        return
    processes = list((getattr(executor, "_processes", None) or {}).values())
    executor.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()
    for process in processes:
        process.join(5)


def run_in_pool(tasks: list[PairTask], jobs: int) -> Iterator[PairOutcome]:
    """Run the tasks on ``jobs`` processes. A task whose process dies is retried alone, so that only
    the pair that really kills its worker is recorded as failed."""
    if not tasks:
        return
    forking = multiprocessing.get_start_method() == "fork"
    if forking:
        # Forked workers share this process's dictionary: loaded once in all instead of once per
        # worker. Frozen, its objects are never scanned by the workers' garbage collector, so their
        # memory pages stay shared and the collections stay short.
        warm_up(tasks[0].options)
        gc.freeze()
    pending: deque[PairTask] = deque(tasks)
    suspects: deque[PairTask] = deque()
    running: dict[Future, tuple[PairTask, bool]] = {}
    executor = _new_pool(jobs)
    finished = False
    # A short queue: few tasks are lost to a broken pool, and workers never wait for the parent.
    in_flight = 2 * jobs
    try:
        while pending or suspects or running:
            if suspects:
                if not running:
                    task = suspects.popleft()
                    running[executor.submit(run_pair, task)] = (task, True)
            else:
                while pending and len(running) < in_flight:
                    task = pending.popleft()
                    running[executor.submit(run_pair, task)] = (task, False)
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            broken = False
            for future in done:
                task, alone = running.pop(future)
                try:
                    outcome = future.result()
                except BrokenProcessPool:
                    broken = True
                    if alone:
                        yield failed_outcome(task.record, WORKER_DIED, time.perf_counter())
                    else:
                        suspects.append(task)
                    continue
                yield outcome
            if broken:
                # Every other task of the broken pool is lost too; none of them is known guilty.
                suspects.extend(task for task, _ in running.values())
                running.clear()
                _stop_pool(executor, finished=False)
                executor = _new_pool(jobs)
        finished = True
    finally:
        _stop_pool(executor, finished=finished)
        if forking:
            gc.unfreeze()


# --------------------------------------------------------------------------- Dask distributed
def require_dask() -> None:
    """InputError unless Dask distributed can be imported (checked before a batch touches OUTDIR)."""
    try:
        import distributed  # noqa: F401
    except ImportError:
        raise InputError("--scheduler needs Dask distributed: pip install 'transdiff[dask]'") from None


def run_in_dask(tasks: list[PairTask], address: str) -> Iterator[PairOutcome]:
    """Run the tasks on the Dask cluster whose scheduler is at ``address``. The workers must see the
    input files under the same paths (a shared file system) and have transdiff installed."""
    require_dask()
    from distributed import Client
    try:
        client = Client(address, timeout="20s")
    except (OSError, TimeoutError, ValueError) as exc:
        raise InputError(f"cannot connect to the Dask scheduler at {address} ({exc})") from None
    return _dask_outcomes(client, tasks)


def _dask_outcomes(client, tasks: list[PairTask]) -> Iterator[PairOutcome]:
    from distributed import as_completed

    futures = {}
    try:
        for task in tasks:
            futures[client.submit(run_pair, task, pure=False)] = task
        for future in as_completed(list(futures)):
            task = futures.pop(future)
            try:
                outcome = future.result()
            except Exception as exc:  # KilledWorker and friends: the pair is recorded, the batch goes on
                first = str(exc).splitlines()[0] if str(exc) else ""
                outcome = failed_outcome(task.record, f"the Dask worker failed: {type(exc).__name__}: {first}",
                                  time.perf_counter())
            future.release()
            yield outcome
    finally:
        if futures:
            client.cancel(list(futures))
        client.close()
