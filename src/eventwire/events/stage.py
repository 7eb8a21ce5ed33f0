"""Events: PLOVER-typed events with CAMEO codes, actors, date, place and evidence.

1. Triggers: each verb and noun is looked up in the verb dictionary (`eventwire.events.verb_patterns`);
   a noun already used as a verb pattern's object ("held talks") is not a second event.
2. Roles from the parse (`eventwire.events.roles`), mapped to entities; quotes' "we" already points to the
   speaker. An event noun with no agent of its own takes the object of the verb it hangs from.
3. Modality (`eventwire.events.modality`): negated, future, hypothetical and intended events are kept but
   flagged `negated`, so researchers can see them and counts can leave them out; a stated
   intention is itself an AGREE or THREATEN event (`eventwire.events.intent`).
4. Date from a time expression in the event's own clause (a coordinated verb shares its head's),
   else carried from the statement or narrative that implies it (`eventwire.events.context`);
   place from a toponym in the clause, else the nearest in the sentence.
5. One event per type and actor pair per sentence; an event told again later in the article (the
   lead's "Hamas congratulated the Taliban" and the statement's "We congratulate the Taliban";
   "Kabul fell under Taliban control" and "Taliban fighters entered Kabul") is one event when
   type and sources agree and targets, places and dates do not disagree (`eventwire.knowledge.event_identity`);
   its later sentences are kept as `also_spans`.
6. The trained models (`eventwire.events.learned`, MODEL.md) read each verb and noun beside the
   dictionary (adding, dropping or retyping events), flag what the modality rules missed, fill the
   roles the rules left empty, and choose each event's date among what the text offers.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from ..knowledge.actor_dictionary import load_dictionary
from ..knowledge.entity_index import entity_of, token_entities
from ..knowledge.event_identity import Where, actor_keys, dates_close, places_compatible, same_side
from ..model import Document, Event
from ..registry import stage
from ..settings import Settings
from .calibration import calibrate
from .captivity import RELEASE_TYPE, holders, released_by_captors
from .claims import CLAIM, CLAIM_ROUTE, claimants, credit_claims, is_claim
from .context import (
    CLAUSE_DEPS,
    SpanIndex,
    carry_dates,
    clause_depth,
    clause_tokens,
    date_for,
    place_for,
    settle_followups,
    trigger_token,
)
from .features import in_lead, is_candidate
from .fusion import choose_dates, fill_roles, scores_text
from .hazards import hazard_doer
from .intent import Triggered, with_statements
from .learned import EventModels, decide_modality, decide_type, settle_doubts
from .modality import OBLIGATION_AUX, modality_reason
from .reactions import aim_reactions, protests_aimed_by_demands
from .roles import (
    acted_on,
    actors_of,
    complement_targets,
    governing_object,
    light_verb_roles,
    noun_roles,
    passive_patients,
    place_targets,
    verb_roles,
    with_conjuncts,
)
from .sides import both_sides_named
from .sport import played
from .verb_patterns import NOT_AN_EVENT, Pattern, VerbDictionary, load_verbs, prep_objects
from .verdicts import names_something, verdict_pattern

# "Britain said Libya must hand over the suspects" is a demand whatever the act; this stands in for
# an act no pattern names, so that the demand can be coded (it is itself never output).
UNNAMED_ACT = Pattern("(act)", "REQUEST", None, (), "100", "", nominal=False, lemma="")

# Calibrated by eye on the seed article and the project's examples: a verb with both actors found
# is the most reliable reading of a sentence; a bare noun the least; the main clause says what the
# sentence reports, a purpose or reason clause ("staged a rally to demand reforms") less so.
# Armed and security forces known only by their sector ("troops", "peacekeepers"): what an act sends
# or withdraws, not whom it is directed at when a named target is there.
FORCE_SECTORS = {"MIL", "COP", "PKO", "SPY", "UAF"}
# Acts applied to a place, whose target is that place when no one is named ("lifted the curfew in
# Montenegro"); a meeting or an agreement in Lima is not directed at Lima.
PLACE_TARGET_TYPES = {"CONCEDE", "RETREAT", "AID", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "PROTEST"}
# Two tellings of an event in one article at places this close are at one place (a city and its
# airport, a town and a village beside it).
SAME_PLACE_KM = 50
# An undated telling of an event is about what happened in the week before publication (as far back
# as a weekday name reaches).
RECENT_DAYS = 7
BASE_CONFIDENCE = {"verb": 0.55, "noun": 0.4, "light": 0.55}
# An event the model reads where the dictionary has no pattern is less often the sentence's main one.
MODEL_ONLY_WEIGHT = 0.5
SOURCE_BONUS, TARGET_BONUS, ROOT_BONUS, MODAL_PENALTY, DEPTH_PENALTY = 0.15, 0.1, 0.1, 0.2, 0.1


@dataclass
class _Article:
    """What coding one document's events needs to know of it, and what the type model made of its
    words: made for each call, so that the coder holds no document's state between calls."""
    doc: Document
    owner: dict[int, str]  # token -> the entity it belongs to
    unnamed: dict[int, str]  # token of an actor coded by its sector alone ("troops") -> that sector
    index: SpanIndex  # the document's times and places by offset
    codes: dict[str, str | None]
    kinds: dict[str, str]
    doubts: dict[tuple[int, int], str] = field(default_factory=dict)  # trigger -> the model's verdict
    readings: dict[int, tuple] = field(default_factory=dict)  # token -> the type model's reading, this sentence
    actors_here: bool = False  # a political actor in this sentence


