"""Actor dictionaries: named groups and institutions (data/actors.tsv) and sector words
(data/sectors.tsv), plus user dictionaries given with `--actors FILE`.

The entities stage asks three questions of them: is this phrase a known actor, what sector does
this noun or title carry, and which country does this name or adjective stand for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import DictionaryError
from .files import builtin_path, tsv_rows

SECTOR_KINDS = {"title", "group", "member", "equipment"}
ACTOR_KINDS = {"group", "institution", "media", "ethnic"}


@dataclass(frozen=True)
class KnownActor:
    name: str
    code: str
    type: str
    aliases: tuple[str, ...]
    kind: str


@dataclass(frozen=True)
class SectorWord:
    word: str
    sector: str | None  # None: members of a group carry the group's own code
    kind: str


def read_actors(path: Path | None = None) -> list[KnownActor]:
    """Read an actor dictionary (the built-in one when path is None)."""
    where = str(path or "data/actors.tsv")
    actors = []
    for number, fields in tsv_rows(path or builtin_path("actors.tsv")):
        if len(fields) < 3:
            raise DictionaryError(f"{where}:{number}: expected name, code, type[, aliases, kind]; got {fields!r}")
        name, code, kind_type = fields[0], fields[1], fields[2]
        aliases = tuple(a.strip() for a in (fields[3] if len(fields) > 3 else name).split("|") if a.strip())
        kind = fields[4] if len(fields) > 4 and fields[4] else "group"
        if kind not in ACTOR_KINDS:
            raise DictionaryError(f"{where}:{number}: kind {kind!r} is not one of {sorted(ACTOR_KINDS)}")
        actors.append(KnownActor(name, code or None, kind_type, aliases or (name,), kind))
    return actors


def read_sectors(path: Path | None = None) -> dict[str, SectorWord]:
    """Read a sector-word table (the built-in one when path is None) keyed by word."""
    where = str(path or "data/sectors.tsv")
    words = {}
    for number, fields in tsv_rows(path or builtin_path("sectors.tsv")):
        if len(fields) != 3 or fields[2] not in SECTOR_KINDS:
            raise DictionaryError(f"{where}:{number}: expected word, sector, kind ({'/'.join(sorted(SECTOR_KINDS))})")
        word, sector, kind = fields
        words[word.lower()] = SectorWord(word.lower(), None if sector == "-" else sector, kind)
    return words


class ActorDictionary:
    """Known actors by lower-cased alias, and sector words, built-in plus user files (later wins)."""

    def __init__(self, extra_files: tuple[Path, ...] = ()):
        actors = read_actors()
        for path in extra_files:
            actors += read_actors(path)
        self.by_name: dict[str, KnownActor] = {}
        for actor in actors:  # later entries replace earlier ones with the same name
            self.by_name[actor.name.lower()] = actor
        self.by_alias: dict[str, KnownActor] = {}
        self.acronyms: set[str] = set()  # matched with their exact case: "IS", "WHO", "AP"
        self.lower_case_ok: set[str] = set()  # aliases also written lower case first: "al-Qaeda"
        for actor in self.by_name.values():
            for alias in actor.aliases:
                self.by_alias[alias.lower()] = actor
                if _is_acronym(alias):
                    self.acronyms.add(alias)
                if not alias[:1].isupper():
                    self.lower_case_ok.add(alias.lower())
        self.acronym_keys = {alias.lower() for alias in self.acronyms}
        # the word an alias starts with ("u" of "u.s. army", "al" of "al-shabaab"): a text that
        # starts with no such word can be no alias, which spares most lookups
        self.first_words = {first_word(key) for key in self.by_alias}
        self.sectors = read_sectors()
        # the bare sector codes ("MIL", "CVL"): what a noun like "troops" is coded without a country
        self.sector_codes = {word.sector for word in self.sectors.values() if word.sector}

    def actor(self, phrase: str) -> KnownActor | None:
        """The known actor a phrase names ("Hamas", "the U.N.", "#Taliban"), if any."""
        key = phrase.lower().lstrip("#").strip()
        if key.startswith("the "):
            key = key[4:]
        return self.by_alias.get(key)

    def match(self, text: str, hashtag: bool = False) -> KnownActor | None:
        """The known actor a span of text is exactly: acronyms in their own case, capitalised names
        with a capital ("an amnesty" is not Amnesty International) unless written as a hashtag."""
        key = text.lower()
        actor = self.by_alias.get(key)
        if actor is not None and key in self.acronym_keys and text not in self.acronyms:
            return None
        if actor is not None and not hashtag and text[:1].islower() and key not in self.lower_case_ok:
            return None
        return actor

    def sector(self, word: str) -> SectorWord | None:
        """The sector word for a lemma or phrase ("troops", "riot police"), if any."""
        return self.sectors.get(word.lower())


WORD = re.compile(r"\w+")


def first_word(text: str) -> str:
    """The first run of word characters of `text`, lower-cased ("" if none)."""
    match = WORD.search(text.lower())
    return match.group() if match else ""


def _is_acronym(alias: str) -> bool:
    letters = alias.replace(".", "")
    return letters.isupper() and len(letters) <= 5


@lru_cache(maxsize=8)
def load_dictionary(extra_files: tuple[Path, ...] = ()) -> ActorDictionary:
    """The actor dictionary with these extra files, built once per process."""
    return ActorDictionary(extra_files)
