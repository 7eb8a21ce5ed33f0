"""Clean: STUB (being written)."""
from ..model import Document
from ..registry import stage
from ..settings import Settings


@stage("clean", requires=("doc.raw_text",), assigns=("doc.text", "doc.title", "doc.published", "doc.removed"))
class Cleaner:
    """Separate the article body from promo lines, captions, title and dateline."""

    def __init__(self, settings: Settings):
        pass

    def __call__(self, doc: Document) -> None:
        doc.text = doc.raw_text or ""


@stage("verbatim", requires=("doc.raw_text",), assigns=("doc.text", "doc.title", "doc.published", "doc.removed"))
class Verbatim:
    """Take the raw text as the body unchanged (for text that is already clean)."""

    def __init__(self, settings: Settings):
        pass

    def __call__(self, doc: Document) -> None:
        doc.text = doc.raw_text or ""
