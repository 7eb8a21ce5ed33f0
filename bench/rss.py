"""Memory of a process tree, for the benchmarks: the peak of the summed resident set sizes of
this process and all its descendants, sampled from /proc (Linux) in a background thread.

    with TreeRSS() as memory:
        run_something()
    print(memory.peak_mb)
"""

from __future__ import annotations

import os
import threading
from pathlib import Path


class TreeRSS:
    """The peak of the summed resident set sizes of this process and its descendants, sampled
    from /proc in a background thread while the block runs (Linux only; 0 elsewhere)."""

    def __init__(self, every: float = 0.05):
        self.every, self.peak_mb, self._stop = every, 0.0, threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()

    def _sample(self):
        while not self._stop.wait(self.every):
            total_kb = sum(_rss_kb(pid) for pid in _tree(os.getpid()))
            self.peak_mb = max(self.peak_mb, total_kb / 1024)


def _tree(pid: int) -> list[int]:
    pids, todo = [], [pid]
    while todo:
        current = todo.pop()
        pids.append(current)
        for task in Path(f"/proc/{current}/task").glob("*/children"):
            try:
                todo += [int(child) for child in task.read_text().split()]
            except OSError:
                pass
    return pids


def _rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0
