"""Speakers where the parse of the attribution goes astray or the grammar hides the speaker:
passives, controlled and coordinated verbs, participles, nested reports, lists of fragments."""
from __future__ import annotations

from analysis.speakers.attribution import DATELINE
from tests.test_quotes import quotes_of, row_with


def speaker(nlp, text: str, fragment: str) -> str:
    return row_with(quotes_of(nlp, text), fragment)["speaker"]


def test_a_day_beside_the_cue_is_not_the_speaker(nlp):
    text = ("The state attorney is investigating the fire. “I will just make this promise to you: "
            "We will find the truth in this case,” Dunmore fire Chief Alma Rees said Monday.")
    assert speaker(nlp, text, "find the truth") == "Alma Rees"


def test_a_verb_the_parser_coordinates_with_the_name_is_not_a_second_speaker(nlp):
    text = ("“This story isn’t just in our institutions, it’s being pushed by media, where we find the labels "
            "of ‘thug, outsider,’” Nadia Korsh, the executive director at the Centre of Press Justice and whose "
            "also featured in the film, told The Daily Ledger.")
    assert speaker(nlp, text, "This story") == "Nadia Korsh"


def test_the_object_of_forced_to_admit_is_the_one_who_admits(nlp):
    text = ("Senator Ingrid Vale also forced Peter Halvorsen, who was under questioning from the committee, "
            "to admit that no senior managers had been disciplined.")
    assert speaker(nlp, text, "no senior managers") == "Peter Halvorsen"


def test_a_second_report_the_parser_joins_to_the_first_reported_clause(nlp):
    text = ("Premier Colette Marchand said this week that the province would formally declare its intention "
            "to leave the compact by the end of March and suggested that it would withdraw from the grid.")
    assert speaker(nlp, text, "withdraw from the grid") == "Colette Marchand"


def test_a_participle_without_a_subject_speaks_for_the_sentence_subject(nlp):
    text = ("Mr. Vance hardly clarified the matter, treating Ms. Okafor's remark first as a compliment -- "
            "''That makes me smart'' -- and, when questioned after the debate, asserting, "
            "''Of course, I pay my taxes.''")
    quotes = quotes_of(nlp, text)
    assert row_with(quotes, "That makes me smart")["speaker"] == "Vance"
    assert row_with(quotes, "I pay my taxes")["speaker"] == "Vance"


def test_a_cue_noun_owner_speaks_only_for_words_in_its_own_phrase(nlp):
    text = "Mayor Ana Ruiz answered the question. Bell mocked Ruiz's remark: “We will not give up on this town.”"
    assert speaker(nlp, text, "give up") == "Ana Ruiz"


def test_a_share_of_those_polled_in_reported_speech_is_the_poll(nlp):
    text = "A Harwell College poll released in May found that 74 percent of voters said the mayor should resign."
    quotes = quotes_of(nlp, text).set_index("quote")["speaker"]
    assert quotes["the mayor should resign"] == "Harwell College poll"
    # the poll's own finding holds the share's words: the poll reports it, as a record named after its owner
    assert quotes["74 percent of voters said the mayor should resign"] == "Harwell College poll"


def test_a_thing_inside_a_persons_report_gives_the_words_to_the_person(nlp):
    text = ("City Attorney Brenda Holm said in the letter that the advertisement “unmistakably and wrongfully” "
            "suggests that the city and its officers support the campaign.")
    assert speaker(nlp, text, "support the campaign") == "Brenda Holm"


def test_footage_of_someone_asking_is_their_question(nlp):
    text = ("The ad uses footage of Senator Dana Pruitt asking, “Why aren’t we fifty points ahead?” "
            "The ad then turns to the budget.")
    assert speaker(nlp, text, "fifty points") == "Dana Pruitt"


def test_to_blame_is_a_judgment_not_a_report(nlp):
    text = "The Ohio governor said reporters are to blame for focusing on “he said this, he tweeted that.”"
    assert speaker(nlp, text, "he tweeted that") == "Ohio governor"


def test_according_to_a_speech_someone_delivered_is_their_word(nlp):
    text = ("The goal is to curb ''activist'' investors focused on short-term results, according to a speech "
            "Senator Ruth Mason delivered in July.")
    assert speaker(nlp, text, "activist") == "Ruth Mason"


