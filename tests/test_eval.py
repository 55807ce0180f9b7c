"""The evaluation sets, the scorers and the floors gate."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from redline.eval import EvalResult, check_floors, update_floors
from redline.eval import _with_gap as with_gap
from redline.eval.datasets import DatasetError, ExpectedEvent, read_events, read_tabari_actors
from redline.eval.floors import FloorError
from redline.eval.news import MustNot, NewsDoc, country_vocabulary, read_news, score_doc, score_news
from redline.eval.scoring import Predicted, score_events, score_record
from redline.eval.splits import SplitError, half_of, make_split, read_split
from redline.ingest import normalize
from redline.models import Event, Evidence, RawDocument
from redline.settings import Settings

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_eval_scores_hold_their_floors(eval_results: dict[str, Any], gold_floors: dict[str, Any]) -> None:
    for name, result in eval_results.items():
        check = check_floors(gold_floors, name, result.digest, result.scores)
        assert check.pinned, f"{name}: no floors in tests/gold_floors.json (run redline eval --update-floors)"
        assert check.failures == ()


def test_eval_plover_records_are_normalised_to_iso_and_draft_types() -> None:
    data = read_events(ROOT / "tests" / "data" / "plover_gsr_dev.jsonl")
    assert len(data.records) == 193
    first = data.records[0]
    assert first.expected == (ExpectedEvent("AGREE", "HUN", "ROU"), ExpectedEvent("AGREE", "ROU", "HUN"))
    types = {e.type for r in data.records for e in r.expected}
    assert not types & {"DEMAND", "FIGHT", "DISAPPROVE", "INVESTIGATE"}
    assert any(e.target == "JPN" for r in data.records for e in r.expected)


def test_eval_petrarch_set_brings_its_own_actor_dictionary() -> None:
    data = read_events(ROOT / "tests" / "data" / "petrarch2_unittest.jsonl")
    actors = {a.alias: a.code for a in data.extra_actors}
    assert actors["Gondor"] == "GON" and actors["Minas Tirith"] == "GON"
    assert actors["Eriadorian"] == "ERI"
    assert actors["Washington"] == "USA-GOV"
    assert data.records[0].expected == (ExpectedEvent("COOPERATE", "ARN", "GON"),)


def test_eval_tabari_reader_takes_the_undated_or_latest_code_and_skips_unknown_actors() -> None:
    text = ("GOLLUM\n+SMEAGOL\n\t[HOB < 950601]\n\t[HOBREB > 990816]\nBOROMIR  [---]\nARNOR_  [ARN]\n"
            "GONDOR [GON]\n+MINAS_TIRITH\n")
    codes = {a.alias: a.code for a in read_tabari_actors(text)}
    assert codes["Smeagol"] == "HOB-REB" and codes["Gollumian"] == "HOB-REB"
    assert codes["Arnor"] == "ARN" and "Arnori" not in codes  # a trailing underscore means the exact word
    assert codes["Minas Tirith"] == "GON" and "Boromir" not in codes


def test_eval_score_record_pairs_reciprocal_events_and_blank_gold_actors() -> None:
    expected = [ExpectedEvent("AGREE", "USA", "JOR"), ExpectedEvent("AGREE", "JOR", None)]
    predicted = [Predicted("AGREE", "JOR", "USA"), Predicted("AGREE", "USA", "JOR"), Predicted("ASSAULT", None, "JOR")]
    result = score_record("r1", "text", expected, predicted)
    assert (result.type_hits, result.full_hits, result.source_hits, result.target_hits) == (2, 2, 2, 2)
    scores = score_events([result], [False]).scores
    assert scores["type_precision"] == 0.6667 and scores["type_recall"] == 1.0
    assert "false_event_rate" not in scores


def test_eval_false_event_rate_counts_records_that_expect_none() -> None:
    quiet = score_record("q", "text", [], [Predicted("ASSAULT", "RUS", "UKR")])
    empty = score_record("e", "text", [], [])
    scores = score_events([quiet, empty], [True, True]).scores
    assert scores == {"false_event_rate": 0.5}  # negatives alone: no precision, recall or actor accuracy


def test_eval_no_event_set_is_negatives_from_stories_without_political_events() -> None:
    data = read_events(ROOT / "tests" / "data" / "redline_no_event.jsonl")
    assert len(data.records) == 202 and all(r.expects_none and not r.expected for r in data.records)
    assert len({r.id for r in data.records}) == 202


def test_eval_check_floors_names_the_broken_floor() -> None:
    floors = {"epsilon": 0.005, "datasets": {"d": {"digest": "abc", "floors": {"type_f1": 0.5,
                                                                           "false_event_rate": 0.1}}}}
    check = check_floors(floors, "d", "abc", {"type_f1": 0.49, "false_event_rate": 0.2})
    assert check.failures == (
        "d: false_event_rate 0.2000 breaks its ceiling 0.1000 (epsilon 0.005)",
        "d: type_f1 0.4900 breaks its floor 0.5000 (epsilon 0.005)",
    )
    assert check_floors(floors, "d", "abc", {"type_f1": 0.496, "false_event_rate": 0.1}).ok


def test_eval_update_floors_raises_and_refuses_to_lower() -> None:
    floors = {"epsilon": 0.005, "datasets": {"d": {"digest": "abc", "floors": {"type_f1": 0.5}}}}
    raised, changes = update_floors(floors, "d", "abc", {"type_f1": 0.6})
    assert raised["datasets"]["d"]["floors"] == {"type_f1": 0.6}
    assert changes == ["d: type_f1 raised 0.5000 -> 0.6000"]
    ceiling = {"epsilon": 0.005, "datasets": {"d": {"digest": "abc", "floors": {"false_event_rate": 0.2}}}}
    tighter, changes = update_floors(ceiling, "d", "abc", {"false_event_rate": 0.1})
    assert tighter["datasets"]["d"]["floors"] == {"false_event_rate": 0.1}
    assert changes == ["d: false_event_rate ceiling lowered 0.2000 -> 0.1000"]
    with pytest.raises(FloorError, match="refusing to relax ceiling false_event_rate"):
        update_floors(ceiling, "d", "abc", {"false_event_rate": 0.3})
    with pytest.raises(FloorError) as e:
        update_floors(floors, "d", "abc", {"type_f1": 0.4})
    assert str(e.value) == "d: refusing to relax type_f1 0.5000 -> 0.4000 (pass --allow-regression to accept)"
    lowered, _ = update_floors(floors, "d", "abc", {"type_f1": 0.4}, allow_regression=True)
    assert lowered["datasets"]["d"]["floors"] == {"type_f1": 0.4}


def test_eval_floors_file_is_pinned_for_every_set(gold_floors: dict[str, Any]) -> None:
    halves = {f"{name}/{h}" for name in ("realnews", "plover_gsr_dev", "threats")
              for h in ("tune", "validation", "gap")}
    baseline = {f"{name}/{h}:baseline" for name in ("realnews", "plover_gsr_dev") for h in ("tune", "validation")}
    assert set(gold_floors["datasets"]) == {*halves, *baseline, "petrarch2_unittest", "redline_no_event", "gold",
                                            "dates",
                                            "redline_no_event:baseline"}
    assert json.loads((ROOT / "tests" / "gold_floors.json").read_text())["epsilon"] == 0.005


# --- the fixed splits and the real-news set ---------------------------------------------------------

DATA = ROOT / "tests" / "data"


@pytest.mark.parametrize("name", ["realnews", "plover_gsr_dev", "threats"])
def test_eval_committed_splits_follow_the_rule_and_cover_their_set(name: str) -> None:
    rows = [json.loads(line) for line in (DATA / f"{name}.jsonl").read_text("utf-8").splitlines() if line]
    split = read_split(DATA / f"{name}_split.json", [(r["id"], r["text"]) for r in rows])
    ids = {r["id"] for r in rows}
    assert split.tune | split.validation == ids and not split.tune & split.validation
    texts = {h: {r["text"] for r in rows if r["id"] in split.ids(h)} for h in ("tune", "validation")}
    assert not texts["tune"] & texts["validation"]  # a repeated sentence never sits in both halves
    moved = {i for i in split.tune if half_of(i) != "tune"} | {i for i in split.validation if half_of(i) == "tune"}
    assert len(moved) <= 3  # only records that follow a same-text record with a smaller id
    assert min(len(split.tune), len(split.validation)) >= 0.4 * len(ids)  # the hash rule halves a set of this size


def test_eval_split_refuses_a_record_moved_between_halves(tmp_path: Path) -> None:
    ids = [f"doc-{k}" for k in range(10)]
    records = [(i, f"text of {i}") for i in ids]
    data = make_split("d", records)
    assert half_of("doc-0") == half_of("doc-0") and {half_of(i) for i in ids} == {"tune", "validation"}
    moved = next(i for i in ids if half_of(i) == "validation")
    tampered = {**data, "validation": [i for i in ids if half_of(i) == "validation" and i != moved],
                "tune": [*(i for i in ids if half_of(i) == "tune"), moved]}
    path = tmp_path / "d_split.json"
    path.write_text(json.dumps(tampered), "utf-8")
    with pytest.raises(SplitError, match=f"1 ids are not in the half the rule puts them in \\(e.g. \\['{moved}'\\]\\)"):
        read_split(path, records)
    path.write_text(json.dumps(data), "utf-8")
    with pytest.raises(SplitError, match="does not cover its set"):
        read_split(path, [*records, ("doc-new", "new")])
    assert read_split(path, records).tune == {i for i in ids if half_of(i) == "tune"}
    repeated = [*records, ("doc-99", "text of doc-0")]  # same text as doc-0: goes with doc-0 whatever its hash
    assert make_split("d", repeated)[half_of("doc-0")] == sorted(
        [i for i in ids if half_of(i) == half_of("doc-0")] + ["doc-99"])


def test_eval_realnews_set_is_exhaustive_real_documents_with_must_not_clauses() -> None:
    data = read_news(DATA / "realnews.jsonl")
    assert len(data.docs) >= 60
    assert {d.source for d in data.docs} == {"wcep", "kremlin", "whitehouse", "voa"}
    years = {d.published[:4] for d in data.docs if d.published}
    assert len(years) >= 20
    assert sum(1 for d in data.docs if not d.expected) >= 10  # documents that hold no event
    reasons = {m.reason for d in data.docs for m in d.must_not}
    assert {"accident", "disaster", "crime", "permission", "decision", "interception", "hypothetical"} <= reasons
    by_id = {d.id: d for d in data.docs}
    assert by_id["kremlin-26874"].url == "http://en.kremlin.ru/events/president/news/26874"  # as ingest has it
    assert all(d.url is None for d in data.docs if d.source == "wcep")  # a file path is no address
    split = read_split(DATA / "realnews_split.json", [(d.id, d.text) for d in data.docs])
    for half in ("tune", "validation"):
        docs = [d for d in data.docs if d.id in split.ids(half)]
        assert sum(len(d.expected) for d in docs) >= 50
        assert any(m.reason == "interception" for d in docs for m in d.must_not)


def test_eval_realnews_reader_refuses_a_must_not_clause_that_names_a_gold_event_of_its_sentence(
        tmp_path: Path) -> None:
    text = ("Kurdish forces repel an assault by militants near Kirkuk. Militants later attack a checkpoint.\n"
            "Rebels say they will storm the town.")
    event = {"type": "ASSAULT", "source": "IRQ-INS", "target": "IRQ-MIL", "text": "an assault by militants"}

    def write(clause: str, type_: str | None) -> Path:
        must_not = {"reason": "interception", "text": clause, "type": type_, "source": "IRQ", "target": "IRQ-INS"}
        path = tmp_path / "news.jsonl"
        path.write_text(json.dumps({"id": "d1", "text": text, "events": [event], "must_not": [must_not]}) + "\n",
                        encoding="utf-8")
        return path

    # Same sentence, same type and actors at country level: a right coding of the event would count as a hit.
    refused = r"news.jsonl:1: .*d1: must-not clause 'Kurdish forces repel' .*type\": null"
    with pytest.raises(DatasetError, match=refused):
        read_news(write("Kurdish forces repel", "ASSAULT"))
    assert read_news(write("Kurdish forces repel", None)).docs[0].must_not[0].type is None
    assert read_news(write("Militants later attack a checkpoint", "ASSAULT")).docs[0].must_not  # the next sentence
    assert read_news(write("Kurdish forces repel", "COERCE")).docs[0].must_not  # another type
    assert read_news(write("they will storm the town", "ASSAULT")).docs[0].must_not  # after a line break


def _event(article: Any, quote: str, type_: str, source: str | None, target: str | None,
           factuality: str = "asserted", date: str | None = None) -> Event:
    start = article.text.index(quote)
    return Event("", type_, "", "19", source, target, None, None, (), factuality, -10.0, 0.9,
                 (Evidence.of(article, start, start + len(quote)),), date=date)


def test_eval_realnews_counts_events_dated_years_before_their_document_without_naming_the_year() -> None:
    text = "Russian troops shelled Kupiansk, the first time since September 2022. On Oct. 26 a drone hit Sumy."
    doc = NewsDoc("t2", "test", "t", text, "2024-11-19", (), ())
    article = normalize(RawDocument(origin="t2", text=text, published="2024-11-19"), Settings())
    first = "Russian troops shelled Kupiansk, the first time since September 2022."
    second = "On Oct. 26 a drone hit Sumy."
    named = _event(article, first, "ASSAULT", "RUS", "UKR", date="2022-09-01")  # its sentence names 2022
    wrong = _event(article, second, "ASSAULT", None, "UKR", date="1926-10-26")  # "Oct. 26" read as a year
    recent = _event(article, second, "ASSAULT", None, "UKR", date="2024-10-26")
    coded = score_doc(doc, article, [named, wrong, recent], country_vocabulary({}))
    assert coded.stale_dates == (Predicted("ASSAULT", None, "UKR"),)
    assert score_news([doc], [coded]).scores["stale_dates"] == 1.0


def test_eval_realnews_scoring_counts_assaults_drawn_from_forbidden_clauses() -> None:
    text = ("Syria said its air defences shot down an Israeli drone over Quneitra. "
            "Israeli jets struck an army depot near Damascus on Monday.")
    doc = NewsDoc("t1", "test", "t", text, "2024-05-06", (ExpectedEvent("ASSAULT", "ISR", "SYR"),),
                  (MustNot("interception", "its air defences shot down an Israeli drone", "ASSAULT", "SYR", "ISR"),))
    article = normalize(RawDocument(origin="t1", text=text, published="2024-05-06"), Settings())
    shot = _event(article, "Syria said its air defences shot down an Israeli drone over Quneitra.", "ASSAULT",
                  "SYR-MIL", "ISR-MIL")
    struck = _event(article, "Israeli jets struck an army depot near Damascus on Monday.", "ASSAULT", "ISR-MIL", "SYR")
    maybe = _event(article, "Israeli jets struck an army depot near Damascus on Monday.", "ASSAULT", "ISR", "LBN",
                   factuality="conditional")
    convert = country_vocabulary({"SHB": "armed_group", "UN": "igo"})
    assert (convert("SOM-INS"), convert("SHB"), convert("UN"), convert(None)) == ("SOM", "SHB", "IGO", None)
    coded = score_doc(doc, article, [shot, struck, maybe], convert)
    assert coded.held_back == 1  # a conditional event is kept with its status, not counted as a happening
    assert (coded.result.full_hits, len(coded.result.predicted)) == (1, 2)
    assert coded.forbidden == (Predicted("ASSAULT", "SYR", "ISR"),)
    assert coded.must_not_hits == (("interception", Predicted("ASSAULT", "SYR", "ISR")),)
    assert coded.missed == () and coded.wrong == (
        (Predicted("ASSAULT", "SYR", "ISR"), "Syria said its air defences shot down an Israeli drone over Quneitra."),)
    clean = score_doc(doc, article, [struck], convert)
    scores = score_news([doc, doc], [coded, clean]).scores
    assert scores["forbidden_assaults"] == 1.0 and scores["must_not_hits"] == 1.0
    assert scores["full_precision"] == 0.6667 and scores["full_recall"] == 1.0


def test_eval_realnews_blank_gold_actor_means_the_text_names_none() -> None:
    unnamed = [ExpectedEvent("ASSAULT", None, "COL")]
    assert score_record("r", "t", unnamed, [Predicted("ASSAULT", "COL", "COL")], blank_matches_any=False).full_hits == 0
    assert score_record("r", "t", unnamed, [Predicted("ASSAULT", None, "COL")], blank_matches_any=False).full_hits == 1
    assert score_record("r", "t", unnamed, [Predicted("ASSAULT", "COL", "COL")]).full_hits == 1  # PLOVER: any


def test_eval_gap_is_how_much_better_tune_is_and_its_ceiling_never_below_the_allowance() -> None:
    tune = EvalResult("s/tune", "a", "news", {"full_f1": 0.6, "false_event_rate": 0.1, "must_not_hits": 3.0}, None)
    val = EvalResult("s/validation", "b", "news", {"full_f1": 0.5, "false_event_rate": 0.3, "must_not_hits": 9.0}, None)
    gap = with_gap("s", [tune, val])[-1]
    assert gap.name == "s/gap" and gap.scores == {"full_f1_gap": 0.1, "false_event_rate_gap": 0.2}
    floors, _ = update_floors({"epsilon": 0.005, "datasets": {}}, "s/gap", "d", {"full_f1_gap": 0.01})
    assert floors["datasets"]["s/gap"]["floors"] == {"full_f1_gap": 0.05}
    assert check_floors(floors, "s/gap", "d", {"full_f1_gap": 0.054}).ok
    assert check_floors(floors, "s/gap", "d", {"full_f1_gap": 0.08}).failures == (
        "s/gap: full_f1_gap 0.0800 breaks its ceiling 0.0500 (epsilon 0.005)",)
    with pytest.raises(FloorError, match="refusing to relax ceiling full_f1_gap"):
        update_floors(floors, "s/gap", "d", {"full_f1_gap": 0.2})


# --- the learned baseline -------------------------------------------------------------------------


def test_eval_baseline_trains_on_tune_halves_only() -> None:
    import importlib.util

    import spacy

    spec = importlib.util.spec_from_file_location("train_baseline", ROOT / "tools" / "train_baseline.py")
    assert spec is not None and spec.loader is not None
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    texts = {text for text, _ in tool.examples(nlp)}
    plover = read_events(DATA / "plover_gsr_dev.jsonl")
    split = read_split(DATA / "plover_gsr_dev_split.json", [(r.id, r.text) for r in plover.records])
    assert not any(r.text in texts for r in plover.records if r.id in split.validation)
    assert all(r.text in texts for r in plover.records if r.id in split.tune)
    news = read_news(DATA / "realnews.jsonl")
    held_out = " ".join(d.text for d in news.docs if half_of(d.id) == "validation")
    assert not any(t in held_out and len(t) > 40 for t in texts)


def test_eval_baseline_scores_types_beside_the_rules_per_half() -> None:
    from redline.eval import evaluate_baseline

    results = {r.name: r for r in evaluate_baseline(DATA / "realnews.jsonl")}
    assert set(results) == {"realnews/tune:baseline", "realnews/validation:baseline"}
    tune = results["realnews/tune:baseline"].scores
    assert set(tune) == {"type_precision", "type_recall", "type_f1", "false_event_rate"}
    assert tune["type_f1"] >= 0.8  # the packaged model fits the sentences it was trained on
    assert results["realnews/validation:baseline"].half == "validation"
    assert evaluate_baseline(DATA / "petrarch2_unittest.jsonl") == []  # fictional records, no held-out half
    negatives = evaluate_baseline(DATA / "redline_no_event.jsonl")
    assert [set(r.scores) for r in negatives] == [{"false_event_rate"}]


def test_eval_threat_issuer_labelled_by_a_group_code_is_the_group_in_its_home_country() -> None:
    from redline.eval.threats import same_issuer
    assert same_issuer("AFG", "TAL")  # the Taliban, coded AFG-REB-TAL, issue as AFG
    assert same_issuer("SOM", "SHB") and same_issuer("RUS", "RUS")
    assert not same_issuer("PAK", "TAL") and not same_issuer(None, "TAL") and not same_issuer("USA", "RUS")


def test_eval_threat_set_labels_every_threat_and_halves_its_conditional_threats() -> None:
    from redline.eval.threats import read_threats

    records = read_threats(DATA / "threats.jsonl")
    assert len(records) >= 1000
    split = read_split(DATA / "threats_split.json", [(r.id, r.text) for r in records])
    for half in ("tune", "validation"):
        threats = [r for r in records if r.is_threat and r.id in split.ids(half)]
        assert len(threats) >= 85
        assert sum(r.kind == "conditional" for r in threats) >= 35
        assert all(r.trigger for r in threats if r.kind == "conditional")