@stage("events", requires=("doc.parse", "doc.entities", "doc.times", "doc.places", "doc.quotes"),
       assigns=("doc.events",))
class EventCoder:
    """Code PLOVER events from verb and noun patterns."""

    def __init__(self, settings: Settings):
        self.extra_files = tuple(settings.verbs_files)
        self.sector_codes = load_dictionary(tuple(settings.actors_files)).sector_codes
        self.models = EventModels.shipped() if settings.event_models else EventModels()

    @property
    def verbs(self) -> VerbDictionary:
        return load_verbs(self.extra_files)

    def __call__(self, doc: Document) -> None:
        owner = token_entities(doc)
        codes = {entity.id: entity.code for entity in doc.entities}
        unnamed = {i: codes[entity_id] for i, entity_id in owner.items() if codes[entity_id] in self.sector_codes}
        article = _Article(doc, owner, unnamed, SpanIndex(doc), codes, {entity.id: entity.type for entity in doc.entities})
        events = []
        for sentence in doc.parse.sents:
            events += _dedupe(doc, self._sentence_events(article, sentence))
        settle_followups(doc, events)
        carry_dates(doc, events)
        # the models complete what the rules found after repeats are merged, which needs the rules' reading
        events = settle_doubts(credit_claims(_merge_repeats(doc, events)), article.doubts)
        released_by_captors(events)
        both_sides_named(doc, events)
        aim_reactions(doc, events, self.verbs)
        protests_aimed_by_demands(events)
        if self.models.role_models:
            fill_roles(doc, events, self.models)
        if self.models.date_model is not None:
            choose_dates(doc, events, self.models.date_model)
        calibrate(events, self.models.confidence_model)
        for number, event in enumerate(events, 1):
            event.id = f"V{number}"
        doc.events = events

    def _sentence_events(self, article: _Article, sentence) -> list[Event]:
        doc, owner = article.doc, article.owner
        consumed, found = set(), []
        article.readings = {}
        # the entity tokens of this sentence, looked up once per sentence, not once per event
        sentence_owner = {t.i: owner[t.i] for t in sentence if t.i in owner}
        # a political actor: the model's readings alone do not make events of companies' acts
        article.actors_here = any((article.codes.get(e) or "BUS")[-3:] != "BUS" for e in sentence_owner.values())
        for token in sentence:
            if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("amod", "compound"):
                pattern = self._fused(article, token, self.verbs.match_verb(token) or verdict_pattern(token))
                pattern = pattern or (UNNAMED_ACT if _obliged(token) else None)
                if pattern is not None and self._result_of_attack(token, pattern):
                    continue  # the noun tells the act ("air strikes killed 30"): one event, the attack's
                if pattern is not None:
                    if pattern.text:  # a model-only reading leaves its object to the dictionary
                        consumed.update(c.i for c in token.children if c.dep_ in ("dobj", "nsubjpass"))
                        # and the noun after its preposition ("walked out of the talks") is part of its event
                        consumed.update(t.i for t in prep_objects(token, pattern))
                    found.append(Triggered(self._event(article, token, pattern, sentence_owner), token))
        for token in sentence:
            if token.pos_ in ("NOUN", "PROPN") and token.i not in consumed and token.dep_ != "compound":
                pattern = self._fused(article, token, self.verbs.match_noun(token))
                if pattern is not None:
                    found.append(Triggered(self._event(article, token, pattern, sentence_owner), token))
        found = _beside_patterns([item for item in found if item.event is not None])
        events = with_statements(found, owner, doc.quotes)
        return [e for e in events if e.pattern != UNNAMED_ACT.text]

    def _fused(self, article: _Article, token, pattern: Pattern | None) -> Pattern | None:
        """The dictionary's pattern for a token as the type model confirms, retypes or rejects it
        (`eventwire.events.learned.decide_type`); the model's reading is kept for `explain`. A
        pattern that says its words are no event leaves nothing to fuse."""
        if pattern is not None and pattern.type == NOT_AN_EVENT:
            return None
        if not is_candidate(token) or self.models.type_model is None:
            return pattern
        if pattern is None and (not article.actors_here or token.pos_ not in ("VERB", "AUX") or names_something(token)):
            # a reading of the model's alone needs a coded actor in the sentence, and a verb: a noun
            # the dictionary does not know was on dev mostly a reference ("called the measures illegal");
            # a name given with no verdict in it ("called the report a formality") is no event
            return None
        if pattern is not None and (not pattern.builtin or in_lead(token)):
            return pattern  # the model cannot overrule these (decide_type): not worth reading
        probabilities = self.models.type_probabilities(token, article.owner, article.kinds, pattern)
        # a pattern left to this point can be overruled, unless the modality rules flag its act
        flagged = pattern is not None and modality_reason(token)[0] is not None
        fused, decision, verdict = decide_type(pattern, token, probabilities, flagged=flagged)
        article.readings[token.i] = (probabilities, decision)
        if verdict is not None:
            article.doubts[(token.idx, token.idx + len(token.text))] = verdict
        return fused

    def _result_of_attack(self, verb, pattern: Pattern) -> bool:
        """ "Air strikes killed 30 people", "an ambush that killed 20 soldiers", "shelled the village,
        killing four": what an attack did (corpus/GUIDELINES.md: an attack and what it did are one event)."""
        if pattern.type != "ASSAULT":
            return False
        if verb.dep_ in ("advcl", "conj") and verb.tag_ == "VBG" and verb.head.pos_ == "VERB":
            # "shelled the village, killing four": the participle tells what the attack did
            told = self.verbs.match_verb(verb.head)
            return told is not None and told.type == "ASSAULT"
        doers = [c for c in verb.children if c.dep_ == "nsubj"]
        doers += [verb.head] if verb.dep_ in ("acl", "relcl") else []
        return any((noun := self.verbs.match_noun(d)) is not None and noun.type == "ASSAULT" for d in doers)

    def _is_group(self, article: _Article, entity_id: str) -> bool:
        """An actor known by its sector ("prisoners", "Russian soldiers"), not by name."""
        code = article.codes.get(entity_id) or ""
        return article.kinds.get(entity_id) != "PERSON" and code[-3:] in self.sector_codes

    def _event(self, article: _Article, trigger, pattern: Pattern, sentence_owner: dict[int, str]) -> Event | None:
        """The event a pattern makes of a trigger (`sentence_owner`: the entities of the trigger's
        sentence by token)."""
        doc, index = article.doc, article.index
        if _inside_attribution(trigger) or hazard_doer(trigger, pattern.type) is not None:
            return None  # words telling the source, or what a storm or a quake did
        nominal = pattern.nominal
        sources, targets, why = rule_roles(trigger, pattern, article.owner, article.unnamed)
        if played(trigger, [article.codes.get(t) for t in targets]):
            return None  # "stormed back to beat Monterrey 3-2": a game
        if pattern.roles == "symmetric" and len(sources) > 1 and targets and all(self._is_group(article, t) for t in targets):
            # "Russia and Ukraine swapped prisoners": the prisoners are what was traded, not a side
            sources, targets = sources[:1], sources[1:]
            why["target"] = "the second of the coordinated subjects (symmetric pattern)"
        if not sources and not targets and nominal:
            return None  # "the meeting", "the attack": a reference to an event told elsewhere, or too vague
        if not pattern.text and not any(article.codes.get(e) for e in sources + targets):
            return None  # the model's reading alone, with no political actor: "engineers imposed new rules"
        if is_claim(trigger):
            why[CLAIM] = "a claim of responsibility: told again if the article told the act before"
        probabilities, decision = article.readings.get(trigger.i, (None, ""))
        quote = next((q for q in doc.quotes if q.start <= trigger.idx < q.end), None)
        modality, why["modality"] = modality_reason(trigger)
        factuality = self.models.factuality(trigger, quote is not None and quote.kind == "direct")
        if (fused := decide_modality(modality, factuality)) != modality:
            modality, why["modality"] = fused, f"the factuality model ({modality or 'asserted'} by the rules)"
        if probabilities is not None:
            why["type (model)"] = f"{decision}; " + scores_text({"": probabilities})
        if factuality is not None:
            why["factuality (model)"] = scores_text({"": factuality})
        sentence = trigger.sent
        sentence_text = doc.text[sentence.start_char:sentence.end_char]
        clause = clause_tokens(trigger)
        event = Event(
            id="", type=pattern.type, mode=pattern.mode, context=list(pattern.context), cameo=pattern.cameo,
            source=sources, target=targets, start=sentence.start_char,
            end=sentence.end_char - (len(sentence_text) - len(sentence_text.rstrip())),
            negated=modality is not None, modality=modality, pattern=pattern.text,
            trigger=_trigger_span(trigger, pattern),
            date=date_for(doc, trigger, clause, index),
            # the source's tokens in this sentence: place_for looks no further
            place=place_for(doc, trigger, clause, frozenset(i for i, e in sentence_owner.items() if e in sources),
                            index),
            quote=next((q.id for q in doc.quotes if q.kind == "direct" and q.start <= trigger.idx < q.end), None),
        )
        why["date"] = "its own clause" if event.date else "none found"
        event.confidence = _confidence(event, trigger, nominal) * (MODEL_ONLY_WEIGHT if not pattern.text else 1.0)
        event.why = why
        return event


