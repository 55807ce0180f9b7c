"""Attributed claims: speaker, cue verb and content ("X warned that Y", "according to X, Y", quotes)."""

from __future__ import annotations

import re
from typing import Any

from redline.models import Article, Claim, Evidence, Mention
from redline.nlp.claim_checks import can_speak, fragment
from redline.nlp.claim_labels import asked, labelled, signed_quote, turn_label
from redline.nlp.claim_words import (
    ABSTRACT,
    CARRIER_VERBS,
    CUE_NOUNS,
    EXPERT_WORDS,
    FINDINGS,
    MEDIA_WORDS,
    NORMS,
    OBJECT_CUES,
    OFFICIAL_WORDS,
    SAID_OBJECTS,
    SAYERS,
    SPEECH,
    STATEMENT_NOUNS,
    UNSAID_OBJECTS,
    WITNESS_WORDS,
    speaker_titles,
    speaker_type,
    stance,
)
from redline.nlp.claim_words import ACTIVIST_WORDS as ACTIVIST_WORDS  # ``prefilter.cue_words`` reads them here
from redline.nlp.claim_words import COERCIVE_WORDS as COERCIVE_WORDS
from redline.nlp.claim_words import CUE_VERBS as CUE_VERBS
from redline.nlp.claim_words import THREAT_WORDS as THREAT_WORDS
from redline.nlp.speakers import (
    PRONOUNS,
    antecedent,
    as_written,
    asides,
    bare,
    conjuncts,
    governing_subject,
    in_aside,
    joined,
    modifier,
    named_person,
    posted_to,
    role_antecedent,
    signer,
)

# Drop claims whose speaker cannot speak (``claim_checks.can_speak``: "droughts threaten ...", "Plans call for ...")
# when the cue is not a verb of saying (a text or a source may say, state or report: "the bill states that ...",
# "according to the data"). Measured: validation claim speaker .926 -> .928 (a dropped claim lets the label and
# headline readings of its sentence speak); checking every cue, as claims1 did, cost .926 -> .915.
DROP_MUTE = True
# Drop claims whose content is a fragment (``claim_checks.fragment``). Off: measured, it lowers validation claim
# speaker accuracy (.928 -> .919), the eval counting claims with a cut content whose speaker is right.
DROP_FRAGMENTS = False
# A dash after a dateline; one hyphen only with a space before it ("MOSCOW - "), not in a name ("MS. JEAN-PIERRE:").
DATELINE = re.compile(r"[A-Z][A-Z .'-]+(?:, [A-Z][\w .]+)?(?: \([\w .]+\))?(?: *[\u2014\u2013]+| +-+| *--+) *")


