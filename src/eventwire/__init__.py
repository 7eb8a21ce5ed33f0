"""eventwire: news articles to evidence-linked event data (who did what to whom, when, where; who
said what).

Example:
    >>> from eventwire import Article, Pipeline
    >>> doc = Pipeline()(Article(id="a1", source="-", text="Hamas praised the Taliban on Monday."))
    >>> doc.to_record()["events"]
"""

from __future__ import annotations

import logging
from importlib import metadata

from .errors import DictionaryError, EventwireError, InputError, ModelNotFound
from .model import Article, Document
from .settings import Settings

try:
    __version__ = metadata.version("eventwire")
except metadata.PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"

# A library stays silent unless the application configures logging (the CLI does, with -v).
logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = [
    "Article", "DictionaryError", "Document", "EventwireError", "InputError", "ModelNotFound",
    "Pipeline", "Settings", "Store", "__version__",
]


def __getattr__(name: str):
    # Imported on first use: Pipeline pulls in spaCy, which `import eventwire.model` should not pay for.
    if name == "Pipeline":
        from .pipeline import Pipeline
        return Pipeline
    if name == "Store":
        from .store import Store
        return Store
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
