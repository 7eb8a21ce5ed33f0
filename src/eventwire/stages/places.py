"""places: STUB (being written)."""
from ..model import Document
from ..registry import stage
from ..settings import Settings


@stage("places", requires=("doc.parse",), assigns=("doc.places",))
class Stub:
    """STUB."""

    def __init__(self, settings: Settings):
        pass

    def __call__(self, doc: Document) -> None:
        pass
