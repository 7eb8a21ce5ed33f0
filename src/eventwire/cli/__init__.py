"""The `eventwire` command line: a thin layer over the pipeline (extract, run, load, cluster,
explain) and the store (events, clusters, quotes, actors, export, serve). Each command parses its
options, calls plain functions and prints; the work lives in the stages, `eventwire.pipeline`,
`eventwire.engines` and `eventwire.store`.
"""

from . import extracting, querying  # noqa: F401  (importing registers the commands)
from .group import main
from .options import FATAL_EXIT, MAX_FAILED_EXIT

__all__ = ["FATAL_EXIT", "MAX_FAILED_EXIT", "main"]
