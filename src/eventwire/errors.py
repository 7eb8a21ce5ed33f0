"""Exceptions with messages a user can act on."""


class EventwireError(Exception):
    """Base class of the errors eventwire raises on purpose."""


class InputError(EventwireError):
    """An input article cannot be read or is not an article (empty, binary, too large, bad JSON)."""


class DictionaryError(EventwireError):
    """A dictionary data file (actors, verbs, places) has a malformed line."""


class ModelNotFound(EventwireError):
    """The spaCy pipeline named in the settings is not installed."""