def test_the_passive_subject_of_most_cues_is_not_the_speaker(nlp):
    text = ("The mayor was described by councillor Ana Ruiz as “a coward.”\n\n"
            "Party chairman Reid Pollard was said to be “furious” with the candidate.\n\n"
            "Mr. Cole was eventually prompted to say, “So far, I cannot believe how civil it has been.”\n\n"
            "Comedian Tara Finch was joined on stage by Senator Al Brandt and joked, “You are all being ridiculous.”")
    quotes = quotes_of(nlp, text)
    assert row_with(quotes, "a coward")["speaker"] == "Ana Ruiz"
    assert row_with(quotes, "furious")["speaker"] == "Reid Pollard"
    assert row_with(quotes, "how civil")["speaker"] == "Cole"
    assert row_with(quotes, "ridiculous")["speaker"] == "Tara Finch"


def test_a_fragment_cued_by_a_passive_without_agent_is_the_outer_report(nlp):
    text = ("Tillamere Outdoor Gear said in a statement that managers had met every shift in person, and that "
            "the notice was posted “as a courtesy to employees on leave.”")
    assert speaker(nlp, text, "as a courtesy") == "Tillamere Outdoor Gear"


def test_a_quote_after_a_sentence_naming_a_person_beside_a_noun(nlp):
    text = ("In the 1990s he built a nursing home chain. His former business partner at Lenox, Lawrence B. "
            "Cummings, called him a master at bolting together impossible deals. \"He showed again and again "
            "an ability to put together deals that other people couldn't.\" Lenox went bankrupt in 1999.")
    assert speaker(nlp, text, "He showed again") == "Lawrence B. Cummings"


def test_fragments_listed_together_share_the_cue_before_them(nlp):
    text = ("“You winning?” she asked, but Kevin was drifting off again, and as Senator Ward went on about "
            "“how the system is rigged,” and “wounded families” and “our own struggling citizens,” Melanie "
            "said yes, over and over again.")
    quotes = quotes_of(nlp, text)
    for fragment in ("system is rigged", "wounded families", "struggling citizens"):
        assert row_with(quotes, fragment)["speaker"] == "Ward"


def test_a_nickname_is_part_of_the_name_and_an_exclamation_keeps_its_cue(nlp):
    text = ("The crowd cheered.\n\n\"This is a big year for our next senator, Bobby Hale!\" Hale's niece, "
            "state Del. Marcia \"Cia\" Price (D-Newport News), shouted to the crowd.")
    quotes = quotes_of(nlp, text)
    assert "Cia" not in set(quotes["quote"])
    assert "Marcia" in row_with(quotes, "big year")["speaker"]


def test_he_said_after_a_report_goes_to_the_reporter_not_the_one_reported_on(nlp):
    text = ("Rovers head coach Declan Furlong admitted his side had been second best.\n\n"
            "Furlong said Hegarty, 19, had earned a start against Carrigmore. 'The lad has been knocking on "
            "the door for a month. Tonight he kicked it in,' he said.")
    assert speaker(nlp, text, "knocking on the door") == "Declan Furlong"


def test_a_colon_after_a_clause_naming_a_role_the_parser_hung_on_the_quote(nlp):
    text = ("CORK — Rovers captain Cian Mulrooney headed in a corner three minutes into stoppage time.\n\n"
            "The captain was blunt: 'That first half was embarrassing. If we play like that next week, "
            "we'll get what we deserve, which is nothing.'")
    assert speaker(nlp, text, "first half") == "Cian Mulrooney"


def test_a_transcript_paragraph_without_a_label_continues_the_last_speaker_named(nlp):
    text = ('"HOST: Do you really see those two as equivalent?\n\n'
            '"GREAVES: Well, look, the other side has been saying some pretty tough things.\n\n'
            '"But the truth is that my running mate has a unique way of talking to people.\n\n'
            '"(CROSSTALK.)\n\n'
            '"HOST: Governor, I don\'t want to interrupt, but I want to try to get on.')
    quotes = quotes_of(nlp, text)
    assert row_with(quotes, "unique way")["speaker"] == row_with(quotes, "pretty tough")["speaker"]
    assert row_with(quotes, "unique way")["speaker"] != row_with(quotes, "interrupt")["speaker"]


