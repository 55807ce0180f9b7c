"""Who speaks a claim: the label above a quotation ("**Jane Doe, Director of X**: \u201c...\u201d"), not a clause
before a colon. Sentences written for these tests (not from the threat set)."""

from __future__ import annotations

from typing import Any

from redline import nlp as nlp_stage
from redline.eval.threats import same_speaker
from redline.ingest import normalize
from redline.models import RawDocument


def _claims(text: str, context: Any) -> list[tuple[str, str, str]]:
    article = normalize(RawDocument(origin="test", text=text, url=None, published="2024-06-01"), context.settings)
    return [(c.speaker, c.cue, c.content) for c in nlp_stage.analyze(article, context.nlp, context.gazetteer).claims]


def _speakers(text: str, context: Any) -> list[str]:
    return [speaker for speaker, _, _ in _claims(text, context)]


def test_a_quotation_under_a_bold_label_of_name_and_description_is_the_names(context: Any) -> None:
    # after the source tag of the item above, the label in bold, its colon inside or outside the bold
    text = "We thank the Governor.\u201d \\[Statement, 3/14/24\\] **Martha Quinlan, Director, Harbor Workers " \
           "Union (Maine):** \u201cThis investment keeps our port open for a generation."
    assert ("Martha Quinlan", ":", "This investment keeps our port open for a generation") in _claims(text, context)
    text = "\\[Tweet, 2/2/24\\] **Omar Haddad, Senior Fellow at the Lakeside Institute**: \u201cThe speech was " \
           "the clearest statement of policy this year."
    assert _speakers(text, context) == ["Omar Haddad"]


def test_a_quotation_under_a_plain_label_is_the_names(context: Any) -> None:
    assert _speakers("Mayor Tom Reyes, City of Fairview: \u201cThis bridge will carry our families for fifty "
                     "years.\u201d", context) == ["Tom Reyes"]


def test_a_clause_before_a_colon_is_no_label(context: Any) -> None:
    # a prepositional opening, or a description with a finite verb, is no name-and-description label
    assert _speakers("In Moscow, the minister said: \u201cWe will not accept this.\u201d", context) == ["the minister"]
    assert _speakers("Kyiv, which was shelled overnight: \u201cThe bridge is closed.\u201d", context) == []


def test_a_person_named_in_a_prepositional_phrase_of_the_speaker_does_not_speak(context: Any) -> None:
    # never a prepositional object: the source close to Putin speaks, not Putin; an author after "by" or "from" does
    assert _speakers("A source close to Vladimir Putin said the talks would resume.", context) == [
        "A source close to Vladimir Putin"]
    assert _speakers("A letter from Vladimir Putin said the talks would resume.", context) == ["Vladimir Putin"]


def test_a_quotation_signed_after_a_dash_is_the_signers(context: Any) -> None:
    text = "\u201cWe will rebuild every school in this valley.\u201d \u2014 Jane Doe, Mayor of Springfield"
    assert _claims(text, context) == [("Jane Doe", "\u2014", "We will rebuild every school in this valley")]
    text = "The council met on Monday. \u201cWe will rebuild every school in this valley.\u201d\n\u2014 Jane Doe"
    assert _speakers(text, context) == ["Jane Doe"]  # the signature alone on the next line


def test_a_dash_before_a_clause_or_without_a_quotation_signs_nothing(context: Any) -> None:
    assert _speakers("The town was hit by rockets \u2013 Mayor Olena Kravets.", context) == []
    assert _speakers("\u201cNothing is settled,\u201d the envoy said \u2014 Ivan Petrov, the deputy minister, "
                     "disagreed.", context) == ["the envoy"]


def test_a_title_with_a_prepositional_phrase_is_the_persons_own(context: Any) -> None:
    assert _speakers("Secretary-General of the United Nations Antonio Guterres said the talks would resume.",
                     context) == ["Antonio Guterres"]
    assert _speakers("Forces loyal to General Ali Saleh threatened to attack aircraft.", context) == [
        "Forces loyal to General Ali Saleh"]


