"""Who a speaker phrase names: each speaker of a coordination, a person's name as written or canonical, and what a
pronoun speaker stands for (the helpers of ``redline.nlp.quotes``)."""

from __future__ import annotations

import re
from typing import Any

from redline.models import Mention
from redline.nlp.doctext import text_of

HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "sir", "madam", "messrs"})
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})
# One office holder's titles: "the President", "the Russian President", "the Prime Minister", "the head of state".
ROLES = frozenset({"president", "minister", "premier", "chancellor", "secretary", "spokesman", "spokeswoman",
                   "spokesperson", "ambassador", "envoy", "governor", "mayor", "king", "queen", "emir", "head",
                   "leader", "chairman", "chairwoman", "commander", "director", "administrator"})


def conjuncts(tokens: list[Any]) -> list[list[Any]]:
    """Each speaker of a coordinated speaker phrase ("Russia and China said ...", "both you and the President
    said ..."), the addressee "you" aside: each says what the sentence reports. One phrase when not coordinated."""
    head = next((t for t in tokens if t.head not in tokens or t.head == t), None)
    if head is None:
        return [tokens]
    heads, node = [head], head
    while True:
        nxt = next((c for c in node.children if c.dep_ == "conj" and c in tokens), None)
        if nxt is None:
            break
        heads.append(nxt)
        node = nxt
    if len(heads) == 1 or not any(c.dep_ == "cc" and c.lower_ in {"and", "&"} for h in heads for c in h.children):
        return [tokens]
    out = []
    for n, h in enumerate(heads):
        later = {t for other in heads[n + 1:] for t in other.subtree}
        own = [t for t in tokens if t in set(h.subtree) and t not in later and not (
            t.dep_ in {"cc", "preconj", "punct"} and t.head in heads)]
        if own and not (len(own) == 1 and own[0].lower_ in {"you", "both", "either"}):
            out.append(own)
    return out or [tokens]


def named_person(tokens: list[Any]) -> str:
    """The name of a person the parser finds at the head of a speaker phrase though no gazetteer knows them:
    "Jailed Islamist cleric Abu Bakar Bashir" -> "Abu Bakar Bashir"."""
    head = next((t for t in tokens if t.head not in tokens or t.head == t), None)
    if head is None or head.ent_type_ != "PERSON" or head.pos_ != "PROPN":
        return ""
    name = [t for t in tokens if t.ent_type_ == "PERSON" and t.i <= head.i and t.ent_iob_ in {"B", "I"}]
    while name and any(n.ent_iob_ == "B" for n in name[1:]):  # keep the entity that ends at the head
        name = name[1:]
    return "".join(t.text_with_ws for t in name).strip()  # "Al-Shabaab" as written, not "Al - Shabaab"


def modifier(doc: Any, mention: Mention, speaker: list[Any]) -> bool:
    """Whether a person named in a speaker phrase only qualifies its head: "the Trump administration", "Putin's
    spokesman", "an adviser to Netanyahu": the administration, the spokesman and the adviser speak, not the
    person."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    if root.dep_ in {"compound", "poss"} and root.head in speaker and root.head.ent_type_ != "PERSON" \
            and root.head.pos_ == "NOUN":
        return True
    owner = root.head.head if root.dep_ == "pobj" and root.head.lower_ not in {"by", "from", "with"} else None
    if owner is not None and owner in speaker and owner.pos_ in {"NOUN", "ADJ"} and owner.ent_type_ != "PERSON":
        return True  # "an ally of President Putin", "the spokesman for Antonio Guterres", "a source close to Putin":
        # the ally, the spokesman, the source; but "remarks by Biden", "a letter from Putin" are theirs, and a title
        # is the person's own ("Secretary-General of the United Nations Antonio Guterres")
    after = [t for t in speaker if t.i > span.end - 1][:3]  # "Zelensky's office", however the parse hangs it
    nouns = [t for t in after[1:] if t.pos_ == "NOUN"]
    return bool(after) and after[0].lower_ in {"'s", "’s"} and bool(nouns) and nouns[-1] == speaker[-1]


def phrase_head(toks: list[Any]) -> Any | None:
    """The token of a phrase whose head lies outside it (or is itself): the phrase's head word."""
    return next((t for t in toks if t.head not in toks or t.head == t), None)


