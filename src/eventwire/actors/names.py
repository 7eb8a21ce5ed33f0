"""Person names: which mentions in an article name the same person.

"Ismail Haniyeh" and "Haniyeh" are one person (the short form is the surname), and so are
"Mullah Abdul Ghani Barader" and "Mullah Baradar" (the surnames differ by a transliteration).
"Ashraf Ghani" and "Abdul Ghani Barader" are not: a short form must match the surname. Nor are
"John Smith" and "Jane Smith": given names must agree where both names have them. When an article
names several people of one surname in full, a later "Smith" or "Mr Smith" is the one named in full
most recently, and no one's when the last two were named in the same sentence.
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
    # each given name of the shorter must be one of the longer's, or its initial ("J. Smith"):
    # "Karim Rahimi" is "Abdul Karim Rahimi", "Jane Smith" is not "John Smith"
    return all(any(_same_given(given, other) for other in longer[:-1]) for given in shorter[:-1])


def _same_given(a: str, b: str) -> bool:
    return a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


# Titles of address that make the name after them a person's ("Mr Lammy"), whatever the parser says.
ADDRESS = {"mr", "mrs", "ms", "dr", "sir", "dame", "lord", "lady"}


def person_surnames(sdoc) -> set[str]:
    """Surnames of the people a parsed article names in full (two words or more)."""
    return {parts[-1] for ent in sdoc.ents if ent.label_ == "PERSON" and len(parts := name_parts(ent.text)) > 1}


def is_surname(span, surnames: set[str]) -> bool:
    """Whether a one-word name the parser took for something else is a person's surname: one
    the article gives in full elsewhere ("Lammy said" after "David Lammy"), or after "Mr"."""
    parts = name_parts(span.text)
    if len(parts) != 1 or not span.text[:1].isupper():
        return False
    before = span.doc[span.start - 1].lower_.rstrip(".") if span.start > 0 else ""
    return parts[0] in surnames or before in ADDRESS or span[0].lower_.rstrip(".") in ADDRESS


class PersonClusters:
    """Assigns each person name to a cluster of names of the same person, in reading order."""

    def __init__(self):
        self.names: dict[str, list[str]] = {}  # key -> names seen
        self.last_full: dict[str, tuple[int, int]] = {}  # key -> (order, sentence) of its last full name
        self.seen = 0

    def key_for(self, name: str, sentence: int = 0) -> str:
        """The cluster of a name (read in text order; `sentence` is the number of its sentence)."""
        parts = name_parts(name)
        self.seen += 1
        # a name joins a cluster only if it fits every name in it: "Smith" after "John Smith" does,
        # "Jane Smith" after "Smith" and "John Smith" does not
        fitting = [key for key, names in self.names.items()
                   if all(same_person(parts, name_parts(seen)) for seen in names)]
        key = fitting[0] if len(fitting) == 1 else self._most_recent(fitting)
        if key is None:
            key = f"person:{len(self.names) + 1}"
            self.names[key] = []
        self.names[key].append(name)
        if len(parts) > 1:
            self.last_full[key] = (self.seen, sentence)
        return key

    def _most_recent(self, keys: list[str]) -> str | None:
        """Of several people a short name fits, the one named in full last, unless another was
        named in full in that same sentence ("X met Y. Smith said": which Smith is unknown)."""
        named = sorted((self.last_full[k], k) for k in keys if k in self.last_full)
        if not named:
            return None
        (_, sentence), key = named[-1]
        if len(named) > 1 and named[-2][0][1] == sentence:
            return None
        return key

    def full_name(self, key: str) -> str:
        """The longest form under which the person was named."""
        return max(self.names.get(key, [key]), key=lambda n: len(name_parts(n)))
