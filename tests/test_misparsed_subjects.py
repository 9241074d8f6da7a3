"""Speakers the parse hides: a reporting verb the parser left without its subject, the
subject of the reported clause taken for the reporter, and a family's shared surname."""
from __future__ import annotations

from analysis import analyze
from tests.test_quotes import quotes_of, row_with

CANDIDATE = ("FORT SMITH, Ark. \u2014 Tobin Wendling has spent $4 million of his own money on the race. "
             "Wendling, 51, has held no public events.\n\n")


def test_a_name_before_a_verb_the_parser_left_without_a_subject_is_its_subject(nlp):
    text = CANDIDATE + ("Some voters said they had not made up their minds. Outside a diner in Harrison, retired "
                        "tool-and-die maker Augustin Kasprzak, 74, said he had seen a Wendling ad \u201cabout forty "
                        "times\u201d but still could not say what Wendling thought about Social Security.")
    assert row_with(quotes_of(nlp, text), "Social Security")["speaker"] == "Augustin Kasprzak"


def test_the_subject_of_the_reported_clause_is_not_the_reporter(nlp):
    text = CANDIDATE + ("In an email to supporters on Monday, obtained by The Post, Arceneaux\u2019s campaign manager, "
                        "Mavis Kowalczuk, wrote that Wendling was \u201ctrying to buy a seat he won\u2019t even sit "
                        "for an interview to earn.\u201d She later said the email had been drafted by the "
                        "campaign\u2019s digital staff.")
    quotes = quotes_of(nlp, text)
    assert row_with(quotes, "trying to buy a seat")["speaker"] == "Mavis Kowalczuk"
    assert row_with(quotes, "digital staff")["speaker"] == "Mavis Kowalczuk"


def test_she_after_a_wife_named_in_apposition_is_the_wife(nlp):
    text = CANDIDATE + ("An NRCC official, who spoke on the condition of anonymity, said it regarded the seat as "
                        "safe.\n\nWendling\u2019s wife, Lucinda Wendling, has become his most visible surrogate. At a "
                        "Rotary lunch in Rogers last week, she told members that her husband \u201cis not a "
                        "politician, and that\u2019s the point,\u201d according to a video of the event.")
    assert row_with(quotes_of(nlp, text), "not a politician")["speaker"] == "Lucinda Wendling"


def test_a_given_name_others_say_in_quotes_does_not_hand_the_surname_to_the_family(nlp):
    text = CANDIDATE + ("His wife, Lucinda Wendling, campaigns for him. \u201cStill waiting, Tobin,\u201d his rival "
                        "Verity Arceneaux wrote.\n\n"
                        "Wendling did not answer. \u201cHe is busy,\u201d a spokesman for Wendling said.")
    mentions = analyze(text, "t.txt", nlp=nlp).mentions
    people = mentions[mentions["text"] == "Wendling"]
    assert set(people["entity"]) == {"Tobin Wendling"}
    assert set(mentions.loc[mentions["entity"] == "Tobin Wendling", "label"]) == {"PERSON"}


def test_documents_named_again_by_their_noun_are_the_documents_named_in_full(nlp):
    text = CANDIDATE + ("Federal Election Commission filings show that Wendling has loaned his campaign $4.3 million. "
                        "Verity Arceneaux has raised $1.2 million, according to the filings.")
    assert row_with(quotes_of(nlp, text), "raised $1.2 million")["speaker"] == "Federal Election Commission filings"


def test_a_sentence_read_as_one_long_name_still_has_its_reporter(nlp):
    text = ("The Senate passed the bill 21-12 on Thursday.\n\n"
            "Rep. Stellan Ostby, R-Joplin, who chairs the House committee that will take up the bill, posted on X "
            "shortly after the vote that the House would \"take a hard look at the levy\" and would not bring the "
            "bill up before March.")
    assert row_with(quotes_of(nlp, text), "hard look")["speaker"] == "Stellan Ostby"


def test_the_senator_from_a_place_is_the_senator_named_as_from_there(nlp):
    text = ("The bill, sponsored by Sen. Thora Vandeventer of Sikeston, would let counties levy a small tax.\n\n"
            "Sen. Odell Kjellberg, R-Eminence, said it would shift the cost onto farmers. \"We are asking the "
            "poorest counties to tax themselves,\" he said.\n\n"
            "The senator from Sikeston said rural lawmakers had \"waited long enough for a perfect bill.\"")
    assert row_with(quotes_of(nlp, text), "perfect bill")["speaker"] == "Thora Vandeventer"
