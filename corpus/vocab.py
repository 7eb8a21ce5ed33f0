"""The closed vocabularies of the corpus: PLOVER types, modes and contexts, CAMEO codes, factuality
classes, count kinds, entity types and article styles.

PLOVER's types, modes and contexts are the Open Event Data Alliance's (PLOVER manual draft 2.0,
CC BY-SA 4.0). CAMEO codes are those of the CAMEO codebook 1.1b3 (Schrodt 2012) as listed in GDELT's
CAMEO table, read from eventwire's `data/goldstein.tsv`. Which PLOVER types a CAMEO root may carry
follows the PLOVER project's CAMEO-to-PLOVER table (draft 0.8, 2021) plus eventwire's documented
choices (GUIDELINES.md, "CAMEO codes").
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLDSTEIN_TSV = ROOT / "src" / "eventwire" / "data" / "goldstein.tsv"

TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
         "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")

MODES = {
    "CONSULT": ("visit", "third-party", "multilateral", "phone"),
    "RETREAT": ("withdraw", "release", "disarm", "ceasefire", "access", "resign"),
    "REQUEST": ("assist", "change", "yield", "meet"),
    "REJECT": ("assist", "change", "yield", "meet"),
    "ACCUSE": ("disapprove", "investigate", "allege"),
    "THREATEN": ("restrict", "arrest", "relations", "expel", "territory", "violence"),
    "PROTEST": ("demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"),
    "SANCTION": ("convict", "expel", "withdraw", "discontinue"),
    "MOBILIZE": ("troops", "weapons", "police", "militia"),
    "COERCE": ("seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport", "withhold",
               "misinformation", "cyber"),
    "ASSAULT": ("abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive", "firearms",
                "explosives", "suicide-attack", "aerial", "drone", "heavy-weapons", "crowd-control",
                "unconventional"),
}

CONTEXTS = frozenset((
    "military intelligence executive legislative election political_institutions pro_democracy "
    "pro_autocracy economic legal reparations human_rights rights_freedoms repression human_security "
    "gender lgbt religion_ethnicity inequality diplomatic territory peacekeeping health asylum migration "
    "disasters natural_resource environment technology terrorism cbrn cyber misinformation crime "
    "corruption illegal_drugs trafficking").split())

# CAMEO root -> the PLOVER types its codes may carry. Exceptions inside a root are listed by code.
ROOT_TYPES = {
    "03": {"AGREE"}, "04": {"CONSULT"}, "05": {"SUPPORT"}, "06": {"COOPERATE"}, "07": {"AID"},
    "08": {"CONCEDE", "RETREAT"}, "09": {"ACCUSE"}, "10": {"REQUEST"}, "11": {"ACCUSE"}, "12": {"REJECT"},
    "13": {"THREATEN"}, "14": {"PROTEST"}, "15": {"MOBILIZE"}, "16": {"SANCTION"}, "17": {"COERCE"},
    "18": {"ASSAULT"}, "19": {"ASSAULT"}, "20": {"ASSAULT"},
}
CODE_TYPES = {
    "116": {"SANCTION"},  # found guilty, convicted, sentenced: PLOVER 2.0 SANCTION convict
    "163": {"SANCTION"},  # economic sanctions and embargoes: PLOVER 2.0 SANCTION (the 2021 table said COERCE)
    "1712": {"ASSAULT"},  # destroy property
    "175": {"ASSAULT"},   # violent repression (crowd-control)
    "191": {"COERCE"},    # blockade, restrict movement
    "192": {"COERCE"},    # occupy territory
}

FACTUALITY = ("asserted", "negated", "hypothetical", "future", "denied", "alleged")
# Which events an event dataset counts: only those the article asserts. The others are kept in the
# output, flagged (`negated: true` with their `modality`), for a researcher who wants them.
COUNTED = {"asserted": True, "alleged": False, "negated": False, "denied": False, "hypothetical": False,
           "future": False}

COUNT_KINDS = ("killed", "injured", "arrested", "displaced", "participants")
ENTITY_TYPES = ("PERSON", "ORG", "GPE", "NORP", "NOMINAL")
QUOTE_KINDS = ("direct", "indirect", "mixed")
STYLES = ("wire", "local", "broadcast", "press-release", "live-blog", "op-ed", "analysis", "feature")
SPLITS = ("train", "dev", "test")


@lru_cache(maxsize=1)
def cameo_codes() -> frozenset[str]:
    """Every CAMEO event code of GDELT's table (root, base and sub-codes)."""
    codes = set()
    for line in GOLDSTEIN_TSV.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#") and not line.startswith("cameo\t"):
            codes.add(line.split("\t")[0])
    return frozenset(codes)


def types_of_cameo(code: str) -> set[str]:
    """The PLOVER types a CAMEO code may carry (empty for roots 01 and 02, which have none)."""
    for key in (code, code[:3]):
        if key in CODE_TYPES:
            return CODE_TYPES[key]
    return ROOT_TYPES.get(code[:2], set())
