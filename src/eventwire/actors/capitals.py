"""Capitals that stand for their governments: "Washington said", "Beijing's decision", "talks with
Moscow", "Jakarta forced the agency out" are the government (USAGOV, CHNGOV...), as the CAMEO actor
codebook codes capital-city metonymy. A capital that is where something happens stays a place:
"in Kabul", "flew to Moscow", "Kabul fell", "Kabul's airport", "the Taliban entered Kabul".

The decision reads the capital's role in the parse; the word lists below are the places' side.
"""

from __future__ import annotations

from ..knowledge.countries import country_by_name, country_of_capital

# A capital after these prepositions is a place ("in Kabul", "to Moscow", "from Beijing").
LOCATIVE = {"in", "at", "to", "from", "into", "near", "outside", "inside", "across", "toward", "towards",
            "via", "through", "around", "within", "throughout", "beyond", "onto", "off", "along",
            "past", "about", "of", "under", "above", "behind", "beside", "north", "south", "east", "west"}
# ... but "to" after a verb of speaking or appealing is addressed to the government.
ADDRESSED_TO = {"appeal", "write", "speak", "talk", "complain", "protest", "apologise", "apologize",
                "explain", "signal", "plead", "reply", "respond", "report", "submit"}
# Subjects of these verbs are the city itself ("Kabul fell", "Moscow was hit by drones").
PLACE_SUBJECT_VERBS = {"be", "become", "remain", "fall", "burn", "shake", "flood", "lie", "sit", "stand",
                       "wake", "brace", "swelter", "freeze", "see", "experience", "suffer", "record", "hit",
                       "rock", "shell", "bomb", "attack", "strike", "capture", "seize", "surround",
                       "besiege", "evacuate", "damage", "destroy", "reach", "enter", "visit", "paralyse",
                       "paralyze", "grind", "plunge", "lose", "calm", "empty"}
# Objects of these verbs (and "on" after these nouns) are the city ("entered Kabul", "an attack on Kyiv").
PLACE_OBJECT_VERBS = {"visit", "enter", "reach", "leave", "capture", "seize", "take", "retake", "recapture",
                      "bomb", "shell", "attack", "hit", "strike", "storm", "besiege", "surround", "encircle",
                      "control", "hold", "occupy", "liberate", "fly", "flee", "evacuate", "tour", "rock",
                      "shake", "paralyse", "paralyze", "flood", "raid", "overrun", "defend", "protect",
                      "secure", "target", "approach", "blockade", "fortify", "rebuild", "destroy",
                      "devastate", "level", "rename", "move", "relocate", "return"}
PLACE_NOUNS = {"attack", "assault", "offensive", "advance", "march", "strike", "raid", "push", "drive",
               "bombardment", "siege", "fall", "airport", "street", "streets", "outskirts", "centre",
               "center", "suburb", "suburbs", "resident", "residents", "population", "mayor", "governor",
               "district", "districts", "neighbourhood", "neighbourhoods", "neighborhood", "neighborhoods",
               "skyline", "square", "squares", "hospital", "hospitals", "market", "markets", "university",
               "port", "road", "roads", "school", "schools", "building", "buildings", "metro", "subway",
               "air", "water", "traffic", "people", "police", "old", "city", "museum", "zoo", "mosque",
               "mosques", "church", "churches", "hotel", "hotels", "embassy", "embassies", "stock"}
# Seats that stand for an international body rather than their country's government.
INSTITUTION_SEATS = {"brussels": "IGOEUR", "strasbourg": "IGOEUR"}
PREP_OF_GOVERNMENT = {"with", "against", "by", "between", "on", "for", "over", "upon", "toward", "towards"}


def capital_government(span) -> str | None:
    """The code of the government a capital-city mention stands for (USAGOV; IGOEUR for Brussels,
    which in the news is the European Union), or None when the span is not a capital or is used as
    a place."""
    if country_by_name(span.text) is not None:
        return None
    seat = INSTITUTION_SEATS.get(span.text.lower())
    country = country_of_capital(span.text)
    if (seat is None and country is None) or not _acts(span.root):
        return None
    return seat or country.iso3 + "GOV"


def _acts(token) -> bool:
    """Whether a capital's role in its sentence is an actor's rather than a place's."""
    while token.dep_ == "conj" and token.head.i != token.i:  # "Washington and Moscow agreed"
        token = token.head
    head, dep = token.head, token.dep_
    if dep == "nsubj":
        return head.lemma_.lower() not in PLACE_SUBJECT_VERBS
    if dep == "nsubjpass":
        return head.lemma_.lower() not in PLACE_SUBJECT_VERBS | PLACE_OBJECT_VERBS
    if dep == "poss":
        return head.lemma_.lower() not in PLACE_NOUNS and head.lower_ not in PLACE_NOUNS
    if dep == "dobj":
        return head.lemma_.lower() not in PLACE_OBJECT_VERBS
    if dep == "pobj":
        return _acts_after_preposition(head)
    return False


def _acts_after_preposition(prep) -> bool:
    word, governor = prep.lower_, prep.head
    if prep.dep_ == "agent":  # "condemned by Moscow"
        return True
    if word == "to":
        return governor.lemma_.lower() in ADDRESSED_TO
    if word in LOCATIVE or word not in PREP_OF_GOVERNMENT:
        return False
    if word in ("on", "upon", "against") and governor.lemma_.lower() in PLACE_NOUNS | PLACE_OBJECT_VERBS:
        return False  # "an attack on Kyiv", "marched on Kabul"
    return True
