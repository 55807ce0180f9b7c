"""The threat development set: real sentences labelled for threats and for who said them.

A threats set is a .jsonl whose records carry ``text``, ``source`` (file, ref, date), ``is_threat`` and, for a
threat, ``issuer`` (actor code at country level, as ``redline.events.actors.country`` gives), ``kind``
(conditional, unconditional, red_line, doctrine, ultimatum), ``trigger``, ``response`` and ``status`` (current
or background); ``speaker`` names who makes the attributed statement of the sentence, when it has one (the
claim set). Each record goes through the ingest, nlp and threat-detection stages alone. Scores:

- ``threat_recall`` and ``threat_precision`` by sentence (a sentence is found when redline reports a threat);
- ``issuer_accuracy`` on found threats whose issuer is labelled;
- ``usable_conditional``: found conditional threats whose trigger and response are both usable clauses
  (a subject and a finite verb, not "if necessary" or a fragment);
- ``status_accuracy`` on found threats (current vs background);
- ``claim_speaker_accuracy`` on records with a labelled speaker: a claim's speaker names the same person or
  body (the words of one contain those of the other, case and possessives aside).

The learned threat classifier (``redline.assess.threat_model``) is trained on the tune half, so the tune half is
scored out of fold: each tune record is found with a model trained without its source document (FOLDS folds of
documents, seeded), read from the fold models beside the set (``threats_folds.json``, written with the shipped
model by ``tools/train_threat_model.py``). Fold models trained on other tune records or beside another shipped
model are stale and refused; a set with no fold models beside it is scored with the shipped model (in-sample).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from redline import nlp as nlp_stage
from redline.assess import threat_model
from redline.assess.rhetoric import find_threats
from redline.errors import RedlineError
from redline.eval.datasets import DatasetError, first_record
from redline.events.actors import home_country
from redline.ingest import normalize
from redline.models import RawDocument, Threat

KINDS = frozenset({"conditional", "unconditional", "red_line", "doctrine", "ultimatum"})
STATUSES = frozenset({"current", "background"})
NOT_NAME = frozenset({"the", "a", "an", "of", "'s", "’s", "mr", "ms", "mrs"})
# Titles written before a name ("President Biden", "Senator Graham"): not part of the name.
TITLES = frozenset({"president", "prime", "minister", "secretary", "senator", "sen.", "ambassador", "chancellor",
                    "general", "gen.", "admiral", "dr", "dr.", "king", "queen", "prince", "emir", "sheikh", "pope",
                    "governor", "mayor", "speaker", "vice", "deputy", "foreign", "defence", "defense", "chief",
                    "former", "late"})  # "former President Medvedev" names Dmitry Medvedev
FRAGMENT = re.compile(r"^(if|unless|when)?\s*(necessary|needed|required|need be|so|not|any|\?)?\s*$", re.I)
PRO_VERB = re.compile(r"\b(will|would|shall|can|could|may|might|must|should)\s+(so|not)$", re.I)  # "Russia will so"
# A name and a bare act verb in -s ("Turkey attacks", "the United States attacks"): the parser reads the pair as a
# noun compound in any carrier, though "if Turkey attacks" is a clause; an object after it forces the verb's reading.
NAMED_ACT = re.compile(r"^(?:the )?(?:[A-Z][\w.'-]* )+(attack|strike|invade|intervene|retaliate|respond|escalate|"
                       r"sanction|provoke|interfere|refuse|fail|threaten|raid|bomb|shell)s$")


@dataclass(frozen=True)
class ThreatRecord:
    id: str
    text: str
    date: str | None
    url: str | None  # the source page, when the record comes from one
    is_threat: bool
    issuer: str | None
    speaker: str | None
    kind: str | None
    trigger: str | None
    response: str | None
    status: str | None


@dataclass(frozen=True)
class ThreatCase:
    record: ThreatRecord
    threats: tuple[Threat, ...]
    speakers: tuple[str, ...]  # of every claim redline found
    usable: bool  # the first threat's trigger and response are usable clauses

    @property
    def found(self) -> bool:
        return bool(self.threats)

    @property
    def speaker_right(self) -> bool:
        return self.record.speaker is not None and any(same_speaker(self.record.speaker, s) for s in self.speakers)

    @property
    def issuer_right(self) -> bool:
        return bool(self.threats) and same_issuer(self.threats[0].actor, self.record.issuer)


@dataclass(frozen=True)
class ThreatScores:
    scores: dict[str, float]
    cases: tuple[ThreatCase, ...]

    def errors(self) -> list[str]:
        """One line per wrong record: missed, spurious, wrong issuer, unusable clause or wrong speaker."""
        out = []
        for c in self.cases:
            r, t = c.record, (c.threats[0] if c.threats else None)
            if r.is_threat and t is None:
                out.append(f"{r.id} missed threat: {r.text[:160]}")
            elif not r.is_threat and t is not None:
                out.append(f"{r.id} spurious threat ({t.actor}: if {t.trigger!r} -> {t.response!r}): {r.text[:120]}")
            elif t is not None and r.issuer and not same_issuer(t.actor, r.issuer):
                out.append(f"{r.id} issuer {t.actor} for {r.issuer}: {r.text[:120]}")
            elif t is not None and r.kind == "conditional" and not c.usable:
                out.append(f"{r.id} unusable clauses: if {t.trigger!r} -> {t.response!r}")
            if r.speaker is not None and not c.speaker_right:
                out.append(f"{r.id} speaker {list(c.speakers)} for {r.speaker!r}: {r.text[:120]}")
        return out


def same_issuer(found: str | None, labelled: str | None) -> bool:
    """The issuer redline found is the labelled one, at country level: a group labelled by its own code ("TAL")
    is the group coded with its home country ("AFG-REB-TAL" -> "AFG"), as the real-news guide codes groups."""
    return found is not None and home_country(found) == home_country(labelled)


def is_threats_set(path: str | Path) -> bool:
    """True when ``path`` is a .jsonl whose first record has ``is_threat``."""
    record = first_record(path)
    return record is not None and "is_threat" in record and "text" in record


def read_threats(path: Path) -> list[ThreatRecord]:
    """The records of the threats set at ``path``; a malformed line raises DatasetError naming it."""
    out = []
    for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            r: dict[str, Any] = json.loads(line)
            source = r.get("source") or {}
            url = source.get("ref") if str(source.get("ref", "")).startswith("http") else None
            rec = ThreatRecord(str(r["id"]), str(r["text"]), source.get("date"), url, bool(r["is_threat"]),
                               r.get("issuer"), r.get("speaker"), r.get("kind"), r.get("trigger"), r.get("response"),
                               r.get("status"))
        except (ValueError, KeyError, TypeError, AttributeError) as e:
            raise DatasetError(f"{path}:{n}: not a threats record ({e})") from None
        if rec.is_threat and (rec.kind not in KINDS or rec.status not in STATUSES):
            raise DatasetError(f"{path}:{n}: a threat needs a kind in {sorted(KINDS)} and a status in "
                               f"{sorted(STATUSES)}")
        out.append(rec)
    return out


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def _words(name: str) -> set[str]:
    """The words of a name, lower case, without diacritics ("López" is "Lopez") or possessives."""
    name = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    name = re.sub(r"['’]s\b", "", name.lower())
    return {w for w in re.findall(r"[\w.-]+", name) if w not in NOT_NAME} - {"."}


def same_speaker(expected: str, predicted: str) -> bool:
    """Whether two speaker strings name the same person or body: the words of one contain the other's, titles
    aside when a name is left ("President Putin" and "Vladimir Putin" name one person; "the President" stays)."""
    a, b = _words(expected), _words(predicted)
    a, b = (a - TITLES or a), (b - TITLES or b)
    return bool(a and b) and (a <= b or b <= a)


def usable_clause(text: str, parse: Callable[[str], Any]) -> bool:
    """A clause an analyst can read alone: a subject and a verb ("Putin escalates", "Ukraine strikes Russian
    territory with ATACMS"), not "if necessary", a noun phrase ("any attack") or a bare fragment. Length alone
    decides nothing: the text is read as the complement of a reporting verb and as the condition of an "if", as
    a trigger or a response is used, and is a clause when either reading gives it a subject of its own verb
    ("Russia invades" is a noun phrase to the tagger after "that", a clause after "if")."""
    text = text.strip()
    if FRAGMENT.match(text) or PRO_VERB.search(text):
        return False
    carriers = [("They said that ", "."), ("If ", ", they will act.")]
    if NAMED_ACT.match(text) and not any(t.ent_type_ == "NORP" for t in parse(text)):  # not "Turkish attacks"
        carriers.append(("If ", " them, they will act."))
    for carrier, end in carriers:
        doc = parse(f"{carrier}{text}{end}")
        start, stop = len(carrier), len(carrier) + len(text)
        if any(start <= t.idx < stop and start <= t.head.idx < stop and t.dep_ in {"nsubj", "nsubjpass", "expl"}
               and t.head.pos_ in {"VERB", "AUX"} for t in doc):
            return True
    return False


FOLDS = 5
FOLD_SEED = 0


@dataclass(frozen=True)
class FoldModels:
    """Threat classifiers each trained without one fold of the tune half's source documents."""
    fold_of: dict[str, int]  # tune record id -> its fold
    models: tuple[threat_model.Model, ...]  # one per fold: weights, bias, threshold

    def model_of(self, record_id: str) -> threat_model.Model | None:
        k = self.fold_of.get(record_id)
        return None if k is None else self.models[k]


def folds_path(dataset: Path) -> Path:
    """Where the fold models of a threats set live: ``<stem>_folds.json`` beside it."""
    return dataset.with_name(f"{dataset.stem}_folds.json")


def assign_folds(records: list[ThreatRecord]) -> dict[str, int]:
    """The fold of each record: its source document's (its page, else its id), documents dealt to FOLDS folds by a
    seeded permutation of their sorted names, so no document is both trained on and scored."""
    import numpy as np

    docs = sorted({r.url or r.id for r in records})
    fold_of = dict(zip(docs, (int(k) for k in np.random.RandomState(FOLD_SEED).permutation(len(docs)) % FOLDS),
                       strict=True))
    return {r.id: fold_of[r.url or r.id] for r in records}


def training_digest(records: list[ThreatRecord]) -> str:
    """A digest of what the classifier learns from these records (id, text, page, date, threat or not)."""
    rows = sorted((r.id, r.text, r.url, r.date, r.is_threat) for r in records)
    return hashlib.sha256(json.dumps(rows, ensure_ascii=False).encode()).hexdigest()[:16]


def model_digest() -> str:
    """A digest of the shipped threat classifier (redline/data/threat_model/model.json); "" without one."""
    try:
        data = resources.files("redline.data").joinpath("threat_model/model.json").read_bytes()
    except (FileNotFoundError, OSError):
        return ""
    return hashlib.sha256(data).hexdigest()[:16]


def read_folds(path: Path, tune: list[ThreatRecord]) -> FoldModels:
    """The fold models at ``path`` for the ``tune`` records; DatasetError when they were trained on other records
    or beside another shipped model (stale: re-run tools/train_threat_model.py)."""
    try:
        data = json.loads(path.read_text("utf-8"))
        fold_of = {str(k): int(v) for k, v in data["fold_of"].items()}
        n, biases, threshold = len(data["bias"]), data["bias"], float(data["threshold"])
        weights: list[dict[str, float]] = [{} for _ in range(n)]
        for feature, ws in data["weights"].items():
            for k, w in enumerate(ws):
                if w:
                    weights[k][feature] = float(w)
    except (ValueError, KeyError, TypeError, AttributeError) as e:
        raise DatasetError(f"{path}: not a fold-models file ({e})") from None
    stale = [what for what, ok in (("the tune records", data.get("tune_digest") == training_digest(tune)),
                                   ("the shipped model", data.get("model_digest") == model_digest()),
                                   ("the fold of each tune record", fold_of == assign_folds(tune))) if not ok]
    if stale:
        raise DatasetError(f"{path}: the fold models are stale ({', '.join(stale)} changed since they were "
                           "trained); run python tools/train_threat_model.py")
    return FoldModels(fold_of, tuple((weights[k], float(biases[k]), threshold) for k in range(n)))


def run_cases(records: list[ThreatRecord], ctx: Any, name: str, folds: FoldModels | None = None) -> list[ThreatCase]:
    """Every record through ingest, nlp and threat detection; a record ``folds`` has a fold for is found with the
    model trained without that fold."""
    cases = []
    for rec in records:
        raw = RawDocument(origin=f"{name}:{rec.id}", text=rec.text, url=rec.url, published=rec.date)
        try:
            analysis = nlp_stage.analyze(normalize(raw, ctx.settings), ctx.parse, ctx.gazetteer)
        except RedlineError as e:
            raise DatasetError(f"{name}: {rec.id}: redline refused the sentence ({e})") from None
        held_out = folds.model_of(rec.id) if folds is not None else None
        with threat_model.using(held_out) if held_out is not None else contextlib.nullcontext():
            threats = find_threats(analysis)
        usable = bool(threats) and all(usable_clause(x, ctx.nlp) for x in (threats[0].trigger, threats[0].response))
        cases.append(ThreatCase(rec, threats, tuple(c.speaker for c in analysis.claims), usable))
    return cases


def _rate(num: int, den: int) -> float:
    return round(num / den, 4) if den else 0.0


def score_threats(cases: list[ThreatCase]) -> ThreatScores:
    gold = [c for c in cases if c.record.is_threat]
    found = [c for c in cases if c.found]
    hits = [c for c in gold if c.found]
    issuers = [c for c in hits if c.record.issuer]
    conditional = [c for c in hits if c.record.kind == "conditional"]
    spoken = [c for c in cases if c.record.speaker is not None]
    scores = {
        "threat_recall": _rate(len(hits), len(gold)),
        "threat_precision": _rate(len(hits), len(found)),
        "issuer_accuracy": _rate(sum(c.issuer_right for c in issuers), len(issuers)),
        "usable_conditional": _rate(sum(c.usable for c in conditional), len(conditional)),
        "status_accuracy": _rate(sum(c.threats[0].status == c.record.status for c in hits), len(hits)),
        "claim_speaker_accuracy": _rate(sum(c.speaker_right for c in spoken), len(spoken)),
    }
    return ThreatScores(scores, tuple(cases))