def test_a_label_with_only_a_space_after_its_colon_speaks(context: Any) -> None:
    # a transcript label followed by a no-break space: the label speaks, the space is nobody
    text = "THE GOVERNOR:\u00a0 Tell them to read the report of every single inspector.\nThat is all."
    assert _claims(text, context) == [("THE GOVERNOR", "tell", "to read the report of every single inspector")]


def test_the_subject_of_a_passive_cue_with_no_agent_does_not_speak(context: Any) -> None:
    # what is said about someone, by nobody named: the passive's subject is the topic, not the speaker
    assert "The finance minister" not in _speakers("The finance minister is expected to resign next week.", context)
    assert "Four miners" not in _speakers("Four miners are reported trapped after the tunnel collapsed.", context)
    assert "The envoy" not in _speakers("The envoy was told that the border would stay closed.", context)
    # an agent still speaks, and an active cue keeps its subject
    assert "the rebels" in _speakers("A ceasefire was announced by the rebels on Sunday.", context)
    assert _speakers("The finance minister said he expects to resign next week.", context)[:1] == [
        "The finance minister"]


def test_a_turn_under_a_label_cut_at_its_title_is_the_labels(context: Any) -> None:
    # "DR." and "MS." end a sentence for the splitter; the turn's "I" and "me" are still the label's speaker
    text = "DR. HALE:\u00a0 Thank you very much, Anna.\n\nSo, the second case was confirmed on Monday.\n\n" \
           "And I have said for weeks that the clinics must stay open."
    assert _speakers(text, context)[-1] == "DR. HALE"
    text = "MS. LOPEZ-VEGA:\u00a0 Good afternoon.\n\nQ\u00a0\u00a0\u00a0 Good afternoon.\n\n" \
           "MS. LOPEZ-VEGA:\u00a0 Okay.\n\nToday I want to welcome the mayors who came to Washington."
    assert _speakers(text, context)[-1].endswith("LOPEZ-VEGA")
    text = "SECRETARY MARSH:\u00a0 Thank you.\n\nFirst, let me say that the bridge will reopen in May."
    assert _speakers(text, context)[-1].endswith("MARSH")


def test_a_label_of_a_title_and_a_name_speaks_the_turn(context: Any) -> None:
    # a Kremlin transcript's label: the title before the name, a spaced colon, the turn's "we" on the next line
    text = "Governor of the Tula Region Alexei Dyumin : Good afternoon, Mr President.\n" \
           "We believe that the plant will open next year."
    speakers = _speakers(text, context)
    assert len(speakers) == 2 and all(s.endswith("Alexei Dyumin") for s in speakers)
    assert _speakers("Russian Railways CEO Oleg Belozyorov: We think that the line will open in May.", context) == [
        "Oleg Belozyorov"]
    # a heading about a person, headed by an event, is no label
    assert _speakers("Impeachment of President Donald Trump: The House votes to impeach the president.",
                     context) == []
    assert _speakers("Assassination of Prime Minister Yitzhak Rabin: Thousands gather in Tel Aviv.", context) == []


def test_a_hyphenated_name_in_capitals_is_no_dateline(context: Any) -> None:
    # a dateline ends in a dash ("MOSCOW - ", "KYIV (AP) \u2014 "); a hyphen inside a label's name ends nothing
    speakers = _speakers("MS. LOPEZ-VEGA:\u00a0 Good afternoon, everybody.", context)
    assert len(speakers) == 1 and speakers[0].endswith("LOPEZ-VEGA")
    assert _speakers("MOSCOW - The minister said the talks would resume.", context) == ["The minister"]
    assert _speakers("KYIV, Ukraine (AP) \u2014 Officials said the bridge was hit.", context) == ["Officials"]


def test_according_to_a_plan_or_a_rule_names_no_source(context: Any) -> None:
    # the plan or the standard an act follows says nothing; a source, an owned plan and an estimate still speak
    assert _speakers("The repairs are going according to plan, the engineers are on site.", context) == []
    assert _speakers("Profits rose by 14 percent according to international accounting standards.", context) == []
    assert _speakers("According to the United Nations, civilian deaths rose by 15 percent.", context) == [
        "the United Nations"]
    assert _speakers("According to the plan drawn up by NATO, troops will withdraw by May.", context) == [
        "the plan drawn up by NATO"]
    assert _speakers("According to our estimates, companies will spend 650 billion rubles.", context) == [
        "our estimates"]


