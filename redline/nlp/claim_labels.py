"""Transcript labels: who speaks a line that a label opens ("Sergei Lavrov: We have warned ...", "THE PRESIDENT:
..."), and a quotation under a label of a name and a description ("**Jane Doe, Director of X**: \u201c...\u201d").
The helpers of ``redline.nlp.quotes``."""

from __future__ import annotations

import re
from typing import Any

from redline.nlp.claim_words import OFFICIAL_WORDS
from redline.nlp.doctext import text_of
from redline.nlp.speakers import HONORIFICS, phrase_head

# The end of a label before its quotation, in bold or not: "**Jane Doe, Director**: \u201c", "(Ohio):** \u201c".
LABEL_END = re.compile(r"\**\s*:\s*\**\s*[\u201c\"]")
# What may open the line before the label: the source tag of the item above ("\\[Tweet, 10/18/23\\]") and markup.
LABEL_START = re.compile(r"(?:\\?\[[^\]\n]{0,40}\\?\]\s*)?\**\s*")
# A label's name: one to five capitalised words, then the end of the label or a comma and a description.
LABEL_NAME = re.compile(r"[A-Z][\w.'\u2019-]*(?: [A-Z][\w.'\u2019-]*){0,4}(?=,|$)")
# The labels of a reporter's question in a transcript ("Q ...", "Question: ..."): the asker is unnamed.
QUESTION_LABELS = frozenset({"q", "question", "questions"})
# Words of a heading that names a kind of text or an hour, not who speaks ("UPDATE: We believe ...", "FACT SHEET:",
# "Editor's note:", "Monday:"): a label made of them only names no speaker.
HEADING_LABELS = frozenset({"update", "updated", "breaking", "fact", "sheet", "note", "editor", "editor's", "editors",
                            "background", "readout", "summary", "correction", "watch", "live", "transcript", "timeline",
                            "advisory", "media", "press", "release", "statement", "analysis", "context", "opinion",
                            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
                            "yesterday", "morning", "afternoon", "evening", "'s", "\u2019s"})


def asked(verb: Any) -> bool:
    """Whether a cue verb asks rather than reports: its clause ends in a question mark and either inverts an
    auxiliary before its subject ("Do you think there will be a deal?", "Can you say whether ...?", "How much
    does the ministry expect to spend?") or has the person asked as its subject ("So you believe the talks are
    over?"). A question states nothing, so it makes no claim; a statement it carries stays one ("Did you see
    that the minister says the border is closed?": the minister says it)."""
    stop = next((t for t in verb.sent if t.i > verb.i and t.text in {".", "!", "?"}), None)
    if stop is None or stop.text != "?":
        return False
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if not subjects:
        return False
    subject = max(subjects, key=lambda c: (c.i < verb.i, c.i if c.i < verb.i else -c.i))  # the nearest before it:
    # a transcript's "Q" or a vocative read as a second subject ("Q Mr. President, so, you think ...?") asks nothing
    return subject.lower_ == "you" or any(c.dep_ in {"aux", "auxpass"} and c.i < subject.i for c in verb.children)


def turn_label(sent: Any, reach: int = 60) -> tuple[Any, list[Any], list[Any]] | None:
    """The label of the transcript turn a sentence belongs to: the last line before it that opens with a speaker
    label ("THE PRESIDENT:", "Sergei Lavrov:"), within ``reach`` sentences; none when a question ("Q", "Question:")
    opens the turn, whose asker is unnamed."""
    doc, text = sent.doc, text_of(sent.doc)
    prior = sent
    for _ in range(reach):
        if prior.start == 0:
            return None
        prior = doc[prior.start - 1].sent
        first = next((t for t in prior if not t.is_space), None)
        if first is None or text[text.rfind("\n", 0, first.idx) + 1:first.idx].strip():
            continue  # not at a line start
        if first.text.rstrip(":").lower() in QUESTION_LABELS:
            return None
        head = prior
        while head.end < len(doc) and all(_honorific(t) for t in head if not t.is_space):
            head = doc[head.end].sent  # "MS." cut off as a sentence of its own: the label goes on after it
        label = labelled(head) if head.end < len(doc) else None
        if label is None and head.end < len(doc):
            label = labelled(doc[head.end].sent)  # a label sentence of its own: it speaks the next
        if label is not None and label[1] and all(_honorific(t) for t in doc[first.i:label[1][0].i] if not t.is_space):
            return label  # the label opens the line, after a title the splitter cut off ("DR. | FAUCI: ...")
    return None


def _honorific(token: Any) -> bool:
    """A title a transcript label opens with ("MS.", "DR."), or its period."""
    return token.text == "." or token.lower_.rstrip(".") in HONORIFICS


