"""The local engine's worker processes: one pipe each, results handed back in input order.

Not ``multiprocessing.Pool``: its workers share one task queue behind a lock that an idle
worker holds while it waits, so a worker killed then (SIGTERM to the whole process group, as a
terminal or a service manager sends it) left ``Pool.terminate`` waiting for that lock forever,
and a run killed outright left its semaphores to the resource tracker ("leaked semaphore"
warnings) and its workers writing to a closed pipe (BrokenPipe tracebacks). Here each worker
has a pipe of its own and no lock is shared: any process may die at any moment, and ``stop``
ends the others and returns.

Each worker holds up to ``PER_WORKER`` tasks, so that it starts the next as soon as it has
sent a result. Tasks go down its pipe from a thread of the main process (a task or a result
can be megabytes, far over a pipe's buffer: were the main thread to send, it and a worker
could each wait to write to the other), while the main thread reads results. Results that
come back ahead of an earlier one wait in the main process, at most ``window`` tasks in all.

A result may come with a file descriptor (``Handed``): the worker sends the result, then the
descriptor itself over its pipe (a Unix socket, SCM_RIGHTS), and closes its own. So a result
of a hundred megabytes can stay in an anonymous memory file the main process copies from in
the kernel, instead of travelling through the pipe and the main process's memory. Descriptors
of results never yielded (a run stopped early) are closed by ``stop``.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import queue
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing import resource_tracker
from multiprocessing.connection import Connection, wait
from multiprocessing.reduction import recv_handle, send_handle
from typing import Any

from .stopping import Interrupted, sigint_ignored

# Seconds a worker asked to stop may take before it is killed.
STOP_SECONDS = 5
# Tasks one worker holds at once: the one it extracts, and the next.
PER_WORKER = 2
_STOP = None  # the task that tells a worker to exit


class WorkerDied(Exception):
    """A worker process ended while it had a task (the OOM killer, a crash of the interpreter)."""


@dataclass(frozen=True, slots=True)
class Handed:
    """A result and a file descriptor handed over beside it; whoever holds it closes ``fd``."""

    result: Any
    fd: int  # in the worker, its own; in the main process, the copy received


def discard(result: Any) -> None:
    """Close the descriptor of a result that will not be used (any other result: nothing)."""
    if isinstance(result, Handed):
        with contextlib.suppress(OSError):
            os.close(result.fd)


def _serve(connection: Connection, function: Callable, initializer: Callable, args: tuple) -> None:
    """Run in a worker: answer each task with ``function``'s result until told to stop."""
    initializer(*args)
    while True:
        try:
            task = connection.recv()
        except EOFError:  # the main process is gone
            return
        if task is _STOP:
            return
        result = function(task)
        connection.send(result)
        if isinstance(result, Handed):
            send_handle(connection, result.fd, os.getppid())
            os.close(result.fd)


def _received(pipe: Connection) -> Any:
    """Receive a result, and the descriptor that comes after a ``Handed`` one."""
    result = pipe.recv()
    if isinstance(result, Handed):
        return Handed(result.result, recv_handle(pipe))
    return result


def _feed(tasks: queue.SimpleQueue, connection: Connection) -> None:
    """Run in a thread of the main process: send one worker its tasks, in order."""
    while True:
        task = tasks.get()
        try:
            connection.send(task)
        except OSError:  # the worker is gone (its death is the main thread's to report)
            return
        if task is _STOP:
            return