def test_a_person_found_at_the_end_of_a_hyphenated_name_is_named_whole(context: Any) -> None:
    # the gazetteer finds "PIERRE" in "JEAN-PIERRE": the name as written is the whole word, the person's own
    text = "Press Briefing by Press Secretary Karine Jean-Pierre\n\nMS. JEAN-PIERRE:\u00a0 Good afternoon.\n\n" \
           "Q\u00a0\u00a0\u00a0 Good afternoon.\n\nMS. JEAN-PIERRE:\u00a0 Okay.\n\nToday I want to welcome the mayors."
    speakers = _speakers(text, context)
    assert speakers and set(speakers) == {"Karine Jean-Pierre"}
    # or at its start: "JEAN", which the title line's "Karine Jean" named, is still the whole "JEAN-PIERRE"
    text = "Press Gaggle by Press Secretary Karine Jean-Pierre En Route Philadelphia\n\nMS. JEAN-PIERRE: Hi, " \
           "everybody. Going back to Philly.\n\nQ Thank you.\n\nMS. JEAN-PIERRE: So, look, I mean, I will say this: " \
           "the President is focused on the American people."
    speakers = _speakers(text, context)
    assert speakers and all("jean-pierre" in s.lower() for s in speakers)


def test_a_name_the_parser_sets_beside_a_description_as_a_second_subject_speaks(context: Any) -> None:
    # "<description>, <name> <cue>" parsed as two subjects: the name is who the description describes
    assert _speakers("The Governor of the US state of New Mexico, Anna Ruiz declares a state of emergency along the "
                     "Rio Grande.", context) == ["Anna Ruiz"]
    assert _speakers("Dutch shipping broker the Maas Group announces a merger with American company Harbor Lines.",
                     context) == ["Dutch shipping broker the Maas Group"]


def test_a_cue_in_a_sense_that_says_nothing_makes_no_claim(context: Any) -> None:
    # maintaining or countering a thing, dismissing an office holder or a case, defending oneself or a title
    for text, cue in (("The two ministers agreed to maintain regular contacts at every level.", "maintain"),
                      ("The alliance will counter ransomware gangs with a joint task force.", "counter"),
                      ("The governor dismissed the chief of the regional police on Friday.", "dismiss"),
                      ("A federal court in Ohio dismissed the case against the company.", "dismiss"),
                      ("The island would defend itself against any landing on its beaches.", "defend"),
                      ("Chess champion Anna Berg defends her world title in Oslo.", "defend")):
        assert cue not in [c for _, c, _ in _claims(text, context)], text
    # the senses that say something keep their speaker
    assert _speakers("The general maintained that the strike had hit only soldiers.", context) == ["The general"]
    assert _speakers("The ministry countered that the convoy had carried weapons.", context) == ["The ministry"]
    assert _speakers("The spokesman dismissed the reports as fabrications.", context) == ["The spokesman"]
    assert _speakers("The newspaper defends its decision to publish the photos.", context) == ["The newspaper"]


def test_defending_a_people_or_their_goods_and_claiming_a_prize_or_a_life_make_no_claim(context: Any) -> None:
    # "defend" of a people, a country's goods or an order it keeps; "claim" of a title, a payment or lives taken
    for text, cue in (("The volunteers are training hard as they defend their freedom against the invaders.", "defend"),
                      ("Both navies are committed to defending the maritime order in the strait.", "defend"),
                      ("Our sailors defend our allies and our citizens across three oceans.", "defend"),
                      ("The young sprinter won the final in Rome to claim her second world title.", "claim"),
                      ("The former mayor was jailed for falsely claiming expenses on a second home.", "claim"),
                      ("The landslide near the mountain village claimed dozens of lives on Sunday.", "claim"),
                      ("The fire in the textile factory claimed the lives of 40 workers.", "claim")):
        assert cue not in [c for _, c, _ in _claims(text, context)], text
    # what is said or done that a speaker defends, and a claim of a deed, still speak
    assert _speakers("The minister defended the new curfew as a temporary measure.", context) == ["The minister"]
    assert _speakers("A little-known militia claimed responsibility for the bombing.", context) == [
        "A little-known militia"]
    assert _speakers("The rebels claimed dozens of attacks on army posts in the north.", context) == ["The rebels"]


