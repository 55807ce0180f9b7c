"""Which rules of the coders fire on each example sentence of their tables (the verb coder's
``redline.events.verb_rules``, the noun coder's ``noun_rules``, the demand coder's and the gates'
``demand_rules``, readiness's ``readiness_rules``).

    python tools/rule_report.py            # every example: what it codes, the rules that fire, the veto
    python tools/rule_report.py --together # only the examples on which more than one veto or rewrite fires

A rule listed after "| past the veto:" would fire had the veto not stopped the coding.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from collections.abc import Callable  # noqa: E402

from redline.events import demand_rules, noun_rules, readiness_rules, verb_rules  # noqa: E402
from redline.events.rules import Example, Rule, Trace  # noqa: E402
from redline.ingest import normalize  # noqa: E402
from redline.models import Analysis, RawDocument  # noqa: E402
from redline.nlp import analyze  # noqa: E402
from redline.pipeline import Context  # noqa: E402
from redline.settings import Settings  # noqa: E402

Tracer = Callable[[Analysis, str], tuple[str, Trace]]
# Each coder's table and the function that traces it on one word.
CODERS: tuple[tuple[str, tuple[Rule, ...], Tracer], ...] = (
    ("verb", verb_rules.RULES, verb_rules.trace_word),
    ("noun", noun_rules.NOUN_RULES, noun_rules.trace_word),
    ("demand", demand_rules.DEMAND_RULES, demand_rules.trace_word),
    ("gate", demand_rules.GATE_RULES, demand_rules.trace_gate),
    ("readiness", readiness_rules.READINESS_RULES, readiness_rules.trace_word),
)


def traced(ctx: Context, example: Example, trace_word: Tracer = verb_rules.trace_word) -> tuple[str, Trace]:
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
    for name, rules, trace_word in CODERS:
        together = 0
        for rule in rules:
            for example in rule.examples:
                codes, trace = traced(ctx, example, trace_word)
                several = len(trace.together) > 1
                together += several
                if several or not args.together:
                    print(line(rule, example, codes, trace))
        print(f"{name} coder: {sum(len(r.examples) for r in rules)} examples of {len(rules)} rules; several rules "
              f"fire on {together}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
