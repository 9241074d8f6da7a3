"""Quote extraction and speaker attribution on small invented articles."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis import analyze
from analysis.quotes.quotemarks import find_quotes


def quotes_of(nlp, text: str) -> pd.DataFrame:
    return analyze(text, "t.txt", nlp=nlp).quotes


def row_with(quotes: pd.DataFrame, fragment: str) -> pd.Series:
    hits = quotes[quotes["quote"].str.contains(fragment, regex=False)]
    assert len(hits) == 1, (fragment, quotes[["quote", "speaker"]].to_dict("records"))
    return hits.iloc[0]


# --- quote marks ---------------------------------------------------------------------

def test_straight_and_curly_marks_give_the_text_between_them():
    text = 'He said "the bridge opens in May" and “the road in June.”'
    spans = find_quotes([text])[0]
    assert [text[s.start:s.end] for s in spans] == ["the bridge opens in May", "the road in June."]


def test_apostrophes_are_not_quote_marks():
    text = "‘We won’t go back to the ’90s,’ said Jones’ aide. It’s Mary’s cat."
    spans = find_quotes([text])[0]
    assert [text[s.start:s.end] for s in spans] == ["We won’t go back to the ’90s,"]


def test_british_single_quotes_hold_nested_double_quotes():
    text = "‘The sign said “closed” all week,’ she said."
    spans = find_quotes([text])[0]
    assert [text[s.start:s.end] for s in spans] == ["The sign said “closed” all week,"]


def test_a_closing_double_mark_closes_its_quote_over_a_single_mark_left_open():
    text = ("“I came for the music. As the song goes ‘Some people are so poor all they have is money.” "
            "That is all he has, “the root of all evil.”")
    spans = find_quotes([text])[0]
    assert [text[s.start:s.end] for s in spans] == [
        "I came for the music. As the song goes ‘Some people are so poor all they have is money.",
        "the root of all evil."]


def test_quote_running_over_paragraphs_is_one_span_per_paragraph():
    spans = find_quotes(["“We began in spring.", "“By autumn the mill was full,” she said."])
    assert [len(s) for s in spans] == [1, 1]
    assert spans[0][0].runs_on and spans[1][0].continues


# --- speakers and cues ---------------------------------------------------------------

def test_speaker_after_the_quote_resolves_to_the_full_name(nlp):
    text = ("Mayor Ana Ruiz opened the new library on Tuesday.\n\n"
            "“Every child in this town deserves a quiet place to read,” said Ruiz.")
    q = row_with(quotes_of(nlp, text), "Every child")
    assert q["speaker"] == "Ana Ruiz"
    assert q["kind"] == "direct" and q["cue"] == "said"
    assert text[q["start"]:q["end"]] == "Every child in this town deserves a quiet place to read,"


def test_speaker_before_the_quote_with_a_colon(nlp):
    text = 'Engineer Tomas Berg explained: "The old pumps could not keep up with the spring floods."'
    q = row_with(quotes_of(nlp, text), "old pumps")
    assert q["speaker"] == "Tomas Berg" and q["cue"] == "explained"


def test_split_quote_gives_two_rows_with_one_speaker(nlp):
    text = ("Petra Holm, a lawyer for the family, spoke after the ruling.\n\n"
            "\"We will appeal,\" she said, \"and we expect to win in the higher court.\"")
    quotes = quotes_of(nlp, text)
    assert len(quotes) == 2
    assert set(quotes["speaker"]) == {"Petra Holm"}
    assert list(quotes["speaker_text"]) == ["she", "she"]
    assert quotes["passage"].nunique() == 1


def test_multi_paragraph_quote_shares_the_speaker(nlp):
    text = ("Colin Hebden, who farms near Ellery, described the harvest.\n\n"
            "“The rain came early and stayed for weeks, and the barley never dried out in the fields.\n\n"
            "“We lost half the crop before October,” Hebden said.")
    quotes = quotes_of(nlp, text)
    assert len(quotes) == 2
    assert list(quotes["speaker"]) == ["Colin Hebden", "Colin Hebden"]
    assert quotes["passage"].nunique() == 1


def test_pronoun_across_a_paragraph_break(nlp):
    text = ("Dr. Maria Lind leads the clinic in Harwick.\n\n"
            "\"Our waiting lists have doubled since the winter,\" she told reporters.")
    q = row_with(quotes_of(nlp, text), "waiting lists")
    assert q["speaker"] == "Maria Lind" and q["cue"] == "told"


def test_apposition_speaker(nlp):
    text = ("Colin Hebden, chairman of the Ellery Farmers’ Association, said: "
            "\"Prices at the market have fallen for three years in a row.\"")
    assert row_with(quotes_of(nlp, text), "Prices")["speaker"] == "Colin Hebden"


def test_quoted_through_a_channel_belongs_to_the_speaker(nlp):
    text = ("\"The harbour will reopen once the storm passes,\" Governor Ella Park was quoted "
            "by Radio Norte as saying.")
    q = row_with(quotes_of(nlp, text), "harbour")
    assert q["speaker"] == "Ella Park"
    assert q["channel"] == "Radio Norte"


def test_indirect_speech_with_denied(nlp):
    text = "The city council has denied that it plans to sell the old stadium to developers."
    q = row_with(quotes_of(nlp, text), "plans to sell")
    assert q["kind"] == "indirect" and q["cue"] == "denied"
    assert q["quote"] == "it plans to sell the old stadium to developers"


def test_a_question_left_open_reports_nothing(nlp):
    text = ("Rep. Linus Faircloth left the bill pending without saying when it would come up again.\n\n"
            "Mr. Quaglia didn't say when the review would end. He has not said how he would handle a veto.\n\n"
            "The spokeswoman declined to say whether the caucus would give it a hearing.\n\n"
            "Quaglia said the review would end in May.")
    assert quotes_of(nlp, text)["quote"].tolist() == ["the review would end in May"]


def test_mixed_quote_is_the_fragment(nlp):
    text = ('Minister Lena Vogt said that the new rules include "a ban on night flights over '
            'the valley and stricter noise limits."')
    quotes = quotes_of(nlp, text)
    assert len(quotes) == 1
    q = quotes.iloc[0]
    assert q["kind"] == "mixed" and q["speaker"] == "Lena Vogt"
    assert q["quote"].startswith("a ban on night flights")


def test_scare_quotes_and_titles_are_not_quotes(nlp):
    text = ('The so-called "green corridor" runs past a cinema showing a film called "Night Train".\n\n'
            'Visitors can read the "Harbour Plan" at the library.')
    assert quotes_of(nlp, text).empty


def test_a_name_the_speaker_goes_by_is_not_their_speech(nlp):
    text = ('Mayor Rodolfo Tabuena, known to residents as "Dodong," said the town had run out of rice.\n\n'
            "The company, best known for its “Lakehead” line of coats, said the plant had become too costly.\n\n"
            "Customers call him 'el Maestro'. Fans call the striker “the Hammer”.\n\n"
            'Senator Ann Boyd, who called the plan "a disgrace" on Monday, said she would vote against it.\n\n'
            "The petition calls the closure 'a wall through the village' and demands a tunnel.\n\n"
            'Governor Mike Pence called him "an American hero."\n\n'
            "The villagers were singing the folk song ‘Izlel e Delyo haydutin’, Mayor Ana Petrova said.")
    quotes = quotes_of(nlp, text)
    assert quotes["quote"].tolist() == ["the town had run out of rice", "the plant had become too costly",
                                        "a disgrace", "she would vote against it", "a wall through the village",
                                        "an American hero."]


def test_words_on_placards_the_crowd_carries_are_not_speech(nlp):
    text = ('Some protesters held placards reading "No water, no rates" and "Our taps are dry".\n\n'
            "About 30 members marched to the office carrying banners reading 'Water is life'.\n\n"
            'Farmers stood outside with a hand-painted board reading "The valley is not for sale".\n\n'
            "Residents have hung a banner across the entrance to the village reading “El agua es del pueblo”.\n\n"
            '"We are tired of waiting," said Zodwa Mabandla, a pensioner.')
    quotes = quotes_of(nlp, text)
    assert quotes["quote"].tolist() == ["We are tired of waiting,"]


def test_put_is_a_cue_only_as_putting_it(nlp):
    text = ("A rough media system may make it harder for our leaders to put on a show of being \"strong\" "
            "like the men they face.\n\n"
            "Mayor Tannis Obrecht put it plainly: \"We have a rink, a school and an elevator.\"")
    quotes = quotes_of(nlp, text)
    assert list(quotes["speaker"]) == ["Tannis Obrecht"]


def test_quotes_keep_contract_columns_and_channel(nlp):
    quotes = quotes_of(nlp, "No one said anything.")
    assert quotes.empty
    assert "channel" in quotes.columns and "speaker_start" in quotes.columns


# --- the sample article --------------------------------------------------------------

@pytest.fixture(scope="module")
def sample_quotes(sample):
    return sample.quotes


def test_sample_direct_quote_through_cctv(sample_quotes):
    q = row_with(sample_quotes, "At present, certain international forces")
    assert q["speaker"] == "Xi Jinping" and q["speaker_text"] == "he" and q["kind"] == "direct"


def test_sample_indirect_and_group_speakers(sample_quotes):
    assert row_with(sample_quotes, "might try to reclaim")["speaker"] == "Russian officials"
    assert row_with(sample_quotes, "harboring plans")["speaker"] == "Kremlin"
    assert row_with(sample_quotes, "dignitaries")["speaker"] == "U.S., Canada, Australia and Britain"


def test_sample_has_every_gold_quote_once(sample_quotes):
    assert len(sample_quotes) == 14
    assert (sample_quotes["kind"] == "mixed").sum() == 6


# --- more styles ---------------------------------------------------------------------

def test_typewriter_double_quote_marks(nlp):
    text = "''The ferry will run all winter,'' said Captain Ivo Marsh of the harbour board."
    q = row_with(quotes_of(nlp, text), "ferry")
    assert q["quote"] == "The ferry will run all winter," and q["speaker"] == "Ivo Marsh"


def test_transcript_line_names_its_speaker(nlp):
    text = ("Senator Wilma Crane spoke to the host on Sunday.\n\n"
            "\"CRANE: We have the votes, and we will pass the bill before the recess.")
    assert row_with(quotes_of(nlp, text), "We have the votes")["speaker"] == "Wilma Crane"


def test_credit_after_a_dash(nlp):
    text = ("Readers wrote in about the new buses.\n\n"
            "“The new bus timetable has made my mornings much easier.” ― Rosa Villanueva")
    assert row_with(quotes_of(nlp, text), "bus timetable")["speaker"] == "Rosa Villanueva"


def test_according_to_gives_the_rest_of_the_sentence(nlp):
    text = "According to the port authority, the new crane will be working by March."
    q = row_with(quotes_of(nlp, text), "crane")
    assert q["kind"] == "indirect" and q["cue"] == "according to"
    assert q["quote"] == "the new crane will be working by March"


def test_resolved_pronoun_sentences_count_toward_entity_tone(nlp):
    text = ("Mayor Ana Ruiz opened the new park in Dunmore on Monday.\n\n"
            "“This is a terrible, awful day for us,” she said.")
    result = analyze(text, "t.txt", nlp=nlp)
    ruiz = result.entities.set_index("entity").loc["Ana Ruiz"]
    assert ruiz["mentions"] == 1
    assert ruiz["polarity"] < 0


def test_a_speaker_reporting_herself_attaches_to_the_outer_name(nlp):
    text = ('Judge Harriet Quan spoke at the law school on Friday.\n\n'
            'Quan said she remembered thinking, "Nobody in this room expects me to finish the case."')
    q = row_with(quotes_of(nlp, text), "Nobody in this room")
    assert q["speaker"] == "Harriet Quan" and q["speaker_text"] == "Quan"


def test_relative_pronoun_speaker_keeps_its_own_span(nlp):
    text = ("The crowd cheered for Nora Bell, who told the hall, \"This town has waited long "
            "enough for a swimming pool.\"")
    q = row_with(quotes_of(nlp, text), "swimming pool")
    assert q["speaker"] == "Nora Bell" and q["speaker_text"] == "who"


def test_section_headings_and_stage_directions_are_not_quotes(nlp):
    text = ("'Harvest of the Valley.'\n\n"
            "\"(LAUGHTER.)\"\n\n"
            "\"We will open the new school in September,\" said Principal Dora Keyes.")
    quotes = quotes_of(nlp, text)
    assert list(quotes["quote"]) == ["We will open the new school in September,"]


def test_headlines_hold_no_quotes(nlp):
    text = ('Mayor says "we will rebuild the pier"\n\n'
            'Mayor Ana Ruiz said on Monday that the town would rebuild the pier by June.')
    quotes = quotes_of(nlp, text)
    assert (quotes["paragraph"] > 0).all() and len(quotes) == 1


def test_descriptive_subject_with_a_named_apposition(nlp):
    text = ("The report's author, retired engineer Dr. Selma Varga, explained that most of the "
            "leaks came from pipes laid before 1950.")
    q = row_with(quotes_of(nlp, text), "leaks")
    assert q["speaker"] == "Selma Varga" and q["kind"] == "indirect"


def test_plural_possessive_inside_single_quotes_and_low_opening_marks():
    text = "‘The players’ union has agreed to the deal,’ said Mr Hale. Er sagte: „Wir kommen morgen.“"
    spans = find_quotes([text])[0]
    assert [text[s.start:s.end] for s in spans] == ["The players’ union has agreed to the deal,",
                                                    "Wir kommen morgen."]


def test_titles_tell_he_from_she(nlp):
    text = ("Councillor Priya Shah and Mr. Tom Edwards clashed over the cycle lanes on Monday.\n\n"
            "Mr Edwards disagreed with the plan.\n\n"
            "She replied that the lanes had worked well in other towns.")
    q = row_with(quotes_of(nlp, text), "other towns")
    assert q["speaker"] == "Priya Shah" and q["speaker_text"] == "She"


def test_colon_lines_name_the_speaker(nlp):
    text = ("Vogt: the harbour plan 'will cost us the fishing fleet' if it passes.\n\n"
            "On Monday, Mayor Lena Vogt made the following comment:\n\n"
            "\"The council has not listened to a single fisherman in this town.\"")
    quotes = quotes_of(nlp, text)
    assert row_with(quotes, "fishing fleet")["speaker"] == "Lena Vogt"
    assert row_with(quotes, "single fisherman")["speaker"] == "Lena Vogt"


def test_reported_through_a_broadcaster(nlp):
    text = ("Radio Norte reported that union leader Hollis Brand said the strike would go on "
            "\"until the council puts a real offer on the table.\"\n\n"
            "\"We are not asking for a rise,\" Brand said, according to the Evening Ledger.")
    quotes = quotes_of(nlp, text)
    first = row_with(quotes, "real offer")
    assert (first["speaker"], first["channel"], first["kind"]) == ("Hollis Brand", "Radio Norte", "mixed")
    second = row_with(quotes, "not asking")
    assert second["speaker"] == "Hollis Brand" and second["channel"] == "Evening Ledger"


def test_a_name_in_apposition_the_model_misses_is_the_speaker(nlp):
    text = ("Rain flooded the lower town on Sunday.\n\n"
            "Her brother, Oskar Lindqvist, said: ‘We lost the whole cellar.’")
    row = analyze(text, "flood.txt", nlp=nlp).quotes.iloc[0]
    assert row.speaker == "Oskar Lindqvist"


def test_name_opening_the_frame_after_the_quote_with_an_apposition(nlp):
    text = ("Headline About Ferries\n\n"
            "“It is not the moment to pretend the timetable works,” Olga Brandt, a harbour pilot, "
            "said at a meeting in Kestwick.")
    assert row_with(quotes_of(nlp, text), "pretend the timetable")["speaker"] == "Olga Brandt"


def test_nested_report_goes_to_the_outer_speaker(nlp):
    text = ("Harbour Plan\n\n"
            "Mayor Ines Kovar said a majority of residents now believe “the ferry is worth saving at any price.”")
    assert row_with(quotes_of(nlp, text), "worth saving")["speaker"] == "Ines Kovar"


def test_two_reports_side_by_side_keep_their_own_speakers(nlp):
    text = ("Harbour Plan\n\n"
            "Mayor Ines Kovar said the plan was “a lifeline,” and Tomas Reyes said it was “a fantasy.”")
    quotes = quotes_of(nlp, text)
    assert row_with(quotes, "lifeline")["speaker"] == "Ines Kovar"
    assert row_with(quotes, "fantasy")["speaker"] == "Tomas Reyes"


def test_cueless_quote_goes_to_the_subject_of_the_sentence_before(nlp):
    text = ("Bakery Wins Award\n\n"
            "Marta Lindqvist praised the bakery's owners for keeping prices low through the winter.\n\n"
            "“We need more places like this on the high street, not fewer.”")
    assert row_with(quotes_of(nlp, text), "more places like this")["speaker"] == "Marta Lindqvist"


def test_dateline_is_not_the_speaker(nlp):
    text = ("Minister Visits Port\n\n"
            "KESTWICK — Transport Minister Hana Ostrova, opening the new terminal on Friday, said it would "
            "“change how this town sees the sea.”")
    assert row_with(quotes_of(nlp, text), "change how this town")["speaker"] == "Hana Ostrova"


def test_headings_and_a_union_of_countries_are_not_whom_he_stands_for(nlp):
    text = ("Secretary General Tomas Okafor has led the agency since 2017.\n\n"
            "United Nations peacekeepers are not prepared for counterterrorism operations, though they often "
            "find themselves in war zones.\n\n"
            "Gender Equality.\n\n"
            "The Gap Goes On: It was under Mr. Okafor's watch that the board set up a women's office. "
            "And in recent months, he said he backed the idea of a woman succeeding him.")
    assert row_with(quotes_of(nlp, text), "backed the idea")["speaker"] == "Tomas Okafor"


def test_a_share_of_those_polled_is_not_the_speaker_the_poll_is(nlp):
    text = ("Survey on Trams\n\n"
            "In a Kestwick Gazette poll released on Monday, 64 percent of riders said the trams were "
            "“too slow to be worth the fare.”")
    assert "poll" in row_with(quotes_of(nlp, text), "too slow")["speaker"]


def test_a_first_person_quote_goes_to_the_person_named_next(nlp):
    text = ("Fans filled the square after the win. Many said the wait had been worth it.\n\n"
            "\u201cMy grandfather brought me here when I was five.\u201d\n\n"
            "That was Lorna Haig, 61, who has not missed a home game since 1980.")
    assert row_with(quotes_of(nlp, text), "grandfather")["speaker"] == "Lorna Haig"


def test_a_source_is_named_by_its_description_not_its_owner(nlp):
    text = ("Inspectors published an inspection report on the Kelby ward in June.\n\n"
            "The report said that patients had waited on trolleys for days. "
            "The council's own impact assessment said that poorer families would lose most.")
    quotes = quotes_of(nlp, text)
    assert row_with(quotes, "trolleys")["speaker"] == "inspection report"
    assert row_with(quotes, "poorer families")["speaker"] == "impact assessment"


def test_group_names_keep_their_nouns_and_proper_adjectives(nlp):
    text = ("Two senior ministry officials said the plan was late. Local campaigners said the figures were too low. "
            "Russian officials said nothing had changed.")
    quotes = quotes_of(nlp, text)
    assert row_with(quotes, "plan was late")["speaker"] == "ministry officials"
    assert row_with(quotes, "too low")["speaker"] == "campaigners"
    assert row_with(quotes, "nothing had changed")["speaker"] == "Russian officials"


def test_she_skips_a_man_known_by_his_given_name(nlp):
    text = ("Donald Pryor, the club's treasurer, met Esther Kilonzo on Monday.\n\n"
            "She said that the books would be opened to members.")
    assert row_with(quotes_of(nlp, text), "books would be opened")["speaker"] == "Esther Kilonzo"


def test_a_paragraph_saying_who_just_spoke_names_the_speaker(nlp):
    text = ("Fiddler Orla Bannerman, whose band Hollowmere closed the bill, has played every year. "
            "\u2018It was four hundred of us,\u2019 she said.\n\n"
            "Organiser Gethin Rowlands said the festival would return.\n\n"
            "\u2018I\u2019ve been coming since I was twenty-four.\u2019\n\n"
            "That was Marisa Fenwick, 34, who camps by the stage.")
    quotes = quotes_of(nlp, text)
    assert row_with(quotes, "four hundred")["speaker"] == "Orla Bannerman"
    assert row_with(quotes, "twenty-four")["speaker"] == "Marisa Fenwick"


def test_a_bare_quantifier_stands_for_the_group_named_before(nlp):
    text = ("Traders were unconvinced. Several said that they had heard the same promises in 2019.\n\n"
            "Shoppers who signed the petition were surprised. Two said they would have signed anyway.")
    quotes = quotes_of(nlp, text)
    assert row_with(quotes, "same promises")["speaker"] == "traders"
    assert row_with(quotes, "signed anyway")["speaker"] == "shoppers"


def test_one_person_of_a_kind_is_named_by_the_kind(nlp):
    text = ("One station operations executive said she had been hired in August. "
            "One of the attorneys, Justin Okoro, said the video was clear.")
    quotes = quotes_of(nlp, text)
    assert row_with(quotes, "hired in August")["speaker"] == "station operations executive"
    assert row_with(quotes, "video was clear")["speaker"] == "Justin Okoro"


def test_an_interview_set_out_as_questions_and_answers_quotes_the_answers(nlp):
    text = ("Thatcher Ysolde Penhallow has roofed cottages on Bodmin Moor for 40 years.\n\n"
            "Penhallow, 62, said she would retire next spring.\n\n"
            "Q: Why did you start thatching?\n\n"
            "A: My father did it, and his father. I never thought of doing anything else.\n\n"
            "Q: What will you miss?\n\n"
            "A: The reed. Not the ladders. Some of them say \"she's too old\" already.\n\n"
            "Grade A: excellent, said the judges.")
    quotes = quotes_of(nlp, text)
    for words in ("My father did it", "The reed. Not the ladders"):
        row = row_with(quotes, words)
        assert (row["speaker"], row["kind"]) == ("Ysolde Penhallow", "direct"), words
    assert not quotes["quote"].str.contains("Why did you start").any()
    assert not quotes["quote"].str.fullmatch("she's too old").any()  # inside the answer, not a quote of its own


def test_a_report_opening_after_a_dateline_leaves_the_dateline_out(nlp):
    text = ("Woman took county street sweeper\n\n"
            "OTTER BEND, Wis. (AP) \u2014 A woman stole a county street sweeper early Saturday and drove it into a "
            "ditch before deputies stopped her, police said.")
    row = row_with(quotes_of(nlp, text), "county street sweeper early")
    assert row["quote"].startswith("A woman stole") and row["speaker"] == "police"


def test_a_reported_clause_beside_a_mixed_quote_in_one_sentence_is_indirect_speech(nlp):
    text = ("Mayor Tobias Farrant said the town supported the project because it would create 400 jobs, but that "
            "he had asked the company to move the pipe “further out, where nobody swims.”\n\n"
            "In a statement, the company said the plant would use “the best available technology” and that the "
            "brine would be diluted before it reached the bay.\n\n"
            "Councillor Ines Worrall said she had received the petition and would meet both sides "
            "\"before the next market day\".")
    quotes = quotes_of(nlp, text)
    assert row_with(quotes, "supported the project")["kind"] == "indirect"
    assert row_with(quotes, "further out")["kind"] == "mixed"
    assert row_with(quotes, "brine would be diluted")["kind"] == "indirect"
    assert row_with(quotes, "received the petition")["kind"] == "indirect"
    assert row_with(quotes, "before the next market day")["kind"] == "mixed"
    assert not any("received the petition" in q and "market day" in q for q in quotes["quote"])


def test_a_verb_with_would_that_the_parser_hung_on_the_cue_is_still_reported(nlp):
    text = "Rosalind Garvey said she would be at the next council session, and would bring the painters with her."
    quotes = quotes_of(nlp, text)
    assert row_with(quotes, "next council session")["quote"].endswith("bring the painters with her")


def test_what_data_records_and_minutes_show_is_reported(nlp):
    text = ("Data from the National Water Commission show that the aquifer is overdrawn by about a third.\n\n"
            "According to the council's minutes, the curfew will be enforced by village chiefs.")
    quotes = quotes_of(nlp, text)
    assert row_with(quotes, "aquifer is overdrawn")["kind"] == "indirect"
    assert row_with(quotes, "curfew will be enforced")["kind"] == "indirect"


def test_a_past_perfect_verb_beside_a_mixed_quote_is_reported_too(nlp):
    text = ("In a statement after the hearing, the company said it ‘deeply regrets’ the accident and had paid "
            "Mr Faria’s full wages since the fall.")
    quotes = quotes_of(nlp, text)
    assert row_with(quotes, "deeply regrets")["kind"] == "mixed"
    assert row_with(quotes, "full wages")["quote"] == "had paid Mr Faria’s full wages since the fall"


def test_a_verb_after_did_not_goes_on_with_the_reported_clause(nlp):
    text = ("Mereoni Tuilau said she did not blame anyone for the delay but wanted an answer before the cyclone "
            "season.\n\n"
            "Nigel Farage said the warning showed that the President did not know what he was talking about, and "
            "accused his rival of cowardice.")
    quotes = quotes_of(nlp, text)
    assert row_with(quotes, "blame anyone")["quote"].endswith("before the cyclone season")
    assert row_with(quotes, "the warning showed")["quote"].endswith("what he was talking about")  # his own act


def test_a_translation_in_brackets_shares_its_quote_s_fate(nlp):
    text = ("“We will not give up,” said Gilles Weydert.\n\n"
            "At the school gate, children had hung a banner reading ‘Wand jo – awer net hei’ (‘Wind yes – but not "
            "here’).\n\n"
            '"El mar no se vende" ("The sea is not for sale"), said fisherman Leopoldo Anzures.')
    quotes = quotes_of(nlp, text)
    assert quotes["quote"].tolist() == ["We will not give up,", "El mar no se vende", "The sea is not for sale"]
    assert quotes["speaker"].tolist() == ["Gilles Weydert", "Leopoldo Anzures", "Leopoldo Anzures"]


def test_a_report_of_one_s_own_report_is_one_row(nlp):
    text = ("Councillor Brenda Oyelaran said she agreed that the council had moved too slowly on the bridge.\n\n"
            "Station manager Ida Lund said she believed the work would end in May.")
    quotes = quotes_of(nlp, text)
    assert row_with(quotes, "moved too slowly")["quote"].startswith("she agreed that")
    assert row_with(quotes, "work would end")["quote"].startswith("she believed")


def test_an_interview_set_out_under_names_quotes_the_answers_only(nlp):
    text = ("The Kyiv Independent spoke with the school's principal, Nadiia Ostrovetska.\n\n"
            "Kyiv Independent: What was the hardest part of these two years?\n\n"
            "Ostrovetska: The first winter. We had one generator for the whole cultural center.\n\n"
            "Kyiv Independent: Why not move the children to another village?\n\n"
            "Ostrovetska: The nearest school is 23 kilometers away, and the road is not always safe.\n\n"
            "Note: The interview has been edited for length.")
    quotes = quotes_of(nlp, text)
    assert [q.split(" ")[1] for q in quotes["quote"]] == ["first", "nearest"]
    assert set(quotes["speaker"]) == {"Nadiia Ostrovetska"}


def test_an_interviewer_s_line_without_a_question_mark_is_still_a_question(nlp):
    text = ("Mayor Ildikó Vártokai spoke to Hungary Today at the village hall.\n\n"
            "Hungary Today: Why sell rather than reopen the bath yourselves?\n\n"
            "Vártokai: Because we tried. We asked for state support twice.\n\n"
            "Hungary Today: Residents say they were not consulted.\n\n"
            "Vártokai: We held a public hearing in March. Forty people came.")
    quotes = quotes_of(nlp, text)
    assert [q.split(".")[0] for q in quotes["quote"]] == ["Because we tried", "We held a public hearing in March"]
    assert set(quotes["speaker"]) == {"Ildikó Vártokai"}


def test_a_single_quote_opened_mid_paragraph_runs_on_into_the_next(nlp):
    text = ("‘I am not asking for a new harbour,’ Gervais d’Arvelle told Nation. ‘I am asking for twenty metres of "
            "concrete.\n\n"
            "‘These men have waited since February.’\n\n"
            "The ministry's spokesman said the slipway was on the list.")
    quotes = quotes_of(nlp, text)
    rows = quotes[quotes["kind"] == "direct"]
    assert rows["quote"].tolist() == ["I am not asking for a new harbour,",
                                      "I am asking for twenty metres of concrete.",
                                      "These men have waited since February."]
    assert set(rows["speaker"]) == {"Gervais d’Arvelle"} and rows["passage"].nunique() == 1


def test_a_chant_s_translation_is_no_speech_and_a_straight_quote_runs_on(nlp):
    text = ("Chanting \"Sunu fas, sunu liggéey!\" (\"Our horses, our work!\"), about 200 drivers marched to the "
            "town hall on Monday.\n\n"
            "'This is not the state against the chiefs,' the governor said. 'We all eat from the same reef.\n\n"
            "'In three years I want to see the channel full again.'")
    quotes = quotes_of(nlp, text)
    assert not any("Our horses" in q for q in quotes["quote"])
    assert row_with(quotes, "same reef")["speaker"] == row_with(quotes, "not the state")["speaker"]


def test_a_title_case_dateline_is_no_part_of_the_speaker_or_a_name(nlp):
    # the model runs the dateline's city across the spaced dash into the first name
    text = ("Growers say wells ran dry\n\n"
            "Tunis - Olive growers in the village of Zarnouka say the old canal has run dry for the first time.\n\n"
            "\"My father cleaned this canal,\" said Hedi Ben Amor.")
    result = analyze(text, nlp=nlp)
    assert row_with(quotes_of(nlp, text), "has run dry")["speaker"].lower() == "olive growers"
    assert not any(" - " in e for e in result.entities["entity"])
    text = ("Trump accepts nomination\n\n"
            "CLEVELAND - Donald Trump said on Thursday that he alone could fix the system.")
    assert row_with(quotes_of(nlp, text), "alone could fix")["speaker"] == "Donald Trump"


def test_that_is_how_a_person_put_it_names_the_quote_before(nlp):
    text = ("Growers block the road\n\n"
            "\"Nobody here is asking for a gift.\" That was how Dragoljub Vasic, who grows raspberries near the "
            "pass, put it on Monday.\n\n"
            "\"The ships wait for the tide.\" That is how Obinna Ekwueme, who runs a terminal in Camden, "
            "described the berth. He said bookings had fallen.")
    quotes = quotes_of(nlp, text)
    assert row_with(quotes, "asking for a gift")["speaker"] == "Dragoljub Vasic"
    assert row_with(quotes, "wait for the tide")["speaker"] == "Obinna Ekwueme"