def test_a_saying_after_a_relative_clause_belongs_to_the_main_clause(nlp):
    text = ("Mr. Vance was similarly defensive when forced to defend not paying an architect who said he was "
            "stiffed after he designed a clubhouse at one of Vance's golf courses, saying, “Maybe he didn't do "
            "a good job, and I wasn't satisfied with his work.”")
    assert speaker(nlp, text, "satisfied with his work") == "Vance"


def test_a_collective_noun_and_a_persons_followers_are_groups(nlp):
    text = ("Senator Ruth Mason spoke on Monday.\n\n"
            "A week later, as delegates pour into the city, so will an army of Ruth Mason supporters planning "
            "protests against what they call the ''fraudulent'' nomination.\n\n"
            "Mason aides said the speech was “a success.”\n\n"
            "A chorus of prominent Republicans has said the same thing, that the returns are “essential.”\n\n"
            "Mason’s campaign is seeking to contrast her approach with what they call her rival’s "
            "“self-centered message.”")
    quotes = quotes_of(nlp, text)
    assert row_with(quotes, "fraudulent")["speaker"] == "Ruth Mason supporters"
    assert row_with(quotes, "a success")["speaker"] == "Mason aides"
    assert row_with(quotes, "essential")["speaker"] == "Republicans"
    assert row_with(quotes, "self-centered")["speaker"] == "Mason’s campaign"


def test_a_relative_clause_report_keeps_its_own_cue_and_pronoun(nlp):
    text = ("“Prices are up a little,” said Mr. Talbrook, a broker in Leeds, who noted that the value of some "
            "farms had “collapsed” to half of what it was.")
    row = row_with(quotes_of(nlp, text), "collapsed")
    assert (row["speaker"], row["speaker_text"], row["cue"]) == ("Talbrook", "who", "noted")


def test_phrasal_cues_report_speech(nlp):
    text = ("“The figures are wrong,” Councillor Mira Daskal pointed out. “We were never asked,” "
            "she shot back when the chairman objected.")
    quotes = quotes_of(nlp, text)
    assert row_with(quotes, "figures are wrong")["cue"] == "pointed out"
    assert row_with(quotes, "never asked")["cue"] == "shot back"


def test_what_a_group_is_said_to_believe_is_worded_by_the_one_who_says_so(nlp):
    text = ("Over a decade, the mayor Oren Kask said, a majority of residents have come to believe "
            "“that the river is the town’s future.”")
    assert speaker(nlp, text, "the river is") == "Oren Kask"


def test_words_in_a_letter_that_says_are_the_sender_s(nlp):
    text = ("The candidate Lydia Farrow released a letter from her doctor on Friday that says she is in "
            "“remarkably good health” for her age.")
    assert speaker(nlp, text, "remarkably good health") == "Lydia Farrow"


def test_a_sign_which_reads_is_no_quote(nlp):
    text = ("Dozens of residents gathered outside the hall. One held up a hand-painted sign which read, "
            "“Hands off our pool.”")
    assert quotes_of(nlp, text).empty


def test_a_short_credit_closing_the_sentence_owns_a_fragment(nlp):
    text = ("Councillor Jo Marr spoke for an hour. The four “exemptions” he cited are “the farm relief, the trust "
            "rule, the loss rule and the dividend rate,” the Harbour Post reported.")
    assert speaker(nlp, text, "farm relief") == "Harbour Post"


def test_i_said_names_the_writer(nlp):
    text = ("The judge looked up from his papers. “Okay,” I said, trying to steady my voice. "
            "“I was nineteen when I came here.”")
    quotes = quotes_of(nlp, text)
    assert row_with(quotes, "Okay")["speaker"] == "the writer"
    assert row_with(quotes, "nineteen")["speaker"] == "the writer"



def test_a_headline_names_its_speaker_right_before_the_colon(nlp):
    text = ("Advice from Marta Okonjo: 'Never stop asking questions.'\n\n"
            "As a young reporter in Lagos, Marta J. Okonjo said she learned to distrust easy answers.")
    row = row_with(quotes_of(nlp, text), "Never stop")
    assert row["speaker"] in ("Marta Okonjo", "Marta J. Okonjo")  # one person, whichever form leads


