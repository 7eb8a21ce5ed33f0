"""Ingest: the front door. Turns input paths (text, HTML, JSON Lines, WARC archives, RSS/Atom
feeds, folders of them) into `Article`s with clean Unicode text, in input order; bad input becomes
an article whose `error` names the input and the problem. Reads files; writes `Article`s.
"""

from .checks import SUPPORTED_SUFFIXES, file_stem
from .inputs import JSON_METADATA, is_feed_file, jsonl_article, read_inputs
from .pages import article_from_html

__all__ = ["JSON_METADATA", "SUPPORTED_SUFFIXES", "article_from_html", "file_stem", "is_feed_file",
           "jsonl_article", "read_inputs"]
