from __future__ import annotations

from typing import Any

import pytest

from redline.models import Article, Mention
from redline.nlp.modality import find_conditionals
from redline.nlp.quotes import find_claims


def _article(text: str) -> Article:
    return Article("t", "t", text, None, None, None, "en")


def _claims(nlp: Any, text: str) -> list[Any]:
    doc = nlp(text)
    return list(find_claims(doc, _article(text), ()))


def test_quotes_warned_that_gives_speaker_cue_and_content(nlp: Any) -> None:
    text = "Russian officials, including Foreign Ministry spokeswoman Maria Zakharova, have warned that any " \
           "use of these missiles against Russian territory would lead to a direct involvement of the U.S."
    [claim] = _claims(nlp, text)
    assert claim.cue == "warn"
    assert claim.speaker_type == "official"
    assert claim.content.startswith("any use of these missiles")
    assert claim.stance == "threat"
    assert claim.evidence[0].quote == text


def test_quotes_according_to_is_attributed(nlp: Any) -> None:
    text = "According to the Institute for the Study of War, Russian forces advanced near Pokrovsk on Monday."
    claims = _claims(nlp, text)
    assert [(c.cue, c.speaker) for c in claims] == [("according to", "the Institute for the Study of War")]
    assert claims[0].speaker_type == "expert"
    assert "Russian forces advanced near Pokrovsk" in claims[0].content


def test_quotes_experts_note_is_an_expert_assessment(nlp: Any) -> None:
    text = "Experts from the institute note that Moscow has often declared red lines without following through."
    [claim] = _claims(nlp, text)
    assert (claim.speaker_type, claim.stance, claim.cue) == ("expert", "assessment", "note")


def test_quotes_witness_speaker_type(nlp: Any) -> None:
    text = "Witnesses said the gunmen opened fire on passengers before dawn."
    [claim] = _claims(nlp, text)
    assert claim.speaker_type == "witness"
    assert claim.content == "the gunmen opened fire on passengers before dawn"


def test_quotes_sentence_without_speech_has_no_claim(nlp: Any) -> None:
    assert _claims(nlp, "Russian armored vehicles have penetrated the city of Kupiansk.") == []


def test_modality_if_clause_gives_trigger_and_consequence(nlp: Any) -> None:
    text = "If Ukraine strikes deep inside Russia with Western missiles, Moscow will respond with force."
    doc = nlp(text)
    [cond] = find_conditionals(doc, _article(text))
    assert cond.trigger == "Ukraine strikes deep inside Russia with Western missiles"
    assert cond.consequence == "Moscow will respond with force"
    assert text[cond.trigger_span[0]:cond.trigger_span[1]] == cond.trigger


def test_modality_any_x_would_lead_to_y(nlp: Any) -> None:
    text = "He warned that any use of these missiles against Russian territory would lead to a direct " \
           "involvement of the U.S. in the conflict."
    [cond] = find_conditionals(nlp(text), _article(text))
    assert cond.trigger == "any use of these missiles against Russian territory"
    assert cond.consequence == "a direct involvement of the U.S. in the conflict"


def test_modality_of_clauses(nlp: Any) -> None:
    from redline.nlp.modality import sentence_modality

    cases = {
        "Russian troops did not cross the river.": "negated",
        "Russian troops may cross the river soon.": "hedged",
        "Russian troops will cross the river.": "future",
        "Russian troops crossed the river.": "asserted",
    }
    got = {t: sentence_modality(next(nlp(t).sents)) for t in cases}
    assert got == cases


def test_quotes_speaker_keeps_the_title_given_at_first_mention(context: Any) -> None:
    from redline.nlp import analyze

    text = ("Federal lawmaker Dahir Amin Jesow said elders were meeting at the hotel. "
            "Security analyst Kabiru Adamu welcomed the move. "
            "\u201cFive people were killed,\u201d Jesow said. \u201cThe force lacks troops,\u201d said Adamu.")
    claims = analyze(_article(text), context.nlp, context.gazetteer).claims
    assert [(c.speaker, c.speaker_type) for c in claims] == [
        ("Dahir Amin Jesow", "official"), ("Dahir Amin Jesow", "official"), ("Kabiru Adamu", "expert")]