def find_claims(doc: Any, article: Article, mentions: tuple[Mention, ...]) -> tuple[Claim, ...]:
    """Attributed claims in reading order; pronoun speakers resolve to the last named person before them."""
    claims: list[Claim] = []
    titles = speaker_titles(doc, mentions)
    signed, labels = signer(doc), False  # whose remarks the title says a text is; whether a turn label spoke yet
    for sent in doc.sents:
        before = len(claims)
        found = []
        for verb in sent:
            if (verb.pos_ not in {"VERB", "AUX"} and not _misread_cue(verb)) or not _is_cue(verb) or _unsaid(verb):
                continue
            content = _content(verb) or _cleft(verb)
            if content is not None and fragment(content, verb.lemma_):  # "I made it very clear: if he invades, ..."
                content = _cleft(verb) or _after_colon(verb) or _quoted_span(sent) or content
            speaker_tokens = _source(_speaker(verb))
            if not speaker_tokens or content is None or not _can_say(verb, speaker_tokens):
                continue
            found.append((verb, speaker_tokens, content))
        quoted = _quoted(sent)
        outside = [f for f in found if f[0].i not in quoted]
        label = labelled(sent) if found else None
        if label is None and any(_first_person(f[1]) for f in found):
            label = turn_label(sent)  # "THE PRESIDENT: ... And I think we can do that.": the turn's speaker
        labels = labels or label is not None
        for verb, speaker_tokens, content in found:
            if verb.i in quoted and outside:
                continue  # "'I think it will be difficult,' he said": the quote's own attribution speaks
            if label is not None and (_first_person(speaker_tokens) or all(t.i < label[0].i for t in speaker_tokens)):
                speaker_tokens = label[1]  # "Sergei Lavrov: We have warned ...": the label's person speaks; so
                # does a speaker the parse found inside the label ("[Jane Doe](https://x.com/a): ...": its address)
            elif signed and not labels and verb.i not in quoted and _first_person(speaker_tokens) and \
                    speaker_tokens[0].lower_ in {"i", "me"}:
                speaker_tokens = signed  # "Statement from President Joe Biden on ...": his "I have directed ..."
            for one in conjuncts(speaker_tokens):
                _keep(claims, _claim(doc, article, mentions, sent, verb, one, content, len(claims), titles))
        according = [t for t in sent if t.lower_ == "according" and t.dep_ == "prep"]
        for acc in according:
            pobj = [t for c in acc.children if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj"
                    for t in o.subtree] or list(acc.subtree)[2:]
            rest = [t for t in sent if t not in set(acc.subtree) and not t.is_punct and not t.is_space]
            if pobj and rest and not _norm(pobj):
                _keep(claims, _claim(doc, article, mentions, sent, acc, _source(pobj), rest, len(claims),
                                     titles))
        carried = _noun_claim(sent) or _deadline_claim(sent)
        if carried is not None:
            cue, speaker, content = carried
            _keep(claims, _claim(doc, article, mentions, sent, cue, speaker, content, len(claims), titles))
        if len(claims) == before:
            label = labelled(sent) or signed_quote(sent)
            labels = labels or label is not None
            if label is not None:  # "Vladimir Putin: In any case, they will ..."
                _keep(claims, _claim(doc, article, mentions, sent, label[0], label[1], label[2], len(claims), titles))
                continue
            surface = _surface_claim(sent)
            if surface is not None:
                cue, speaker, content = surface
                _keep(claims, _claim(doc, article, mentions, sent, cue, speaker, content, len(claims), titles))
    return tuple(claims)


def _norm(source: list[Any]) -> bool:
    """Whether what "according to" names is a plan or a rule an act follows, not a source: "all is going
    according to plan", "profits according to Russian accounting standards"; an owned plan and a source's estimate
    stay sources ("according to NATO's plan", "according to our estimates")."""
    head = next((t for t in source if t.head not in source or t.head == t), None)
    if head is None or head.lemma_.lower() not in NORMS:
        return False
    told = {t for c in head.children if c.dep_ == "relcl" for t in c.subtree}  # "..., under which our profits ..."
    return not any(t.dep_ == "poss" or (t.dep_ == "pobj" and t.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"})
                   for t in source if t not in told)  # "NATO's plan", "a plan drawn up by NATO"


def _first_person(speaker: list[Any]) -> bool:
    """A speaker that is the one who speaks the line: "I", "we", or "me" / "us" ("let me say", "as you heard me
    say")."""
    return [t.lower_ for t in speaker if not t.is_space] in (["i"], ["we"], ["me"], ["us"])


def _cleft(verb: Any) -> list[Any] | None:
    """What a cue in a "what X said is Y" sentence said: the clause after the copula ("What the minister said
    was that the border stays closed")."""
    if verb.dep_ != "csubj" or verb.head.lemma_ != "be":
        return None
    said = next((c for c in verb.head.children if c.dep_ in {"ccomp", "attr", "acomp"} and c.i > verb.i), None)
    return list(said.subtree) if said is not None else None


def _keep(claims: list[Claim], claim: Claim | None) -> None:
    if claim is not None:
        claims.append(claim)


def _misread_cue(token: Any) -> bool:
    """A headline's cue verb the parser read as a plural noun, with a subject and a clause of its own: "NATO pledges
    to investigate ...", "X vows to ..."."""
    return token.pos_ == "NOUN" and token.tag_ == "NNS" and any(c.dep_ == "nsubj" for c in token.children) and any(
        c.dep_ in {"xcomp", "ccomp"} for c in token.children)


def _quoted(sent: Any) -> set[int]:
    """Indices of the tokens of ``sent`` between quotation marks."""
    inside, out = False, set()
    for t in sent:
        if t.text in {"\u201c", "\u201d", '"', "\u201e"}:
            inside = t.text != "\u201d" and not (inside and t.text == '"')
            continue
        if inside:
            out.add(t.i)
    return out


def _can_say(verb: Any, speaker: list[Any]) -> bool:
    """Whether ``speaker`` can make the statement: any speaker can say, tell, report or write; other cues
    ("promised", "suggests", "threatens") need an agent, not a thing ("Coordinated action promised to
    strengthen ...", "It does suggest ...")."""
    if verb.lemma_ in SPEECH:
        return True
    head = next((t for t in speaker if t.head not in speaker or t.head == t), None)
    if head is None:
        return False
    if head.lower_ in {"it", "this", "that"}:
        return False
    return not (head.pos_ == "NOUN" and not head.ent_type_ and head.lemma_.lower() not in SAYERS
                and ABSTRACT.search(head.lemma_.lower()))


def _is_cue(verb: Any) -> bool:
    """A reporting verb: one of CUE_VERBS, "make clear", "be clear that", "as X put it", or "read" / "testify"
    introducing what was said."""
    if verb.lemma_ in CUE_VERBS or verb.lemma_ in {"testify", "read"}:
        return True
    if verb.lemma_ in {"find", "reveal", "show"} and any(c.dep_ == "ccomp" for c in verb.children):
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)  # "an investigation found that ..."
        if subj is not None and verb.lemma_ == "reveal" and (subj.lemma_.lower() in SAYERS or subj.ent_type_ in {
                "PERSON", "ORG", "NORP", "GPE"}):
            return True  # "a senior official reveals that ...": who reveals says it
        return subj is not None and subj.lemma_.lower() in FINDINGS
    if verb.lemma_ == "be":  # "the President has been very clear that ...": a clause said plainly
        return any(c.lower_ == "clear" and c.dep_ == "acomp" for c in verb.children) and any(
            c.dep_ == "ccomp" for c in verb.children)
    if verb.lemma_ == "put" and any(c.dep_ == "dobj" and c.lower_ == "it" for c in verb.children):
        return any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)  # "as Blinken put it, ..."
    return verb.lemma_ == "make" and any(c.lower_ == "clear" for c in verb.children)


