"""Actors: the entities of an article (from the actor dictionary, named entities, actor noun
phrases and titles, and rule-based references) with CAMEO-style codes, merged across spellings.
Registered as the `entities` stage. Reads `doc.parse`; writes `doc.entities`.
"""

from .stage import EntityFinder

__all__ = ["EntityFinder"]