def test_a_study_or_body_that_found_reports_its_finding(nlp):
    text = ("A 2019 county audit found that the fund had “no reliable records” of its spending. "
            "Police found that the door was open.")
    quotes = quotes_of(nlp, text)
    assert row_with(quotes, "no reliable records")["speaker"] == "county audit"  # a year dates it, not names it
    assert not quotes["quote"].str.contains("door was open").any()


def test_a_name_right_before_the_colon_of_a_quote_speaks(nlp):
    text = ("Helen Marsh and David Okafor disagree about the levy. Marsh: “It pays for the buses.” "
            "Okafor: “It pays for nothing.” More from Marsh: “We will hold a vote.” "
            "Okafor wrote a long reply about Marsh: “She never listens.”")
    quotes = quotes_of(nlp, text)
    assert row_with(quotes, "pays for the buses")["speaker"] == "Helen Marsh"
    assert row_with(quotes, "pays for nothing")["speaker"] == "David Okafor"
    assert row_with(quotes, "hold a vote")["speaker"] == "Helen Marsh"
    assert row_with(quotes, "never listens")["speaker"] != "Helen Marsh"


def test_a_hyphen_before_a_persons_name_credits_the_quote(nlp):
    text = ("Senator Paula Brandt repeated the claim on Monday. “Half of all new income goes to the top "
            "1 percent.” - Paula Brandt. The senator relies on an old figure.")
    assert speaker(nlp, text, "Half of all") == "Paula Brandt"


def test_a_participle_after_a_dashed_aside_speaks_for_the_sentence_subject(nlp):
    text = ("Small groups of marchers kept walking the streets around Larch Stadium - where the Dunmore Herons "
            "played the Kelso Owls - while shouting, \"Open the files now.\"")
    assert speaker(nlp, text, "Open the files") == "marchers"


def test_a_crowds_chant_is_no_ones_speech(nlp):
    text = ("Fans chanted 'Kofi, Kofi, don't you go' during Saturday's win. The crowd chanted \"Save our "
            "libraries\" outside the hall. \"We will win,\" the captain said.")
    assert list(quotes_of(nlp, text)["quote"]) == ["We will win,"]


def test_a_coordinated_report_with_its_own_subject_is_another_speakers(nlp):
    text = ("Mayor Rees emphasized that Kelso's reforms were not complete, and human rights groups warned that "
            "the council was relinquishing critical leverage over the police, which retains significant power.")
    quotes = quotes_of(nlp, text)
    assert row_with(quotes, "reforms were not complete")["quote"] == "Kelso's reforms were not complete"
    assert row_with(quotes, "relinquishing")["speaker"] == "human rights groups"


def test_telling_a_lie_or_a_story_is_not_a_report(nlp):
    text = "Colin Hebden told a story that the mill had burned twice before the war."
    assert quotes_of(nlp, text).empty


def test_a_surname_the_tagger_reads_as_a_plural_noun_is_the_person(nlp):
    text = ("Bernie Sanders spoke on MSNBC on Monday.\n\n"
            "Sanders told co-host Joe Scarborough that he \"honestly [doesn't] know the answer\" as to why.")
    assert speaker(nlp, text, "honestly") == "Bernie Sanders"


def test_one_person_described_twice_is_a_person_not_a_group(nlp):
    text = ("Hillary Clinton visited Charlotte on Sunday. Speaking to a largely black audience, the former "
            "secretary of state and current Democratic presidential nominee said the nation must do more.")
    row = row_with(quotes_of(nlp, text), "the nation must do more")
    assert row["speaker_kind"] == "person"


def test_speaker_names_lose_party_tags_and_trailing_punctuation():
    from analysis.quotes.extract import tidy_name
    assert tidy_name("Jeff Merkley (D-Ore.), Sherrod Brown (D-Ohio) and Robert Menendez (D-N.J.") == \
        "Jeff Merkley, Sherrod Brown and Robert Menendez"
    assert tidy_name("Patti LaBelle and Stevie Wonder,") == "Patti LaBelle and Stevie Wonder"
    assert tidy_name("Christina Lastra.") == "Christina Lastra"
    assert tidy_name("Joseph R. Biden Jr.") == "Joseph R. Biden Jr."


