"""Scenario text on the bundled sample: well formed, not one template with actors swapped, specific."""

from __future__ import annotations

from typing import Any

from redline.scenarios.quality import ill_formed, quality, unrelated


def test_scenarios_quality_on_the_bundled_sample(sample_briefs: list[Any]) -> None:
    q = quality(sample_briefs)
    assert q.scenarios >= 7  # enough for the ratios below to mean something (8 before a garbled threat went)
    assert q.ill_formed == ()
    assert q.repeated / q.scenarios <= 0.20
    assert q.specific / q.scenarios >= 0.80, q.line()
    assert q.unrelated == ()


def test_scenarios_quality_checks_catch_the_old_failures() -> None:
    assert ill_formed("If hit by sanctions happens, Turkey may follow through on its threat of to use force.")
    assert ill_formed("If necessary happens, the United States may follow through on its threat of to use force.")
    assert ill_formed("If the military activity of X continues, it may may provoke a response.")
    assert not ill_formed("If Turkey is hit by sanctions, Turkey may carry out its threat to use force.")


def test_scenarios_quality_flags_an_actor_the_article_never_links(founding_brief: Any) -> None:
    [counter] = [s for s in founding_brief.scenarios if "stronger response" in s.text]
    assert unrelated(counter.actors, founding_brief) == ()
    assert unrelated((*counter.actors, "PAK"), founding_brief) == ("PAK",)
