"""Question families, walk-forward fitting, the backtest command and the what-if simulator."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from redline.cli import main
from redline.scenarios import evaluate, history, outcomes, whatif
from redline.scenarios import questions as qs
from redline.scenarios.history import Record
from redline.scenarios.model import Forecast, logit, platt, sigmoid, walk_forward
from redline.scenarios.outcomes import Series


def test_history_codes_states_and_rung_from_an_item() -> None:
    records = history.code_item("2023-05-01", "Armed conflicts and attacks",
                                "Russian missiles strike Kyiv as Ukrainian drones hit Belgorod. (Reuters)")
    assert records == [Record("2023-05-01", "RUS:UKR", 6)]
    assert history.code_item("2023-05-01", "Sports", "Russia beats Ukraine 3-1 in an attack-minded match") == []
    assert history.code_item("2023-05-01", None, "The French government condemns the vote.") == [
        Record("2023-05-01", "FRA:FRA", 1)]


def test_questions_escalation_resolves_from_history_and_voids_past_its_end() -> None:
    records = [Record(f"2020-{m:02d}-10", "ARM:AZE", 5) for m in range(1, 7)] + [Record("2020-07-20", "ARM:AZE", 6)]
    h = qs.DyadHistory(records, last="2020-08-15")
    found = {(q.day, q.threshold): q.outcome for q in qs.escalation(h, "2020-06-01", "2020-08-01")}
    assert found[("2020-07-01", 6)] == 1  # the rung-6 record on 07-20 falls in (07-01, 07-31]
    assert found[("2020-06-01", 6)] == 0
    assert found[("2020-07-31", 5)] is None  # 07-31 + 30 days is after the last coded day: void, not "no"


def test_questions_intensity_compares_next_30_days_with_last_30() -> None:
    values = {f"2022-{m:02d}-{d:02d}": (1.0 if m < 4 else 3.0) for m in range(1, 6) for d in range(1, 29)}
    s = Series("alert hours: test", "2022-01-01", "2022-05-28", values)
    found = {q.day: q.outcome for q in qs.intensity([s], "2022-01-01", "2022-12-31")}
    assert found["2022-03-16"] == 1  # (03-16, 04-15]: 12 days at 1 h and 15 at 3 h, against 30 h before
    assert found["2022-03-02"] == 0  # (03-02, 04-01]: 29 h against 30 h (days 29-31 have no alerts)
    assert found["2022-05-04"] is None  # the next 30 days leave the series


def _cut(s: Series, day: str) -> Series:
    """``s`` as it was known on ``day``: no value and no coverage after it."""
    return Series(s.name, s.first, day, {d: v for d, v in s.values.items() if d <= day})


@pytest.mark.parametrize("cut", ["2022-06-15", "2023-01-04", "2024-03-20"])
def test_questions_intensity_features_read_nothing_after_the_question_day(cut: str) -> None:
    shipped = outcomes.load()
    full = {(q.subject, q.day): q.features for q in qs.intensity(shipped, "2022-01-01", cut)}
    known = {(q.subject, q.day): q.features for q in qs.intensity([_cut(s, cut) for s in shipped], "2022-01-01", cut)}
    asked_on_cut = {k for k in full if k[1] > qs.plus(cut, -7)}
    assert len(asked_on_cut) >= 25  # every series is asked in the last week, with its spillover feature
    assert any(full[k][5] != 0.0 for k in asked_on_cut)
    assert known == full


def test_questions_escalation_features_read_nothing_after_the_question_day() -> None:
    records = history.read_table()
    cut = "2019-07-14"
    full = qs.escalation(qs.DyadHistory(records), "2019-01-01", cut)
    known = qs.escalation(qs.DyadHistory([r for r in records if r.day <= cut]), "2019-01-01", cut)
    assert len(full) > 500
    assert [(q.subject, q.day, q.features) for q in full] == [(q.subject, q.day, q.features) for q in known]


def _toy(n: int) -> list[qs.Question]:
    """Questions whose answer follows their first feature, asked every day."""
    out = []
    for i in range(n):
        day = qs.plus("2020-01-01", i)
        x = float(i % 3 == 0)
        features = (x, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0)
        out.append(qs.Question("intensity", "s", day, 30, 0, qs.plus(day, 30), int(x), x, features))
    return out


def test_model_walk_forward_never_sees_what_settled_later() -> None:
    questions = _toy(460)
    forecasts, _ = walk_forward(questions, "intensity")
    cut = questions[400].day  # the recalibration (from the 326th day on) is in use well before the cut
    flipped = [replace(q, outcome=1 - int(q.outcome or 0)) if q.settles >= cut else q for q in questions]
    again, _ = walk_forward(flipped, "intensity")
    before = [(f.question.day, f.redline) for f in forecasts if f.question.day <= cut]
    assert before == [(f.question.day, f.redline) for f in again if f.question.day <= cut]
    assert [f.redline for f in forecasts if f.question.day > cut] != [f.redline for f in again if f.question.day > cut]
    late = [f for f in forecasts if f.question.day > qs.plus(questions[0].day, 340)]
    assert {f.method for f in late} == {"model+slope"}
    assert all((f.redline > 0.8) == bool(f.question.outcome) for f in late)  # it learned the rule


def test_model_slope_recalibration_keeps_the_models_level() -> None:
    import random

    rng = random.Random(7)
    raw = [rng.uniform(0.05, 0.95) for _ in range(4000)]
    outcomes = [int(rng.random() < sigmoid(2 * logit(p) + 1)) for p in raw]  # too timid and too low
    a, b = platt(raw, outcomes)
    assert a == pytest.approx(2, abs=0.25) and b == pytest.approx(1, abs=0.2)
    assert platt(raw, outcomes, intercept=False) == (a, 0.0)  # the same slope, the intercept dropped


def test_backtest_json_has_the_issue_shape() -> None:
    result = CliRunner().invoke(main, ["backtest", "--from", "2015-01-01", "--to", "2024-12-31",
                                       "--family", "followthrough", "--format", "json"])
    assert result.exit_code == 0, result.output
    d = json.loads(result.output)
    assert set(d["models"]) == {"redline", "base_rate", "persistence", "climatology"}
    assert set(d["models"]["redline"]) == {"brier", "log"}
    assert d["questions"] == d["scored"] + d["void"] and d["scored"] >= 40
    assert list(d["families"]) == ["followthrough"]
    assert sum(b["count"] for b in d["reliability"]) == d["scored"]


def test_backtest_plot_to_an_unwritable_path_is_one_line(tmp_path: Path) -> None:
    args = ["backtest", "--from", "2015-01-01", "--to", "2016-01-01", "--family", "followthrough"]
    result = CliRunner().invoke(main, [*args, "--plot", "/proc/redline-calibration.png"])  # not writable, even by root
    assert result.exit_code == 2
    assert result.output.startswith("Error: --plot: cannot write /proc/redline-calibration.png (")
    assert result.output.count("\n") == 1
    assert "Traceback" not in result.output
    result = CliRunner().invoke(main, [*args, "--plot", str(tmp_path / "missing" / "c.png")])
    assert result.output == f"Error: --plot: {tmp_path / 'missing' / 'c.png'}: the folder {tmp_path / 'missing'} " \
                            "does not exist\n"


def test_whatif_strong_escalation_raises_its_dyad_and_leaves_others() -> None:
    given = "Indian airstrikes and missiles hit militant camps in Pakistan, killing dozens"
    ind = whatif.simulate("IND:PAK", given, 90, paths=10_000)
    other = whatif.simulate("COL:VEN", given, 90, paths=10_000)
    assert ind.injected_rung == 6 and other.injected_rung == 0
    for base, hit in zip(ind.baseline, ind.intervention, strict=True):
        assert hit.probability > base.probability + 0.05
    assert other.baseline == other.intervention


def test_whatif_text_table_columns_line_up() -> None:
    result = whatif.simulate("IND:PAK", "India fires missiles at Pakistani cities", 90, paths=200)
    header, *rows = whatif.text(result).splitlines()[3:]
    assert len(rows) == 2 and all(len(r) == len(header) for r in rows)


def test_whatif_cli_rejects_a_bad_dyad() -> None:
    result = CliRunner().invoke(main, ["whatif", "--dyad", "Russia", "--given", "x"])
    assert result.exit_code == 2
    assert result.output == "Error: --dyad: 'Russia' is not two alpha-3 state codes joined by ':' (e.g. RUS:UKR)\n"


@pytest.mark.slow
def test_backtest_walk_forward_skill_on_the_shipped_history() -> None:
    report = evaluate.run("2015-01-01", "2024-12-31").to_dict()
    assert report["families"]["escalation"]["scored"] >= 1000
    assert report["families"]["escalation"]["skill"]["base_rate"] >= 0.10
    assert report["families"]["intensity"]["skill"]["base_rate"] >= 0.10
    assert report["families"]["followthrough"]["skill"]["base_rate"] > 0
    for b in report["families"]["escalation"]["reliability"]:
        if b["count"] >= 30:
            assert abs(b["mean_forecast"] - b["frequency"]) <= 0.07, b
    for family in ("intensity", "followthrough"):  # a few independent answers per bin: within chance of the diagonal
        for b in report["families"][family]["reliability"]:
            if b["count"] >= 30:
                assert b["gap_interval"][0] <= 0 <= b["gap_interval"][1], (family, b)


def test_whatif_on_the_dashboard_scenario_page(web_server: str) -> None:
    import httpx

    page = httpx.get(web_server + "/scenarios", params={"dyad": "IND:PAK", "given": "Indian missiles strike Pakistan"},
                     timeout=60).text
    assert "The event is coded at rung 6 in IND:PAK." in page and "Family models behind the numbers" in page
    assert page.count("<td>rung ") == 2
    bad = httpx.get(web_server + "/scenarios", params={"dyad": "Russia", "given": "x"}, timeout=60).text
    assert "dyad &#39;Russia&#39;: use two alpha-3 state codes joined by &#39;:&#39; (e.g. RUS:UKR)" in bad


def test_backtest_reads_outcomes_from_the_given_folder(tmp_path: Path) -> None:
    import shutil

    from redline.scenarios.outcomes import default_dir

    (tmp_path / "russia_losses").mkdir()
    shutil.copy(default_dir() / "russia_losses" / "russia_losses_personnel.json", tmp_path / "russia_losses")
    args = ["backtest", "--from", "2023-01-01", "--to", "2023-12-31", "--family", "intensity", "--format", "json"]
    d = json.loads(CliRunner().invoke(main, [*args, "--outcomes", str(tmp_path)]).output)
    assert d["questions"] == d["scored"] == 52  # one series (personnel), a question every 7 days of 2023
    result = CliRunner().invoke(main, [*args, "--outcomes", str(tmp_path / "none")])
    assert result.exit_code == 2
    assert result.output == f"Error: --outcomes: {tmp_path / 'none'}: not a folder " \
                            "(lay it out like redline/data/outcomes)\n"


def _month_forecasts(outcome: Callable[[int, int], int]) -> list[Forecast]:
    """30 forecasts of 0.5 in each month of 2023; ``outcome(month, i)`` answers the i-th of a month."""
    out = []
    for m in range(1, 13):
        for i in range(30):
            day = f"2023-{m:02d}-{i % 28 + 1:02d}"
            q = qs.Question("intensity", f"s{i}", day, 30, 0, qs.plus(day, 30), outcome(m, i), 0.0, ())
            out.append(Forecast(q, 0.5, 0.5, 0.0, 0.5, "model"))
    return out


def test_backtest_reliability_interval_counts_a_month_of_questions_as_one_block() -> None:
    together = evaluate.block_interval(_month_forecasts(lambda m, i: m % 2))  # a month's 30 answers move together
    mixed = evaluate.block_interval(_month_forecasts(lambda m, i: i % 2))  # each month half yes
    assert together["months"] == mixed["months"] == 12
    assert mixed["gap_interval"] == [0.0, 0.0]
    low, high = together["gap_interval"]
    assert low <= -0.15 and high >= 0.15  # 360 forecasts, yet 12 independent answers: 0.5 +- 0.2 is chance
    assert evaluate.block_interval([]) == {"months": 0, "gap_interval": None}
    bins = evaluate.scores(_month_forecasts(lambda m, i: m % 2))["reliability"]
    assert [(b["count"], b["months"], b["gap_interval"]) for b in bins] == [(360, 12, [low, high])]


def test_calibration_study_methods_fit_only_earlier_forecasts() -> None:
    import random

    from redline.scenarios import calibration
    from redline.scenarios.model import Forecast

    rng = random.Random(3)
    forecasts = []
    for i in range(900):
        day = qs.plus("2020-01-01", i)
        raw = rng.uniform(0.05, 0.95)
        y = int(rng.random() < min(1.0, raw * 1.3))  # the raw forecasts run low
        q = qs.Question("escalation", "s", day, 30, 5, qs.plus(day, 30), y, 0.0, (0.0,) * 6)
        forecasts.append(Forecast(q, raw, 0.5, 0.0, 0.5, "model"))
    cut = forecasts[600].question.day
    flipped = [replace(f, question=replace(f.question, outcome=1 - int(f.question.outcome or 0)))
               if f.question.settles >= cut else f for f in forecasts]
    for method in calibration.METHODS:
        done = calibration.recalibrated(forecasts, "escalation", method)  # refitted every 90 days
        again = calibration.recalibrated(flipped, "escalation", method)
        assert [f.redline for f in done if f.question.day <= cut] == [f.redline for f in again if f.question.day <= cut]
        if method not in {"raw", "slope"}:  # each recalibration with a level learns that the raw forecasts run low
            late = [f for f in done if f.question.day > cut]
            assert sum(f.redline for f in late) > sum(r.redline for r in forecasts if r.question.day > cut)