def _unsaid(verb: Any) -> bool:
    """A reporting verb that reports nothing said: negated ("didn't say what weapons were used") or declined
    ("refused to say"), or asked ("Do you think ...?", ``claim_labels.asked``)."""
    if any(c.dep_ == "neg" for c in verb.children) or asked(verb):
        return True
    if verb.lemma_ in {"ask", "request"} and not any(c.dep_ in {"dobj", "dative"} for c in verb.children):
        return True  # "who asked not to be named": asking nobody for anything is no statement
    return (verb.dep_ == "xcomp" and verb.head.lemma_ in {"decline", "refuse"}) or _other_sense(verb)


def _other_sense(verb: Any) -> bool:
    """A cue verb in a sense that says nothing, told by its object when it has no clause: "agreed to maintain
    regular dialogue", "to counter ransomware", "dismissed the Chief of Staff", "dismissed a case", "Taiwan would
    defend itself", "defends his title", "claimed dozens of lives" (a number's "of" noun is the object) (but
    "maintained his innocence", "dismissed the reports", "defends the decision", "claims responsibility")."""
    lemma = verb.lemma_
    if lemma not in SAID_OBJECTS and lemma not in UNSAID_OBJECTS or any(
            c.dep_ in {"ccomp", "xcomp", "advcl", "parataxis"} for c in verb.children) or _colon_next(verb) or \
            _quoted_span(verb.sent) is not None:
        return False
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is not None and (obj.like_num or obj.lemma_.lower() in {"dozen", "hundred", "thousand", "score"}):
        obj = next((g for p in obj.children if p.lower_ == "of" for g in p.children if g.dep_ == "pobj"), obj)
    if obj is None:
        return lemma in SAID_OBJECTS
    word = obj.lemma_.lower()
    if lemma in SAID_OBJECTS:
        return word not in SAID_OBJECTS[lemma]
    return word in UNSAID_OBJECTS[lemma] or (lemma == "defend" and obj.ent_type_ in {"GPE", "LOC"}) or (
        lemma == "dismiss" and obj.ent_type_ == "PERSON")


