"""How the listing commands print: fixed-width tables that fit a terminal, JSON Lines or CSV."""

from __future__ import annotations

import csv
import io
import json

import click

from ..store.db import Rows

WIDTH = 120  # the tables of events, quotes and actors fit a 120-column terminal


# Table layouts: (header, width, cell); a width of 0 takes whatever is left of WIDTH.
def _names(key):
    return lambda row: ", ".join(n for n in row[key] if n)


EVENT_COLUMNS = [
    ("date", 10, lambda r: r["date"]),
    ("type", 10, lambda r: ("~" if r["negated"] else "") + r["type"]),  # ~ marks negated
    ("source", 16, _names("source_names")),
    ("target", 16, _names("target_names")),
    ("place", 12, lambda r: r["place_name"]),
    ("evidence", 0, lambda r: r["evidence"]),
]
QUOTE_COLUMNS = [
    ("date", 10, lambda r: r["date"]),
    ("speaker", 22, lambda r: r["speaker_name"]),
    ("cue", 10, lambda r: r["cue"]),
    ("quote", 0, lambda r: r["text"]),
]
CLUSTER_COLUMNS = [
    ("date", 10, lambda r: r["date_first"]),
    ("type", 10, lambda r: r["type"]),
    ("source", 16, _names("source_names")),
    ("target", 16, _names("target_names")),
    ("place", 12, lambda r: r["place_name"]),
    ("arts", -4, lambda r: r["num_articles"]),
    ("outl", -4, lambda r: r["num_sources"]),
    ("evidence", 0, lambda r: r["evidence"][0] if r["evidence"] else None),
]
ACTOR_COLUMNS = [
    ("name", 36, lambda r: r["name"]),
    ("code", 10, lambda r: r["code"]),
    ("type", 12, lambda r: r["type"]),
    ("docs", -6, lambda r: r["documents"]),  # negative width: right-aligned numbers
    ("source", -6, lambda r: r["as_source"]),
    ("target", -6, lambda r: r["as_target"]),
    ("quotes", -6, lambda r: r["quotes"]),
]


def emit(rows: Rows, fmt: str | None, columns: list, what: str) -> None:
    """Print `rows` as JSON Lines, CSV or (by default) a fixed-width table."""
    if fmt == "json":
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False, default=str))
    elif fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(rows.columns)
        writer.writerows([_csv_cell(v) for v in row.values()] for row in rows)
        click.echo(buffer.getvalue(), nl=False)
    elif not rows:
        click.echo(f"no {what} found", err=True)
    else:
        for line in table_lines(rows, columns):
            click.echo(line)


def table_lines(rows: list[dict], columns: list, width: int = WIDTH) -> list[str]:
    """A header, a rule and one line per row, every line at most `width` characters."""
    fixed = sum(abs(w) for _, w, _ in columns) + 2 * (len(columns) - 1)
    widths = [w or max(width - fixed, 10) for _, w, _ in columns]

    def line(cells):
        out = [_clip(c, abs(w)).rjust(abs(w)) if w < 0 else _clip(c, w).ljust(w)
               for c, w in zip(cells, widths)]
        return "  ".join(out).rstrip()

    lines = [line([h for h, _, _ in columns]), line(["-" * abs(w) for w in widths])]
    return lines + [line([cell(row) for _, _, cell in columns]) for row in rows]


def _clip(value, width: int) -> str:
    text = "" if value is None else " ".join(str(value).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _csv_cell(value):
    return "; ".join("" if v is None else str(v) for v in value) if isinstance(value, list) else value
