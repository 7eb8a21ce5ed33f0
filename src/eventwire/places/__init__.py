"""Places: toponyms resolved to GeoNames entries (coordinates, country, feature) with
country-context disambiguation; towns that act take their country's actor code. Reads
`doc.parse` and `doc.entities`; writes `doc.places` (and codes of entities that are places).
"""

from .stage import Places

__all__ = ["Places"]