def asides(doc: Any, tokens: list[Any], kinds: frozenset[str] = frozenset({"appos", "relcl", "acl"})) -> set[Any]:
    """What a speaker phrase adds about its head between commas, a description, a relative or a participle
    clause ("Nop Vy, the association's director"; "The minister, speaking after a meeting with Lavrov"; "The
    envoy, who met Putin"): who is named in a clause there does not speak."""
    toks = [t for t in tokens if not t.is_space]
    head = phrase_head(toks)
    if head is None:
        return set()
    return {x for c in toks if c.dep_ in kinds and c.head in toks and c.i > head.i
            and doc[min(t.i for t in c.subtree) - 1].text == "," for x in c.subtree}


def as_written(person: Mention, text: str) -> str:
    """A person's name as the text writes it when the gazetteer's canonical form does not contain its words
    ("James Mattis" for canonical "Jim Mattis", "Zelenskyy" for "Zelensky"); else the canonical name, which
    completes a surname ("Putin", "Mr Putin" -> "Vladimir Putin"). A person found in part of a hyphenated name is
    written as the whole word ("JEAN-PIERRE", found as "PIERRE" or "JEAN")."""
    start, end = person.start, person.end
    while start > 1 and text[start - 1] == "-" and text[start - 2].isalpha():  # "JEAN-PIERRE" found as "PIERRE"
        start -= 1
        while start > 0 and text[start - 1].isalpha():
            start -= 1
    while end + 1 < len(text) and text[end] == "-" and text[end + 1].isalpha():  # or as "JEAN"
        end += 1
        while end < len(text) and text[end].isalpha():
            end += 1
    written = " ".join(text[start:end].split())
    words = {w.rstrip(".") for w in written.lower().split()} - HONORIFICS
    canonical = set(person.canonical.lower().split())
    return written if words and not words <= canonical else person.canonical


def governing_subject(cue: Any) -> list[Any]:
    """The subject, a noun phrase, of the clause a cue with a pronoun subject is embedded in ("X releases what it
    says are recordings" -> X); empty for a main clause or a pronoun subject."""
    node = cue
    while node.head != node:  # spaCy makes a new Token per access: "is" would never see the root
        node = node.head
        subj = next((c for c in node.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i < cue.i), None)
        if node.pos_ in {"VERB", "AUX"} and subj is not None:
            return [] if subj.lower_ in PRONOUNS else [t for t in subj.subtree if not t.is_punct]
    return []


def antecedent(doc: Any, mentions: tuple[Mention, ...], before: int) -> list[Mention]:
    """The person a "he" / "she" speaker stands for: the last person named before it as the subject of a clause
    (who spoke or acted: "when President Lincoln visited ..., he said"), not one named only as an object or a
    possessor ("After meeting Xi Jinping, he said ...", "Asked about Zelensky's remarks, she said ...")."""
    for m in reversed([m for m in mentions if m.type == "PERSON" and m.end <= before]):
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        root = span.root if span is not None else None
        while root is not None and root.dep_ in {"appos", "compound", "conj"} and root.head is not root:
            root = root.head
        if root is not None and root.dep_ in {"nsubj", "nsubjpass"}:
            return [m]
    return []


