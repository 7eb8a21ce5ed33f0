"""Games are not wars: "Tigres stormed back to beat Monterrey 3-2", "Pakistan's bowlers attacked
from the first over", "sacrificed a knight and crushed a grandmaster" tell of no violence. A verb of
contest in a sentence about a game makes no event unless what it was done to are people who can
be hurt ("police beat fans outside the stadium").

The sport words are data (data/sport.tsv); a sentence is about a game when it gives a score or
names two of them.
"""

from __future__ import annotations

import re

from ..knowledge.files import builtin_word_table

# Verbs news uses for both war and games.
CONTEST_VERBS = {"storm", "beat", "attack", "crush", "defeat", "thrash", "rout", "hammer", "batter", "stun",
                 "overpower", "demolish", "destroy", "sink", "down", "edge", "fight", "sacrifice", "capture",
                 "conquer", "tear"}
# "3-1", "31-17", "41 for five": a score
SCORE = re.compile(r"\b\d{1,3}\s?[-–]\s?\d{1,3}\b|\b\d{1,3} for (?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine)\b")
# Sectors of people a contest verb hurts even at a game ("police beat fans", "shot a referee")
PEOPLE_SECTORS = {"CVL", "OPP", "MED", "LAB", "REF", "HLH", "EDU", "REL", "COP", "GOV"}


def sport_words() -> dict[str, str]:
    """Words of sport reporting (data/sport.tsv) -> what they are."""
    return builtin_word_table("sport.tsv")


def about_a_game(sentence) -> bool:
    """Whether a sentence gives a score or names two sport words."""
    if SCORE.search(sentence.text):
        return True
    words = sport_words()
    return len({t.lower_ for t in sentence if t.lower_ in words or t.lemma_.lower() in words}) >= 2


def played(trigger, hurt_sectors: list[str]) -> bool:
    """Whether a contest verb tells of a game: in a sentence about one, done to no people who can be
    hurt (`hurt_sectors`: the codes of the trigger's objects)."""
    if trigger.lemma_.lower() not in CONTEST_VERBS or not about_a_game(trigger.sent):
        return False
    return not any(code and code[-3:] in PEOPLE_SECTORS for code in hurt_sectors)