class Workers:
    """``count`` processes that apply ``function`` to tasks, started with ``spawn``."""

    def __init__(
        self, count: int, function: Callable, initializer: Callable, args: tuple = ()
    ) -> None:
        context = multiprocessing.get_context("spawn")
        # Started now, not by the first worker's start: it unblocks SIGINT as it starts, which
        # would drop one held by sigint_ignored below.
        resource_tracker.ensure_running()
        self._processes: list[Any] = []
        self._pipes: list[Connection] = []
        self._queues: list[queue.SimpleQueue] = []
        self._done: dict[int, Any] = {}  # see ordered; stop closes their descriptors
        try:
            with sigint_ignored():  # the workers never see Ctrl-C: the main process stops them
                for _ in range(count):
                    mine, theirs = context.Pipe()
                    process = context.Process(
                        target=_serve, args=(theirs, function, initializer, args), daemon=True
                    )
                    process.start()
                    theirs.close()
                    self._processes.append(process)
                    self._pipes.append(mine)
        except BaseException:  # a signal held while they started: stop those started
            self.stop()
            raise
        for pipe in self._pipes:
            tasks: queue.SimpleQueue = queue.SimpleQueue()
            threading.Thread(target=_feed, args=(tasks, pipe), daemon=True).start()
            self._queues.append(tasks)

    def ordered(self, tasks: Iterable[tuple[Any, Any]], window: int) -> Iterator[tuple[Any, Any]]:
        """Apply the function to each ``(key, task)``; yield ``(key, result)`` in input order.

        At most ``window`` tasks are out at once, held by a worker or answered ahead of an
        earlier one.
        """
        done = self._done  # results in ahead of an earlier task's, by task number
        held: list[deque[int]] = [deque() for _ in self._pipes]  # each worker's task numbers
        out: deque[tuple[int, Any]] = deque()  # (number, key) of the tasks out, in input order
        source = enumerate(tasks)
        more = True
        while True:
            while more and len(out) < window:
                worker = min(range(len(held)), key=lambda w: len(held[w]))
                if len(held[worker]) >= PER_WORKER:
                    break
                item = next(source, None)
                if item is None:
                    more = False
                    break
                number, (key, task) = item
                self._queues[worker].put(task)
                held[worker].append(number)
                out.append((number, key))
            if not out:
                return
            number, key = out[0]
            if number in done:
                out.popleft()
                yield key, done.pop(number)
            else:
                self._collect(held, done)

    def _collect(self, held: list[deque[int]], done: dict[int, Any]) -> None:
        """Wait for results (or a worker's death); file them under their task's number."""
        busy = [w for w, numbers in enumerate(held) if numbers]
        pipes = {self._pipes[w]: w for w in busy}
        sentinels = {self._processes[w].sentinel: w for w in busy}
        for ready in wait([*pipes, *sentinels]):
            worker = pipes.get(ready, sentinels.get(ready))
            pipe = self._pipes[worker]
            if ready in sentinels and not pipe.poll():
                self._died(worker)
            try:
                while held[worker] and pipe.poll():
                    done[held[worker].popleft()] = _received(pipe)
            except (EOFError, OSError, RuntimeError):  # closed, or reset by a worker killed
                self._died(worker)  # as it read (RuntimeError: no descriptor came)

    def _died(self, worker: int) -> None:
        """Say why a worker ended: with the run (a signal), or on its own (a crash)."""
        process = self._processes[worker]
        process.join(STOP_SECONDS)
        code = process.exitcode
        if code is not None and -code in (signal.SIGINT, signal.SIGTERM):
            raise Interrupted(-code)  # stopped with the run (a signal to the process group)
        raise WorkerDied(f"a worker process ended with status {code} while extracting")

    def close(self) -> None:
        """Let the workers finish and exit; wait for them."""
        for tasks in self._queues:
            tasks.put(_STOP)
        for process in self._processes:
            process.join(STOP_SECONDS)
        self.stop()

    def stop(self) -> None:
        """End every worker now (SIGTERM, then SIGKILL for one that lingers); close the pipes."""
        for process in self._processes:
            if process.exitcode is None:
                process.terminate()
        for process in self._processes:
            process.join(STOP_SECONDS)
            if process.exitcode is None:
                process.kill()
                process.join()
        for pipe in self._pipes:
            with contextlib.suppress(OSError):
                pipe.close()
        for result in self._done.values():  # a run stopped early: results never yielded
            discard(result)
        self._done.clear()
