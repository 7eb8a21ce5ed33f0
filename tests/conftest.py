"""Fixtures shared by all tests. The spaCy pipeline loads once per test session."""

from __future__ import annotations

import pytest

from eventwire.model import Article, Document
from eventwire.pipeline import Pipeline
from eventwire.settings import Settings
from eventwire.parse import load_spacy


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings()


@pytest.fixture(scope="session")
def nlp(settings):
    return load_spacy(settings.spacy_model)


@pytest.fixture(scope="session")
def pipeline(settings) -> Pipeline:
    return Pipeline(settings)


@pytest.fixture(scope="session")
def run_stages(settings):
    """run_stages(text, upto="places", published="2021-08-17") -> Document after the stages up to
    and including `upto` (the text is the body as it is: no cleaning)."""
    order = ["parse", "entities", "time", "places", "quotes", "events"]
    pipelines: dict[str, Pipeline] = {}

    def run(text: str, upto: str = "events", published: str | None = "2021-08-17", **meta) -> Document:
        names = order[: order.index(upto) + 1]
        key = ",".join(names)
        if key not in pipelines:
            pipelines[key] = Pipeline(settings, ["verbatim", *names])
        doc = pipelines[key](Article(id="t", source="test", text=text, published=published, **meta))
        assert doc.error is None, doc.error
        return doc

    return run
