"""entities: STUB (being written)."""
from ..model import Document
from ..registry import stage
from ..settings import Settings


@stage("entities", requires=("doc.parse",), assigns=("doc.entities",))
class Stub:
    """STUB."""

    def __init__(self, settings: Settings):
        pass

    def __call__(self, doc: Document) -> None:
        pass
