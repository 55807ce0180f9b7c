"""A learned filter over the coder's candidate events in articles: keep an event the rules coded only if a
logistic regression over features of its clause gives it a fair chance of being a reported event.

The weights are ``redline/data/event_filter.json`` (feature name -> weight, a bias and a threshold), trained by
``python tools/train_event_filter.py`` on the TUNE halves of the real-news and PLOVER sets only, labelled by
whether the event matches a gold event in type, source and target. The score is the dot product by hand (no
scikit-learn at run time). The filter applies to article-length documents only (`frame.is_article`): the
threshold was chosen by grouped cross-validation on tune, where it raised article precision and cost no recall;
single sentences (PLOVER, wire summaries) are left to the rules.

The features describe the clause's form, not its words: the trigger's part of speech, dependency and tag, the
CAMEO root and PLOVER type, the clause's factuality, modality and voice, which actors were found and whether
they are of one country, the sentence's place in the article and its length, a present perfect or a modal, a
dated clause or sentence, a quotation, a pronoun or a named subject, a verb of saying above.
"""

from __future__ import annotations

import json
import math
from dataclasses import replace
from functools import cache
from importlib import resources
from itertools import islice
from typing import Any

from redline.events.frame import is_article

SAYING = frozenset({"say", "tell", "state", "announce", "report", "claim"})
PERFECT = frozenset({"has", "have", "'ve", "had"})
MODALS = frozenset({"can", "could", "may", "might", "should", "must", "would", "will"})
QUOTES = frozenset({'"', "\u201c", "\u201d"})

DOUBTFUL = "doubtful"  # the status of a current event the filter doubts (`events.STATUSES`)
MARK = "learned_filter"  # in an event's status_rules: the filter doubts the clause it was first coded from


def features(coded: Any, ptype: str, index: Any) -> dict[str, float]:
    """The filter's features of a coded clause (``status.Coded``) whose event has PLOVER type ``ptype``."""
    v = coded.clause.verb
    sent = v.sent
    mentions = index.mentions_in(list(sent))
    f: dict[str, float] = {
        "pos=" + v.pos_: 1.0, "dep=" + v.dep_: 1.0, "tag=" + v.tag_: 1.0, "root=" + coded.cameo[:2]: 1.0,
        "mod=" + coded.factuality: 1.0, "cmod=" + coded.clause.modality: 1.0, "voice=" + coded.clause.voice: 1.0,
        "type=" + ptype: 1.0, "set=news": 1.0,
    }
    f["has_src"] = float(coded.source is not None)
    f["has_tgt"] = float(coded.target is not None)
    f["same_ctry"] = float(coded.source is not None and coded.target is not None
                           and coded.source[:3] == coded.target[:3])
    f["article"] = float(is_article(v))
    f["lede"] = float(any(s.start <= v.i < s.end for s in islice(v.doc.sents, 2)))
    f["sent_len"] = min(len(sent), 80) / 80
    aux = {c.lower_ for c in v.children if c.dep_ in {"aux", "auxpass"}}
    f["perfect"] = float(bool(aux & PERFECT))
    f["modal"] = float(bool(aux & MODALS))
    f["dated"] = float(bool(coded.clause.dates))
    f["sent_dated"] = float(any(m.type == "DATE" for m in mentions))
    f["quoted"] = float(any(t.text in QUOTES for t in sent))
    f["subj_pron"] = float(any(t.pos_ == "PRON" for t in coded.clause.subject[:1]))
    f["subj_named"] = float(bool(index.mentions_in(list(coded.clause.subject))))
    f["no_subj"] = float(not coded.clause.subject)
    f["head_verb_say"] = float(v.head.lemma_ in SAYING)
    f["n_ents"] = min(len([m for m in mentions if m.type in {"ACTOR", "PERSON"}]), 6) / 6
    return f


@cache
def _model() -> dict[str, Any]:
    text = resources.files("redline.data").joinpath("event_filter.json").read_text("utf-8")
    return dict(json.loads(text))


def score(feats: dict[str, float]) -> float:
    """The model's probability that an event with these features is a reported event."""
    model = _model()
    weights = model["weights"]
    z = model["bias"] + sum(weights.get(name, 0.0) * value for name, value in feats.items())
    return 1.0 / (1.0 + math.exp(-z))


def keep(coded: Any, ptype: str, index: Any) -> bool:
    """Whether the coder keeps an event of an article's clause (always outside articles)."""
    if not is_article(coded.clause.verb):
        return True
    return score(features(coded, ptype, index)) >= float(_model()["threshold"])


def drop(events: tuple[Any, ...]) -> tuple[Any, ...]:
    """The merged events, the current ones the filter doubts given the status ``doubtful``: kept with the clause
    they rest on (a brief can still cite them), but out of the situation picture like any non-current event.
    The doubt is read after the merge so that the rules' own choices between events, which ask whether a clause
    codes one, are left as they were."""
    if not any(e.status == "current" and MARK in e.status_rules for e in events):
        return events
    return tuple(replace(e, status=DOUBTFUL) if e.status == "current" and MARK in e.status_rules else e
                 for e in events)