def test_a_dated_or_sized_document_is_named_by_its_noun(nlp):
    text = ("According to a 2022 report, the lake lost half its mussels. A large study found that the water "
            "was warmer. The 14-slide presentation argues that the senator's approval has fallen below 40 percent.")
    quotes = quotes_of(nlp, text)
    assert row_with(quotes, "half its mussels")["speaker"] == "report"
    assert row_with(quotes, "the water was warmer")["speaker"] == "study"
    assert row_with(quotes, "approval has fallen")["speaker"] == "presentation"


def test_a_document_is_named_without_its_owner_pronoun_or_its_recency(nlp):
    text = "According to its most recent annual report, the company had about 1,150 employees."
    assert speaker(nlp, text, "1,150 employees") == "annual report"


def test_they_does_not_stand_for_a_place_named_in_passing(nlp):
    text = ("Following Monday’s debate Politifact did a fact-check on Dana Whitlock’s claim that there have been "
            "“thousands of shootings” in gun-controlled Chicago this year alone. On September 27 they published "
            "the results of their check by announcing that Whitlock’s statement was “true.”")
    quotes = quotes_of(nlp, text)
    assert "Chicago" not in set(quotes["speaker"])


def test_who_after_a_place_stands_for_the_people_there(nlp):
    text = ("The change is likely to placate nervous Democrats on Capitol Hill, who have argued that it helps "
            "down-ballot races.")
    assert speaker(nlp, text, "helps down-ballot") == "Democrats"


def test_one_of_a_group_named_in_apposition_is_that_person(nlp):
    text = ("In a statement, one of the family's attorneys, Justin Bamberg, said the videos show Scott calmly "
            "leaving his car.")
    assert speaker(nlp, text, "videos show") == "Justin Bamberg"


def test_a_body_whose_name_ends_like_one_is_not_he(nlp):
    text = ("Ban Ki-moon has led the United Nations for ten years.\n\n"
            "Under his watch the General Assembly established U.N. Women. In recent months, he said he backed "
            "the idea of a woman succeeding him.")
    assert speaker(nlp, text, "backed the idea") != "General Assembly"


def test_an_official_of_a_named_body_is_the_official(nlp):
    text = ("A senior Commerce Department official said the inspector general's office had opened "
            "a preliminary review.")
    assert speaker(nlp, text, "preliminary review") == "senior Commerce Department official"


def test_he_in_a_persons_own_report_tells_their_sex_over_the_given_names_usual_one(nlp):
    text = ("Mayor Tannis Obrecht said she had written to the company to ask for a delay.\n\n"
            "Darcy Ruhland, the village's volunteer fire chief, said he had told council that the building "
            "should come down.\n\n"
            "\"I'd rather lose a landmark than a kid who climbed it on a dare,\" he said.")
    assert speaker(nlp, text, "lose a landmark") == "Darcy Ruhland"


def test_a_name_the_parser_left_as_the_root_is_still_the_one_she_stands_for(nlp):
    text = ("The council's general manager, Simone Edgeworth, said the council would pay for the roads.\n\n"
            "Kylie Manolakis, whose house in Cobb Street went under in 2022 and again in May, watched the debate "
            "from the public gallery. She said she would believe in the levee when she saw the first truck.")
    assert speaker(nlp, text, "believe in the levee") == "Kylie Manolakis"


def test_a_list_items_verb_has_no_subject_after_it(nlp):
    text = ("Preys on our worst fears about immigrants.\n\n"
            "Calls men derogatory names, like \"pigs,\" and operates male beauty pageants.")
    assert "men" not in set(quotes_of(nlp, text)["speaker"])


def test_a_title_before_a_name_in_apposition_is_that_persons(nlp):
    text = ("The Municipal Chief Executive, Kwame Boakye-Dankwa, described the complaints as \"exaggerated\" and "
            "said the contractor had been told to seal the roof.")
    assert speaker(nlp, text, "seal the roof") == "Kwame Boakye-Dankwa"


def test_a_reply_denied_reports_nothing(nlp):
    text = ("A three-judge panel of the U.S. Court of Appeals for the Sixth Circuit overruled a district court "
            "judge's decision. By a 2-to-1 vote, the court of appeals sent the case back to the district court.\n\n"
            "The dispute centers on Ohio's removal of perhaps tens of thousands of voters from registration lists "
            "because they did not respond to queries seeking to confirm their address and have not cast a ballot "
            "since 2008, in what is being criticized as a \"use it or lose it\" approach to voting.")
    assert not quotes_of(nlp, text)["speaker"].astype(bool).any()