def role_antecedent(doc: Any, mentions: tuple[Mention, ...], before: int, reach: int = 2) -> list[Any]:
    """The office holder a "he" / "she" / "him" speaker stands for when a title is nearer than any name: the
    subject of a clause in its own sentence or the ``reach`` sentences before it, a title under "the" with no
    name in it ("The Russian President expressed gratitude to the veterans. He recalled that ..."; "The Prime
    Minister made clear this was an unprecedented day. As he said publicly, ..."); the person named earlier with
    that title when there is one ("President Joe Biden ... The President ... He said": Joe Biden). Empty when a
    person is named as a subject nearer (``antecedent`` decides) or no title is."""
    at = doc.char_span(before, before + 1, alignment_mode="expand")
    if at is None:
        return []
    sent = at.sent
    for _ in range(reach):
        sent = doc[sent.start - 1].sent if sent.start > 0 else sent
    named = [(m.start, m.end) for m in mentions if m.type == "PERSON"]
    for t in reversed(doc[sent.start:at.start]):
        if t.dep_ not in {"nsubj", "nsubjpass"} or t.lower_ in PRONOUNS:
            continue
        if any(a < t.right_edge.idx + len(t.right_edge.text) and t.left_edge.idx < b for a, b in named):
            return []  # "Sullivan said ...", "The President of the Assembly Juan Guaido said ...": a name is nearer
        if t.lemma_.lower() in ROLES and t.tag_ in {"NN", "NNP"} and any(  # one holder: not "the envoys"
                c.dep_ == "det" and c.lower_ == "the" for c in t.children):
            titled = [m for m in mentions if m.type == "PERSON" and m.end <= before and _titled(doc, m, t.lower_)]
            span = doc.char_span(titled[-1].start, titled[-1].end, alignment_mode="expand") if titled else None
            return list(span) if span is not None else list(doc[t.left_edge.i:t.i + 1])
    return []


def _titled(doc: Any, person: Mention, title: str) -> bool:
    """Whether ``person`` is named right after ``title`` ("President Joe Biden", "Russian President Vladimir
    Putin")."""
    at = doc.char_span(person.start, person.end, alignment_mode="expand")
    return at is not None and at.start > 0 and doc[at.start - 1].lower_ == title


def joined(subjects: list[Any]) -> list[Any]:
    """The first subject with a name the parser split off right after it ("Leaders from the bloc ECOWAS") or made a
    second subject beside a description ("The Governor of New Jersey, Chris Christie declares"); a
    topic heading before a colon that the parser made a subject too ("Conflict in Iraq: The governments of ...
    announce") is not one: the subject after the colon is."""
    while len(subjects) > 1 and (any(t.text == ":" for t in subjects[0].doc[subjects[0].i:subjects[1].i])
                                 or subjects[0].pos_ == "NUM"):  # "one, as I mentioned, the President has said"
        subjects = subjects[1:]
    out = list(subjects[0].subtree)
    for n, nxt in enumerate(subjects[1:]):  # "Ben-Gurion", "Hans-Adam": a name the parser split at its hyphen
        edge = max(t.i for t in out)
        start = min(t.i for t in nxt.subtree)
        if n == 0 and nxt.pos_ == "PROPN" and nxt.ent_type_ in {"PERSON", "ORG"} and not subjects[0].ent_type_ and (
                start == edge + 1 or (start == edge + 2 and nxt.doc[edge + 1].text == ",")):
            out.extend(nxt.doc[edge + 1:max(t.i for t in nxt.subtree) + 1])  # "broker the Willis Group": the
            break  # description and its name, of which the name speaks
        hyphen = nxt.i == edge + 2 and nxt.doc[edge + 1].text == "-" and nxt.idx == nxt.doc[edge + 1].idx + 1
        dash = hyphen or "-" in {nxt.text, nxt.doc[edge].text}
        if nxt.pos_ != "PROPN" or not (nxt.i == edge + 1 or hyphen) or (n > 0 and not dash):
            break
        out.extend([*(nxt.doc[edge + 1:nxt.i] if hyphen else []), *nxt.subtree])
    return out


def in_aside(person: Mention, aside: set[Any]) -> bool:
    """Whether a person is only named in what a speaker phrase adds between commas ("The minister, speaking after
    a meeting with Lavrov, said"; "A senior official, briefing reporters after Biden's call"), not the name set
    in apposition to a title ("The Minister of Foreign Affairs, Chrystia Freeland")."""
    heads = [t for t in aside if t.dep_ == "appos" and t.head not in aside]
    return any(person.start <= t.idx < person.end for t in aside) and not any(
        person.start <= t.idx < person.end for t in heads)


