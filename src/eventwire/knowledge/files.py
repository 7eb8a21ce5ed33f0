"""Reading the tab-separated data files (built-in ones under eventwire/data/, or a user's own):
comment lines start with '#', blank lines are skipped, and every row keeps its line number so a
malformed row can be reported as FILE:LINE."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from importlib import resources
from pathlib import Path


def builtin_path(name: str) -> Path:
    """The path of a data file shipped in the package (e.g. "verbs.tsv")."""
    return Path(str(resources.files("eventwire") / "data" / name))


@cache
def builtin_word_table(name: str) -> dict[str, str]:
    """First column (lower case) -> second column of a shipped word list ("hazards.tsv": word -> group)."""
    return {fields[0].lower(): fields[1] for _, fields in tsv_rows(builtin_path(name))}


def tsv_rows(path: str | Path) -> Iterator[tuple[int, list[str]]]:
    """(line number, stripped fields) of each data line of a TSV file."""
    with open(path, encoding="utf-8") as lines:
        for line_no, line in enumerate(lines, 1):
            if line.strip() and not line.lstrip().startswith("#"):
                yield line_no, [field.strip() for field in line.rstrip("\n").split("\t")]
