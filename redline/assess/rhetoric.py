"""Threats and red lines: who threatens what response if which trigger happens, against whom."""

from __future__ import annotations

import re

from redline.events.actors import country
from redline.models import Analysis, Claim, Conditional, Mention, Threat

NUCLEAR = re.compile(r"\bnuclear|atomic\b", re.I)
ECONOMIC = re.compile(r"\bsanction|tariff|embargo|export|trade|oil|gas|electricity|surcharge|energy\b", re.I)
MILITARY = re.compile(r"\bstrike|attack|military|force|war|involvement|missile|retaliat|troops|destroy|"
                      r"response|respond|target\b", re.I)
ANAPHOR = re.compile(r"\b(these|those|such|the|this|that)\s+(missiles?|weapons?|rockets?|jets?|tanks?|"
                     r"drones?|systems?|arms)\b", re.I)


def find_threats(analysis: Analysis) -> tuple[Threat, ...]:
    """Threats from threatening or warning claims, with the trigger and response of their conditional."""
    threats: list[Threat] = []
    for claim in analysis.claims:
        if claim.stance not in {"threat", "warning"} or not claim.speaker_code:
            continue
        cond = _conditional_in(claim, analysis.conditionals)
        if cond is not None:
            trigger, response = cond.trigger, cond.consequence
            scope = (cond.trigger_span[0], cond.consequence_span[1])
        elif claim.stance == "threat":
            trigger, response = "", claim.content
            scope = (claim.content_start, claim.content_end)
        else:
            continue
        trigger = _resolve_anaphor(trigger, analysis.mentions, scope[0])
        threats.append(Threat(
            id=f"t{len(threats) + 1}",
            actor=country(claim.speaker_code),
            speaker=claim.speaker,
            trigger=trigger,
            response=response,
            target=_target(analysis.mentions, scope, country(claim.speaker_code)),
            date=analysis.article.published.date().isoformat() if analysis.article.published else None,
            kind=_kind(f"{trigger} {response}"),
            evidence=claim.evidence,
        ))
    return tuple(threats)


def _conditional_in(claim: Claim, conditionals: tuple[Conditional, ...]) -> Conditional | None:
    for cond in conditionals:
        if claim.content_start <= cond.trigger_span[0] and cond.consequence_span[1] <= claim.content_end + 1:
            return cond
        if claim.content_start <= cond.consequence_span[0] < claim.content_end:
            return cond
    return None


def _target(mentions: tuple[Mention, ...], scope: tuple[int, int], actor: str | None) -> str | None:
    for m in mentions:
        if scope[0] <= m.start < scope[1] and m.type in {"ACTOR", "PERSON"} and m.code:
            if country(m.code) != actor:
                return country(m.code)
    return None


def _resolve_anaphor(trigger: str, mentions: tuple[Mention, ...], before: int) -> str:
    """"these missiles" -> "these missiles [ATACMS]" when the last weapon named before the threat is clear."""
    match = ANAPHOR.search(trigger)
    if not match:
        return trigger
    weapons = [m for m in mentions if m.type == "WEAPON" and m.end <= before]
    if not weapons:
        return trigger
    return f"{trigger[:match.end()]} [{weapons[-1].canonical}]{trigger[match.end():]}"


def _kind(text: str) -> str:
    if NUCLEAR.search(text):
        return "nuclear"
    if MILITARY.search(text):
        return "military"
    if ECONOMIC.search(text):
        return "economic"
    return "diplomatic"