def test_quotes_activist_speaks_as_a_private_person(nlp: Any) -> None:
    text = "Josephine Odumakin, a women's rights activist and president of a charity, said schools are unsafe."
    [claim] = _claims(nlp, text)
    assert claim.speaker_type == "unknown"


def test_quotes_tweeted_is_a_cue_verb(nlp: Any) -> None:
    [claim] = _claims(nlp, "The spokesman tweeted that the convoy had been attacked near the border.")
    assert (claim.cue, claim.speaker_type) == ("tweet", "official")


def test_quotes_negated_reporting_verb_makes_no_claim(nlp: Any) -> None:
    assert _claims(nlp, "The spokesman didn't say what weapons were used in the attack.") == []
    assert _claims(nlp, "The ministry declined to say how many soldiers had died.") == []


def test_quotes_participle_cue_takes_the_speaker_of_its_clause(nlp: Any) -> None:
    text = "The general ordered a counteroffensive, saying that the border had been breached."
    assert [c.speaker for c in _claims(nlp, text)] == ["The general"]
    text = "The minister responded by saying the report was false."
    assert [c.speaker for c in _claims(nlp, text)] == ["The minister"]


def test_quotes_that_clause_hung_on_a_noun_is_the_content(nlp: Any) -> None:
    text = "The president warned in a letter to his counterpart that the army will close the border."
    [claim] = _claims(nlp, text)
    assert claim.content.endswith("the army will close the border")


def test_quotes_heading_and_dateline_are_not_quote_text(nlp: Any) -> None:
    text = "Reaction\nOfficials said the talks would resume on Monday."
    [claim] = _claims(nlp, text)
    assert claim.speaker == "Officials"
    text = "KYIV, Ukraine (AP) \u2014 The mayor said the water supply was restored."
    [claim] = _claims(nlp, text)
    assert claim.speaker == "The mayor"


def test_quotes_a_message_reads_what_follows_the_colon(nlp: Any) -> None:
    [claim] = _claims(nlp, "The message reads, in part: \u201cWe will rebuild every school in the region.")
    assert (claim.speaker, claim.cue) == ("The message", "read")
    assert claim.content.startswith("We will rebuild every school")


def test_quotes_speaker_without_apposition_or_relative_clause(nlp: Any) -> None:
    [claim] = _claims(nlp, "Ana Lopez, the group's spokeswoman, told reporters that the road was closed.")
    assert claim.speaker in {"Ana Lopez"}
    [claim] = _claims(nlp, "A farmer near the border, who asked not to be named, said the soldiers left at dawn.")
    assert claim.speaker == "A farmer near the border"



def test_quotes_who_issues_a_statement_that_says_something_speaks(nlp: Any) -> None:
    [claim] = _claims(nlp, "The Polish defence ministry issued a statement saying that the drone had crossed the "
                         "border.")
    assert claim.speaker == "The Polish defence ministry" and claim.cue == "say"


def test_quotes_a_warning_named_as_a_noun_is_a_claim_of_who_issues_or_contains_it(nlp: Any) -> None:
    [claim] = _claims(nlp, "The Iranian navy issued a warning to all tankers about mines in the strait.")
    assert claim.speaker == "The Iranian navy" and claim.cue == "warn"
    assert _claims(nlp, "The ministry did not issue a warning about the storm.") == []


def test_quotes_what_follows_a_colon_after_the_cue_is_what_was_said(nlp: Any) -> None:
    [claim] = _claims(nlp, "Merkel was on the phone telling them: if you leave the euro, we will not help you.")
    assert claim.speaker == "Merkel"
    assert claim.content == "you leave the euro, we will not help you"


def test_quotes_a_relative_pronoun_speaker_is_its_antecedent(nlp: Any) -> None:
    claims = _claims(nlp, 'The report was doubted by the coastguard, who told reporters: "Nobody left the port."')
    assert [c.speaker for c in claims] == ["the coastguard"]


def test_quotes_the_author_of_a_statement_speaks_and_a_title_gives_way_to_the_name_after_it(nlp: Any) -> None:
    claims = _claims(nlp, "The border was closed, according to a statement issued by the interior minister, "
                          "Maria Lopez.")
    assert [c.speaker for c in claims] == ["Maria Lopez"]


