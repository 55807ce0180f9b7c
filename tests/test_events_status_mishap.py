"""Harm no one did (issue 10 item 2), read off unseen Current Events items: deaths by animals, by a disaster the
sentence before names, or in a crash the subject's own participle tells. Through the real pipeline, with sentences
of their own; the attacks told alike stay events beside them."""

from __future__ import annotations

from typing import Any

import pytest

from redline.eval import code_sentence
from redline.events import current

PUBLISHED = "2024-03-10"


def _current(text: str, context: Any) -> list[tuple[str, str | None, str | None]]:
    return [(e.type, e.source, e.target) for e in current(code_sentence(text, PUBLISHED, context, "test"))]


@pytest.mark.parametrize("text", [
    # an animal is no one's act
    "In Queensland, a surfer is killed in a shark attack off Cairns.",
    "A shepherd was mauled to death by a bear in the Carpathians, Romania.",
    # "it" after a sentence that names a disaster, and no attack in either
    "Heavy rain hits the north of Vietnam as Typhoon Yagi makes landfall. It killed 20 people in the Philippines.",
    # the cause hides behind a quantifier, or sits on the subject's own participle
    "Three people were killed in Oman in some of the heaviest rainfall in 30 years.",
    "A Polish tourist critically injured in the crash in Tyrol dies from her injuries.",
])
def test_events_deaths_by_animals_and_disasters_are_no_events(text: str, context: Any) -> None:
    assert _current(text, context) == [], text


@pytest.mark.parametrize(("text", "kept"), [
    # a shelling before "it", some of the heaviest shelling, a soldier wounded in an ambush: attacks stay
    ("Russian forces shelled Kharkiv overnight. It killed 12 people.", ("ASSAULT", "RUS-MIL", "UKR")),
    ("Two soldiers were killed in some of the heaviest shelling near Bakhmut.", ("ASSAULT", None, "UKR")),
    ("A soldier wounded in the ambush near Gao dies from his injuries.", ("ASSAULT", None, "MLI")),
])
def test_events_attacks_told_alike_stay_events(text: str, kept: tuple[str, str | None, str | None],
                                               context: Any) -> None:
    assert kept in _current(text, context), _current(text, context)