def bare(doc: Any, text: str, tokens: list[Any], officials: frozenset[str]) -> str:
    """A speaker phrase without what the text adds about it: "Nop Vy, the association's director" -> "Nop Vy";
    "An owner of a press, who requested anonymity" -> "An owner of a press"."""
    toks = [t for t in tokens if not t.is_space]
    head = phrase_head(toks)
    if head is None:
        return ""
    named = next((c for c in toks if c.dep_ == "appos" and c.head == head and c.pos_ == "PROPN"
                  and (head.pos_ != "PROPN" or head.lower_ in officials)
                  and not any(d.dep_ == "det" and d.lower_ in {"a", "an"} for d in c.children)  # "a Republican"
                  and doc[min(t.i for t in c.subtree) - 1].text == ","
                  and not any(t.is_punct for t in c.subtree)), None)
    if named is not None:  # "the Minister of Foreign Affairs, Chrystia Freeland" -> "Chrystia Freeland"
        name = sorted(named.subtree, key=lambda t: t.i)
        return " ".join(text[name[0].idx:name[-1].idx + len(name[-1].text)].split())
    extra = asides(doc, toks)
    kept = [t for t in toks if t not in extra]
    while kept and kept[-1].is_punct:
        kept.pop()
    if not kept or len(kept) == len(toks):
        return ""
    return " ".join(text[kept[0].idx:kept[-1].idx + len(kept[-1].text)].split())


POSTS = frozenset({"ambassador", "envoy", "representative", "delegate", "emissary", "mission", "delegation",
                   "permanent", "observer"})


def posted_to(doc: Any, mention: Mention, tokens: list[Any]) -> bool:
    """Whether ``mention`` names where a speaker is posted, not whom they speak for: "Ambassador to the United
    Nations Samantha Power", "Russia's envoy at the IAEA" (the United Nations and the IAEA are hosts)."""
    for t in tokens:
        if t.idx <= mention.start < t.idx + len(t.text) or mention.start <= t.idx < mention.end:
            node = t
            while node.head != node and node.head in tokens and node.dep_ not in {"pobj"}:
                node = node.head
            prep = node.head if node.dep_ == "pobj" else None
            return prep is not None and prep.lower_ in {"to", "at"} and prep.head.lower_ in POSTS
    return False


SIGNED = re.compile(r"(?:Remarks|Statement)(?: as Prepared for Delivery)? (?:by|from|of) ", re.IGNORECASE)
SIGN_ENDS = frozenset({"at", "on", "to", "before", "after", "in", "during", "for", "marking", "regarding", "upon",
                       "following", "with", "about", "ahead", "celebrating", "commemorating", "honoring", "|"})


def signer(doc: Any) -> list[Any]:
    """Who speaks a text's "I" when its title line says whose remarks or statement it is: "Remarks as Prepared
    for Delivery by First Lady Jill Biden at ...", "Statement from President Joe Biden on ...", "Statement of the
    Foreign Minister": the person or office holder named after "by" / "from" / "of". Empty when the line names
    two ("Remarks by President Biden and Prime Minister Suga"), no person or office ("Statement of Administration
    Policy"), or is no such title ("Readout of President Biden's call": written about him, not by him)."""
    text = text_of(doc)
    line = text.split("\n", 1)[0]
    found = SIGNED.match(line)
    if found is None or "\n" not in text:
        return []
    span = doc.char_span(found.end(), len(line.rstrip()), alignment_mode="expand")
    name = []
    for t in span if span is not None else []:
        if t.lower_ in SIGN_ENDS or t.is_punct and t.text not in {"-", "."}:
            break
        name.append(t)
    if not name or any(t.lower_ in {"and", "&"} for t in name) or not any(
            t.ent_type_ == "PERSON" or t.lemma_.lower() in ROLES for t in name):
        return []
    return name