def _trigger_span(trigger, pattern: Pattern) -> tuple[int, int]:
    """The words that fire the pattern: the trigger, and for "be" the noun that makes the act ("are
    on strike": "are" alone says nothing)."""
    end = trigger.idx + len(trigger.text)
    if trigger.lemma_.lower() == "be" and pattern.prep_obj and not pattern.nominal:
        end = max([end] + [noun.idx + len(noun.text) for noun in prep_objects(trigger, pattern)])
    return trigger.idx, end


def _beside_patterns(found: list[Triggered]) -> list[Triggered]:
    """Drop a model-only event next to a pattern's event in the parse ("launched" in "launched an
    attack", where the dictionary already reads the attack) or of a type a pattern reads in the
    sentence ("used pepper spray to disperse protesters": one act of force)."""
    patterned = {item.trigger.i for item in found if item.event.pattern}
    types = {item.event.type for item in found if item.event.pattern}
    return [item for item in found if item.event.pattern or not (
        item.event.type in types or item.trigger.head.i in patterned
        or any(c.i in patterned for c in item.trigger.children))]


def _own_people(token, sources: list[str], owner, unnamed: dict[int, str]) -> bool:
    """ "withdrew its troops from Lebanon": the source's own troops or citizens (an actor known by
    its sector, not by name) are not a target, its partners or neighbours are."""
    return (token.i in unnamed or token.pos_ == "NOUN") and any(
        c.dep_ == "poss" and entity_of(c, owner) in sources for c in token.children)


