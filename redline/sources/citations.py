"""The outlets a news digest's item cites: "... kills 12 people. (Reuters) (AP)", "... on Hula.(Arab News)", "(AFP via
France 24)". Wikipedia's Current Events items end so; the corpus readers keep the outlets as the item's source, and
the sentence bounds (``redline.nlp.bounds``) make the citations a sentence of their own, apart from the report.
"""

from __future__ import annotations

import re

# One cited outlet: a parenthesised name that starts with a letter or digit ("(Reuters)", "(AFP via France 24)").
_CITE = r"\([A-Za-z0-9][^()\n]{0,80}\)"
# The citations that end a line: after a sentence end, any run of them; after anything else, a run of two or more
# ("... near Chechnya border (Reuters) (BBC)") or one "X via Y" (a lone "(DRC)" may be the sentence's own aside); a
# stop may follow them ("... the army.(BBC).").
CITATIONS = re.compile(rf"(?:(?<=[.!?\"'\u201d\u2019])[ \t]*(?P<after_end>{_CITE}(?:[ \t]*{_CITE})*)"
                       rf"|(?<=\S)[ \t]*(?P<run>{_CITE}(?:[ \t]*{_CITE})+|\([^()\n]{{1,60}} via [^()\n]{{1,60}}\)))"
                       rf"[ \t]*\.?[ \t]*$", re.MULTILINE)
_OUTLET = re.compile(r"\(([^()\n]+)\)")
SEPARATOR = "; "


def cited(text: str) -> list[str]:
    """The outlets of the citations that end ``text``, in order and without repeats ("Reuters", "AFP via France
    24"); none when its last line ends otherwise."""
    text = text.rstrip()
    found = None
    for m in CITATIONS.finditer(text):
        found = m
    if found is None or found.end() < len(text):
        return []
    run = found.group("after_end") or found.group("run")
    return list(dict.fromkeys(" ".join(o.split()) for o in _OUTLET.findall(run)))


def source_of(text: str, source: str | None) -> str | None:
    """``source`` when the record names one, else the outlets ``text`` cites at its end ("Reuters; AP")."""
    return source or SEPARATOR.join(cited(text)) or None
