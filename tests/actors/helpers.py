"""Helpers the actor tests share: the document after the entities stage, and its mentions."""

from __future__ import annotations


def entities(run_stages, text):
    return run_stages(text, upto="entities")


def texts(doc, entity):
    return [doc.text[m.start:m.end] for m in entity.mentions]


def entity_with(doc, mention):
    """The one entity with a mention whose text is exactly `mention`."""
    found = [e for e in doc.entities if mention in texts(doc, e)]
    assert len(found) == 1, [(e.name, e.code, texts(doc, e)) for e in doc.entities]
    return found[0]
