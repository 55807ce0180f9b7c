"""The learned event filter (redline/events/filter.py): its shipped weights keep a clear event and drop a clear
non-event of the kinds it was fitted to tell apart; it never touches a short document."""

from __future__ import annotations

from redline.events import filter as event_filter


def _feats(**extra: float) -> dict[str, float]:
    base = {"set=news": 1.0, "article": 1.0, "pos=VERB": 1.0, "voice=active": 1.0, "mod=asserted": 1.0}
    base.update(extra)
    return base


def test_weights_load_with_a_threshold() -> None:
    model = event_filter._model()
    assert 0.0 < model["threshold"] < 1.0
    assert model["weights"]


def test_a_clear_event_is_kept() -> None:
    # "Russian forces shelled Kharkiv on Tuesday": a main clause, its source and target named, an assault
    feats = _feats(**{"dep=ROOT": 1.0, "tag=VBD": 1.0, "root=19": 1.0, "type=ASSAULT": 1.0,
                      "cmod=asserted": 1.0, "has_src": 1.0, "has_tgt": 1.0, "subj_named": 1.0, "lede": 1.0,
                      "dated": 1.0, "sent_dated": 1.0, "sent_len": 0.15, "n_ents": 0.33})
    assert event_filter.score(feats) >= event_filter._model()["threshold"]


def test_a_clear_non_event_is_dropped() -> None:
    # "... said the ministry, which has been working with farmers in providing seed to the regions": material
    # cooperation in a prepositional complement deep in a long reported sentence, no target
    feats = _feats(**{"dep=pcomp": 1.0, "tag=VBG": 1.0, "root=06": 1.0, "type=COOPERATE": 1.0,
                      "cmod=reported": 1.0, "has_src": 1.0, "sent_len": 1.0, "head_verb_say": 1.0})
    assert event_filter.score(feats) < event_filter._model()["threshold"]


def test_doubted_current_events_become_doubtful_and_keep_their_place() -> None:
    from dataclasses import replace

    from test_store import make_brief

    a, b, c = make_brief(events=3).events
    events = (replace(a, status="current", status_rules=("x", event_filter.MARK)),
              replace(b, status="current"),
              replace(c, status="background", status_rules=(event_filter.MARK,)))
    out = event_filter.drop(events)
    assert [(e.id, e.status) for e in out] == [("e1", "doubtful"), ("e2", "current"), ("e3", "background")]
    assert event_filter.drop(events[1:2]) == events[1:2]