def labelled(sent: Any) -> tuple[Any, list[Any], list[Any]] | None:
    """A transcript line "<Name>: <words>" (a name of one to four capitalised words, then a colon): the name
    speaks the words. The colon is the cue. The label may be a sentence of its own (``chunks.lines`` makes it
    one): then it speaks the sentence that follows it. Else a quotation under a label (``quote_label``), or under
    a label that is a Markdown link (``link_label``)."""
    return link_label(sent) or _name_label(sent) or quote_label(sent)


# A label that is a Markdown link, then its colon: "[Vice President Jane\nDoe](https://x.com/a/1): \u201c...". The
# address may hold brackets of its own ("https://en.example.org/wiki/Doe_(politician)").
LINK_LABEL = re.compile(r"\**\s*\[(?P<text>[^\[\]]{1,200})\]\((?P<url>[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)\)"
                        r"\**\s*(?P<colon>:)\s*\**\s*")


def link_label(sent: Any) -> tuple[Any, list[Any], list[Any]] | None:
    """A line under a label that is a Markdown link ("[Secretary of State Jane Doe](https://x.com/...): \u201cWe
    will ...\u201d"): the link's text names who speaks, up to a comma that opens a description; its address is
    neither speaker nor words. Not a link over a verb or a phrase ("[announced](...)"): the text is capitalised
    words and links ("of", "the") with a proper name among them."""
    found = LINK_LABEL.match(sent.text)
    if found is None:
        return None
    start = sent.start_char + found.start("text")
    end = start + len(found.group("text").split(",")[0].rstrip())
    name = [t for t in sent if start <= t.idx and t.idx + len(t.text) <= end and not t.is_space and t.text != "["]
    words = [t for t in sent if t.idx >= sent.start_char + found.end() and not t.is_space]
    at = sent.start_char + found.start("colon")
    colon = next((t for t in sent if t.idx <= at < t.idx + len(t.text)), None)
    if colon is None or not name or not words or not any(t.pos_ == "PROPN" or t.ent_type_ for t in name) or not all(
            t.is_title or t.is_upper or t.lower_ in LABEL_LINKS or not t.is_alpha for t in name):
        return None
    return colon, name, words


def _name_label(sent: Any) -> tuple[Any, list[Any], list[Any]] | None:
    toks = [t for t in sent if not t.is_space]
    before = [t for t in sent.doc[sent.start - 1].sent if not t.is_space] if sent.start > 0 else []
    if before and before[-1].text == ":" and (len(before) <= 6 or _titled_label(before + toks) is not None):
        toks = before + toks
    lead = next((n for n, t in enumerate(toks) if not _honorific(t)), len(toks))  # "MS. JEAN-PIERRE:"
    colon = next((n for n, t in enumerate(toks[:lead + 6]) if t.text == ":"), None)
    if not colon or colon + 1 >= len(toks) or colon - lead > 4:
        return _titled_label(toks)
    name = toks[:colon]
    if [t.lower_ for t in name] in ([w] for w in QUESTION_LABELS):
        return None  # "Question: Mr President, yesterday you ...": a reporter asks, unnamed; no one is "Question"
    if all(t.lower_ in HEADING_LABELS for t in name):
        return None  # "UPDATE: We believe ...", "FACT SHEET: ...": a heading, no one speaks it
    spoken = {t.lower_ for t in toks[colon + 1:]} & {"i", "we", "you", "my", "our", "me", "us"}
    if not all(t.is_title or t.is_upper for t in name if t.text not in {".", "-"}) or not any(
            t.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"} or t.is_upper for t in name) and not (
            len(name) == 1 and name[0].pos_ in {"PROPN", "NOUN"} and spoken):  # "Sorokin : This is what you think"
        return None
    return toks[colon], name, toks[colon + 1:]


# Words that make a label's capitalised words before a name a title: "Deputy Prime Minister Maxim Akimov:".
LABEL_TITLES = OFFICIAL_WORDS | {"head", "chairman", "chairwoman", "chair", "deputy", "director", "ceo", "speaker",
                                 "prosecutor", "commissioner", "presidential", "representative", "rector"}
LABEL_LINKS = frozenset({"of", "the", "and", "for", "on", "-", ".", "'s", "\u2019s"})


