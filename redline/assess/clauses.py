"""Triggers and responses as short clauses an analyst can read alone: a subject and a verb.

A threat's parts come out of the parse in many shapes: an "if" clause ("if Iran attacks Tel Aviv"), an
"unless" clause (its negation == the trigger), an infinitive with the issuer as its understood subject
("threatens to close the embassy"), a nominalisation ("any use of these missiles against Russian territory"),
a gerund after "against" ("warns Poland against hosting the shield"). Each == rewritten to
``<subject> <verb> ...`` with the words of the text; nothing is invented beyond the subject and the verb form.
"""

from __future__ import annotations

from typing import Any

ISSUER = "{issuer}"  # the issuer's name, filled in once the issuer is known
LEAD = frozenset({"if", "unless", "that", "to", "whether", "when", "in", "fact", "then", "otherwise", ",", "once",
                  "whenever", "until"})
# Nominalisations a trigger is often written as, and the verb of the clause they stand for.
NOMINAL_VERBS = {"use": "use", "failure": "fail", "refusal": "refuse", "deployment": "deploy", "supply": "supply",
                 "delivery": "deliver",
                 "transfer": "transfer", "sale": "sell", "launch": "launch", "strike": "strike", "attack": "attack",
                 "entry": "enter", "invasion": "invade", "recognition": "recognize", "threat": "threaten",
                 "test": "test", "crossing": "cross", "exercise": "hold", "exercises": "hold", "drill": "hold",
                 "drills": "hold", "vote": "vote", "violation": "violate", "seizure": "seize", "blockade": "blockade",
                 "aggression": "attack", "provocation": "provoke", "escalation": "escalate", "declaration": "declare",
                 "incursion": "intrude", "intervention": "intervene", "interference": "interfere",
                 "annexation": "annex",
                 "occupation": "occupy", "expansion": "expand", "enlargement": "enlarge", "bombing": "bomb",
                 "shelling": "shell", "expulsion": "expel", "arrest": "arrest", "detention": "detain",
                 "killing": "kill", "assassination": "assassinate", "capture": "capture", "closure": "close",
                 "withdrawal": "withdraw", "execution": "execute", "abduction": "abduct", "kidnapping": "kidnap",
                 "bombardment": "bombard", "raid": "raid", "sinking": "sink", "imposition": "impose",
                 "intrusion": "intrude", "encroachment": "encroach", "infiltration": "infiltrate",
                 "burning": "burn", "desecration": "desecrate", "shooting": "shoot", "downing": "shoot down",
                 "destruction": "destroy", "murder": "murder", "persecution": "persecute", "harassment": "harass",
                 "interception": "intercept"}
# Verbs of a nominal act that take the noun itself as their object ("exercises" -> "hold exercises").
LIGHT_VERBS = frozenset({"hold"})
# Acts whose nominal takes its object with "on" / "against" but whose verb takes it directly.
TRANSITIVE_ACTS = frozenset({"attack", "strike", "invade", "raid", "bombard"})
# Acts whose compound names the means, not the object ("rocket fire", "artillery shelling", "car bombing").
INSTRUMENTED = frozenset({"bomb", "shell", "shoot", "fire", "bombard", "shoot down", "kill", "sink", "burn"})
# The verb that carries out a threatened noun ("threatens X with sanctions" -> "imposes sanctions on X").
NOUN_ACTS = {"sanction": "impose", "sanctions": "impose", "tariff": "impose", "tariffs": "impose", "ban": "impose",
             "bans": "impose", "embargo": "impose", "restrictions": "impose", "war": "wage", "action": "take",
             "measures": "take", "steps": "take", "consequences": "impose", "response": "carry out"}
# Response nouns whose own verb says the act without an object ("a swift response" -> "S will respond swiftly").
ANSWER_VERBS = {"response": "respond", "retaliation": "retaliate", "reprisal": "retaliate", "reprisals": "retaliate",
                "counterattack": "counterattack", "reaction": "react", "counterstrike": "strike back"}
# Nouns of an attempt whose infinitive is the act attempted ("any attempt to cross the line").
# Elliptic conditions that name only a judgement ("if necessary", "if needed", "where appropriate"): the subject
# judges it so. Without this, "if necessary" read as a verb clause gave "Russia will necessary".
JUDGED = frozenset({"necessary", "needed", "required", "possible", "appropriate", "warranted", "justified",
                    "unavoidable", "inevitable"})
