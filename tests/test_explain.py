"""`eventwire explain`: the report that tells users why a sentence gave its events."""

from __future__ import annotations

import json

from click.testing import CliRunner

from eventwire.cli import main
from eventwire.explain import explain
from eventwire.settings import Settings


def explain_text(*args: str) -> str:
    result = CliRunner().invoke(main, ["explain", *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_explain_shows_pattern_roles_and_the_statement():
    out = explain_text("Syria refused to withdraw its troops from Lebanon.")
    assert "refused          lemma 'refuse': pattern 'refuse' (REJECT) -> V1" in out
    assert "V1  REJECT yield CAMEO 1246" in out
    assert "source   E1 Syria   <- the verb's subject or agent: 'Syria' (nsubj of 'refused')" in out
    # its own troops are not the target; Lebanon, from the clause "refused" governs, is
    assert "target   E3 Lebanon   <- the clause the verb governs: 'Lebanon' (pobj of 'from')" in out
    assert "statement REJECT: the act 'withdraw' is negated ('withdraw' completes 'refused')" in out
    assert "[not asserted: negated]" in out  # the withdrawal itself


def test_explain_names_verbs_without_a_pattern():
    out = explain_text("Kenya snubbed Uganda on Monday.", "--published", "2024-03-05")
    assert "verbs with no pattern: snubbed" in out
    assert "events: (none)" in out
    assert "'Monday' DATE 2024-03-04" in out


def test_explain_tries_a_user_verb_file(tmp_path):
    verbs = tmp_path / "verbs.tsv"
    verbs.write_text("snub\tREJECT\t\tdiplomatic\t120\t\n", encoding="utf-8")
    out = explain_text("Kenya snubbed Uganda on Monday.", "--verbs", str(verbs), "--json")
    report = json.loads(out)
    [event] = report["events"]
    assert (event["type"], event["pattern"], event["source"], event["target"]) == \
        ("REJECT", "snub", ["E1 Kenya"], ["E2 Uganda"])
    assert event["why"]["source"].startswith("the verb's subject or agent")


def test_explain_modality_reason_and_parse_rows():
    report = explain("The rebels will attack the capital.", Settings())
    attack = next(e for e in report["events"] if e["type"] == "ASSAULT")
    assert (attack["negated"], attack["modality"]) == (True, "future")
    assert attack["why"]["modality"] == "future auxiliary on 'attack'"
    threat = next(e for e in report["events"] if e["type"] == "THREATEN")
    assert threat["cameo"] == "138" and not threat["negated"]
    attack_row = next(t for t in report["tokens"] if t["text"] == "attack")
    assert (attack_row["lemma"], attack_row["pos"], attack_row["dep"]) == ("attack", "VERB", "ROOT")


def test_explain_rejects_an_empty_sentence():
    result = CliRunner().invoke(main, ["explain", "   "])
    assert result.exit_code == 2
    assert "the sentence is empty" in result.output
