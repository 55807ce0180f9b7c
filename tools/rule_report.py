"""Which rules of the verb coder fire on each example sentence of its table (``redline.events.verb_rules``).

    python tools/rule_report.py            # every example: what it codes, the rules that fire, the veto
    python tools/rule_report.py --together # only the examples on which more than one veto or rewrite fires

A rule listed after "| past the veto:" would fire had the veto not stopped the coding.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from redline.events.rules import Example, Rule, Trace  # noqa: E402
from redline.events.verb_rules import RULES, trace_word  # noqa: E402
from redline.ingest import normalize  # noqa: E402
from redline.models import RawDocument  # noqa: E402
from redline.nlp import analyze  # noqa: E402
from redline.pipeline import Context  # noqa: E402
from redline.settings import Settings  # noqa: E402


def traced(ctx: Context, example: Example) -> tuple[str, Trace]:
    """What the example's word codes through the real pipeline, and the rules that fire on it."""
    article = normalize(RawDocument(origin="rule-example", text=example.sentence, published="2024-01-01"),
                        ctx.settings)
    return trace_word(analyze(article, ctx.parse, ctx.gazetteer), example.word)


def line(rule: Rule, example: Example, codes: str, trace: Trace) -> str:
    flag = "" if codes == example.codes and rule.name in trace.fired else "  << DIFFERS"
    past = f" | past the veto: {', '.join(trace.after_veto)}" if trace.after_veto else ""
    return (f"{rule.name:28} {example.word!r} in {example.sentence!r}\n"
            f"{'':28} codes {codes or 'nothing'!r}; fires: {', '.join(trace.fired) or '-'}{past}{flag}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--together", action="store_true", help="only examples on which several rules fire")
    args = parser.parse_args(argv)
    ctx = Context.load(Settings())
    together = 0
    for rule in RULES:
        for example in rule.examples:
            codes, trace = traced(ctx, example)
            several = len(trace.together) > 1
            together += several
            if several or not args.together:
                print(line(rule, example, codes, trace))
    print(f"{sum(len(r.examples) for r in RULES)} examples of {len(RULES)} rules; several rules fire on {together}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