def test_quotes_an_aside_speaks_of_the_clause_it_interrupts(nlp: Any) -> None:
    [claim] = _claims(nlp, "The new bridge, she said, will open to traffic in May.")
    assert claim.speaker == "she" and "will open to traffic in May" in claim.content
    [claim] = _claims(nlp, "As the governor said on Monday, the schools will stay closed until the floods recede.")
    assert claim.speaker == "the governor" and claim.content.startswith("the schools will stay closed")
    assert _claims(nlp, "As I said yesterday, the schools will stay closed.") == []


def test_quotes_telling_about_and_dismissing_are_attributed(nlp: Any) -> None:
    [claim] = _claims(nlp, "The envoy told the council about the talks being held in Doha.")
    assert claim.speaker == "The envoy" and claim.content.startswith("about the talks")
    [claim] = _claims(nlp, 'The army spokesman dismissed the reports of a retreat as "pure fiction".')
    assert claim.speaker == "The army spokesman" and claim.stance == "denial"


def test_quotes_a_person_who_only_qualifies_the_speaker_does_not_speak(nlp: Any) -> None:
    text = "The Obama administration said on Friday that the talks would resume."
    start = text.index("Obama")
    mention = Mention("m1", "Obama", "PERSON", "Barack Obama", "USA-GOV", start, start + 5)
    [claim] = find_claims(nlp(text), _article(text), (mention,))
    assert claim.speaker == "The Obama administration" and claim.speaker_code == "USA-GOV"
    text = "Obama said on Friday that the talks would resume."
    mention = Mention("m1", "Obama", "PERSON", "Barack Obama", "USA-GOV", 0, 5)
    [claim] = find_claims(nlp(text), _article(text), (mention,))
    assert claim.speaker == "Barack Obama"


def test_quotes_a_passive_cue_with_an_agent_is_said_by_the_agent(nlp: Any) -> None:
    [claim] = _claims(nlp, 'The reports of a ceasefire were dismissed by the foreign ministry as "pure invention".')
    assert claim.speaker == "the foreign ministry" and claim.stance == "denial"


def test_quotes_a_document_speaks_for_who_puts_it_out(nlp: Any) -> None:
    claims = _claims(nlp, "The ministry published a document that says that the border will stay closed.")
    assert [c.speaker for c in claims] == ["The ministry"]
    claims = _claims(nlp, "The council adopted a resolution saying that the elections must be held in May.")
    assert [c.speaker for c in claims] == ["The council"]


def test_quotes_an_inquiry_that_finds_something_speaks(nlp: Any) -> None:
    [claim] = _claims(nlp, "A parliamentary inquiry found that the army had shelled the village.")
    assert claim.speaker == "A parliamentary inquiry"
    assert _claims(nlp, "The soldiers found that the village was empty.") == []


def test_quotes_the_person_who_heads_the_speaker_phrase_speaks(nlp: Any) -> None:
    [claim] = _claims(nlp, "Veteran opposition politician Raila Odinga said that the vote had been rigged.")
    assert claim.speaker == "Raila Odinga"


def test_quotes_a_vow_threatens_only_with_a_coercive_act(nlp: Any) -> None:
    [claim] = _claims(nlp, "The prime minister vowed not to return the islands.")
    assert claim.stance != "threat"
    [claim] = _claims(nlp, "The militia vowed to retaliate for the strike.")
    assert claim.stance == "threat"


def test_quotes_a_full_name_as_written_wins_over_another_canonical_form(context: Any) -> None:
    from redline.nlp import analyze

    text = "Secretary of Defense James Mattis says the U.S. will defend Guam. Vladimir Putin said the talks were over."
    claims = analyze(_article(text), context.nlp, context.gazetteer).claims
    assert [c.speaker for c in claims] == ["James Mattis", "Vladimir Putin"]
    text = "Mr Putin said the talks were over."  # a surname alone takes the full canonical name
    assert [c.speaker for c in analyze(_article(text), context.nlp, context.gazetteer).claims] == ["Vladimir Putin"]
    text = "Zelenskyy said the counteroffensive was going to plan."  # a spelling the canonical name lacks
    assert [c.speaker for c in analyze(_article(text), context.nlp, context.gazetteer).claims] == ["Zelenskyy"]


