"""The quality gate: floors pinned per dataset with a digest of the data they were measured on.

A score may fall below its floor by at most ``epsilon`` (run-to-run noise is zero for a fixed model,
the margin absorbs rounding). Scores named in LOWER_IS_BETTER, and the tune-validation gaps (``*_gap``,
how much better a score is on tune than on validation), are ceilings instead of floors. A gap's ceiling is
never pinned below GAP_ALLOWANCE, the issue's bound: within it, tune and validation may trade places freely;
beyond it, a change that widens the gap is fitting the tune half and is refused.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from redline.errors import RedlineError

DEFAULT_EPSILON = 0.005
LOWER_IS_BETTER = frozenset({"false_event_rate", "forbidden_assaults", "must_not_hits", "stale_dates",
                             "gap", "guess_rate", "guard_dropped"})
GAP_ALLOWANCE = 0.05


class FloorError(RedlineError):
    """A floors file that cannot be read, or an update that would lower a floor."""


@dataclass(frozen=True)
class FloorCheck:
    dataset: str
    failures: tuple[str, ...]
    pinned: bool  # the floors file has floors for this dataset

    @property
    def ok(self) -> bool:
        return not self.failures


def load_floors(path: Path) -> dict[str, Any]:
    """The floors file, or an empty one when it does not exist yet."""
    if not path.exists():
        return {"epsilon": DEFAULT_EPSILON, "datasets": {}}
    try:
        data = json.loads(path.read_text("utf-8"))
        if not isinstance(data.get("datasets"), dict):
            raise ValueError("no 'datasets' object")
    except ValueError as e:
        raise FloorError(f"{path}: not a floors file ({e}; fix it or delete it and run --update-floors)") from None
    return dict(data)


def lower_is_better(name: str) -> bool:
    return name in LOWER_IS_BETTER or name.endswith("_gap")


def _pinned(name: str, score: float) -> float:
    return max(score, GAP_ALLOWANCE) if name.endswith("_gap") else score


def _below(name: str, score: float, floor: float, epsilon: float) -> bool:
    if lower_is_better(name):
        return score > floor + epsilon
    return score < floor - epsilon


def check_floors(floors: dict[str, Any], dataset: str, digest: str, scores: dict[str, float]) -> FloorCheck:
    """Every floor of ``dataset`` that ``scores`` break by more than epsilon, as one line each."""
    entry = floors["datasets"].get(dataset)
    if entry is None:
        return FloorCheck(dataset, (), False)
    eps = float(floors.get("epsilon", DEFAULT_EPSILON))
    failures: list[str] = []
    if entry.get("digest") != digest:
        failures.append(f"{dataset}: the data changed since its floors were pinned (digest {digest}, pinned "
                        f"{entry.get('digest')}; re-measure with --update-floors --allow-regression)")
    for name, floor in sorted(entry.get("floors", {}).items()):
        score = scores.get(name)
        if score is None:
            failures.append(f"{dataset}: {name} was not measured (floor {floor})")
        elif _below(name, score, float(floor), eps):
            word = "ceiling" if lower_is_better(name) else "floor"
            failures.append(f"{dataset}: {name} {score:.4f} breaks its {word} {floor:.4f} (epsilon {eps})")
    return FloorCheck(dataset, tuple(failures), True)


def update_floors(floors: dict[str, Any], dataset: str, digest: str, scores: dict[str, float],
                  allow_regression: bool = False) -> tuple[dict[str, Any], list[str]]:
    """New floors raised to ``scores``; lowering one raises FloorError unless ``allow_regression``."""
    eps = float(floors.get("epsilon", DEFAULT_EPSILON))
    old = floors["datasets"].get(dataset, {})
    old_floors: dict[str, float] = dict(old.get("floors", {}))
    new_floors: dict[str, float] = {}
    changes: list[str] = []
    lowered: list[str] = []
    for name, score in sorted(scores.items()):
        floor = old_floors.get(name)
        pin = _pinned(name, score)
        if floor is None:
            new_floors[name] = pin
            changes.append(f"{dataset}: {name} pinned at {pin:.4f}")
        elif _below(name, score, floor, eps):
            kind = "ceiling " if lower_is_better(name) else ""
            lowered.append(f"{kind}{name} {floor:.4f} -> {score:.4f}")
            new_floors[name] = pin
        else:
            better = pin < floor if lower_is_better(name) else pin > floor
            new_floors[name] = pin if better else floor
            if better:
                word = "ceiling lowered" if lower_is_better(name) else "raised"
                changes.append(f"{dataset}: {name} {word} {floor:.4f} -> {pin:.4f}")
    if lowered and not allow_regression:
        raise FloorError(f"{dataset}: refusing to relax {', '.join(lowered)} (pass --allow-regression to accept)")
    changes += [f"{dataset}: {x} (regression accepted)" for x in lowered]
    if old.get("digest") not in (None, digest):
        changes.append(f"{dataset}: digest {old.get('digest')} -> {digest}")
    datasets = dict(floors["datasets"])
    datasets[dataset] = {"digest": digest, "floors": new_floors}
    return {**floors, "epsilon": eps, "datasets": dict(sorted(datasets.items()))}, changes


def save_floors(path: Path, floors: dict[str, Any]) -> None:
    path.write_text(json.dumps(floors, indent=2, sort_keys=True) + "\n", "utf-8")
