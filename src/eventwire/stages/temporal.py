"""temporal: STUB (being written)."""
from ..model import Document
from ..registry import stage
from ..settings import Settings


@stage("time", requires=("doc.parse",), assigns=("doc.times",))
class Stub:
    """STUB."""

    def __init__(self, settings: Settings):
        pass

    def __call__(self, doc: Document) -> None:
        pass