def rule_roles(trigger, pattern: Pattern, owner, unnamed: dict[int, str]) -> tuple[list[str], list[str], dict[str, str]]:
    """Source and target entity ids of an event, and how each was found. Each side tries its
    routes in order and takes the first that names an entity."""
    forces = {owner[i] for i, code in unnamed.items() if code in FORCE_SECTORS}
    own_sources, own_targets = noun_roles(trigger, pattern) if pattern.nominal else verb_roles(trigger, pattern)
    if not pattern.nominal and any(entity_of(c, owner) for c in trigger.children if c.dep_ == "dobj"):
        # "arrested Imran Khan at the High Court": with its object an actor, "at" says where
        own_targets = [t for t in own_targets if not (t.head.lower_ == "at" and t.head.head.i == trigger.i)]
    source_routes = [("its own phrase" if pattern.nominal else "the verb's subject or agent", own_sources)]
    target_routes = [("its own phrase" if pattern.nominal else "the verb's object", own_targets)]
    if pattern.type == RELEASE_TYPE and not pattern.nominal:
        source_routes.append(("the one who held them", holders(trigger)))
    if pattern.nominal:
        verb_sources, verb_targets = light_verb_roles(trigger)
        agent = governing_object(trigger)
        source_routes += [(CLAIM_ROUTE, claimants(trigger)), ("the verb it is the object of", verb_sources),
                          ("the object of the verb it hangs from", [agent] if agent is not None else [])]
        target_routes += [("the verb it is the object of", verb_targets), ("what it did", acted_on(trigger))]
    else:
        target_routes.append(("the clause the verb governs", complement_targets(trigger)))
    if pattern.type in PLACE_TARGET_TYPES and pattern.roles != "symmetric":
        target_routes.append(("the place it is applied to", place_targets(trigger)))
    source_routes = [(route, _behind_delegates(tokens, owner, unnamed)) for route, tokens in source_routes]
    target_routes = [(route, _behind_delegates(tokens, owner, unnamed)) for route, tokens in target_routes]
    # "X was assassinated by two of her bodyguards": the one it was done to did not do it
    patients = set(actors_of(passive_patients(trigger), owner))
    sources, why = _first_actors(source_routes, owner, "source", exclude=patients)
    own = {t.i for _, tokens in target_routes for t in tokens if _own_people(t, sources, owner, unnamed)}
    target_routes = [(route, [t for t in tokens if t.i not in own]) for route, tokens in target_routes]
    targets, target_why = _first_actors(target_routes, owner, "target", exclude=sources)
    named = [t for t in targets if t not in forces]
    if named and len(named) < len(targets):  # "sent troops to Mali": Mali, not the troops sent
        targets = named
    why.update(target_why)
    if pattern.roles == "symmetric" and not targets and len(sources) > 1:
        sources, targets = sources[:1], sources[1:]  # "X and Y met": one side each
        why["target"] = "the second of the coordinated subjects (symmetric pattern)"
    return sources, targets, why