def _titled_label(toks: list[Any]) -> tuple[Any, list[Any], list[Any]] | None:
    """A label of a title and a name, longer than a bare name ("President of Russia Vladimir Putin : ...", "Head
    of the Republic of Crimea Sergei Aksyonov: ..."): capitalised words and links ("of", "the"), headed by a
    title word or by the name that ends it, then the colon and the words spoken. Not a heading about a person
    ("Impeachment of President X: ..."): an event heads it."""
    colon = next((n for n, t in enumerate(toks[:14]) if t.text == ":"), None)
    if not colon or colon < 3 or colon + 1 >= len(toks):
        return None
    name = toks[:colon]
    last, before = name[-1], name[-2]
    named = last.ent_type_ == "PERSON" or (last.pos_ == before.pos_ == "PROPN" and not {
        last.lower_, before.lower_} & (LABEL_TITLES | LABEL_LINKS))  # "... Alexei Dyumin", unknown to the NER
    head, first = phrase_head(name), name[0]
    if first.pos_ in {"NOUN", "VERB"} and first.lower_ not in LABEL_TITLES:
        return None  # "Impeachment of President X:", "Killing of X:": an event, whatever the parse made its head
    if not named or head is None or not all(t.is_title or t.is_upper or t.lower_ in LABEL_LINKS for t in name) or (
            head.lower_ not in LABEL_TITLES and head.ent_type_ != "PERSON" and head != last):
        return None
    return toks[colon], name, toks[colon + 1:]


def quote_label(sent: Any) -> tuple[Any, list[Any], list[Any]] | None:
    """A quotation under a label of a name and a description, as statements pages list reactions ("**Jane Doe,
    Mayor of Springfield**: \u201cThis is a good day.\u201d", after the source tag of the item above): the name
    speaks the quotation. Not a clause before a colon ("In Moscow, the minister said: \u201c..."): the description
    has no finite verb and the name opens with no preposition or adverb."""
    text = sent.text
    end = LABEL_END.search(text, 0, 240)
    start = LABEL_START.match(text)
    if end is None or start is None:
        return None
    label = text[start.end():end.start()].rstrip("*").strip()
    name = LABEL_NAME.match(label)
    if name is None:
        return None
    at = sent.start_char + start.end() + label.find(name.group())  # the label is stripped of spaces only
    names = sent.doc.char_span(at, at + len(name.group()), alignment_mode="expand")
    described = sent.doc.char_span(at, sent.start_char + end.start(), alignment_mode="expand")
    words = [t for t in sent if t.idx >= sent.start_char + end.end()]
    if names is None or described is None or not words or names[0].pos_ in {"ADP", "ADV", "SCONJ", "CCONJ"} or any(
            t.tag_ in {"VBD", "VBZ", "VBP", "MD"} for t in described):
        return None
    colon = next((t for t in sent if t.idx + len(t.text) > sent.start_char + end.start() and ":" in t.text), None)
    return (colon, list(names), words) if colon is not None else None


# An attribution after a quotation and a dash: "\u201c...\u201d \u2014 Jane Doe, Mayor of Springfield".
SIGNED = re.compile(r"[\u201d\"]?\s*[\u2014\u2013]\s*(?P<name>[A-Z][\w.'\u2019-]*(?: [A-Z][\w.'\u2019-]*){0,4})"
                    r"(?P<described>,[^\u201c\u201d\"\n]{0,120})?\s*\.?\s*$")


def signed_quote(sent: Any) -> tuple[Any, list[Any], list[Any]] | None:
    """A quotation signed after a dash, in the sentence or alone on the next ("\u201cWe will rebuild.\u201d \u2014
    Jane Doe, Mayor of Springfield"): the name speaks the quotation. The name opens with no preposition and what
    describes it has no finite verb."""
    text = sent.text
    signed = SIGNED.search(text)
    if signed is None:
        return None
    at = sent.start_char + signed.start()
    quoted = [t for t in sent if t.idx < at and not t.is_space]
    if not quoted and sent.start > 0:  # the signature alone: it signs the sentence before it
        quoted = [t for t in sent.doc[sent.start - 1].sent if not t.is_space]
    closing = [n for n, t in enumerate(quoted) if t.text in {"\u201d", '"'}]
    if not closing:
        return None
    opening = max((n for n, t in enumerate(quoted[:closing[-1]]) if t.text in {"\u201c", '"'}), default=-1)
    words = [t for t in quoted[opening + 1:closing[-1]] if not t.is_punct or t.text in {",", "'"}]
    begin = sent.start_char + signed.start("name")
    names = sent.doc.char_span(begin, begin + len(signed.group("name")), alignment_mode="expand")
    described = signed.group("described") or ""
    dash = next((t for t in sent if t.idx >= at and t.text in {"\u2014", "\u2013"}), None)
    if names is None or dash is None or not words or names[0].pos_ in {"ADP", "ADV", "SCONJ", "CCONJ", "DET"} or any(
            t.tag_ in {"VBD", "VBZ", "VBP", "MD"} for t in sent if t.idx >= begin + len(signed.group("name"))) or \
            len(described.split()) > 15:
        return None
    return dash, list(names), words
