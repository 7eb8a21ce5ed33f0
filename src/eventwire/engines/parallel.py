"""Run the pipeline on several cores: batches of articles go to worker processes, documents come
back in input order.

The workers are forked from a process that has already built the pipeline and loaded spaCy, so
they start at once and share the model's memory until they write to it. At most `2 * workers`
batches are in flight, so a huge input streams through in constant memory. A worker that dies
(killed for memory, say) takes only its batch down: the batch is tried again one article at a
time, and the article that kills a worker again is reported as failed.

Example:
    >>> for doc in pipe_parallel(pipeline, read_inputs(["news/"]), workers=2):
    ...     store.add(doc)
"""

from __future__ import annotations

import itertools
import logging
import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from ..model import Article, Document
from ..pipeline import Pipeline, document_from_article

LOGGER = logging.getLogger(__name__)

# The pipeline the workers run: set in the parent just before forking, inherited by the children.
_PIPELINE: Pipeline | None = None


def pipe_parallel(pipeline: Pipeline, articles: Iterable[Article], *, workers: int,
                  batch_size: int | None = None) -> Iterator[Document]:
    """`pipeline.pipe(articles)` spread over `workers` processes (1: in this process)."""
    if workers <= 1:
        yield from pipeline.pipe(articles, batch_size)
        return
    global _PIPELINE
    _PIPELINE = pipeline
    size = batch_size or pipeline.settings.batch_size
    batches = iter(lambda it=iter(articles): list(itertools.islice(it, size)), [])
    workers_pool = _Workers(workers)
    try:
        for batch in batches:
            workers_pool.submit(batch)
            while workers_pool.pending >= 2 * workers:
                yield from workers_pool.next_done()
        while workers_pool.pending:
            yield from workers_pool.next_done()
    finally:
        workers_pool.close()


class _Workers:
    """A process pool and its batches in flight, in input order; replaced when a worker dies."""

    def __init__(self, workers: int):
        self.workers = workers
        self.pool = self._new_pool()
        self.queue: deque[tuple[list[Article], object]] = deque()

    def _new_pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("fork"))

    @property
    def pending(self) -> int:
        return len(self.queue)

    def submit(self, batch: list[Article]) -> None:
        self.queue.append((batch, self.pool.submit(_run_batch, batch)))

    def next_done(self) -> list[Document]:
        """The documents of the oldest batch in flight (waiting for it)."""
        batch, future = self.queue.popleft()
        try:
            return future.result()
        except BrokenProcessPool:
            LOGGER.warning("a worker process died on a batch of %d articles (%s ...)", len(batch), batch[0].id)
            self._restart(retry=[[article] for article in batch] if len(batch) > 1 else [])
            if len(batch) > 1:
                return []  # its articles are back in the queue, one by one
            doc = document_from_article(batch[0])
            doc.error = "the worker process extracting this article died (out of memory?)"
            return [doc]

    def _restart(self, retry: list[list[Article]]) -> None:
        """A new pool, with `retry` and every batch still in flight submitted to it again, in order."""
        self.pool.shutdown(wait=False, cancel_futures=True)
        self.pool = self._new_pool()
        batches = retry + [batch for batch, _ in self.queue]
        self.queue.clear()
        for batch in batches:
            self.submit(batch)

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


def _run_batch(articles: list[Article]) -> list[Document]:
    docs = list(_PIPELINE.pipe(articles, len(articles)))
    for doc in docs:
        doc.parse = None  # the spaCy Doc stays in the worker: nothing after the pipeline reads it
    return docs