def test_a_participle_after_a_name_speaks_for_it_when_the_sentence_has_two_subjects(nlp):
    text = ("Council Leader Maria Brandt, despite admitting that she had her concerns about “developers trying "
            "to get rich,” the tenants “do need to have their say” and she does believe the plan is sound.")
    assert speaker(nlp, text, "developers trying") == "Maria Brandt"


def test_words_wished_into_someones_mouth_are_the_wishers(nlp):
    first = quotes_of(nlp, "She has done nothing wrong. I hope in 2027 Dunmore says, “Mayor Ruiz, thank you "
                           "for a lifetime of public service.”")
    assert row_with(first, "thank you")["speaker_text"] == "I"
    assert speaker(nlp, "Mayor Ana Ruiz hopes the council says “yes to the plan”.", "yes to the plan") == "Ana Ruiz"


def test_she_after_that_was_a_named_person_is_her(nlp):
    text = ("The festival’s founder, Gethin Rowlands, started Kestle Down on his family’s farm. "
            "‘Every year we say no,’ Rowlands said.\n\n"
            "Rowlands conceded the new field had been ‘a bit of an experiment’.\n\n"
            "That was Marisa Fenwick, 34, a teacher from Cardiff, who has been to every Kestle Down since the "
            "second. She said the ticket price was ‘getting steep’ for families.\n\n"
            "Rowlands said he would meet the parish council next month.")
    assert speaker(nlp, text, "getting steep") == "Marisa Fenwick"


def test_a_court_report_opening_with_participles_and_post_nominal_letters(nlp):
    text = ("Royston Merrifield, 54, was convicted in October. Sentencing him on Friday, Mrs Justice Philippa "
            "Gorringe said he had treated safety rules as a nuisance.\n\n"
            "Giving evidence, Merrifield told the jury he had believed the roof was sound.\n\n"
            "Prosecuting, Annabel Yelland KC said the firm had not produced a risk assessment. "
            "‘This was not a freak accident,’ she said.\n\n"
            "Mrs Justice Gorringe rejected Merrifield’s account. ‘The jury did not believe you,’ she said.")
    quotes = quotes_of(nlp, text)
    assert row_with(quotes, "risk assessment")["speaker"] == "Annabel Yelland"
    assert row_with(quotes, "freak accident")["speaker"] == "Annabel Yelland"
    assert row_with(quotes, "did not believe")["speaker"] == "Philippa Gorringe"


def test_she_after_a_report_about_someone_else_is_the_reporter(nlp):
    text = ("Rep. Priscilla Ambrosek (D-Pa.) spoke at the mill.\n\n"
            "Campaign spokesperson Ines Kolodziej said the figure was accurate and that the congresswoman was "
            "“proud of every one of those votes.” “We’ll put it on a billboard,” she said.")
    assert speaker(nlp, text, "billboard") == "Ines Kolodziej"


def test_a_hyphenated_modifier_stays_with_its_group(nlp):
    text = ("Other laid-off employees said on LinkedIn that their access had been cut off. "
            "Two long-serving councillors said the plan was wrong.")
    quotes = quotes_of(nlp, text)
    assert row_with(quotes, "access had been cut")["speaker"] == "laid-off employees"
    assert row_with(quotes, "plan was wrong")["speaker"] == "long-serving councillors"


def test_a_wire_dateline_with_a_date_is_not_the_speaker(nlp):
    assert DATELINE.match("SINGAPORE, Dec 3 (Reuters) - Singapore-listed shipbuilder")
    assert DATELINE.match("TACLOBAN CITY\u2014More than 3,000 relief packs").group() == "TACLOBAN CITY\u2014"
    dated = "DILI, 3 December 2026 (TATOLI)\u2014Families in Suku Raimeta say they still live by candlelight."
    assert DATELINE.match(dated).group() == "DILI, 3 December 2026 (TATOLI)\u2014"  # the day before the month
    assert "Families" in [t.text for t in nlp(dated)]  # not "TATOLI)\u2014Families", one token
    text = ("Tarrowind Offshore delays vessels\n\n"
            "SINGAPORE, Dec 3 (Reuters) - Singapore-listed shipbuilder Tarrowind Offshore said on Thursday it would "
            "deliver three liquefied natural gas bunkering vessels up to nine months late because of a shortage of "
            "specialised welders.")
    row = row_with(quotes_of(nlp, text), "deliver three liquefied")
    assert (row["speaker"], row["speaker_kind"]) == ("Tarrowind Offshore", "organisation")


