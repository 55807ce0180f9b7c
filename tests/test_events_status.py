"""Clause status (current, background, hypothetical, decision, negated, contested, interception) through the real
pipeline: every declared rule's example sentences, and the mechanisms behind them."""

from __future__ import annotations

from typing import Any

import pytest

from redline.eval import code_sentence
from redline.events import STATUSES, current
from redline.events.clause import clause_of
from redline.events.status import DROPPED, STATUS_RULES, cofiring_report
from redline.ingest import normalize
from redline.models import RawDocument
from redline.nlp import analyze

PUBLISHED = "2024-11-20"


def _events(text: str, context: Any, published: str = PUBLISHED) -> list[tuple[str, str | None, str | None, str]]:
    return [(e.type, e.source, e.target, e.status) for e in code_sentence(text, published, context, "test")]


@pytest.mark.parametrize("rule", STATUS_RULES, ids=[r.name for r in STATUS_RULES])
def test_events_status_rule_examples_get_their_status(rule: Any, context: Any) -> None:
    for sentence, status in rule.examples:
        events = code_sentence(sentence, PUBLISHED, context, "test")
        if status == DROPPED:
            assert events == (), sentence
        else:
            assert status in [e.status for e in events], (sentence, [(e.type, e.status) for e in events])
            assert current(events) == tuple(e for e in events if e.status == "current")


def test_events_status_rules_are_declared_once_in_priority_order() -> None:
    names = [r.name for r in STATUS_RULES]
    assert len(names) == len(set(names))
    assert [r.priority for r in STATUS_RULES] == sorted(r.priority for r in STATUS_RULES)
    assert all(r.examples and r.provenance for r in STATUS_RULES)
    assert {r.status for r in STATUS_RULES} - {DROPPED} <= set(STATUSES)


def test_events_status_cofiring_report_names_overlapping_rules(context: Any) -> None:
    fired = []
    for rule in STATUS_RULES:
        for sentence, _status in rule.examples:
            for e in code_sentence(sentence, PUBLISHED, context, "test"):
                fired.append((sentence, e.status_rules))
    report = cofiring_report(fired)
    # every example is decided by its own rule alone: a new rule that overlaps shows up here with its order
    assert report == []
    assert cofiring_report([("x", ("negated", "background"))]) == ["'x': negated > background"]


def test_events_permission_to_strike_is_no_assault(context: Any) -> None:
    events = _events("The White House allowed Ukraine to strike military targets inside Russia.", context)
    assert ("ASSAULT", "UKR", "RUS", "current") not in events


def test_events_decision_to_authorise_a_weapon_is_a_concession_not_an_assault(context: Any) -> None:
    events = _events("Biden's decision to authorise Ukraine to use ATACMS against Russia angered Moscow.", context)
    assert [e for e in events if e[0] == "ASSAULT" and e[3] == "current"] == []


def test_events_interception_is_the_attacker_attempt_not_the_defender_assault(context: Any) -> None:
    events = _events("Russia shot down 20 Ukrainian drones over the Bryansk region overnight.", context)
    assert [(t, s and s[:3], tg, st) for t, s, tg, st in events] == [("ASSAULT", "UKR", "RUS", "interception")]


def test_events_interception_with_no_named_attacker_has_no_source(context: Any) -> None:
    events = _events("Polish air defences intercepted two missiles near Rzeszow.", context)
    assert events == [("ASSAULT", None, "POL", "interception")]


def test_events_shooting_down_a_manned_jet_is_an_assault(context: Any) -> None:
    events = _events("Turkey shot down a Russian fighter jet near the Syrian border.", context)
    assert [e[3] for e in events if e[0] == "ASSAULT"] == ["current"]


def test_events_past_act_named_with_its_year_is_background(context: Any) -> None:
    events = _events("In 2010, Israeli commandos raided a Turkish aid ship.", context, "2021-05-31")
    assert [(e[0], e[3]) for e in events] == [("ASSAULT", "background")]


def test_events_reference_date_does_not_date_the_act(context: Any) -> None:
    events = code_sentence("Russian forces attacked Kupiansk for the first time since September 2022.",
                           PUBLISHED, context, "test")
    assert [(e.type, e.date, e.status) for e in events] == [("ASSAULT", PUBLISHED, "current")]


def test_events_misread_day_is_no_background_year(context: Any) -> None:
    # a date the sentence does not write as a year ("September 29" read as 1929) makes nothing background
    events = _events("On September 29, Putin offered to negotiate with the president of Armenia.", context)
    assert [e[3] for e in events] == ["current"]


def test_events_recent_dated_act_is_current(context: Any) -> None:
    events = _events("Russian missiles struck Odesa on Monday.", context)
    assert [(e[0], e[3]) for e in events] == [("ASSAULT", "current")]


def test_events_conditional_act_is_hypothetical(context: Any) -> None:
    events = _events("If Russia attacks Poland, NATO will respond.", context)
    assert ("ASSAULT", "RUS", "POL", "hypothetical") in events


