"""A warning cited in a clause of time or cause beside what another speaker says or does: "Finland will decide on
NATO membership within weeks, after Russia warned the country against joining the alliance" is Russia's red line
(the act it warned against), said before the sentence's own statement; not the outer speaker's threat."""

from __future__ import annotations

from typing import Any

from redline.assess import clauses
from redline.assess.threat_rules import Found, _codes
from redline.models import Analysis, Claim

CITING = frozenset({"after", "since", "because", "as", "despite", "when"})


def cited_warning(sent: Any, analysis: Analysis, claim: Claim | None) -> Found | None:
    for verb in sent:
        if verb.lemma_ not in {"warn", "caution"} or verb.pos_ != "VERB" or verb.dep_ != "advcl" or not any(
                c.dep_ == "mark" and c.lower_ in CITING for c in verb.children):
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        told = next((c for c in verb.children if c.dep_ == "dobj"), None)
        act = next((o for c in verb.children if c.dep_ == "prep" and c.lower_ == "against" for o in c.children
                    if o.dep_ in {"pcomp", "pobj"}), None)
        if subject is None or told is None or act is None or not _codes(list(subject.subtree), analysis.mentions):
            continue
        who = clauses.text_of(told.subtree)
        trigger = clauses.clause(act, who, clauses.is_plural(list(told.subtree))) if act.tag_ == "VBG" else \
            clauses.nominal(act, who) or ""
        if trigger:
            return Found(verb, list(subject.subtree), trigger, "", "red_line")
    return None
