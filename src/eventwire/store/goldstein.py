"""Goldstein-scale intensity of CAMEO event codes, from `data/goldstein.tsv`.

The scale (Goldstein 1992) weighs each event type from -10 (most conflictual) to +10 (most
cooperative); the table is GDELT's published mapping onto CAMEO codes. A code the table lacks
takes the value of its base code ("0234" -> "023") or root ("02").

Example:
    >>> goldstein_of("190")
    -10.0
"""

from __future__ import annotations

import functools

from ..errors import DictionaryError
from ..knowledge.files import builtin_path, tsv_rows


@functools.cache
def goldstein_table() -> dict[str, float]:
    path = builtin_path("goldstein.tsv")
    table = {}
    for line_no, fields in tsv_rows(path):
        if fields[0] == "cameo":
            continue
        try:
            table[fields[0]] = float(fields[1])
        except (IndexError, ValueError):
            raise DictionaryError(f"{path}:{line_no}: expected a CAMEO code and a number") from None
    return table


def goldstein_of(cameo: str | None) -> float | None:
    """The Goldstein value of a CAMEO code, falling back to its base and root codes; None if unknown."""
    table = goldstein_table()
    for length in (len(cameo or ""), 3, 2):
        if cameo and len(cameo) >= length and cameo[:length] in table:
            return table[cameo[:length]]
    return None
