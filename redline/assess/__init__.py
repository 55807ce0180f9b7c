"""The assess stage: escalation score, direction, ladder rung and the brief's assessment statements.

Every statement is assembled from what the article holds (threats, claims, events, hedged sentences)
and carries the evidence it rests on.
"""

from __future__ import annotations

import re

from redline.assess.credibility import Credibility, credibility
from redline.assess.escalation import LADDER, SECURITY, current_rung, direction, score
from redline.assess.ledger import LedgerView, seed_view
from redline.assess.rhetoric import find_threats
from redline.models import Analysis, Assessment, Claim, Event, Evidence, Statement, Threat
from redline.nlp.gazetteer import lookup_code

__all__ = ["assess", "find_threats", "LADDER", "LedgerView", "credibility", "issuer_credibility"]

UNCERTAINTY = re.compile(r"\b(fears?|concerns?|risks?|uncertaint\w*|danger|possibility|prospect|worr\w+)\s+"
                         r"(of|about|over|that|for)\s+[^,.;:\n]+?(?=\s+(?:are|is|were|was|have|has|had|will|"
                         r"would|remains?|continues?)\b|[,.;:\n]|$)", re.I)
PAST = {"warn": "warned", "say": "said", "note": "noted", "threaten": "threatened", "vow": "vowed",
        "caution": "cautioned", "argue": "argued", "tell": "told", "claim": "claimed", "state": "stated",
        "add": "added", "insist": "insisted", "announce": "announced", "declare": "declared",
        "according to": "said", "believe": "believes", "suggest": "suggested", "assess": "assessed"}
# Cue verbs whose claim is the verb's object ("condemned the strike"), not a that-clause.
OBJECT_VERBS = frozenset({"condemn", "accuse", "deny", "reject", "dismiss", "rebuff", "criticize", "criticise",
                          "blame", "denounce", "decry", "slam", "demand", "urge"})
# Words a phrase cut off at a line break or a clause boundary may end on: "risk of an incident that".
DANGLING = re.compile(r"(?:\s+(?:that|which|who|whom|whose|where|when|of|to|and|or|but|the|a|an|in|on|at|for|"
                      r"with|by|from|as|its|their|his|her|could|would|might|may|can|should|will))+$", re.I)
HEDGED_SHARE = 0.1  # below this share of hedged sentences (or a single one) a count says nothing about the situation
# PLOVER type -> (with a target, without one, as a noun when nobody is named).
VERB_FORMS = {
    "ASSAULT": ("used force against", "used force", "An attack"),
    "THREATEN": ("threatened", "issued threats", "A threat"),
    "AID": ("provided aid to", "provided aid", "Aid"),
    "MOBILIZE": ("mobilised forces against", "mobilised forces", "A mobilisation"),
    "SANCTION": ("sanctioned", "imposed sanctions", "A sanction"),
    "COERCE": ("coerced", "used coercion", "Coercion"),
    "ACCUSE": ("accused", "made accusations", "An accusation"),
    "PROTEST": ("protested against", "protested", "A protest"),
    "REJECT": ("rejected demands of", "rejected demands", "A rejection"),
    "REQUEST": ("appealed to", "made an appeal", "An appeal"),
    "CONSULT": ("held talks with", "held talks", "Talks"),
    "AGREE": ("agreed with", "reached an agreement", "An agreement"),
    "COOPERATE": ("cooperated with", "cooperated", "Cooperation"),
    "SUPPORT": ("supported", "voiced support", "Support"),
    "CONCEDE": ("made concessions to", "made concessions", "A concession"),
    "RETREAT": ("pulled back from", "pulled back", "A withdrawal"),
}


def assess(analysis: Analysis, events: tuple[Event, ...], threats: tuple[Threat, ...],
           ledger: LedgerView | None = None) -> Assessment:
    """Rung, score, direction and grounded statements for one article.

    ``ledger``: the red-line ledger as known when the article appeared (default: the seed ledger as of
    the article's date); it feeds the credibility statement.
    """
    if ledger is None:
        published = analysis.article.published
        ledger = seed_view(published.date().isoformat() if published else None)
    rung = current_rung(events, analysis)
    trend, trend_spans = direction(analysis)
    statements = [
        *_rhetoric(analysis, threats),
        *_expert_views(analysis),
        *_credibility(analysis, threats, ledger),
        *_uncertainty(analysis, threats),
        *_developments(analysis, events),
    ]
    if rung.level > 0 and trend_spans:
        ev = tuple(Evidence.of(analysis.article, s, _trim(analysis.article.text, s, e)) for s, e in trend_spans[:2])
        statements.append(Statement("development", f"The article's wording reads as {trend}; the worst "
                                    f"evidenced act sits at rung {rung.level} ({rung.label}).", ev))
    return Assessment(
        escalation_score=score(events, threats, rung),
        direction=trend,
        ladder_rung=rung.level,
        ladder_label=rung.label,
        statements=tuple(statements),
    )