def test_a_question_label_names_no_speaker(context: Any) -> None:
    # a reporter's turn in a press conference: the asker is unnamed, and no one is called "Question" or "Q"
    text = "Question: We have been following the talks in Geneva closely.\n" \
           "Governor Anna Reed: We believe that the bridge will reopen in May."
    assert _speakers(text, context) == ["Anna Reed"]
    assert "Q" not in _speakers("Q: We think the port will stay closed until spring.", context)
    # a one-word label of a name still speaks its turn
    assert _speakers("Sorokin: We think that the port will stay closed until spring.", context) == ["Sorokin"]


def test_a_heading_before_a_colon_names_no_speaker(context: Any) -> None:
    # a heading that names a kind of text or a day is no one's label; a name or a title still is
    for heading in ("UPDATE", "FACT SHEET", "Editor's note", "Monday"):
        speakers = _speakers(f"{heading}: We believe that the bridge will reopen in May.", context)
        assert heading not in speakers and heading.split()[0] not in speakers, (heading, speakers)
    assert _speakers("THE PRESIDENT: We believe that the bridge will reopen in May.", context) == ["THE PRESIDENT"]
    assert _speakers("Governor Anna Reed: We believe that the bridge will reopen in May.", context) == ["Anna Reed"]



def test_a_label_that_is_a_markdown_link_speaks_as_its_text(context: Any) -> None:
    # the link's text names who speaks, wrapped over lines or not; its address is never the speaker
    text = "The harbour reopened on Friday.\n\n[Port Director Ana\nSilva](https://x.com/portauthority/status/12345):" \
           "\n\u201cWe will have every crane working again by the end of the month.\u201d\n\n[Mayor Tom Reyes]" \
           "(https://www.example.org/news/2024/harbour#:~:text=We%20will): \u201cI can say the harbour is safe for " \
           "families again.\u201d\n\n[Harbor Workers Union](https://example.com/union): \u201cThe deal protects " \
           "every job on the docks.\u201d"
    speakers = _speakers(text, context)
    assert len(speakers) == 3 and same_speaker("Ana Silva", speakers[0])  # the tagger may see one of the two words
    assert speakers[1:] == ["Tom Reyes", "Harbor Workers Union"]


def test_a_links_address_is_never_what_was_said(context: Any) -> None:
    # a link over a cue: the address after it is no content
    claims = _claims("The ministry [announced](https://example.com/a) the reopening of the border crossing.", context)
    assert all("](" not in content and "https" not in content for _, _, content in claims)


def test_a_question_about_what_someone_says_or_thinks_makes_no_claim(context: Any) -> None:
    # an auxiliary before the cue's subject, or the person asked as its subject, in a clause ending in "?"
    for text in ("Do you think the ceasefire will hold through the winter?",
                 "Can you say whether the two ministers discussed the pipeline?",
                 "How much does the ministry expect to spend on the new border fence?",
                 "Have the Iranians indicated what sort of response they are planning?",
                 "So you believe the talks with Tehran are over?"):
        assert _claims(text, context) == [], text


def test_a_statement_a_question_carries_or_follows_still_speaks(context: Any) -> None:
    # the reported clause inside the question, and a statement before a question in the same sentence
    assert _speakers("Did you see that the defence minister says the border will stay closed?",
                     context) == ["the defence minister"]
    assert "The minister" in _speakers("The minister said the talks had failed, and who can blame him?", context)
    assert _speakers("The ministry expects to spend more on the fence. Will it?", context) == ["The ministry"]


