"""Events: PLOVER events with CAMEO codes, read from the verb and noun dictionary over the parse,
with source and target, modality, date, place and evidence. Reads `doc.parse`, `doc.entities`,
`doc.times`, `doc.places`, `doc.quotes`; writes `doc.events`.
"""

from .stage import EventCoder

__all__ = ["EventCoder"]