def test_according_to_the_firm_is_the_firm_the_sentence_before_cited(nlp):
    text = ("Brindlecote cut 200 jobs on Monday.\n\n"
            "Brindlecote raised $140 million in 2022, according to Tallowmere, which tracks venture funding. "
            "Its revenue growth has slowed to about 9 percent, according to the firm.")
    assert row_with(quotes_of(nlp, text), "revenue growth has slowed")["speaker"] == "Tallowmere"


def test_a_record_named_after_its_owner_speaks_as_itself(nlp):
    text = ("The Nashik Municipal Corporation (NMC) supplies the colony. According to NMC data, the eastern zone "
            "received 86 litres per person a day.")
    row = row_with(quotes_of(nlp, text), "eastern zone")
    assert (row["speaker"], row["speaker_kind"]) == ("NMC data", "source")


def test_a_quote_after_a_cue_whose_quote_holds_a_pronoun_continues_the_cue(nlp):
    # the parser makes the first quote's "says" the sentence's root: "She" must not lead the next quote in
    text = ("Captain Ilse Marrable kicked the winning goal on a day her father, Dorian Fenwick, was coaching.\n\n"
            "Dorian Fenwick was less certain. \u2018She says that now,\u2019 the coach said. "
            "\u2018Ring me at five and see who\u2019s up.\u2019")
    quotes = quotes_of(nlp, text)
    assert row_with(quotes, "She says that now")["speaker"] == "Dorian Fenwick"
    assert row_with(quotes, "Ring me at five")["speaker"] == "Dorian Fenwick"


def test_a_name_beside_its_description_speaks_when_the_parser_gives_the_verb_both(nlp):
    text = ("Perit Carmela Spiteri, the architect engaged by the factory, told Times of Malta that the appeal would "
            "argue that the new houses had been approved.")
    assert row_with(quotes_of(nlp, text), "appeal would argue")["speaker"] == "Carmela Spiteri"


def test_a_participle_the_parser_hangs_inside_a_reported_clause_speaks_for_the_reporter(nlp):
    text = ("A tenants' group, the Larchmont Residents Association, demanded that the landlord let affected "
            "families move out early, calling the repairs \"far too little, far too late.\"")
    assert speaker(nlp, text, "far too little") == "Larchmont Residents Association"


def test_a_title_the_parser_makes_the_subject_gives_way_to_the_name_after_it(nlp):
    text = ("Shareholders met in Ibadan on Thursday.\n\n"
            "\"I have held this share since 1998,\" said Hon. Adebowale Ogunsanwo, a former member of the "
            "state House of Assembly.")
    assert speaker(nlp, text, "held this share") == "Adebowale Ogunsanwo"


def test_an_office_then_its_holder_with_a_title_is_the_holder(nlp):
    text = ("Speaker of the House Rep. Dale Whitcombe (R-WI) said \"images like that have no place in a "
            "campaign.\"\n\n"
            "A friend of Rep. Dale Whitcombe said the speaker had been angry.")
    quotes = quotes_of(nlp, text)
    assert row_with(quotes, "no place in a")["speaker"] == "Dale Whitcombe"
    assert row_with(quotes, "had been angry")["speaker"] != "Dale Whitcombe"


def test_the_same_cue_again_after_a_reported_clause_is_the_first_speaker_s(nlp):
    text = ("The deputy head of the delegation, Li Wenhao, said the United States should reduce its patrols in the "
            "region and said any attempts to isolate the country would fail.")
    assert speaker(nlp, text, "attempts to isolate") == "Li Wenhao"


def test_an_epithet_for_the_person_the_story_follows_is_that_person(nlp):
    text = ("Marisol Quintero has a word for her rival's plan to close the border: No.\n\n"
            "The Democratic presidential candidate blasted the plan on Wednesday, calling it \"absurd.\"")
    assert speaker(nlp, text, "absurd") == "Marisol Quintero"
