"""The pipeline stages. Importing this package registers them (see `eventwire.registry`)."""

from . import clean, entities, events, parse, places, quotes, temporal  # noqa: F401
