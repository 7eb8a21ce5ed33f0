"""Run articles through the stages: clean -> parse -> entities -> time -> places -> quotes -> events.

A failure in one article is caught, named and recorded on that article's document (`error`); the
batch goes on with the next article.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import logging
from collections.abc import Iterable, Iterator
from importlib import resources

from . import stages as _stages  # noqa: F401  (importing registers the built-in stages)
from .errors import EventwireError
from .model import Article, Document
from .registry import STAGES, check_order
from .settings import Settings

LOGGER = logging.getLogger(__name__)

DEFAULT_STAGES = ["clean", "parse", "entities", "time", "places", "quotes", "events"]


def default_stages(clean: bool = True) -> list[str]:
    """The default stages; without `clean` the "verbatim" stage takes the text as it is."""
    return list(DEFAULT_STAGES) if clean else ["verbatim", *DEFAULT_STAGES[1:]]


def document_from_article(article: Article) -> Document:
    """A fresh document carrying the article's raw text and the metadata its input gave."""
    return Document(
        id=article.id, source=article.source, raw_text=article.text, title=article.title,
        published=article.published, publisher=article.publisher, url=article.url,
        author=article.author, error=article.error,
    )


class Pipeline:
    """The configured stages, built once and reused for every article.

    Example:
        >>> pipeline = Pipeline()
        >>> doc = pipeline(Article(id="a1", source="-", text="Hamas praised the Taliban on Monday."))
    """

    def __init__(self, settings: Settings | None = None, stage_names: list[str] | None = None):
        self.settings = settings or Settings()
        self.stage_names = list(stage_names or DEFAULT_STAGES)
        problems = check_order(self.stage_names)
        if problems:
            raise EventwireError("; ".join(problems))
        self.stages = [(name, STAGES[name].factory(self.settings)) for name in self.stage_names]

    @functools.cached_property
    def fingerprint(self) -> str:
        """What every output depends on besides the article: eventwire's version, the stages, the
        spaCy pipeline, the built-in data files, the trained models' weights and the user's
        dictionaries. A change in any of them changes every input hash, so the next `eventwire run`
        extracts again."""
        from . import __version__

        digest = hashlib.sha256()
        settings = [__version__, self.stage_names, self.settings.spacy_model, self.settings.max_chars,
                    self.settings.event_models]
        digest.update(json.dumps(settings, default=str).encode())
        data = resources.files("eventwire") / "data"
        weights = resources.files("eventwire") / "events" / "weights"
        user = [*self.settings.actors_files, *self.settings.verbs_files]
        shipped = [p for p in weights.iterdir() if p.name.endswith(".npz")] if weights.is_dir() else []
        for path in sorted(data.iterdir(), key=lambda p: p.name) + sorted(shipped, key=lambda p: p.name) + user:
            digest.update(path.read_bytes())
        return digest.hexdigest()

    def input_hash(self, article: Article) -> str:
        """A hash of the article as read and of the pipeline (`fingerprint`) that processes it."""
        payload = json.dumps([self.fingerprint, dataclasses.asdict(article)], sort_keys=True)
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()

    def __call__(self, article: Article) -> Document:
        return next(self.pipe([article]))

    def pipe(self, articles: Iterable[Article], batch_size: int | None = None) -> Iterator[Document]:
        """Process articles in batches (so the parser can batch), yielding documents in input order."""
        size = batch_size or self.settings.batch_size
        batch: list[Document] = []
        for article in articles:
            doc = document_from_article(article)
            doc.input_hash = self.input_hash(article)
            batch.append(doc)
            if len(batch) >= size:
                yield from self._run_batch(batch)
                batch = []
        if batch:
            yield from self._run_batch(batch)

    def _run_batch(self, docs: list[Document]) -> list[Document]:
        for name, stage in self.stages:
            live = [doc for doc in docs if not doc.error]
            if not live:
                break
            if hasattr(stage, "pipe") and len(live) > 1:
                try:
                    stage.pipe(live)
                    continue
                except Exception:  # noqa: BLE001  find which article failed, one by one
                    LOGGER.debug("batch failed in stage %s; retrying one by one", name, exc_info=True)
            for doc in live:
                self._run_one(name, stage, doc)
        return docs

    @staticmethod
    def _run_one(name: str, stage, doc: Document) -> None:
        try:
            stage(doc)
        except EventwireError as exc:
            doc.error = str(exc)
        except Exception as exc:  # noqa: BLE001  a bad article must never stop the batch
            LOGGER.warning("article %s failed in stage %s", doc.id, name, exc_info=True)
            doc.error = f"stage {name} failed: {type(exc).__name__}: {exc}"