THE = re.compile(r"^(United |European |U\.S\. |U\.N\. |Netherlands|Philippines|Gambia|Bahamas|Czech Republic|"
                 r"Democratic Republic|"
                 r"Central African|Dominican Republic|Islamic State|Kremlin|Pentagon|Houthis|Taliban|"
                 r"[A-Z][a-z]+ (military|government)$)")


def name(code: str | None) -> str:
    """Readable name of an actor code inside a sentence: "the United States", "Russia", "the Russian military"."""
    if not code:
        return "an unnamed actor"
    label = lookup_code(code)
    return f"the {label}" if THE.match(label) else label


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _rhetoric(analysis: Analysis, threats: tuple[Threat, ...]) -> list[Statement]:
    out: list[Statement] = []
    for t in threats[:2]:
        who = _speaker_phrase(analysis, t.speaker, t.evidence[0].start, t.evidence[0].end)
        if t.trigger and t.response:  # both are clauses (redline.assess.clauses)
            text = f"{cap(name(t.actor))}'s rhetoric is a conditional threat: {who} warned that if {t.trigger}, " \
                   f"{t.response}."
        elif t.trigger:
            text = f"{cap(name(t.actor))}'s rhetoric draws a red line: {who} warned against this: {t.trigger}."
        else:
            text = f"{cap(name(t.actor))}'s rhetoric is threatening: {who} warned that {t.response}."
        if t.target:
            text += f" The threat is aimed at {name(t.target)}."
        out.append(Statement("rhetoric", text, t.evidence))
    if not out:
        for c in analysis.claims:
            if c.stance in {"warning", "accusation", "denial"} and c.speaker_type in {"official", "organization"}:
                content = c.content.strip()
                if not content or PREPOSITION_START.match(content):  # "accused of ...": the accuser is unknown
                    continue
                that = "" if c.cue in OBJECT_VERBS else "that "
                out.append(Statement("rhetoric", f"{c.speaker} {past(c.cue)} {that}{content}.", c.evidence))
                break
    return out


PREPOSITION_START = re.compile(r"(?:of|for|about|over|against|with|to|by|from|on|in)\b", re.I)


def past(cue: str) -> str:
    """Past tense of a reporting verb: "warn" -> "warned", "condemn" -> "condemned", "deny" -> "denied"."""
    if cue in PAST:
        return PAST[cue]
    if " " in cue or not cue.isalpha():
        return "said"
    if cue.endswith("e"):
        return cue + "d"
    if cue.endswith("y") and cue[-2:-1] not in set("aeiou"):
        return cue[:-1] + "ied"
    return cue + "ed"


BLUFF_MEAN = 0.2  # posterior mean below which the record reads as a possible bluff


def issuer_credibility(ledger: LedgerView, issuer: str, kind: str) -> Credibility:
    """The issuer's credibility for one threat type, pooled over types when fewer than 3 lines of it count."""
    specific = credibility(ledger, issuer, kind)
    return specific if specific.crossed >= 3 else credibility(ledger, issuer)


def _credibility(analysis: Analysis, threats: tuple[Threat, ...], ledger: LedgerView) -> list[Statement]:
    out: list[Statement] = []
    seen: set[str] = set()
    experts = _experts(analysis)
    for t in threats:
        if not t.actor or t.actor in seen:
            continue
        seen.add(t.actor)
        c = issuer_credibility(ledger, t.actor, t.kind)
        if c.crossed == 0:
            continue
        what = f"{t.kind} " if c.kind else ""
        since = f" since {c.since[:4]}" if c.since else ""
        partly = f" ({c.partial} only in part)" if c.partial else ""
        when = f" by {ledger.as_of}" if ledger.as_of else ""
        text = (f"Red-line ledger: of {c.crossed} {what}red lines declared by {name(t.actor)}{since} that were "
                f"crossed with a known outcome{when}, {c.followed} {'was' if c.followed == 1 else 'were'} "
                f"followed by the threatened response{partly}: {c.prior} prior, posterior mean {c.mean:.2f}, "
                f"80% interval {c.low:.2f}–{c.high:.2f} (rows {', '.join(c.entry_ids[:4])}"
                f"{'…' if len(c.entry_ids) > 4 else ''}).")
        if c.mean < BLUFF_MEAN:
            text += " On this record the threat may be a bluff."
        evidence = list(t.evidence[:1])
        if experts:
            e = experts[0]
            text += f" The article's expert view: {e.speaker} {PAST.get(e.cue, 'said')} that {e.content}."
            evidence.extend(e.evidence[:1])
        else:
            text += " The article quotes no expert on this threat."
        out.append(Statement("credibility", text, tuple(evidence)))
    return out[:2]


