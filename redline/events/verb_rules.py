"""The verb coder as an ordered table of declared rules (``redline.events.rules``) over one verb's draft.

`code_verb` reads the verb (``verb_draft.draft_of``), runs the rules that read the verb alone (`VERB_RULES`),
builds the clause record once and looks up the code (``verb_draft.look_up``), runs the rules on the code, the
parties and the modality (`CODE_RULES`) in order of priority, and builds the event. `RULES` is the whole table;
the bodies are in ``verb_rule_bodies``. Each rule's examples run as tests (``tests/test_events_rules.py``);
``tools/rule_report.py`` prints the rules that fire on each example. ``docs/rules.md`` tells how to add one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from redline.events import verb_rule_bodies as b
from redline.events.actors import MentionIndex
from redline.events.lexicon import VerbLexicon
from redline.events.rules import Example, Rule, Trace, apply, codes, find_word, table
from redline.events.verb_draft import draft_of, look_up
from redline.models import Analysis, Event

__all__ = ["CODE_RULES", "RULES", "VERB_RULES", "code_verb", "trace_verb"]


def code_verb(verb: Any, index: MentionIndex, lexicon: VerbLexicon, analysis: Analysis,
              recode: Callable[[Any], Event | None]) -> Event | None:
    """The event a verb codes, or None when a veto fires; ``recode`` is the whole verb coder, which a rule may
    ask about another verb ("vowed to fight": the complement carries the event)."""
    d = draft_of(verb, index, lexicon, analysis, recode)
    if not apply(VERB_RULES, d):
        return None
    look_up(d)
    return d.event() if apply(CODE_RULES, d) else None


def trace_verb(verb: Any, index: MentionIndex, lexicon: VerbLexicon, analysis: Analysis,
               recode: Callable[[Any], Event | None]) -> tuple[Event | None, Trace]:
    """`code_verb` with every rule run and recorded, also past a veto: the event (None when vetoed) and the
    trace of the rules that fired."""
    trace = Trace()
    d = draft_of(verb, index, lexicon, analysis, recode)
    apply(VERB_RULES, d, trace)
    look_up(d)
    coded = apply(CODE_RULES, d, trace)
    return (d.event() if coded else None), trace


def trace_word(analysis: Analysis, word: str) -> tuple[str, Trace]:
    """Trace the verb coder on the first token of the analysed text that reads ``word``: what it codes, as an
    `Example` writes it ("ROOT SOURCE TARGET", "" for nothing), and the trace of the rules that fired."""
    tok = find_word(analysis.doc, word)
    from redline.events import _verb_event  # the whole coder, for the rules that ask about another verb

    index, lexicon = MentionIndex(analysis.doc, analysis.mentions), VerbLexicon.load()
    event, trace = trace_verb(tok, index, lexicon, analysis, lambda other: _verb_event(other, index, lexicon, analysis))
    return codes([event] if event else []), trace


VERB_RULES = table(  # read the verb alone: before the lexicon lookup
    Rule('not-a-verb', 10, 'veto',
         "commit bafe3d4: Coder: an adjectival participle ('the drought-hit state',...",
         (Example('The talks were fruitful.', 'fruitful', ''),),
         b.not_a_verb),
    Rule('skipped-lemma', 20, 'veto',
         'commit 557fe93: Coder: verbs skipped as too general (take, make, begin, start,...',
         (Example('The minister said the talks went well.', 'said', ''),),
         b.skipped_lemma),
    Rule('adjectival-participle', 30, 'veto',
         "commit bafe3d4: Coder: an adjectival participle ('the drought-hit state',...",
         (Example('Aid reached the drought-hit state.', 'hit', ''),
          Example('Aid reached the drought-stricken provinces.', 'stricken', '')),
         b.adjectival_participle),
    Rule('transferred-complement', 40, 'veto',
         'commit 8c5776e: nlp claims/modality/conditionals, event coder, threats,...',
         (Example('Russia threatened to cut gas supplies to Ukraine.', 'cut', ''),),
         b.transferred_complement),
    Rule('governed', 50, 'veto',
         'commit 5db2682: Coder: compound subjects coded per member (reciprocal when no...',
         (Example('Turkey offered to negotiate with Armenia.', 'negotiate', ''),
          Example('Egypt called on Arabs to unite and mobilize.', 'mobilize', '')),
         b.governed),
    Rule('complement-carries', 60, 'veto',
         "commit 905cc40: Coder: a verb of decision ('decided to lift the curfew', 'voted to...",
         (Example('Serbia decided to lift the curfew in Montenegro.', 'decided', ''),),
         b.complement_carries),
)

CODE_RULES = table(  # read the code, the parties and the modality: after the lookup
    Rule('falling', 100, 'veto',
         'commit e51ea81: Coder: DECLINE with no object and no complement reports a fall...',
         (Example("Japan's population continues to decline.", 'decline', ''),),
         b.falling),
    Rule('naming', 110, 'rewrite',
         'commit d749f31: Coder: a verb of naming (call, label, brand, dub, term) with an...',
         (Example('The minister called the allegations baseless.', 'called', ''),
          Example('Iran called the American president a liar.', 'called', '11 IRN USA-GOV')),
         b.naming),
    Rule('null-pattern', 120, 'veto',
         'commit f37adf1: lexicon: compile CAMEO null patterns ([---]) and let them stop the...',
         (Example('Two soldiers were killed in an accident.', 'killed', ''),),
         b.null_pattern),
    Rule('stative-code', 130, 'rewrite',
         'commit a5aadf3: Coder: tighten the recall mechanisms after reading their new...',
         (Example('Israel is opposed to French mediation.', 'opposed', '12 ISR FRA'),),
         b.stative_code),
    Rule('force-posture', 140, 'rewrite',
         "commit 5cef190: Coder: preparing to use force ('forces are preparing to attack...",
         (Example('Russian forces are preparing to attack Kharkiv.', 'preparing', '15 RUS-MIL UKR'),),
         b.force_posture),
    Rule('refusal', 150, 'rewrite',
         "commit 7ea35ee: Coder: a negated acceptance ('would not accept', 'did not meet...",
         (Example('Serbia would not accept the plan.', 'accept', '12 SRB -'),
          Example('Iran did not meet the demands of the United States.', 'meet', '12 IRN USA')),
         b.refusal),
    Rule('no-code', 160, 'veto',
         'commit cdef797: Sources, ingest with exact input errors, brief renderers and JSON...',
         (Example('The minister walked to the car.', 'walked', ''),),
         b.no_code),
    Rule('gathering-with-object', 170, 'veto',
         "commit ec7032d: events: rallying or marching someone is no demonstration ('rallied...",
         (Example('Zelensky rallied the world to stand with Ukraine.', 'rallied', ''),
          Example('The guards marched the prisoners to the camp.', 'marched', '')),
         b.gathering_with_object),
    Rule('release-of-nothing', 180, 'veto',
         "commit 8970687: Coder: a bare 'release' (CAMEO 084) frees someone only with an...",
         (Example('A report, released this month by the OECD, found slow growth.', 'released', ''),),
         b.release_of_nothing),
    Rule('peacekeepers-arrive', 190, 'rewrite',
         'commit 150c9e9: Coder: peacekeepers who arrive or visit (CAMEO 040/042/043) are...',
         (Example('UN peacekeeping troops arrived in Bosnia.', 'arrived', '07 UN BIH'),
          Example('UN peacekeepers visited Kosovo on Monday.', 'visited', '07 UN XKX')),
         b.peacekeepers_arrive),
    Rule('posture-target', 210, 'rewrite',
         "commit 5cef190: Coder: preparing to use force ('forces are preparing to attack...",
         (Example('Russian forces are preparing to attack Kharkiv.', 'preparing', '15 RUS-MIL UKR'),),
         b.posture_target),
    Rule('purpose-of-transfer-target', 220, 'rewrite',
         "commit 23c9963: Coder: an infinitive of purpose under a sending verb ('sent...",
         (Example('France sent experts to Bosnia to investigate.', 'investigate', '09 FRA BIH'),),
         b.purpose_of_transfer_target),
    Rule('governing-xcomp-target', 230, 'rewrite',
         'commit 202ccdd: Tests for eval readers, scorers, floors and CLI; coder tests;...',
         (Example('Putin offered to negotiate with Armenia.', 'offered', '03 RUS-GOV ARM'),),
         b.governing_xcomp_target),
    Rule('governing-ccomp-target', 240, 'rewrite',
         'commit da54ff9: Coder: a demand, appeal or agreement with a that-clause targets...',
         (Example('The United States demanded that China drop its trade barriers.', 'demanded', '10 USA CHN'),),
         b.governing_ccomp_target),
    Rule('consequence-gerund-target', 250, 'rewrite',
         "commit 734bf1a: Coder: a participle of consequence ('..., killing 50') with no...",
         (Example('Israeli troops shelled Palestinian camps, killing 50.', 'killing', '19 ISR-MIL PSE'),
          Example('Russian forces shelled Ukrainian towns, killing 12 people.', 'killing', '19 RUS-MIL UKR')),
         b.consequence_gerund_target),
    Rule('grievance-target', 260, 'rewrite',
         'commit 77501fe: Coder: a complaint addressed to a third party targets whom it is...',
         (Example('Lebanon complained to the United Nations over Israeli air raids.',
                  'complained', '11 LBN ISR'),),
         b.grievance_target),
    Rule('defied-target', 270, 'rewrite',
         "commit cc113f8: Coder: a refusal made 'despite' pressure, calls or demands by/from...",
         (Example('The Kenyan minister declined to resign despite pressure from Washington.',
                  'declined', '12 KEN USA-GOV'),),
         b.defied_target),
    Rule('to-the-press', 300, 'veto',
         "commit be0cc7c: events: the subject's relative clause names no actor; a capital...",
         (Example('The President assured journalists that work would continue.', 'assured', ''),),
         b.to_the_press),
    Rule('skipped-root', 310, 'veto',
         'commit 8c5776e: nlp claims/modality/conditionals, event coder, threats,...',
         (Example('The Russian ministry commented on the report.', 'commented', ''),
          Example('Iran declined to comment.', 'declined', '')),
         b.skipped_root),
    Rule('asserting-demand', 320, 'veto',
         "commit 0d70ff2: Coder: 'insist' with a that-clause stating a fact (finite...",
         (Example('Israel insisted that the unrest reflected old feuds.', 'insisted', ''),),
         b.asserting_demand),
    Rule('dying-victims', 330, 'rewrite',
         "commit be0cc7c: events: the subject's relative clause names no actor; a capital...",
         (Example('Two Ukrainian soldiers died in clashes.', 'died', '19 - UKR-MIL'),
          Example('Her father died last week in the village.', 'died', '')),
         b.dying_victims),
    Rule('place-not-perpetrator', 340, 'rewrite',
         'commit cd0960d: events: force with no named perpetrator takes the one its cause...',
         (Example('Bombs in Baghdad kill seven people on Sunday.', 'kill', '19 - IRQ'),
          Example('Militants in Pattani killed two teachers.', 'killed', '19 THA-REB THA')),
         b.place_not_perpetrator),
    Rule('setting-agent', 350, 'rewrite',
         'commit 4b32fa0: Agents: Phoenix agent nouns compiled to data/agents.csv; an...',
         (Example('Protesters blocked roads in Algiers.', 'blocked', '14 DZA DZA'),),
         b.setting_agent),
    Rule('private-statecraft', 360, 'veto',
         'commit 0b68459: Coder: private people (Phoenix CVL/PPL/REF agents, tourists,...',
         (Example('Chinese tourists visited Japan in April.', 'visited', ''),
          Example('Russian tourists travelled to Turkey in May.', 'travelled', '')),
         b.private_statecraft),
    Rule('troops-arrive', 370, 'veto',
         "commit d5c656e: Coder: armed forces that arrive, fly in or travel (CAMEO's visit...",
         (Example('Russian troops arrived in Belarus.', 'arrived', ''),),
         b.troops_arrive),
    Rule('peacekeepers-deploy', 380, 'rewrite',
         "commit d5c656e: Coder: armed forces that arrive, fly in or travel (CAMEO's visit...",
         (Example('UN peacekeeping troops arrived for talks in Kosovo.', 'arrived', '07 UN XKX'),),
         b.peacekeepers_deploy),
    Rule('agentless-passive', 390, 'rewrite',
         'commit 56a32c1: Coder: an agentless passive names its actor by the act - forces...',
         (Example('Two journalists were arrested in Lebanon.', 'arrested', '17 LBN LBN'),
          Example('Russian forces were pulled out of Syria.', 'pulled', '08 RUS-MIL SYR')),
         b.agentless_passive),
    Rule('no-source', 400, 'veto',
         'commit 6a69215: events: an unsourced force verb with a direct object or passive...',
         (Example('A ceasefire was agreed on Sunday.', 'agreed', ''),
          Example('Aid was promised to the region.', 'promised', '')),
         b.no_source),
    Rule('force-needs-a-victim', 410, 'veto',
         'commit 6a69215: events: an unsourced force verb with a direct object or passive...',
         (Example('Her father died last week in the village.', 'died', ''),),
         b.force_needs_a_victim),
    Rule('statement-accuses-no-one', 420, 'veto',
         'commit 13f9100: events: a disapproval (CAMEO 11) with no target and no place is a...',
         (Example('Iran claimed that 55 percent are illiterate.', 'claimed', ''),
          Example('The United States opposed the deployment.', 'opposed', '')),
         b.statement_accuses_no_one),
    Rule('hedged-will', 430, 'rewrite',
         "commit bb2b6f0: events: the complement of a wish or need is hypothetical ('wants...",
         (Example('Russia will likely withdraw its troops from Syria.', 'withdraw', '03 RUS SYR'),),
         b.hedged_will),
    Rule('announced-measure', 440, 'rewrite',
         'commit 1b604ea: Coder: a sanction (CAMEO 16) announced as what the actor will do...',
         (Example('The United States announced it would prohibit all aid to Iran.', 'prohibit', '16 USA IRN'),),
         b.announced_measure),
    Rule('intent', 450, 'rewrite',
         'commit b5b0fd9: Intent and threat: vow/swear/pledge/promise code their complement...',
         (Example('Portugal will support Turkey in the talks.', 'support', '03 PRT TUR'),
          Example('Qatar may halt mediation if cooperation founders.', 'halt', '13 QAT -')),
         b.intent),
    Rule('own-country-relations', 460, 'rewrite',
         'commit 1b604ea: Coder: a sanction (CAMEO 16) announced as what the actor will do...',
         (Example('Russia imposed sanctions on Russian oligarchs.', 'imposed', '16 RUS -'),),
         b.own_country_relations),
    Rule('home-party', 470, 'rewrite',
         'commit 58333f2: Coder: an act on a person or group with no country of its own (an...',
         (Example('Iranian police arrested the opposition leader.', 'arrested', '17 IRN IRN'),
          Example('Turkey detained several workers in Ankara.', 'detained', '17 TUR TUR')),
         b.home_party),
    Rule('home-victims', 480, 'rewrite',
         'commit cd0960d: events: force with no named perpetrator takes the one its cause...',
         (Example('Volunteers were shot dead by suspected militants in Somalia.', 'shot', '19 SOM-REB SOM'),),
         b.home_victims),
    Rule('abroad-party', 490, 'rewrite',
         'commit 856d6f8: Coder: people from elsewhere (diplomats, migrants, refugees,...',
         (Example('Germany deported 100 migrants on Monday.', 'deported', '17 DEU -'),),
         b.abroad_party),
    Rule('session', 500, 'veto',
         'commit d97c9a8: Coder: a single body that meets, convenes or gathers with no one...',
         (Example("Israel's Cabinet met on Sunday morning.", 'met', ''),),
         b.session),
    Rule('caution-to-no-one', 510, 'veto',
         "commit 1fa7ecc: Coder: a warning (warn/caution/alert, CAMEO's unspecified 130)...",
         (Example('The ministry warned against hospital care in Vietnam.', 'warned', ''),),
         b.caution_to_no_one),
)
RULES = VERB_RULES + CODE_RULES
