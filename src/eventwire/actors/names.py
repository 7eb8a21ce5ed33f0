"""Person names: which mentions in an article name the same person.

"Ismail Haniyeh" and "Haniyeh" are one person (the short form is the surname), and so are
"Mullah Abdul Ghani Barader" and "Mullah Baradar" (the surnames differ by a transliteration).
"Ashraf Ghani" and "Abdul Ghani Barader" are not: a short form must match the surname.
"""

from __future__ import annotations

from difflib import SequenceMatcher

HONORIFICS = {"mullah", "sheikh", "shaikh", "ayatollah", "imam", "maulana", "mr", "mrs", "ms", "dr", "sir",
              "president", "minister", "general", "gen", "col", "sen", "rep", "gov", "prof"}
# Transliterations of one surname differ in a letter or two (Baradar/Barader, Gaddafi/Qaddafi);
# below this similarity, two surnames are different people.
SAME_SURNAME_RATIO = 0.8


def name_parts(name: str) -> list[str]:
    """The lower-cased words of a person's name without honorifics and possessive endings."""
    words = [w.strip(".,'’").lower() for w in name.replace("’s", "").replace("'s", "").split()]
    return [w for w in words if w and w not in HONORIFICS]


def same_surname(a: str, b: str) -> bool:
    return a == b or (min(len(a), len(b)) >= 4 and SequenceMatcher(None, a, b).ratio() >= SAME_SURNAME_RATIO)


def same_person(a: list[str], b: list[str]) -> bool:
    """True if two names (as name_parts) can name the same person."""
    if not a or not b or not same_surname(a[-1], b[-1]):
        return False
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    # the other given names must agree where both names have them ("John Smith" is not "Jane Smith")
    return len(shorter) == 1 or shorter[0] == longer[0] or shorter[0][0] == longer[0][0]


class PersonClusters:
    """Assigns each person name to a cluster of names of the same person, in reading order."""

    def __init__(self):
        self.names: dict[str, list[str]] = {}  # key -> names seen

    def key_for(self, name: str) -> str:
        parts = name_parts(name)
        for key, names in self.names.items():
            if any(same_person(parts, name_parts(seen)) for seen in names):
                names.append(name)
                return key
        key = f"person:{len(self.names) + 1}"
        self.names[key] = [name]
        return key

    def full_name(self, key: str) -> str:
        """The longest form under which the person was named."""
        return max(self.names.get(key, [key]), key=lambda n: len(name_parts(n)))