def test_quotes_each_coordinated_speaker_says_it_and_the_addressee_does_not(nlp: Any) -> None:
    claims = _claims(nlp, "Russia and China said they would veto the resolution.")
    assert [c.speaker for c in claims] == ["Russia", "China"]
    claims = _claims(nlp, "France, Germany and Britain said Iran must return to the talks.")
    assert [c.speaker for c in claims] == ["France", "Germany", "Britain"]
    claims = _claims(nlp, "And then both you and the President said today that these sanctions will be in response.")
    assert [c.speaker for c in claims] == ["the President"]
    claims = _claims(nlp, "The leaders of France, Germany and Italy say the sanctions will remain in place.")
    assert [c.speaker for c in claims] == ["The leaders of France, Germany and Italy"]


def test_quotes_a_cue_whose_short_object_is_what_it_speaks_of(nlp: Any) -> None:
    claims = _claims(nlp, "Israel blames Hezbollah for the rocket attack on the Golan Heights.")
    assert [(c.speaker, c.cue, c.stance) for c in claims] == [("Israel", "blame", "accusation")]
    assert claims[0].content == "Hezbollah for the rocket attack on the Golan Heights"
    assert [c.speaker for c in _claims(nlp, "The United Nations expresses concern over the fighting in Darfur.")] \
        == ["The United Nations"]
    assert _claims(nlp, "The minister told reporters.") == []  # a short object of another cue says nothing


def test_quotes_a_headline_cue_the_parser_took_for_a_modifier(nlp: Any) -> None:
    claims = _claims(nlp, "The Taliban claim responsibility for the attack on the army base. (Reuters)")
    assert [(c.speaker, c.cue) for c in claims] == [("The Taliban", "claim")]
    claims = _claims(nlp, "In light of the attacks, the governments of Australia and Canada issue travel warnings "
                          "against going to Mindanao, Philippines.")
    assert [c.speaker for c in claims] and claims[0].speaker.startswith("the governments of Australia")


def test_quotes_he_or_she_stands_for_the_last_person_named_as_a_subject(context: Any) -> None:
    from redline.nlp import analyze

    def speakers(text: str) -> list[str]:
        return [c.speaker for c in analyze(_article(text), context.nlp, context.gazetteer).claims]

    assert speakers("When Biden spoke with Netanyahu on Sunday, he said a ceasefire was needed.") == ["Joe Biden"]
    assert speakers("After meeting Xi Jinping in Beijing, he said the talks had been productive.") == ["he"]
    assert speakers("Asked about Zelensky's remarks, she said the aid would continue.") == ["she"]
    assert speakers("Vladimir Putin met the governor. Later he said the bridge would reopen.") == [
        "Vladimir Putin"]


def test_quotes_able_or_ready_to_say_is_said_by_the_subject(nlp: Any) -> None:
    claims = _claims(nlp, "He was able to communicate to them what the government had decided.")
    assert [c.speaker for c in claims] == ["He"]


@pytest.mark.parametrize(("text", "speaker"), [
    ("The ministry informed the embassy that the flights would resume.", "The ministry"),
    ("The Supreme Court ruled that the decree was unconstitutional.", "The Supreme Court"),
    ("Kyiv conceded that the town had fallen.", "Kyiv"),
    ("The spokesman replied that no decision had been taken.", "The spokesman"),
    ("Officials assured residents that the water was safe.", "Officials"),
])
def test_quotes_more_reporting_verbs_with_a_clause_are_claims(nlp: Any, text: str, speaker: str) -> None:
    assert [c.speaker for c in _claims(nlp, text)] == [speaker]


def test_quotes_a_cue_inside_a_quote_gives_way_to_the_quote_attribution(nlp: Any) -> None:
    claims = _claims(nlp, "\u201cI think it will be very difficult to pull Russia away from China,\u201d he said.")
    assert [c.speaker for c in claims] == ["he"]
    claims = _claims(nlp, "\u201cWe said that we would respond,\u201d the minister told reporters.")
    assert [c.speaker for c in claims] == ["the minister"]


