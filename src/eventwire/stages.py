"""The built-in stages. Each stage package registers its stage (`eventwire.registry`) when it is
imported; importing this module imports them all, in pipeline order."""

from . import clean, parse, actors, temporal, places, quotes, events  # noqa: F401, I001

