"""List the threat detector's and the claim attributor's errors on the TUNE half of the threat set.

    python tools/threat_errors.py                 # every tune error, with the tune scores
    python tools/threat_errors.py --only missed   # only one kind: missed, spurious, issuer, unusable, speaker
    python tools/threat_errors.py --show ID       # every threat and claim redline finds in one tune record

Rules are written from tune errors only (tests/gold/README.md); this script never runs the validation half:
validation is for `redline eval tests/data/threats.jsonl`, to accept or reject a change. Tune records are found
out of fold, as the eval finds them (the fold models beside the set: redline.eval.threats).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from redline.eval.splits import read_split, split_path  # noqa: E402
from redline.eval.threats import folds_path, read_folds, read_threats, run_cases, score_threats  # noqa: E402
from redline.pipeline import Context  # noqa: E402
from redline.settings import Settings  # noqa: E402

DATA = ROOT / "tests" / "data" / "threats.jsonl"
KINDS = ("missed", "spurious", "issuer", "unusable", "speaker", "status")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", action="append", choices=KINDS, help="show only these kinds of error")
    parser.add_argument("--show", action="append", default=[], help="a tune record id to show in full")
    args = parser.parse_args(argv)
    records = read_threats(DATA)
    tune = read_split(split_path(DATA), [(r.id, r.text) for r in records]).tune
    records = [r for r in records if r.id in tune]
    folds = read_folds(folds_path(DATA), records) if folds_path(DATA).is_file() else None
    if args.show:
        unknown = set(args.show) - {r.id for r in records}
        if unknown:
            print(f"not tune records: {', '.join(sorted(unknown))}", file=sys.stderr)
            return 2
        records = [r for r in records if r.id in args.show]
    ctx = Context.load(Settings())
    cases = run_cases(records, ctx, DATA.stem, folds)
    if args.show:
        for c in cases:
            print(c.record.id, c.record.text)
            print(f"  gold: threat={c.record.is_threat} issuer={c.record.issuer} speaker={c.record.speaker!r} "
                  f"kind={c.record.kind} trigger={c.record.trigger!r} response={c.record.response!r}")
            for t in c.threats:
                print(f"  threat {t.actor} ({t.speaker}, {t.form}, {t.status}): if {t.trigger!r} -> {t.response!r}")
            print(f"  claim speakers: {list(c.speakers)}")
        return 0
    scored = score_threats(cases)
    status = [f"{c.record.id} status {c.threats[0].status} for {c.record.status}: {c.record.text[:120]}"
              for c in cases if c.record.is_threat and c.threats and c.threats[0].status != c.record.status]
    for line in [*scored.errors(), *status]:
        kind = line.split()[1]
        kind = {"missed": "missed", "spurious": "spurious", "issuer": "issuer", "unusable": "unusable",
                "status": "status"}.get(kind, "speaker")
        if not args.only or kind in args.only:
            print(line)
    print()
    for key, value in scored.scores.items():
        print(f"tune{' (out of fold)' if folds else ''} {key:24s} {value:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