def _speaker_phrase(analysis: Analysis, speaker: str | None, start: int, end: int) -> str:
    for m in analysis.mentions:
        if m.type == "PERSON" and m.canonical == speaker and start <= m.start < end:
            role, aff = m.attr("role"), m.attr("affiliation")
            detail = ", ".join(x for x in (role, aff) if x and not (x == aff and role and aff in role))
            return f"{speaker} ({detail})" if detail else str(speaker)
    return speaker or "an unnamed official"


def _experts(analysis: Analysis) -> list[Claim]:
    """Expert claims that speak of the conflict: an analyst on petrol prices is no view on escalation."""
    return [c for c in analysis.claims if c.speaker_type == "expert"
            and any(SECURITY.search(e.quote) for e in c.evidence)]


def _expert_views(analysis: Analysis) -> list[Statement]:
    out = []
    for c in _experts(analysis):
        verb = PAST.get(c.cue, "said")
        out.append(Statement("expert_view", f"{c.speaker} {verb} that {c.content}.", c.evidence))
    return out[:2]


def _uncertainty(analysis: Analysis, threats: tuple[Threat, ...]) -> list[Statement]:
    text = analysis.article.text
    phrases: list[str] = []
    evidence: list[Evidence] = []
    for s in analysis.sentences:
        for m in UNCERTAINTY.finditer(text, s.start, s.end):
            phrase = DANGLING.sub("", " ".join(m.group(0).split()))
            if len(phrase.split()) < 3:  # "risk of that": nothing left to flag
                continue
            if phrase.lower() not in {p.lower() for p in phrases}:
                phrases.append(phrase)
                evidence.append(Evidence.of(analysis.article, m.start(), m.end()))
    hedged = [s for s in analysis.sentences if s.modality in {"hedged", "conditional"}]
    parts = []
    if phrases:
        parts.append(f"the article flags {'; '.join(phrases[:3])}")
    conditional = [t for t in threats if t.trigger]
    if conditional:
        parts.append(f"whether the threatened response follows depends on whether {conditional[0].trigger}, "
                     f"which the article does not report")
        evidence.append(conditional[0].evidence[0])
    if len(hedged) >= 2 and len(hedged) >= HEDGED_SHARE * len(analysis.sentences) and not parts:
        s = hedged[0]
        parts.append(f"{len(hedged)} of {len(analysis.sentences)} sentences are hedged or conditional")
        evidence.append(Evidence.of(analysis.article, s.start, _trim(text, s.start, s.end)))
    if not parts or not evidence:
        return []
    sentence = "Uncertainty: " + "; ".join(parts) + "."
    return [Statement("uncertainty", sentence, tuple(dict.fromkeys(evidence)))]


def _developments(analysis: Analysis, events: tuple[Event, ...]) -> list[Statement]:
    hostile = sorted((e for e in events if e.factuality in {"asserted", "reported"} and e.type != "THREATEN"),
                     key=lambda e: e.intensity)
    return [Statement("development", _event_sentence(e), e.evidence[:1]) for e in hostile[:3]]


def _event_sentence(e: Event) -> str:
    """"Russia attacked Ukraine in Sumy, Odesa (PLOVER ASSAULT, asserted)." with or without a named side."""
    transitive, intransitive, noun = VERB_FORMS.get(e.type, ("acted against", "acted", "An event"))
    if e.mode == "seize":
        transitive, intransitive, noun = "advanced on territory held by", "advanced", "An advance"
    target = e.target
    if target and e.source and target == e.source.split("-")[0]:
        # "Israel used force against Israel": a side's own state as its target names no opponent; say where
        target = None
    sides = {lookup_code(c).lower() for c in (e.source, target, e.target) if c}
    places = [p for p in (e.location or "").split(", ") if p and p.lower() not in sides]
    where = f" in {', '.join(places)}" if places else ""
    weapons = f" with {', '.join(e.weapons)}" if e.weapons else ""
    tail = f" (PLOVER {e.type}, {e.factuality})."
    if e.source is None:
        against = f" against {name(target)}" if target else ""
        return f"{noun}{against}{where}{weapons} is reported without a named perpetrator{tail}"
    verb = f"{transitive} {name(target)}" if target else intransitive
    return f"{cap(name(e.source))} {verb}{where}{weapons}{tail}"


def _trim(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end
