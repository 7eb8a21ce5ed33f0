"""What the trained role model sees of a (trigger, actor) pair: the dependency path between them,
voice, order and distance, the actor's kind and code, whether the actor speaks the quote the
trigger is in, and what the hand-written role rules made of it."""

from __future__ import annotations

from ..model import Document

MAX_PATH = 4  # longer paths are "far": the model learns little from their exact shape


def _chain(token) -> list:
    """The token and its ancestors, nearest first."""
    return [token, *token.ancestors]


def _meeting(token, trigger) -> tuple[list, list, int, int] | None:
    """The two chains up to the tokens' lowest common ancestor: (token's chain, trigger's chain,
    steps up from the token, steps up from the trigger), or None in two trees."""
    up, down = _chain(token), _chain(trigger)
    down_index = {t.i: n for n, t in enumerate(down)}
    return next(((up, down, n, down_index[t.i]) for n, t in enumerate(up) if t.i in down_index), None)


def dependency_path(mention, trigger) -> str:
    """ "nsubj^" (the mention is the trigger's subject), "pobj^prep^agent^" (the agent of a
    passive), "^dobj" (the mention heads the trigger's object's phrase)... up to their lowest common
    ancestor from each side; "far" when either side is longer than MAX_PATH."""
    met = _meeting(mention, trigger)
    if met is None or max(met[2], met[3]) > MAX_PATH:
        return "far"
    up, down, n, m = met
    rising = "".join(f"{t.dep_}^" for t in up[:n])
    falling = "".join(f"v{t.dep_}" for t in reversed(down[:m]))
    prep = next((t.lower_ for t in up[:n] if t.dep_ == "prep"), "")
    return rising + falling + (f"({prep})" if prep else "")


class Actors:
    """A document's actors as the role model reads them, indexed once per document: each entity's
    kind, code and salience rank, and the heads of its mentions by sentence."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.entities = {e.id: e for e in doc.entities}
        ranked = sorted(doc.entities, key=lambda e: (-len(e.mentions), e.id))
        self.rank = {e.id: n for n, e in enumerate(ranked)}
        self.heads: dict[int, list[tuple[str, object]]] = {}  # sentence start token -> (entity, head)
        for entity in doc.entities:
            for mention in entity.mentions:
                span = doc.parse.char_span(mention.start, mention.end, alignment_mode="expand")
                if span is not None:
                    self.heads.setdefault(span.root.sent.start, []).append((entity.id, span.root))
        self.first_end = next(iter(doc.parse.sents)).end_char

    def candidates(self, trigger, speakers: frozenset[str] | set[str] = frozenset()) -> list[tuple[str, object]]:
        """(entity id, mention head or None) for the actors the role model chooses among: those
        named in the trigger's sentence, by their mention nearest in the parse, and the speakers of
        the quote it is in (with None when named elsewhere). Actors named only in other sentences
        are left out: trained over the whole article, the model put its mass on them (a third of
        gold targets are named sentences away) and its picks there were mostly wrong."""
        found: dict[str, object] = {e: None for e in sorted(speakers) if e in self.entities}
        best: dict[str, tuple[int, int]] = {}
        for entity, head in self.heads.get(trigger.sent.start, []):
            if head.i == trigger.i:
                continue
            key = (_tree_distance(head, trigger), abs(head.i - trigger.i))
            if entity not in best or key < best[entity]:
                best[entity], found[entity] = key, head
        return list(found.items())

    def where(self, entity_id: str, trigger) -> str:
        """Where an actor not in the trigger's sentence is named: before (the 400 characters before
        the sentence), lead (the first sentence), after, or elsewhere."""
        starts = [m.start for m in self.entities[entity_id].mentions]
        start = trigger.sent.start_char
        if any(start - 400 <= s < start for s in starts):
            return "before"
        if any(s < self.first_end for s in starts):
            return "lead"
        return "after" if any(s >= trigger.sent.end_char for s in starts) else "elsewhere"


def _tree_distance(token, trigger) -> int:
    met = _meeting(token, trigger)
    return met[2] + met[3] if met is not None else 99


def _bucket(distance: int) -> str:
    return str(distance) if distance < 4 else "4-7" if distance < 8 else "8+"


def role_features(actors: Actors, trigger, mention, entity_id: str, event_type: str, rule_role: str = "-",
                  speaker: bool = False) -> list[str]:
    """Features of one (trigger, actor) pair; `rule_role` is what the role rules made of the actor
    (source, target or -), `speaker` whether the actor speaks the quote the trigger is in."""
    entity = actors.entities[entity_id]
    kind, code = entity.type, entity.code or ""
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in trigger.children)
    sector = code[3:6] if len(code) >= 6 else code or "-"
    found = [f"k={kind}", f"rule={rule_role}", f"ty={event_type}", f"ty,rule={event_type},{rule_role}",
             f"pass={passive}", f"tp={trigger.pos_}", f"speaker={speaker}", f"k,rule={kind},{rule_role}",
             f"sector={sector}"]
    if mention is None:
        where = actors.where(entity_id, trigger)
        rank = actors.rank[entity_id]
        salience = str(rank) if rank < 3 else "3+"
        return found + [f"where={where}", f"ty,where={event_type},{where}", f"ty,k,where={event_type},{kind},{where}",
                        f"rank={salience}", f"ty,rank={event_type},{salience}", f"k,rank={kind},{salience}",
                        f"n={min(len(entity.mentions), 5)}", f"sector,ty={sector},{event_type}"]
    path = dependency_path(mention, trigger)
    side = "before" if mention.i < trigger.i else "after"
    found += [f"path={path}", f"ty,path={event_type},{path}", f"pass,path={passive},{path}", f"side={side}",
              f"side,pass={side},{passive}", f"dist={_bucket(abs(mention.i - trigger.i))}",
              f"md={mention.dep_}", f"md,side={mention.dep_},{side}", f"ml={mention.lemma_.lower()}",
              f"tl,path={trigger.lemma_.lower()},{path}", f"mtag={mention.tag_}"]
    return found


def null_features(trigger, event_type: str, rule_roles: dict[str, str]) -> list[str]:
    """Features of the stand-in candidate "nobody plays this role"."""
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in trigger.children)
    by_rule = set(rule_roles.values())
    return ["null", f"null,ty={event_type}", f"null,pass={passive}", f"null,tp={trigger.pos_}",
            f"null,rule_source={'source' in by_rule}", f"null,rule_target={'target' in by_rule}",
            f"null,dep={trigger.dep_}"]