RELATIVE = frozenset({"who", "that", "which"})
# Conditions that stand for a clause said before: "if so", "if not".
PRO_CONDITIONS = frozenset({"so", "not"})
MODALS = frozenset({"may", "might", "could", "can", "will", "would", "should", "must", "shall"})
# Prepositions of time and circumstance on a nominal act: not part of the act its clause says.
CIRCUMSTANCE = frozenset({"following", "after", "before", "since", "amid", "despite", "during"})
# Nouns of a hostile act that no single verb says ("the missile barrage", "the rocket fire"): carried out by someone.
HOSTILE_ACTS = frozenset({"barrage", "fire", "offensive", "operation", "operations", "adventure", "misadventure",
                          "aggression", "provocation", "provocations", "incursion", "incursions", "onslaught",
                          "assault", "activities", "hostilities", "campaign", "blockade", "buildup", "build-up"})
# A side's own forces or state, named with a possessive pronoun ("its forces", "our troops", "his country").
OWN_POSSESSIVES = frozenset({"its", "our", "their", "his", "her", "my"})
OWN_FORCES = frozenset({"force", "forces", "troops", "army", "military", "navy", "missiles", "weapons", "country",
                        "nation", "government", "units", "fighters", "artillery", "air", "defences", "defenses"})
MASS_NOUNS = frozenset({"equipment", "ammunition", "aid", "personnel", "artillery", "weaponry", "fuel", "oil", "gas",
                        "grain", "cargo", "nuclear", "air", "ground", "arms", "naval", "military"})
ATTEMPTS = frozenset({"attempt", "effort", "move", "bid", "plan", "step", "decision", "try", "intention"})


def text_of(tokens: Any) -> str:
    """The words of ``tokens`` in text order, without leading connectives and trailing punctuation."""
    toks = sorted((t for t in tokens if not t.is_space), key=lambda t: t.i)
    while toks and (toks[0].lower_ in LEAD and toks[0].dep_ not in {"nsubj", "nsubjpass", "det"} or toks[0].is_punct
                    or toks[0].dep_ == "cc"):
        toks.pop(0)  # a connective, not the subject it may look like ("if that happens": "that happens"; "if and
        # when Russia attacks": "Russia attacks")
    while toks and (toks[-1].is_punct or toks[-1].dep_ == "cc"):
        toks.pop()
    out = ""
    for t, after in zip(toks, [*toks[1:], None][:len(toks)], strict=True):
        out += t.text + (" " if after is not None and after.idx > t.idx + len(t.text) else "")
    out = " ".join(out.replace("\u201c", "").replace("\u201d", "").replace('"', "").split())
    opened = out.rfind("(")
    if opened > 0 and ")" not in out[opened:]:  # a parenthesis the sentence split left open: an aside, cut
        out = out[:opened].rstrip(" ,")
    return out


def third_person(verb: str, plural: bool = False) -> str:
    """The present tense of a base verb for a third-person subject ("host" -> "hosts", "deploy" -> "deploys")."""
    if plural or not verb:
        return verb
    if " " in verb:  # "carry out" -> "carries out"
        first, _, rest = verb.partition(" ")
        return f"{third_person(first)} {rest}"
    if verb == "be":
        return "is"
    if verb == "have":
        return "has"
    if verb.endswith(("s", "sh", "ch", "x", "z", "o")):
        return verb + "es"
    if verb.endswith("y") and len(verb) > 1 and verb[-2] not in "aeiou":
        return verb[:-1] + "ies"
    return verb + "s"


def has_subject(verb: Any) -> bool:
    return any(c.dep_ in {"nsubj", "nsubjpass", "expl", "csubj"} for c in verb.children)


def is_plural(tokens: Any) -> bool:
    toks = list(tokens)
    return any(t.dep_ == "conj" for t in toks) or any(t.tag_ in {"NNS", "NNPS"} and t.dep_ in {"nsubj", "dobj", "pobj"}
                                                      for t in toks[-1:]) or \
        (len(toks) == 1 and toks[0].lower_ in {"we", "they", "i", "you"})


