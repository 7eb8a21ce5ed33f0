"""Numbers written as words ("two", "twenty", "a dozen"), for the stages that read counts and gaps
(time expressions, "a day after")."""

from __future__ import annotations

SMALL_NUMBERS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
                 "fifteen sixteen seventeen eighteen nineteen").split()
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
NUMBER_WORDS = {**{w: i for i, w in enumerate(SMALL_NUMBERS)}, **TENS, "a": 1, "an": 1, "hundred": 100,
                "a hundred": 100, "dozen": 12, "a dozen": 12, "a couple of": 2, "a couple": 2,
                "couple of": 2}
