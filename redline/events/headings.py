"""Topic lines: a heading that names a class of happenings, not one act.

A news digest files its reports under topic lines ("Border clashes between Armenia and Azerbaijan", "Attacks in
Russia during the Russian invasion of Ukraine", "Protests against the pension reform in France"). Such a line is
verbless, ends in no stop, and its head is a bare plural noun: no article, number or owner picks out one act. It
names what the reports under it are about; the reports are the news, so the line itself codes no event. The
tagger reads a place name before the plural as a subject ("Northern Rakhine State clashes", "Kashmir protests": a
VBZ root with a proper-noun subject and nothing else); that too is a noun phrase.

The status rule "topic heading" (``events.status``) keeps an act in a topic line, or in a whole heading line above
a report with no finite verb and subject (``nlp.chunks.heading_sentence``), as background: not news, but kept with
its status as the issue asks of every act that is not current.
"""

from __future__ import annotations

from typing import Any

SENTENCE_ENDS = frozenset({".", "!", "?"})
PICKING_DEPS = frozenset({"det", "nummod", "poss", "predet"})  # "the clashes", "two attacks", "Russia's strikes"


def topic_line(sent: Any) -> bool:
    """``sent`` is a topic line: no sentence end, and either no verb or auxiliary with a plural common noun (NNS) as
    its root, with no determiner, number or owner, or a place name before a plural the tagger read as a verb."""
    words = [t for t in sent if not t.is_space]
    if not words or words[-1].text in SENTENCE_ENDS:
        return False
    root = sent.root
    if _place_and_plural(root):
        return True
    if any(t.pos_ in {"VERB", "AUX"} for t in words):
        return False
    return root.tag_ == "NNS" and not any(c.dep_ in PICKING_DEPS for c in root.children)


def _place_and_plural(root: Any) -> bool:
    """A root the tagger read as a verb in -s whose only dependent is a subject of proper nouns: "Northern Rakhine
    State clashes" is the clashes of a place, not a state that clashes (a clause has an object, a preposition or
    an adverb: "Russia clashes with Ukraine")."""
    if root.tag_ != "VBZ" or not root.lower_.endswith("s"):
        return False
    kids = [c for c in root.children if not c.is_space]
    if len(kids) != 1 or kids[0].dep_ != "nsubj" or kids[0].i > root.i:
        return False
    return all(t.tag_ in {"NNP", "NNPS"} for t in kids[0].subtree if not t.is_space)
