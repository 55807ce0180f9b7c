"""Who a speaker phrase names: each speaker of a coordination, a person's name as written or canonical, and what a
pronoun speaker stands for (the helpers of ``redline.nlp.quotes``)."""

from __future__ import annotations

from typing import Any

from redline.models import Mention

HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "sir", "madam", "messrs"})
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})


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