def _behind_delegates(tokens, owner, unnamed: dict[int, str]) -> list:
    """ "Delegations from Armenia and Azerbaijan", "foreign ministers of India and Pakistan", "leaders
    of the coalition": people known by their role stand for the named parties they come from when
    they come from several, or have no party of their own."""
    found = []
    for token in tokens:
        parties = [t for p in token.children if p.dep_ == "prep" and p.lower_ in ("of", "from")
                   for g in p.children if g.dep_ == "pobj" for t in with_conjuncts(g)]
        named = [t for t in parties if entity_of(t, owner) and t.i not in unnamed]
        found += named if named and (token.i in unnamed or len(named) > 1) else [token]
    return found


def _first_actors(routes, owner, role: str, exclude=()) -> tuple[list[str], dict[str, str]]:
    for route, tokens in routes:
        found = [e for e in actors_of(tokens, owner) if e not in exclude]
        if found:
            words = ", ".join(f"{t.text!r} ({t.dep_} of {t.head.text!r})" for t in tokens
                              if entity_of(t, owner) in found)
            return found, {role: f"{route}: {words}"}
    return [], {role: "none found"}


def _obliged(verb) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in OBLIGATION_AUX for c in verb.children)


def _inside_attribution(trigger) -> bool:
    """Words inside "according to a journalist who spoke with X" tell the source, not an event."""
    return any(a.lower_ == "according" for a in trigger.ancestors)


def _confidence(event: Event, trigger, nominal: bool) -> float:
    light = nominal and trigger.dep_ == "dobj"  # "staged a protest", "held talks"
    score = BASE_CONFIDENCE["light" if light else "noun" if nominal else "verb"]
    score += SOURCE_BONUS * bool(event.source) + TARGET_BONUS * bool(event.target)
    depth = clause_depth(trigger)
    score += ROOT_BONUS * (depth == 0) - DEPTH_PENALTY * min(depth, 2)
    score -= MODAL_PENALTY * event.negated
    return max(0.05, min(score, 0.95))


def _dedupe(doc: Document, events: list[Event]) -> list[Event]:
    """Keep one event per (type, sources, targets, asserted-or-not) and clause in a sentence, the
    most confident: "imposed a curfew" is one act, "imposed a curfew and banned motorbikes" two."""
    best: dict[tuple, Event] = {}
    for event in events:
        key = (event.type, tuple(sorted(event.source)), tuple(sorted(event.target)), event.negated,
               _event_clause(doc, event))
        if key not in best or event.confidence > best[key].confidence:
            best[key] = event
    return sorted(best.values(), key=lambda e: e.trigger)