def test_events_stated_refusal_of_the_future_is_current(context: Any) -> None:
    events = _events("Egypt said it would not accept the American plan.", context)
    assert [(e[0], e[3]) for e in events] == [("REJECT", "current")]


def test_events_claim_the_accused_denies_is_contested(context: Any) -> None:
    events = _events("Kyiv said Russia shelled Kherson, but Moscow denied it.", context)
    assert ("ASSAULT", "RUS", "UKR", "contested") in events


def test_events_natural_disasters_and_accidents_are_no_events(context: Any) -> None:
    assert _events("An earthquake killed 300 people in Afghanistan.", context) == []
    assert _events("Five soldiers died in a helicopter crash in Mali.", context) == []


def test_events_clause_record_reads_the_clause_once(context: Any) -> None:
    article = normalize(RawDocument(origin="t", text="Russia did not attack Kyiv on Tuesday.", published=PUBLISHED),
                        context.settings)
    analysis = analyze(article, context.nlp, context.gazetteer)
    verb = next(t for t in analysis.doc if t.lemma_ == "attack")
    clause = clause_of(verb, analysis.mentions)
    assert (clause.lemma, clause.negated, clause.voice, clause.modality) == ("attack", True, "active", "negated")
    assert [t.text for t in clause.subject] == ["Russia"]
    assert "Kyiv" in [t.text for t in clause.objects]
    assert clause.preps == ("on",)
    assert clause.dates == ("2024-11-19",)


def test_events_status_column_is_added_to_an_older_store(tmp_path: Any) -> None:
    from sqlalchemy import create_engine, text

    from redline.store import migrations, schema

    engine = create_engine(f"sqlite:///{tmp_path / 'v4.db'}")
    with engine.begin() as conn:  # a version-4 database: events without a status column, one stored event
        schema.metadata.create_all(conn)
        conn.execute(text("ALTER TABLE events DROP COLUMN status"))
        conn.execute(text("INSERT INTO meta (key, value) VALUES ('schema_version', '4')"))
    assert [v for v in migrations.migrate(engine, "v4.db") if v <= 50] == [50]  # later ones are other tables
    with engine.begin() as conn:
        columns = {r[1]: r[4] for r in conn.execute(text("PRAGMA table_info(events)"))}
    assert columns["status"] == "'current'"


def test_events_noun_event_with_its_own_earlier_date_is_background(context: Any) -> None:
    events = _events("The minister recalled the 2008 Russian invasion of Georgia.", context)
    assert [(t, s, tg, st) for t, s, tg, st in events if t == "ASSAULT"] == [("ASSAULT", "RUS", "GEO", "background")]


def test_events_crime_rule_leaves_political_force_and_arrests(context: Any) -> None:
    # the crime rule drops ordinary crime only: arrests of protesters, seizures by troops and attacks by armed
    # groups stay events
    assert ("COERCE", "BLR-GOV", "BLR", "current") in _events("Police arrested 40 opposition protesters in Minsk.",
                                                              context)
    assert [e[0] for e in _events("Russian troops seized the town of Avdiivka.", context)] == ["COERCE"]
    assert [e[0] for e in _events("Gunmen killed 12 villagers in Zamfara state, Nigeria.", context)] == ["ASSAULT"]
    assert _events("The coast guard seized a tanker smuggling Iranian oil.", context) != []


def test_events_named_act_is_a_topic_not_a_report(context: Any) -> None:
    # a noun act discussed, investigated or answered is cited; one that wounds, is mounted or kills is reported
    assert ("ASSAULT", "RUS", "UKR", "current") not in _events(
        "The ministers debated the Russian invasion of Ukraine at length.", context)
    assert any(e[0] == "ASSAULT" and e[3] == "current" for e in _events(
        "Russia launched a massive missile attack on Kyiv.", context))
    assert any(e[0] == "ASSAULT" and e[3] == "current" for e in _events(
        "A wave of Israeli air strikes on Gaza killed 30 people.", context))


def test_events_shooting_down_a_crewed_weapon_class_is_an_assault_a_drone_class_is_not(context: Any) -> None:
    # the gazetteer knows bombers and "fighter aircraft" as weapons: a crewed aircraft shot down is still an attack
    bomber = _events("Ukraine shot down a Russian Su-34 bomber near Bakhmut.", context)
    assert [(t, s, tg, st) for t, s, tg, st in bomber if t == "ASSAULT"] == [("ASSAULT", "UKR", "RUS", "current")]
    jet = _events("Iran's army shot down an American fighter aircraft over the Gulf.", context)
    assert [(t, s and s[:3], tg, st) for t, s, tg, st in jet if t == "ASSAULT"] == [
        ("ASSAULT", "IRN", "USA", "current")]
    drones = _events("Romania's air defence shot down two attack drones over Tulcea.", context)
    assert [e[3] for e in drones if e[0] == "ASSAULT"] == ["interception"]