@pytest.mark.parametrize(("text", "speakers"), [
    ("Coordinated action on the international arena promised to strengthen both countries' positions.", []),
    ("It does suggest an ongoing effort to increase operations in other countries.", []),
    ("Somali pirates threaten to kill all the hostages.", ["Somali pirates"]),
    ("The statement said the attacks were carried out by the group.", ["The statement"]),
])
def test_quotes_a_thing_can_say_but_not_promise_or_suggest(nlp: Any, text: str, speakers: list[str]) -> None:
    assert [c.speaker for c in _claims(nlp, text)] == speakers


@pytest.mark.parametrize(("text", "speakers"), [
    ("Vladimir Putin: In any case, our researchers will take part in the work.", ["Vladimir Putin"]),
    ("THE PRESIDENT: We will keep working with our allies.", ["THE PRESIDENT"]),
    ("The Turkish military releases what it says are recordings of warnings to the jet.", ["The Turkish military"]),
    ("Al-Shabaab claims the attack and threatens to kill more officials.", ["Al-Shabaab"]),
    ("A ceasefire is announced by the rebels soon afterward.", ["the rebels"]),
    ("Cardinal O'Brien, who leads the church, defends the decision to release the prisoner.", ["Cardinal O'Brien"]),
    ("The council gives an ultimatum to the fighters in the city to surrender by the weekend.", ["The council"]),
    ("Leaders from the bloc pleaded with the president to step down.", ["Leaders from the bloc"]),
])
def test_quotes_transcript_labels_embedded_pronouns_and_more_cues(nlp: Any, text: str, speakers: list[str]) -> None:
    assert [c.speaker for c in _claims(nlp, text)][:len(speakers)] == speakers


def test_quotes_made_clear_that_and_a_label_before_a_colon(nlp: Any) -> None:
    claims = _claims(nlp, "So, on Ukraine, the President has made clear that he sort of has a red line with Russia.")
    assert [c.speaker for c in claims] == ["the President"]
    claims = _claims(nlp, "Question about trade policy: the finance minister said the tariffs would stay.")
    assert [c.speaker for c in claims] == ["the finance minister"]


@pytest.mark.parametrize("text", ["Read what he says.", "Remember what they said about the strike.",
                                  "Look at what it says are recordings."])
def test_quotes_a_cue_under_a_root_without_subject_ends(nlp: Any, text: str) -> None:
    """A pronoun cue inside a clause whose root has no subject (an imperative): the walk up to the governing
    subject stops at the root (it once looped forever there, comparing spaCy tokens by identity)."""
    from redline.nlp.speakers import governing_subject

    doc = nlp(text)
    cue = next(t for t in doc if t.lemma_ == "say")
    assert governing_subject(cue) == []
    assert all(c.speaker != "Read" for c in _claims(nlp, text))


@pytest.mark.parametrize(("text", "speaker"), [
    ("An ally of President Putin, former President Dmitry Medvedev, said the West would pay.", "Dmitry Medvedev"),
    ("The talks will resume next week, the spokesman for Secretary-General Antonio Guterres said.",
     "the spokesman for Secretary-General Antonio Guterres"),
    ("Kim Yo Jong, the sister of leader Kim Jong Un, said Seoul would regret the drills.", "Kim Yo Jong"),
])
def test_quotes_a_person_after_of_for_or_to_only_qualifies_the_speaker(context: Any, text: str,
                                                                        speaker: str) -> None:
    """ "an ally of X", "the spokesman for X", "an adviser to X": the ally, spokesman or adviser speaks."""
    from redline.nlp import analyze

    claims = analyze(_article(text), context.nlp, context.gazetteer).claims
    assert [c.speaker for c in claims][:1] == [speaker]


def test_quotes_being_clear_that_says_the_clause(nlp: Any) -> None:
    claims = _claims(nlp, "The minister has been very clear that the border will stay closed.")
    assert [(c.speaker, c.content) for c in claims] == [("The minister", "the border will stay closed")]
    assert _claims(nlp, "It is clear that the border will stay closed.") == []