def _event_clause(doc: Document, event: Event) -> int | None:
    """The verb heading the clause of an event's trigger: coordinated verbs head clauses of their own."""
    if event.trigger is None:
        return None
    token = trigger_token(doc, event)
    while token.i != token.head.i and not (token.pos_ in ("VERB", "AUX") and token.dep_ in CLAUSE_DEPS):
        token = token.head
    return token.i


REPEAT_MARKERS = {"again", "also", "later", "then", "subsequently", "another", "fresh", "new", "renewed",
                  "second", "third", "further", "more", "latest"}


def _merge_repeats(doc: Document, events: list[Event]) -> list[Event]:
    """The first telling of each event, completed with what later tellings add and pointing to
    their sentences; "attacked again" and "a new attack" are new events."""
    kept: list[Event] = []
    # looked up for every pair of tellings: built once
    entities = {entity.id: entity for entity in doc.entities}
    places = {place.id: place for place in doc.places}
    for event in events:
        first = None if _marked_repeat(doc, event) else next(
            (k for k in kept if _same_event(doc, entities, places, k, event)), None)
        if first is None:
            kept.append(event)
            continue
        if event.pattern:  # a telling only the model reads adds its sentence, not its actors, date or place
            if first.date is None and event.date is not None:
                first.why["date"] = "a later telling"
            first.source, first.target = first.source or event.source, first.target or event.target
            first.date, first.place = first.date or event.date, first.place or event.place
        first.confidence = max(first.confidence, event.confidence)
        first.told_again_in(event)
    return kept


def _root(cameo: str | None) -> str | None:
    """The CAMEO root ("19" of "195"): a shelling and an air raid may be one attack, a bombing
    (18) and an offensive (19) are not."""
    return cameo[:2] if cameo else None


def _marked_repeat(doc: Document, event: Event) -> bool:
    return event.trigger is not None and any(c.lower_ in REPEAT_MARKERS for c in trigger_token(doc, event).children)


def _same_event(doc: Document, entities: dict, places: dict, one: Event, other: Event) -> bool:
    """Two tellings in one article are one event: same type and CAMEO root, the same source
    entities (or one telling names none and both name the same target), compatible targets (by
    actor, so "the Afghan government" and "Afghanistan" agree) and places, and the same day; a day
    apart ("over the weekend", "on Sunday") only at the same place; an undated telling only with
    one dated within a few days of publication."""
    if (one.type, _root(one.cameo), one.negated) != (other.type, _root(other.cameo), other.negated):
        return False
    if one.start == other.start and _event_clause(doc, one) != _event_clause(doc, other):
        return False  # two clauses of one sentence tell two acts ("imposed a curfew and banned motorbikes")
    keys = functools.partial(_side_keys, entities)
    targets_one, targets_other = keys(one.target), keys(other.target)
    if one.source and other.source:
        if sorted(one.source) != sorted(other.source) or not same_side(targets_one, targets_other, missing_ok=True):
            return False
    # "the capture of Dessie" after "Ethiopian forces captured Dessie": told again without its
    # source, an event is known by its target
    elif not (one.source or other.source) or not same_side(targets_one, targets_other, missing_ok=False):
        return False
    where = lambda event: _where(places.get(event.place))  # noqa: E731
    if not places_compatible(where(one), where(other), km=SAME_PLACE_KM):
        return False
    if one.date and other.date:
        same_place = one.place is not None and one.place == other.place
        return dates_close(one.date, other.date, days=1 if same_place else 0)
    # an undated telling is of the news of the day: not the same as a dated recap of weeks ago
    dated = one.date or other.date
    return not dated or not doc.published or dates_close(dated, doc.published[:10], days=RECENT_DAYS)


def _side_keys(entities: dict, ids: list[str]) -> frozenset[str]:
    """The actors of one side, by actor key and by name (within one article a name is enough:
    a town named twice may be one entity with a country code and another without)."""
    found = [entities[i] for i in ids if i in entities]
    return actor_keys((e.code for e in found), (e.name for e in found)) | actor_keys([None] * len(found), (e.name for e in found))


def _where(place) -> Where | None:
    return place and Where(place.name, place.country, place.lat, place.lon, place.feature)
