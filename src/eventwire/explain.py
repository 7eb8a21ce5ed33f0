"""`eventwire explain`: why a sentence gave the events it gave.

Runs the pipeline on a short text and reports, for people who debug or extend the dictionaries:
the parse (every word's lemma, part of speech and dependency), the entities with their codes, the
dictionary lookup for every verb and noun (which pattern fired, or that none exists) beside the
trained type model's probabilities, and for each event how its source, target, modality, date and
place were found, with the trained models' type, factuality and role scores.
"""

from __future__ import annotations

from .events.features import is_candidate
from .events.learned import EventModels
from .events.verb_patterns import load_verbs
from .knowledge.entity_index import token_entities
from .model import Article, Document
from .pipeline import Pipeline
from .settings import Settings

STAGES = ["verbatim", "parse", "entities", "time", "places", "quotes", "events"]


def explain(text: str, settings: Settings, published: str | None = None) -> dict:
    """A JSON-ready account of how `text` was coded."""
    doc = Pipeline(settings, STAGES)(Article(id="explain", source="explain", text=text, published=published))
    if doc.error:
        return {"text": text, "error": doc.error}
    verbs = load_verbs(tuple(settings.verbs_files))
    fired = {event.trigger[0]: event.id for event in doc.events if event.trigger}
    models = EventModels.shipped() if settings.event_models else EventModels()
    owner, kinds = token_entities(doc), {e.id: e.type for e in doc.entities}
    return {
        "text": text,
        "published": published,
        "tokens": [_token_row(token) for token in doc.parse],
        "entities": [{"id": e.id, "name": e.name, "code": e.code, "type": e.type,
                      "mentions": [doc.text[m.start:m.end] for m in e.mentions]} for e in doc.entities],
        "times": [{"text": t.text, "type": t.type, "value": t.value} for t in doc.times],
        "places": [{"id": p.id, "name": p.name, "country": p.country, "lat": p.lat, "lon": p.lon}
                   for p in doc.places],
        "lookups": [_lookup(token, verbs, fired, models, owner, kinds) for token in doc.parse
                    if token.pos_ in ("VERB", "AUX", "NOUN", "PROPN")],
        "events": [_event_row(doc, event) for event in doc.events],
    }


def _token_row(token) -> dict:
    return {"i": token.i, "text": token.text, "lemma": token.lemma_, "pos": token.pos_, "dep": token.dep_,
            "head": token.head.i}


def _lookup(token, verbs, fired: dict[int, str], models: EventModels, owner, kinds) -> dict:
    """What the dictionary holds for a word, what matched, and the type model's three likeliest types."""
    is_verb = token.pos_ in ("VERB", "AUX")
    index = verbs.verbs if is_verb else verbs.nouns
    candidates = index.get(token.lemma_.lower(), []) or ([] if is_verb else index.get(token.lower_, []))
    match = verbs.match_verb(token) if is_verb else verbs.match_noun(token)
    probabilities = models.type_probabilities(token, owner, kinds, match) if is_candidate(token) else None
    model = sorted(probabilities.items(), key=lambda pair: -pair[1])[:3] if probabilities else []
    return {"i": token.i, "text": token.text, "lemma": token.lemma_.lower(),
            "patterns": [p.text for p in candidates], "matched": match.text if match else None,
            "type": match.type if match else None, "event": fired.get(token.idx),
            "model": {label: round(p, 3) for label, p in model}}


def _event_row(doc: Document, event) -> dict:
    names = {e.id: e.name for e in doc.entities}
    return {"id": event.id, "type": event.type, "mode": event.mode, "cameo": event.cameo,
            "pattern": event.pattern, "trigger": doc.text[event.trigger[0]:event.trigger[1]] if event.trigger else None,
            "confidence": round(event.confidence, 2), "negated": event.negated, "modality": event.modality,
            "source": [f"{i} {names.get(i, '?')}" for i in event.source],
            "target": [f"{i} {names.get(i, '?')}" for i in event.target],
            "date": event.date, "place": event.place, "why": dict(event.why)}


def render(report: dict) -> str:
    """The report as text for a terminal."""
    if report.get("error"):
        return f"error: {report['error']}"
    lines = [f"text: {report['text']}", f"published: {report['published'] or '(none: relative dates unresolved)'}",
             "", "parse:", f"  {'#':>3}  {'word':<16} {'lemma':<14} {'pos':<6} {'dep':<10} head"]
    tokens = report["tokens"]
    for t in tokens:
        lines.append(f"  {t['i']:>3}  {t['text']:<16} {t['lemma']:<14} {t['pos']:<6} {t['dep']:<10} "
                     f"{tokens[t['head']]['text']}")
    lines += ["", "entities:"] + [f"  {e['id']:<4} {e['name']:<28} {e['code'] or '-':<10} {e['type']}"
                                  for e in report["entities"]] or ["  (none)"]
    lines += ["", "times:"] + ([f"  {t['text']!r} {t['type']} {t['value']}" for t in report["times"]] or ["  (none)"])
    lines += ["", "dictionary lookups (and the type model's likeliest types):"]
    for row in report["lookups"]:
        model = ", ".join(f"{label} {p:.2f}" for label, p in row.get("model", {}).items())
        if model and not row["matched"] and next(iter(row["model"])) != "none":
            lines.append(f"  {row['text']:<16} lemma {row['lemma']!r}: no pattern; model {model}"
                         + (f" -> {row['event']}" if row["event"] else ""))
            continue
        if row["matched"]:
            outcome = f"pattern {row['matched']!r} ({row['type']})" + (f" -> {row['event']}" if row["event"]
                                                                       else " -> no event kept")
            outcome += f"; model {model}" if model else ""
        elif row["patterns"]:
            outcome = f"patterns {row['patterns']} exist but none fits this sentence"
        else:
            continue
        lines.append(f"  {row['text']:<16} lemma {row['lemma']!r}: {outcome}")
    unmatched = [row["text"] for row in report["lookups"] if not row["patterns"] and row["lemma"] and
                 tokens[row["i"]]["pos"] == "VERB"]
    if unmatched:
        lines.append(f"  verbs with no pattern: {', '.join(unmatched)}")
    lines += ["", "events:"] if report["events"] else ["", "events: (none)"]
    for event in report["events"]:
        flag = f"  [not asserted: {event['modality']}]" if event["negated"] else ""
        lines.append(f"  {event['id']}  {event['type']} {event['mode'] or ''} CAMEO {event['cameo']}  "
                     f"trigger {event['trigger']!r}  pattern {event['pattern']!r}  "
                     f"confidence {event['confidence']}{flag}")
        lines.append(f"      source   {', '.join(event['source']) or '-'}   <- {event['why'].get('source', '')}")
        lines.append(f"      target   {', '.join(event['target']) or '-'}   <- {event['why'].get('target', '')}")
        lines.append(f"      modality {event['modality'] or 'asserted'}   <- {event['why'].get('modality', '')}")
        for part in ("type (model)", "factuality (model)", "roles (model)", "date (model)"):
            if part in event["why"]:
                lines.append(f"      {part:<18} {event['why'][part]}")
        if "statement" in event["why"]:
            lines.append(f"      statement {event['why']['statement']}")
        lines.append(f"      date {event['date'] or '-'}   place {event['place'] or '-'}")
    lines.append("")
    lines.append("A verb with no pattern can be added with --verbs FILE (see data/verbs.tsv for the columns).")
    return "\n".join(lines)
