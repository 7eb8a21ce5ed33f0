"""Parse: spaCy over the cleaned text, paragraph by paragraph, joined into one `Doc` whose text is
exactly `doc.text`. Reads `doc.text`; writes `doc.parse`.
"""

from .stage import Parser, load_spacy, paragraphs

__all__ = ["Parser", "load_spacy", "paragraphs"]