def clause(verb: Any, subject: str, plural: bool = False, drop: frozenset[Any] = frozenset()) -> str:
    """The clause of ``verb`` (the head of an "if"/"that" clause or of an infinitive), given a ``subject`` when
    the text leaves it understood, without the tokens in ``drop``. An infinitive takes "will": "threatens to
    close X" -> "S will close X"; a bare participle is passive: "if provoked" -> "S is provoked"."""
    body = [t for t in verb.subtree if (t.dep_ not in {"mark"} or t.head != verb) and t not in drop]
    if verb.lower_ in PRO_CONDITIONS and all(t == verb or t.dep_ == "mark" for t in verb.subtree):
        return antecedent(verb)  # "If so, ..." is no clause of its own: "X will so" said nothing
    if verb.tag_ in {"NNS", "VBZ"} and verb.pos_ == "NOUN" and any(c.dep_ in {"compound", "nmod"} and c.i < verb.i
                                                                   for c in verb.children):
        return text_of(body)  # "if ECOWAS intervenes": a verb read as a plural noun, its subject as a compound
    if text_of(body).lower() == "need be" and subject:  # "if need be": as "if necessary", the subject judges it so
        return f"{subject} {third_person('judge', plural)} it necessary"
    own = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if own is not None and verb.tag_ == "VBG" and not any(c.dep_ in {"aux", "auxpass"} for c in verb.children) \
            and own.i < verb.i:  # "anybody violating the law" (a gerund with its subject) -> "anybody violates it"
        rest = text_of([t for t in body if t.i > verb.i])
        return f"{text_of(own.subtree)} {third_person(verb.lemma_, is_plural(list(own.subtree)))} {rest}".strip()
    if has_subject(verb):
        return text_of(body)
    marked = any(c.dep_ == "mark" and c.lower_ in {"if", "unless", "when"} for c in verb.children)
    if verb.lower_ in JUDGED and subject and all(t == verb or t.dep_ in {"mark", "advmod"} for t in verb.subtree):
        adverbs = " ".join(t.lower_ for t in verb.subtree if t.dep_ == "advmod" and t.head == verb)
        return f"{subject} {third_person('judge', plural)} it {adverbs + ' ' if adverbs else ''}{verb.lower_}"
    if (verb.tag_ == "VBN" or (marked and verb.tag_ == "VBD")) and subject and not any(
            c.dep_ in {"aux", "auxpass"} for c in verb.children):
        negs = [c for c in verb.children if c.dep_ == "neg"]
        be = ("are" if plural else "is") + (" not" if negs else "")
        return f"{subject} {be} {text_of([t for t in body if t not in negs])}"
    rest = text_of([t for t in body if not (t.dep_ == "aux" and t.lower_ == "to" and t.head == verb)])
    if verb.tag_ == "VBG":
        first, _, tail = rest.partition(" ")
        return f"{subject} {third_person(verb.lemma_, plural)}{' ' + tail if tail else ''}"
    return f"{subject} will {rest}" if subject else rest