def test_a_transcript_question_asks_past_its_label_and_vocative(context: Any) -> None:
    # the "Q" label (before non-breaking spaces, as transcripts print it) and the person addressed, read as
    # subjects of their own, are not who is asked about
    text = "THE PRESIDENT:  We are working on it.\n\nQ\u00a0\u00a0\u00a0 Do you think there will be a ceasefire " \
           "deal by Easter?\n\nQ\u00a0\u00a0\u00a0 Madam Secretary, so, you think there may never be a deal?\n\n" \
           "THE PRESIDENT:  I hope they will."
    assert [(s, c) for s, c, _ in _claims(text, context)] == [("THE PRESIDENT", ":"), ("THE PRESIDENT", "hope")]


def test_he_after_a_title_nearer_than_any_name_is_the_title(context: Any) -> None:
    # a title under "the", subject in the sentence or the two before, stands for "he" / "him" when no person
    # is named as a subject nearer
    assert _speakers("The Russian President thanked the veterans. He recalled that the coalition had ensured the "
                     "victory.", context) == ["The Russian President"]
    text = "Senator Mark Dunn met the Prime Minister on Monday. The Prime Minister made clear that this was a " \
           "grave day. As he said publicly, the country is at war."
    assert _speakers(text, context)[-1] == "The Prime Minister"
    assert _speakers("The President said the envoys faced similar tasks. According to him, the region needs "
                     "stability.", context) == ["The President", "The President"]


def test_he_after_a_name_nearer_than_any_title_is_the_name(context: Any) -> None:
    assert _speakers("The Prime Minister met Foreign Minister Sergei Lavrov. Lavrov praised the talks. He said that "
                     "the talks went well.", context)[-1] == "Sergei Lavrov"
    # a title three sentences back is out of reach
    text = "The President arrived in Hanoi. The talks began at noon. The weather was hot. The mood was warm. He " \
           "said that the talks went well."
    assert _speakers(text, context) == ["He"]


def test_he_after_a_title_is_the_person_named_earlier_with_it(context: Any) -> None:
    # "President Joe Biden ... The President ... He noted": Joe Biden; a title with a name of its own is that name
    assert _speakers("President Joe Biden spoke with the Emir on Sunday. The President thanked him. He noted that "
                     "the talks must go on.", context) == ["Joe Biden"]
    assert _speakers("The President of the National Assembly of Venezuela Juan Guaidó met reporters. He said that he "
                     "would ask the army for support.", context) == ["Juan Guaidó", "Juan Guaidó"]


def test_i_in_a_text_whose_title_names_its_speaker_is_that_person(context: Any) -> None:
    # "Remarks by X", "Statement from / by / of X" on the title line: an "I" with no turn label is X's
    text = ("Remarks as Prepared for Delivery by Governor Helen Marsh at the Harbor Festival\n\n"
            "Good evening. Earlier today, I announced that the new pier will open in May.\n"
            "I hope it will bring the fishing fleets home.")
    assert _speakers(text, context) == ["Helen Marsh", "Helen Marsh"]
    text = ("Statement from Senator Paul Okafor on the Flood Relief Bill\n\n"
            "I believe that the Assembly must pass the relief bill this week.")
    assert _speakers(text, context) == ["Paul Okafor"]


def test_i_stays_first_person_where_the_title_names_no_single_speaker(context: Any) -> None:
    # a readout is written about its subject; a title naming two leaves "I" to whichever spoke; a quotation's "I"
    # is its own speaker's; a turn label names the speaker, not the title
    claim = "I think the pier will open in May."
    for title in ("Readout of Governor Helen Marsh's Call with the Port Authority",
                  "Remarks by Governor Helen Marsh and Mayor Tom Reyes at the Harbor Festival"):
        assert _speakers(f"{title}\n\n{claim}", context) == ["I"]
    text = ("Remarks by Governor Helen Marsh at the Harbor Festival\n\n"
            "MAYOR REYES: Thank you all for coming. I think the pier will open in May.\n"
            "I believe the fleets will come home.")
    assert "Helen Marsh" not in _speakers(text, context)
