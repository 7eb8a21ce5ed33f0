"""The `eventwire` command group; the commands register on it from their own modules."""

from __future__ import annotations

import click


@click.group()
@click.version_option(package_name="eventwire")
def main():
    """Turn news articles into event data.

    Who did what to whom, when and where, and who said what, with the evidence for each.

    \b
    Example:
        eventwire extract news/ --output events.jsonl
        eventwire run news/ --db news.duckdb
        eventwire events --db news.duckdb --actor taliban --since 2021-08
    """