def antecedent(pro: Any) -> str:
    """The clause an anaphoric condition stands for: "Russia may invade Ukraine. If so, ..." -> "Russia invades
    Ukraine", "If not, ..." -> "Russia does not invade Ukraine", read off the sentence before in the same text;
    empty when there is none (a condition that cannot be read is no clause, never "Russia will so")."""
    start = pro.sent.start
    if start == 0:
        return ""
    root = pro.doc[start - 1].sent.root
    subject = next((c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or root.pos_ not in {"VERB", "AUX"}:
        return ""
    if pro.lower_ == "not":  # "Iran must stop enrichment. If not, ..." -> "Iran does not stop enrichment"
        return unmet(root) or negated(root).rstrip(" .!")
    modals = {c for c in root.children if c.dep_ == "aux" and c.lower_ in MODALS}
    words = [t for t in root.subtree if t not in modals and not t.is_punct]
    if modals and root.tag_ == "VB" and not any(c.dep_ in {"aux", "auxpass"} and c not in modals
                                                for c in root.children):
        said = third_person(root.lemma_, is_plural(list(subject.subtree)))  # "may invade" -> "invades"
        return " ".join(said if t == root else t.text for t in words)
    return text_of(words)


def unmet(verb: Any) -> str:
    """The demand of "X must <act>, otherwise / or ..." unmet: "the militants must leave the city" -> "the
    militants do not leave the city"; empty when ``verb`` has no subject of its own."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return ""
    skip = set(subj.subtree) | {c for c in verb.children if c.dep_ in {"aux", "neg", "cc", "conj", "advmod", "punct"}
                                and (c.dep_ != "advmod" or c.lower_ in {"otherwise", "else"})}
    skip |= {t for c in verb.children if c.dep_ == "conj" for t in c.subtree}
    rest = text_of([t for t in verb.subtree if t not in skip and t != verb and t.i > verb.i])
    plural = is_plural(list(subj.subtree))
    return f"{text_of(subj.subtree)} {'do' if plural else 'does'} not {verb.lemma_} {rest}".strip()


def negated(verb: Any) -> str:
    """The clause of ``verb`` negated, for the trigger of "unless X": "it receives a ransom" -> "it does not
    receive a ransom"."""
    words = [t for t in verb.subtree if not (t.dep_ == "mark" and t.head == verb)]
    aux = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    negs = [c for c in verb.children if c.dep_ == "neg"]
    if negs:  # "unless it does not X" -> "it does X"
        return text_of([t for t in words if t not in negs])
    out: list[str] = []
    for t in sorted(words, key=lambda t: t.i):
        if aux and t == aux[0]:
            out.append(f"{t.text} not")
        elif not aux and t == verb and verb.lemma_ == "be":
            out.append(f"{t.text} not")
        elif not aux and t == verb:
            do = "do" if verb.tag_ in {"VBP", "VB"} else "did" if verb.tag_ == "VBD" else "does"
            out.append(f"{do} not {verb.lemma_}")
        else:
            out.append(t.text)
    return " ".join(w for w in out if w not in LEAD or out.index(w) > 0).strip(" ,")


def nominal(head: Any, agent: str | None) -> str | None:
    """The clause a nominalised act stands for: "any use of X against Y" -> "<agent> uses X against Y"; the
    possessor or a "by" phrase names the agent when the text gives it. None when ``head`` is not one."""
    verb = NOMINAL_VERBS.get(head.lemma_.lower()) or NOMINAL_VERBS.get(head.lower_)  # "shelling" lemmatised "shell"
    if verb is None:
        return attempted(head, agent)
    poss = [c for c in head.children if c.dep_ == "poss"]
    by = [t for c in head.children if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by")
          for t in c.subtree]
    who = text_of(by[1:]) if by else (agent if poss and poss[0].lower_ in {"its", "their", "his", "her"} else
                                      text_of(poss[0].subtree).removesuffix("'s").removesuffix("’s").rstrip("'’ ")
                                      if poss else actor_modifier(head) or agent)
    if not who:
        return None
    rest = []
    for c in head.children:
        if c.i < head.i or c in by or c.dep_ == "poss" or c.lower_ in CIRCUMSTANCE:
            continue  # "incursions following the raid": when, not what, is done
        if c.dep_ == "prep" and (c.lower_ == "of" or (c.lower_ == "to" and verb == "threaten") or (
                c.lower_ in {"on", "against"} and verb in TRANSITIVE_ACTS)):  # "attack on Guam": "attacks Guam"
            rest.append(text_of([t for t in c.subtree if t != c]))
        elif c.dep_ in {"prep", "acl", "amod"} and not (c.dep_ == "prep" and c.lower_ == "by"):
            said = text_of(c.subtree)  # keeps its preposition: "deployment of troops in X" -> "deploys troops in X"
            if c.dep_ == "acl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
                said = f"to {said}"  # "failure to comply" -> "fails to comply"
            rest.append(f"{c.text} {said}" if c.dep_ == "prep" and not said.startswith(c.text) else said)
    mods = [c for c in head.children if c.i < head.i and c.dep_ == "amod" and c.lower_ in {"further", "new"}]
    objects = [c for c in head.children if c.i < head.i and c.dep_ == "compound" and c.pos_ == "NOUN"
               and not c.ent_type_ and verb not in LIGHT_VERBS | TRANSITIVE_ACTS | INSTRUMENTED
               and c.text not in who.split()]  # not "a missile attack", "a drone strike": the means, not the object
    if objects and not any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children):
        # "the North's balloon launches" -> "the North launches balloons"; "any arms sales to Taiwan"
        rest.insert(0, " ".join([*(text_of(c.subtree) for c in objects[:-1]), _plural_noun(objects[-1])]))
    if verb in LIGHT_VERBS:  # "the two nations' annual joint exercise" -> "the two nations hold annual joint exercise"
        agent_words = {t for c in head.children if c.dep_ == "poss" or c.text in who.split() for t in c.subtree}
        mods = [t for c in head.children if c.i < head.i and c.dep_ in {"amod", "compound", "nummod"}
                and c not in agent_words for t in c.subtree] + [head]
    words = " ".join(r for r in rest if r)
    plural = who.lower() in {"they", "we"} or " and " in who or bool(poss and poss[0].tag_ in {"NNS", "NNPS"}) or \
        (bool(by) and is_plural(by[1:]))  # "any incursion by foreign troops" -> "foreign troops intrude"
    return " ".join(x for x in (who, third_person(verb, plural), " ".join(m.text for m in mods), words) if x)


def _plural_noun(noun: Any) -> str:
    """A compound noun as the object of its act, plural where it counts things ("balloon launches" -> "balloons",
    "troop deployment" -> "troops"); mass nouns as written ("arms")."""
    text: str = noun.text
    if noun.tag_ in {"NNS", "NNPS"} or text.endswith("s") or noun.lemma_.lower() in MASS_NOUNS:
        return text
    return text[:-1] + "ies" if text.endswith("y") and text[-2:-1] not in "aeiou" else text + "s"


def attempted(head: Any, agent: str | None) -> str | None:
    """The act an attempt noun names in its infinitive: "any attempt to cross the line" -> "<agent> crosses the
    line", "any move by Kyiv to join NATO" -> "Kyiv joins NATO". None when ``head`` is not one."""
    act = next((c for c in head.children if c.dep_ in {"acl", "relcl"} and c.pos_ in {"VERB", "AUX"} and any(
        a.dep_ == "aux" and a.lower_ == "to" for a in c.children) and not has_subject(c)), None)
    if head.lemma_.lower() not in ATTEMPTS or act is None:
        return None
    by = next((o for c in head.children if c.dep_ == "prep" and c.lower_ == "by" for o in c.children
               if o.dep_ == "pobj"), None)
    who = text_of(by.subtree) if by is not None else agent
    if not who:
        return None
    rest = text_of([t for t in act.subtree if t.i > act.i])
    plural = who.lower() in {"they", "we"} or (by is not None and is_plural(list(by.subtree)))
    return f"{who} {third_person(act.lemma_, plural)} {rest}".strip()


def actor_modifier(head: Any) -> str | None:
    """The actor a modifier of a nominalised act names as its agent: "Indian aggression" -> "the Indian side",
    "a NATO deployment" -> "NATO"; None without one. A nationality adjective becomes "the <adjective> side", which
    the threat's finishing turns into the country's name."""
    for c in _modifiers(head):
        own = c.head == head
        if c.ent_type_ == "NORP" and c.pos_ in {"ADJ", "PROPN"}:  # "a North Korean test": the whole name
            return f"the {_entity(c)} side"  # "a U.S. attack": the U.S. side, named as the gazetteer names it
        if own and c.ent_type_ == "GPE" and c.dep_ == "compound" and len(list(c.subtree)) == 1:
            return f"the {c.text} side"  # not a place on a compound noun ("a Kursk border incursion": where)
        named = {"GPE", "ORG"} if own else {"ORG"}
        if c.dep_ in {"compound", "nmod"} and c.pos_ == "PROPN" and c.ent_type_ in named:
            return text_of(c.subtree)
    return None


def _modifiers(head: Any) -> list[Any]:
    """The modifiers before a noun, then those of the common nouns compounded with it: in "a DPRK missile launch"
    the name modifies "missile", yet names who launches."""
    own = [c for c in head.children if c.i < head.i and c.dep_ in {"amod", "compound", "nmod"}]
    return own + [m for c in own if c.dep_ == "compound" and c.pos_ == "NOUN" and not c.ent_type_
                  for m in _modifiers(c)]


def _entity(token: Any) -> str:
    """The text of the named entity ``token`` is part of ("North" or "Korean" -> "North Korean"), else its own."""
    span = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    return str(span.text) if span is not None else str(token.text)


def carried_out(noun: Any) -> str | None:
    """A noun of an act that no verb stands for, as "<agent> carries out <noun>", when a modifier names the agent
    or "any" makes it anyone's: "any Indian misadventure across the border" -> "the Indian side carries out
    misadventure across the border". None otherwise."""
    who = actor_modifier(noun)
    anyone = any(d.lower_ == "any" and d.dep_ == "det" for d in noun.children)
    if who is None and not anyone:
        return None
    drop = {t for c in [*noun.children, *_modifiers(noun)] if c.i < noun.i and (c.lower_ == "any" or (
        c.dep_ in {"amod", "compound", "nmod"} and c.ent_type_ in {"NORP", "GPE", "ORG"})) for t in c.subtree}
    said = text_of([t for t in noun.subtree if t not in drop])
    verb = third_person(NOUN_ACTS.get(noun.lower_, "carry out"))  # "any new tariffs": anyone imposes new tariffs
    return f"{who or 'anyone'} {verb} {said}" if said else None


def act_of_noun(noun: Any, subject: str, target: str | None, drop: frozenset[Any] = frozenset()) -> str:
    """The clause of a threatened noun: "threatens Japan with a nuclear strike" -> "S will carry out a nuclear
    strike against Japan"; "with sanctions" -> "S will impose sanctions on X"; without the tokens in ``drop``
    (a trigger said inside the noun phrase)."""
    answered = _answered_as_verb(noun, subject, drop)
    if answered:
        return answered
    verb = NOUN_ACTS.get(noun.lower_, NOUN_ACTS.get(noun.lemma_.lower(), "carry out"))
    tail = {t for c in noun.children if c.dep_ == "prep" and c.i > noun.i for t in c.subtree if t not in drop}
    np = text_of([t for t in noun.subtree if t not in tail and t not in drop])
    prep = "on" if verb == "impose" else "against"
    words = [subject, "will", verb, np, *([prep, target] if target else []), _phrases(tail)]
    return " ".join(w for w in words if w)


def _phrases(tokens: set[Any]) -> str:
    """Prepositional phrases as text, their first preposition kept where ``text_of`` would take it for a
    connective: "air strikes in Kosovo" keeps "in Kosovo", not "Kosovo"."""
    said = text_of(tokens)
    first = min(tokens, key=lambda t: t.i, default=None)
    if first is not None and first.dep_ == "prep" and said and not said.startswith(first.text):
        return f"{first.text} {said}"
    return said


def done(noun: Any, hostile: bool = False) -> str:
    """A noun of an act that a response answers, done by someone: "in response to new sanctions" -> "someone
    imposes new sanctions on <issuer>", "in case of a military takeover" -> "someone carries out a military
    takeover". Empty for a pronoun or a name, and with ``hostile`` for a noun of no hostile act ("the letter")."""
    if noun.pos_ != "NOUN" or noun.ent_type_ or (hostile and noun.lemma_.lower() not in HOSTILE_ACTS):
        return ""
    verb = NOUN_ACTS.get(noun.lower_, NOUN_ACTS.get(noun.lemma_.lower(), "carry out"))
    said = text_of([t for t in noun.subtree if t not in instrument(noun)])
    first, _, rest = verb.partition(" ")
    return " ".join(w for w in ("someone", third_person(first), rest, said, "on " + ISSUER if verb == "impose" else "")
                    if w)


def instrument(noun: Any) -> set[Any]:
    """The "with" phrase the parser hung on an answered noun, which says how the answer is given ("respond to the
    sanctions with a nuclear test"): not part of the act answered."""
    return {t for c in noun.children if c.dep_ == "prep" and c.lower_ == "with" for t in c.subtree}


def doing_np(noun: Any) -> str | None:
    """A noun phrase with a present participle as a clause: "any ship heading to Israeli ports" -> "a ship heads
    to Israeli ports". None without one."""
    doing = next((c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBG"), None)
    if doing is None:
        return None
    rest = text_of([t for t in doing.subtree if t.i >= doing.i]).partition(" ")[2]  # keeps a leading "to"
    det = "an" if noun.lower_[:1] in "aeiou" else "a"
    who = f"{det} {noun.text}" if noun.tag_ == "NN" else noun.text
    return f"{who} {third_person(doing.lemma_, noun.tag_ in {'NNS', 'NNPS'})} {rest}".strip()


def act_np(subject: list[Any]) -> str:
    """A subject that names an act of someone's as a clause: "the drills" -> "someone holds the drills", "the
    deployment of missiles" -> "someone deploys missiles"; empty for a name, a pronoun or a noun of no act."""
    head = next((t for t in subject if t.head not in subject or t.head == t), None)
    misread = head is not None and head.pos_ == "VERB" and head.dep_ in {"nsubj", "nsubjpass"}  # "strikes on X"
    if head is None or (head.pos_ != "NOUN" and not misread) or head.ent_type_:
        return ""
    return nominal(head, "someone") or continued(head)


# Modifiers that say an act goes on: "continued violence" is the condition "violence continues".
CONTINUING = frozenset({"continued", "continuing", "ongoing", "persistent", "persisting", "further", "renewed"})


# Nouns of a course of action that a threat "over" it wants ended: the condition is that it goes on.
ONGOING = frozenset({"crackdown", "violence", "repression", "abuses", "fighting", "unrest", "policy", "policies",
                     "program", "programme", "activities", "campaign", "presence", "detention", "blockade",
                     "occupation", "construction", "settlements", "treatment", "persecution", "crisis", "standoff",
                     "restrictions", "sanctions", "embargo", "ban", "tariffs"})


def going_on(noun: Any) -> str:
    """ "threatens sanctions over the crackdown on protesters" -> "the crackdown on protesters continues"; empty
    for a noun of no course of action."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in ONGOING and noun.lower_ not in ONGOING:
        return ""
    return f"{text_of(noun.subtree)} {'continue' if noun.tag_ in {'NNS', 'NNPS'} else 'continues'}"


def continued(noun: Any) -> str:
    """ "continued violence" -> "violence continues", "further provocations" -> "provocations continue"; empty
    without such a modifier."""
    mods = [c for c in noun.children if c.dep_ == "amod" and c.lower_ in CONTINUING and c.i < noun.i]
    if not mods:
        return ""
    said = text_of([t for t in noun.subtree if t not in mods and not (t.dep_ == "det" and t.head == noun)])
    return f"{said} {'continue' if noun.tag_ in {'NNS', 'NNPS'} else 'continues'}"


def passive_np(noun: Any) -> str | None:
    """A noun phrase with a participle as a clause: "a conference held in Washington" -> "a conference is held in
    Washington". None without one."""
    part = next((c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"), None)
    if part is None:
        return None
    head = text_of([t for t in noun.subtree if t not in set(part.subtree)])
    be = "are" if noun.tag_ in {"NNS", "NNPS"} else "is"
    return f"{head} {be} {text_of(part.subtree)}"


def reduced_passive(noun: Any) -> str:
    """A reduced relative the parser read as a clause with the noun as its subject: "jail any spies caught
    gathering information" (parsed "spies caught ...") -> "spies are caught gathering information". A past
    participle with no auxiliary and no object of its own; empty otherwise."""
    part = noun.head
    if part.tag_ not in {"VBN", "VBD"} or part.dep_ not in {"ccomp", "xcomp", "advcl", "conj"} or any(
            c.dep_ in {"aux", "auxpass", "dobj", "mark"} for c in part.children):
        return ""
    head = text_of([t for t in noun.subtree if not (t.head == noun and t.lower_ == "any")])
    rest = text_of([t for t in part.subtree if t not in set(noun.subtree)])
    return f"{head} {'are' if noun.tag_ in {'NNS', 'NNPS'} else 'is'} {rest}"


def adverb(adjective: Any) -> str | None:
    """The manner adverb of an adjective of degree or manner: "swift" -> "swiftly", "military" -> "militarily",
    "drastic" -> "drastically"; None for a participle ("crushing"), a nationality or a relational adjective
    ("nuclear")."""
    word = str(adjective.lower_)
    if adjective.tag_ not in {"JJ", "JJR"} or adjective.ent_type_ or not word.isalpha() or word.endswith(("ar", "ly")):
        return None
    if word.endswith("ic"):
        return word + "ally"
    if word.endswith("y") and len(word) > 3:
        return word[:-1] + "ily"
    if word.endswith("le") and word[-3] not in "aeiou":
        return word[:-1] + "y"
    if word.endswith("ll"):
        return word + "y"
    return word + "ly"


def _answered_as_verb(noun: Any, subject: str, drop: frozenset[Any]) -> str:
    """A response noun said as its verb: "a swift and decisive response" -> "S will respond swiftly and
    decisively", "retaliation" -> "S will retaliate"; empty when the noun has another verb or a modifier no adverb
    says ("a nuclear response")."""
    verb = ANSWER_VERBS.get(noun.lower_) or ANSWER_VERBS.get(noun.lemma_.lower())
    if verb is None:
        return ""
    before = [c for c in noun.children if c.i < noun.i and c not in drop]
    if any(c.dep_ not in {"det", "amod"} or (c.dep_ == "det" and c.lower_ not in {"a", "an", "the", "any"})
           for c in before):
        return ""
    ways: list[str] = []
    for c in before:
        if c.dep_ != "amod":
            continue
        for m in [c, *(x for x in c.subtree if x.dep_ == "conj")]:
            said = adverb(m)
            if said is None:
                return ""
            ways.append(said)
    manner = " and ".join([", ".join(ways[:-1]), ways[-1]]) if len(ways) > 1 else "".join(ways)
    tail = []
    for c in noun.children:
        if c.i > noun.i and c not in drop:  # each phrase keeps its preposition: "respond to the accession"
            said = text_of([t for t in c.subtree if t not in drop])
            tail.append(f"{c.text} {said}" if c.dep_ == "prep" and said and not said.startswith(c.text) else said)
    return " ".join(w for w in (subject, "will", verb, manner, *tail) if w)


SELF_GROUPS = frozenset({"group", "movement", "militia", "organisation", "organization"})


def own_force(subject: list[Any]) -> bool:
    """Whether a subject is a side's own forces or state named by a possessive pronoun ("its forces", "our
    nuclear forces", "his country"), or the speaker's own group ("the group", "the movement")."""
    head = next((t for t in subject if t.head not in subject or t.head == t), None)
    if [t.lower_ for t in subject][:1] == ["the"] and len(subject) == 2 and subject[1].lower_ in SELF_GROUPS:
        return True  # "a Taliban commander said the group would attack ...": the speaker's own group
    return head is not None and len(subject) <= 4 and head.lower_ in OWN_FORCES and any(
        t.dep_ == "poss" and t.lower_ in OWN_POSSESSIVES and t.head == head for t in subject)


def relative_act(rel: Any) -> str:
    """The act a relative clause on an object states as a clause: "any aircraft that enters the zone" -> "an
    aircraft enters the zone", "anyone who engages with X" -> "anyone engages with X". Empty when the relative
    pronoun is not the act's subject."""
    head = rel.head
    words = [d for d in head.children if d.dep_ == "det"]
    det = "an" if head.lower_[:1] in "aeiou" else "a"
    who = f"{det} {head.text}" if words and words[0].lower_ == "any" and head.tag_ == "NN" else head.text
    if any(c.dep_ == "nsubj" and c.lower_ in RELATIVE for c in rel.children):
        return f"{who} {text_of([x for x in rel.subtree if x.lower_ not in RELATIVE or x.head != rel])}"
    return judged_act(rel, who)


# Verbs by which a side judges what something does ("any target that we deem to be threatening our troops").
JUDGING = frozenset({"deem", "consider", "judge", "regard", "believe", "find", "see", "suspect", "perceive"})


def judged_act(rel: Any, who: str) -> str:
    """The act of a relative clause of judgement, said of its noun: "any target that we deem to be threatening X"
    -> "a target threatens X", "any ship that we consider hostile" -> "a ship is hostile". Empty otherwise."""
    if rel.lemma_ not in JUDGING:
        return ""
    act = next((c for c in rel.children if c.dep_ in {"xcomp", "ccomp", "oprd"}), None)
    if act is None or not any(t.lower_ in RELATIVE and t.dep_ in {"dobj", "nsubj", "nsubjpass"}
                              for t in [*rel.children, *act.children]):
        return ""
    plural = rel.head.tag_ in {"NNS", "NNPS"}
    if act.pos_ in {"VERB"} and act.lemma_ != "be":
        rest = text_of([t for t in act.subtree if t.i > act.i])
        return f"{who} {third_person(act.lemma_, plural)} {rest}".strip()
    rest = text_of([t for t in act.subtree if not (t.head == act and (t.dep_ in {"aux", "nsubj", "dobj"}
                                                                      or t.lower_ in RELATIVE)) and t != act])
    said = text_of([act]) if act.lemma_ != "be" else ""
    return " ".join(w for w in (who, "are" if plural else "is", said, rest) if w)