def _speaker(verb: Any) -> list[Any]:
    """Who speaks: the cue verb's own subject, or for a participle or conjoined cue with none ("X orders a
    response, saying ...", "X responds by saying ...", "X surrounds ... and threatens ..."), the subject of the
    clause it hangs on: the quote's own attribution, not the nearest name."""
    before = verb.doc[verb.left_edge.i - 1] if verb.left_edge.i > 0 else None
    if verb.tag_ == "VBG" and before is not None and before.dep_ == "pobj" and before.head.lower_ == "with" and \
            not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
        return [t for t in before.subtree if t.i <= before.i]  # "with the opposition threatening to ...": it speaks
    node = verb
    for _ in range(4):
        told = next((c for c in node.head.children if c.dep_ == "dobj"), None) if node.dep_ == "xcomp" else None
        if told is not None and node is verb and node.head.lemma_ not in {"promise"} and (
                told.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"} or told.pos_ == "PROPN"):
            return list(told.subtree)  # "a move that prompted China to threaten ...": China threatens
        by = next((o for c in node.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"), None)
        if by is not None and node is verb:
            return list(by.subtree)  # "the reports were dismissed by the ministry": the ministry speaks
        subj = [c for c in node.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if node is verb and subj and all(c.dep_ == "nsubjpass" for c in subj):
            return []  # "X is expected to resign", "ten people are reported killed": X is what is said, by nobody named
        if subj:  # a name the parser split off as a second subject is part of the first: "Leaders from the bloc
            return joined(subj)  # ECOWAS"
        if node.dep_ == "ROOT" and node.pos_ == "NOUN" and node.tag_ == "NNS" and node is not verb:
            named = [c for c in node.children if c.dep_ == "compound" and c.i < node.i and c.ent_type_ in {
                "PERSON", "ORG", "GPE", "NORP"}]  # "Judge X fines Y ... and threatens ...": a headline verb read
            if named:  # as a noun, its subject as the noun's compound
                return list(named[-1].subtree)
        carried = node.pos_ == "NOUN" and node.lemma_.lower() in STATEMENT_NOUNS and node.dep_ == "dobj"
        climbs = node.dep_ in {"advcl", "xcomp", "conj", "pcomp", "prep", "acl", "acomp"}  # "was able to say"
        if not climbs and not carried or node.head == node:
            return []  # "issued a statement saying ...": who issued it speaks
        if node.dep_ == "acl" and node.tag_ != "VBG":
            return []
        node = node.head
        while node.pos_ == "ADP" and node.head != node:  # "responds by saying"
            node = node.head
        quoted = next((c for c in node.children if c.dep_ in {"dobj", "nsubjpass"}), None)
        if node.lemma_ in {"quote", "cite"} and quoted is not None:
            return list(quoted.subtree)  # "TASS quoted Lavrov as saying ...": Lavrov says it
    return []


def _source(tokens: list[Any]) -> list[Any]:
    """Who is behind a speaker phrase: the antecedent of a relative pronoun ("police who told AFP" -> police);
    the author of a statement ("a statement released by the minister" -> the minister)."""
    if len(tokens) == 1 and tokens[0].lower_ in {"who", "which", "that"} and tokens[0].head.dep_ == "relcl":
        noun = tokens[0].head.head  # the antecedent, up to itself: the clause follows it
        tokens = [t for t in noun.subtree if t.i <= noun.i and t not in set(tokens[0].head.subtree)]
    head = next((t for t in tokens if t.head not in tokens or t.head == t), None)
    if head is not None and head.lemma_.lower() in STATEMENT_NOUNS:
        by = next((o for c in head.children if c.dep_ == "acl" for a in c.children if a.dep_ == "agent"
                   for o in a.children if o.dep_ == "pobj"), None)
        if by is not None:
            return list(by.subtree)
        if head.dep_ == "dobj":  # "the Vatican put out a document that states ...": who put it out
            issuer = [c for c in head.head.children if c.dep_ == "nsubj"]
            if issuer:
                return list(issuer[0].subtree)
    return tokens


def _noun_claim(sent: Any) -> tuple[Any, list[Any], list[Any]] | None:
    """A statement named as a noun its speaker issues or that a text contains: "X issued a warning that ...",
    "the statement contained a warning about ...", "X repeated his call for ...": the verb's subject speaks."""
    for noun in sent:
        if noun.lemma_.lower() not in CUE_NOUNS or noun.pos_ != "NOUN" or noun.dep_ not in {"dobj", "pobj"}:
            continue  # the cheap word test first: most tokens are no cue noun, and a head lookup builds a Token
        carrier = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "with" else noun.head
        if carrier.lemma_ not in CARRIER_VERBS or any(c.dep_ == "neg" for c in carrier.children):
            continue
        if noun.dep_ == "pobj":  # "issues Russia with an ultimatum to return ...": who issues it speaks
            content = next((list(c.subtree) for c in noun.children if c.dep_ in {"acl", "relcl", "prep"}), None)
            speaker = _speaker(carrier)
            if content and speaker:
                return noun, speaker, content
            continue
        content = next((list(c.subtree) for c in noun.children if (c.dep_ == "prep" and c.lower_ in {
            "about", "of", "against", "for", "to", "over"}) or (c.dep_ in {"acl", "ccomp", "relcl"} and any(
                (m.dep_ == "mark" and m.lower_ == "that") or (m.dep_ == "aux" and m.lower_ == "to")
                for m in c.children)) or (c.dep_ == "acl" and c.tag_ == "VBG")), None) or next((
            list(c.subtree) for c in noun.head.children if c.dep_ == "prep" and c.lower_ in {"about", "of", "against",
                                                                                            "over"}), None)
        speaker = _speaker(noun.head)
        if content and speaker:
            return noun, speaker, content
    return None


TIME_SPANS = frozenset({"hour", "day", "week", "month", "year", "minute"})


def _deadline_claim(sent: Any) -> tuple[Any, list[Any], list[Any]] | None:
    """An ultimatum given as a span of time: "X gave the rebels 48 hours to leave the city (or face ...)": X speaks,
    and what the rebels are to do is what X said."""
    for verb in sent:
        if verb.lemma_ not in {"give", "grant"} or verb.pos_ != "VERB" or any(c.dep_ == "neg" for c in verb.children):
            continue
        span = any(c.dep_ in {"dobj", "npadvmod"} and c.lemma_.lower() in TIME_SPANS for c in verb.children)
        act = next((c for c in verb.children if c.dep_ in {"advcl", "xcomp"} and any(
            a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
        speaker = _speaker(verb) if span and act is not None else []
        if speaker and act is not None:
            return verb, speaker, list(act.subtree)
    return None


def _surface_claim(sent: Any) -> tuple[Any, list[Any], list[Any]] | None:
    """"<speaker> <cue> that <content>" when the parser took the cue verb for a noun ("experts ... note that")."""
    toks = [t for t in sent if not t.is_space]
    for n, tok in enumerate(toks[1:-2], start=1):
        if tok.lemma_.lower() in CUE_VERBS and tok.pos_ != "VERB" and toks[n + 1].lower_ == "that":
            speaker, content = toks[:n], toks[n + 2:]
            named = speaker[0].pos_ in {"NOUN", "PROPN", "DET", "ADJ"} or (len(speaker) <= 3 and all(
                t.is_title for t in speaker))  # "Trump states that ...", "Trump" misread as a verb
            if named and len(content) > 3:
                return tok, speaker, content
    return _headline_claim(toks)


def _headline_claim(toks: list[Any]) -> tuple[Any, list[Any], list[Any]] | None:
    """"<speaker> <cue> <content>" in a headline-style sentence whose cue the parser hung on the next noun as a
    modifier ("The Taliban claims responsibility ...", "the governments of A and B issue travel warnings against
    ..."): a cue verb in a finite form, or a carrier verb before a statement noun, read as a compound; the speaker
    is what precedes it, after an opening prepositional phrase."""
    start = 0
    if toks and toks[0].pos_ == "ADP":  # "In light of the attacks, <speaker> ..."
        start = next((n + 1 for n, t in enumerate(toks) if t.text == ","), 0)
    for n in range(start + 1, len(toks) - 1):
        tok, before = toks[n], toks[n - 1]
        if tok.dep_ not in {"compound", "amod", "nmod"} or before.pos_ not in {"NOUN", "PROPN"}:
            continue
        cue = tok.lemma_.lower() in CUE_VERBS and tok.tag_ in {"VBZ", "VBP", "VBD"}
        carried = tok.lemma_.lower() in CARRIER_VERBS and any(
            t.lemma_.lower() in CUE_NOUNS.keys() | STATEMENT_NOUNS for t in toks[n + 1:n + 4])
        speaker, content = toks[start:n], [t for t in toks[n + 1:] if not t.is_punct or t.text == "'"]
        if (cue or carried) and speaker and speaker[0].pos_ in {"NOUN", "PROPN", "DET", "ADJ"} and content:
            return tok, speaker, content
    return None


def _content(verb: Any) -> list[Any] | None:
    """Tokens of what was said: a complement clause, a quotation, or a "to"-infinitive for threats."""
    if verb.lemma_ == "read":  # "the message reads: ..." says only what it quotes or what follows the colon
        return _quoted_span(verb.sent) or _after_colon(verb)
    if verb.lemma_ in {"tell", "inform", "brief"} and not any(c.dep_ in {"ccomp", "xcomp"} for c in verb.children):
        about = next((c for h in (verb, *(c for c in verb.children if c.dep_ in {"dobj", "dative"}))
                      for c in h.children if c.dep_ == "prep" and c.lower_ == "about"), None)
        if about is not None:  # "X told Y about efforts being made ...": Y is told, not said
            return list(about.subtree)
    passive = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if passive is not None and any(c.dep_ == "agent" for c in verb.children):
        return list(passive.subtree)  # "a ceasefire is announced by Islamic Jihad": the ceasefire is announced
    for child in verb.children:
        if child.dep_ in {"ccomp", "xcomp"} or (child.dep_ == "dobj" and verb.lemma_ != "call"):
            toks = list(child.subtree)
            if child.dep_ == "dobj" and len(toks) < 3 and verb.lemma_ not in OBJECT_CUES:
                continue
            if child.dep_ == "dobj" and verb.lemma_ in OBJECT_CUES:  # "blames X for Y", "describes X as Y"
                toks += [t for c in verb.children if c.dep_ == "prep" and c.i > child.i and c.lower_ in {
                    "for", "as", "over", "about", "of", "on"} for t in c.subtree]
            return toks
        if child.dep_ == "prep" and child.lower_ == "with" and verb.lemma_ == "threaten":
            return list(child.subtree)
        if child.dep_ == "prep" and child.lower_ in {"of", "against", "about", "for"} and verb.lemma_ in {
                "warn", "accuse", "call", "caution"}:
            return list(child.subtree)
        if child.dep_ == "prep" and child.lower_ == "with" and verb.lemma_ in {"plead", "implore"}:
            return list(child.subtree)  # "plead with the president to step down"
    aside = _aside_of(verb)
    if aside is not None:
        return aside
    quote = _quoted_span(verb.sent)
    if quote is not None:
        return quote
    for t in verb.subtree:  # "warns in a letter to X that ...": a "that" clause the parser hung on a noun
        marked = any(c.dep_ == "mark" and c.lower_ == "that" for c in t.children)
        if t.dep_ in {"acl", "relcl"} and t != verb and marked and any(
                c.dep_ in {"nsubj", "nsubjpass"} for c in t.children):
            return list(t.subtree)
    if verb.lemma_ == "make":  # "has made clear that he has a red line": the clause hangs on "clear"
        said = next((c for a in verb.children if a.lower_ == "clear" for c in a.children
                     if c.dep_ in {"ccomp", "csubj"}), None)
        if said is not None:
            return list(said.subtree)
    if verb.lemma_ == "make" or _colon_next(verb):  # "I made it very clear: ...", "telling them: ..."
        return _after_colon(verb)
    return None


def _aside_of(verb: Any) -> list[Any] | None:
    """What a cue said as an aside speaks of: the clause it interrupts ("The forests, he said, are ...") or
    the clause an "as X said" clause introduces ("As the President said, companies should not ...")."""
    inserted = verb.dep_ == "parataxis"
    as_said = verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
    if not (inserted or as_said) or any(c.dep_ in {"ccomp", "xcomp"} for c in verb.children) or verb.head == verb:
        return None
    if as_said and any(c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in {"i", "we", "you"} for c in verb.children):
        return None  # "as I said": the speaker of the text, not an attributed statement
    own = set(verb.subtree)
    rest = [t for t in verb.head.subtree if t not in own and not t.is_punct]
    return rest or None


def _colon_next(verb: Any) -> bool:
    """Whether a colon follows the cue verb and its short object ("telling them: if you ...")."""
    after = [t for t in verb.sent if t.i > verb.i][:3]
    return any(t.text == ":" for t in after) and all(
        t.text == ":" or t.dep_ in {"dobj", "dative", "prt"} for t in after[:next(
            n for n, t in enumerate(after) if t.text == ":")])


def _after_colon(verb: Any) -> list[Any] | None:
    colon = next((t for t in verb.sent if t.text == ":" and t.i > verb.i), None)
    return [t for t in verb.sent if t.i > colon.i] or None if colon is not None else None


def _quoted_span(sent: Any) -> list[Any] | None:
    opens = [t.i for t in sent if t.text in {"\u201c", '"', "\u201d"}]
    if len(opens) >= 2:
        toks = [t for t in sent if opens[0] < t.i < opens[-1]]
        return toks or None
    return None


def _claim(doc: Any, article: Article, mentions: tuple[Mention, ...], sent: Any, cue: Any,
           speaker_tokens: list[Any], content_tokens: list[Any], n: int, titles: dict[str, str]) -> Claim | None:
    """The claim; none when its speaker cannot make it (``DROP_MUTE``) or its content says nothing
    (``DROP_FRAGMENTS``)."""
    speaker_tokens = _own_line(article.text, cue, speaker_tokens) or speaker_tokens
    colons = [t.i for t in speaker_tokens if t.text == ":" and t.i < cue.i]
    if colons and any(t.i > colons[-1] and not t.is_space for t in speaker_tokens):  # "Q Staying with Russia: An
        # ally of ... said"; not a label with only a space after its colon ("THE PRESIDENT:\xa0 Tell him ...")
        speaker_tokens = [t for t in speaker_tokens if t.i > colons[-1]]
    content_tokens = _own_line(article.text, cue, content_tokens) or content_tokens
    if all(t.is_space or t.is_punct for t in speaker_tokens) or any(t.like_url for t in speaker_tokens) or all(
            t.is_space or t.is_punct or t.like_url for t in content_tokens):
        return None  # a line break the parser made a speaker or the whole of what was said; a link's address
    if DROP_FRAGMENTS and fragment(content_tokens, cue.lemma_):
        return None
    if DROP_MUTE and cue.text != ":" and cue.lemma_ not in SPEECH and cue.lower_ != "according" and not can_speak(
            speaker_tokens, [(m.start, m.end) for m in mentions]):  # a label's name speaks as labelled
        return None
    s_start, s_end = _bounds(speaker_tokens)
    content_tokens = sorted(content_tokens, key=lambda t: t.i)
    said = " ".join(article.text[slice(*_bounds(content_tokens))].split())  # with its "if", for the stance
    if len(content_tokens) > 1 and content_tokens[0].dep_ == "mark":
        content_tokens = content_tokens[1:]
    c_start, c_end = _bounds(content_tokens)
    speaker_text = article.text[s_start:s_end]
    inside = [m for m in mentions if s_start <= m.start and m.end <= s_end]
    if speaker_text.lower() in {"it", "they"}:
        governing = governing_subject(cue)
        if governing:  # "The Turkish military releases what it says are ...": the military says it
            speaker_tokens = governing
            s_start, s_end = _bounds(speaker_tokens)
            speaker_text = article.text[s_start:s_end]
    role = role_antecedent(doc, mentions, s_start) if speaker_text.lower() in {"he", "she", "him"} else []
    if role:  # "The Russian President expressed gratitude ... He recalled that ...": the President recalled it
        speaker_tokens = role
        s_start, s_end = _bounds(speaker_tokens)
        speaker_text = article.text[s_start:s_end]
        inside = [m for m in mentions if s_start <= m.start and m.end <= s_end]
    elif speaker_text.lower() in PRONOUNS | {"him"}:
        inside = antecedent(doc, mentions, s_start) if speaker_text.lower() in {"he", "she", "him"} else []
    aside = asides(doc, speaker_tokens)
    inside = [m for m in inside if not (m.type == "PERSON" and in_aside(m, aside))]
    people = [m for m in inside if m.type == "PERSON" and not modifier(doc, m, speaker_tokens)]
    head = next((t for t in speaker_tokens if t.head not in speaker_tokens or t.head == t), None)
    person = next((m for m in people if head is not None and m.start <= head.idx < m.end), None) or next(
        iter(people), None)  # the person the phrase is headed by: "Islamist cleric Abu Bakar Bashir"
    named = named_person(speaker_tokens) if person is None else ""
    speaker = (" ".join(as_written(person, article.text).split()) if person else named
               or bare(doc, article.text, speaker_tokens, OFFICIAL_WORDS) or " ".join(speaker_text.split()))
    code = _speaker_code([m for m in inside if not (m.type == "ACTOR" and posted_to(doc, m, speaker_tokens))])
    content = " ".join(article.text[c_start:c_end].split())
    words = {t.lower_ for t in speaker_tokens}
    stype = speaker_type(words, inside, person)
    if person is not None and not words & (EXPERT_WORDS | OFFICIAL_WORDS | WITNESS_WORDS | MEDIA_WORDS):
        stype = titles.get(person.canonical, stype)
    sent_end = sent.end_char
    while sent_end > sent.start_char and article.text[sent_end - 1].isspace():
        sent_end -= 1
    lemma = CUE_NOUNS.get(cue.lemma_.lower(), cue.lemma_) if cue.pos_ == "NOUN" else cue.lemma_
    lemma = ":" if ":" in cue.text and not cue.is_alpha else lemma  # a label's colon, however tokenised ("):")
    return Claim(
        id=f"c{n + 1}",
        speaker=speaker,
        speaker_type=stype,
        speaker_code=code,
        cue=lemma if cue.lower_ != "according" else "according to",
        content=content,
        stance=stance(lemma, said, stype),
        evidence=(Evidence.of(article, sent.start_char, sent_end),),
        content_start=c_start,
        content_end=c_end,
    )


def _own_line(text: str, cue: Any, tokens: list[Any]) -> list[Any]:
    """``tokens`` on the cue's own line, after any dateline: a heading above the sentence ("Reaction\nOfficials
    said ...") or a dateline ("KYIV, Ukraine (AP) — ") is not part of who spoke or of what was said.

    ``text`` is the article text, which is ``doc.text``: spaCy builds ``doc.text`` anew from every token on each
    call."""
    start = text.rfind("\n", 0, cue.idx) + 1
    while start > 1 and _wrapped(text, start - 1):  # a paragraph wrapped at a fixed width is one line
        start = text.rfind("\n", 0, start - 1) + 1
    end = text.find("\n", cue.idx)
    while end >= 0 and _wrapped(text, end):
        end = text.find("\n", end + 1)
    end = len(text) if end < 0 else end
    dateline = DATELINE.match(text, start)
    if dateline is not None and dateline.end() <= cue.idx:
        start = dateline.end()
    return [t for t in tokens if start <= t.idx < end]


WRAP = 60  # lines at least this long, broken inside a sentence, are a paragraph wrapped at a fixed width


def _wrapped(text: str, newline: int) -> bool:
    """Whether the line break at ``newline`` only wraps a paragraph ("... announced the\nfollowing steps"): a
    long line that ends inside a sentence, followed by more words (not a blank line, a heading or a label), or a
    line that ends inside the text of a Markdown link."""
    line = text[text.rfind("\n", 0, newline) + 1:newline].rstrip()
    after = text[newline + 1:newline + 2]
    if "[" in line and "]" not in line[line.rfind("["):]:
        return True  # inside a link's text ("[Secretary of State Jane\nDoe](https://...)"), however short the line
    return len(line) >= WRAP and line[-1:] not in {".", ":", "!", "?", "\u201d", '"'} and after not in {"", "\n"}


def _bounds(tokens: list[Any]) -> tuple[int, int]:
    toks = sorted((t for t in tokens if not t.is_space), key=lambda t: t.i)
    while len(toks) > 1 and toks[-1].is_punct:
        toks.pop()
    while len(toks) > 1 and toks[0].is_punct:
        toks.pop(0)
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _speaker_code(inside: list[Mention]) -> str | None:
    for kind in ("PERSON", "ACTOR"):
        for m in inside:
            if m.type == kind and m.code:
                return m.code
    return None