def test_quotes_a_first_person_speaker_under_a_transcript_label_is_the_label(nlp: Any) -> None:
    claims = _claims(nlp, "Anna Berg: We have told our neighbours that the talks are over.")
    assert [c.speaker for c in claims] == ["Anna Berg"]


def test_quotes_a_name_the_parser_splits_off_as_a_second_subject_stays_in_the_speaker(nlp: Any) -> None:
    claims = _claims(nlp, "Leaders from the regional bloc ECOWAS urged the general to step aside or face sanctions.")
    assert [c.speaker for c in claims][:1] == ["Leaders from the regional bloc ECOWAS"]


def test_quotes_a_description_in_apposition_does_not_replace_the_speaker(nlp: Any) -> None:
    claims = _claims(nlp, "The governor, a Democrat from Ohio, said the plant would close.")
    assert [c.speaker for c in claims] == ["The governor"]


@pytest.mark.parametrize(("text", "speaker"), [
    ("The minister, speaking after a meeting with Lavrov, said the deal was close.", "The minister"),
    ("The envoy, who met Netanyahu on Monday, told reporters that a deal was near.", "The envoy"),
    ("A senior official, briefing reporters after Biden's call with Xi, said the talks were candid.",
     "A senior official"),
    ("Biden, speaking alongside Japanese Prime Minister Fumio Kishida, said the allies were stronger than ever.",
     "Joe Biden"),
    ("The Minister of Foreign Affairs, Chrystia Freeland, said Canada would respond.", "Chrystia Freeland"),
])
def test_quotes_person_named_in_an_aside_of_the_speaker_does_not_speak(text: str, speaker: str,
                                                                     context: Any) -> None:
    # The quote's own attribution, not the nearest name: who is named in a clause set between commas after the
    # speaker's head only says what the speaker did; a name in apposition to a title is the speaker.
    from redline.nlp import analyze

    [claim] = analyze(_article(text), context.nlp, context.gazetteer).claims
    assert claim.speaker == speaker


@pytest.mark.parametrize(("text", "speaker"), [
    ("As Secretary Blinken put it, this is a decisive moment.", "Antony Blinken"),
    ("As one diplomat put it, the talks are going nowhere.", "one diplomat"),
])
def test_quotes_as_x_put_it_reports_what_follows(text: str, speaker: str, context: Any) -> None:
    from redline.nlp import analyze

    [claim] = analyze(_article(text), context.nlp, context.gazetteer).claims
    assert claim.speaker == speaker


def test_quotes_put_without_as_it_is_no_claim(nlp: Any) -> None:
    assert _claims(nlp, "The army put it on alert after the strike.") == []


@pytest.mark.parametrize(("text", "speaker"), [
    ("The minister reaffirmed that Canada stands with Ukraine.", "The minister"),
    ("The envoy underlined that the talks would continue.", "The envoy"),
    ("The general hinted that a new offensive was coming.", "The general"),
    ("The prosecutor charged that the company had hidden evidence.", "The prosecutor"),
    ("The spokesman commented that the decision was regrettable.", "The spokesman"),
    ("The opposition leader criticised the plan as reckless and unfair to farmers.", "The opposition leader"),
])
def test_quotes_more_reporting_verbs(text: str, speaker: str, nlp: Any) -> None:
    assert [c.speaker for c in _claims(nlp, text)] == [speaker]


@pytest.mark.parametrize("text", ["The police charged three men with murder.", "The army repeated the drill twice."])
def test_quotes_reporting_verbs_that_report_nothing_here(text: str, nlp: Any) -> None:
    assert _claims(nlp, text) == []


@pytest.mark.parametrize(("text", "speaker"), [
    ("TASS quoted Lavrov as saying that Russia would respond.", "Sergei Lavrov"),
    ("The agency quoted a military spokesman as saying the strikes would continue.", "a military spokesman"),
    ("Interfax cited a source as saying the talks had collapsed.", "a source"),
    ("Lavrov was quoted by RIA as saying that Moscow would retaliate.", "Sergei Lavrov"),
])
def test_quotes_who_is_quoted_as_saying_speaks_not_who_quotes(text: str, speaker: str, context: Any) -> None:
    from redline.nlp import analyze

    [claim] = analyze(_article(text), context.nlp, context.gazetteer).claims
    assert claim.speaker == speaker
