"""tools/news_errors.py: how a right-type prediction misses the gold actors."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
import news_errors  # noqa: E402


def test_news_errors_actor_miss_names_how_a_predicted_actor_differs() -> None:
    assert news_errors.actor_miss(None, "ISR") == "missing"  # "killed in Israeli airstrikes" with no source
    assert news_errors.actor_miss("COL", None) == "extra"  # a car bomb whose planter the text does not name
    assert news_errors.actor_miss("LBN", "LBY") == "different"
    assert news_errors.actor_miss("RUS", "RUS") is None and news_errors.actor_miss(None, None) is None


def test_news_errors_actor_summary_counts_right_type_errors_by_role_and_kind() -> None:
    errors = [news_errors.Error("wrong source", "d1", "", "", "", actors=(("source", "missing"),)),
              news_errors.Error("wrong actors", "d2", "", "", "", actors=(("source", "extra"), ("target", "missing"))),
              news_errors.Error("wrong type", "d3", "", "", "")]
    assert news_errors.actor_summary(errors) == (
        "right type, wrong actors: 2 errors (source missing 1, source extra 1, target missing 1)")
