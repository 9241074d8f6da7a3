"""Speakers the article does not name: an anonymous source goes by the words that say which
one, and a share of a group ("a third of respondents", "Many of them") by the group."""
from __future__ import annotations

from tests.test_quotes import quotes_of, row_with


def test_an_anonymous_source_keeps_the_words_that_say_which_one(nlp):
    text = ("A partner at the fund, who asked not to be named, said the suspension would delay a planned round.\n\n"
            "A Republican strategist involved in Senate races, who spoke on condition of anonymity, said "
            "Michigan was the cheapest seat.\n\n"
            "One Democratic operative close to the campaign, who was not authorized to speak publicly, said the mood "
            "was almost relieved.")
    quotes = quotes_of(nlp, text)
    assert row_with(quotes, "delay a planned")["speaker"] == "partner at the fund"
    assert row_with(quotes, "cheapest seat")["speaker"] == "Republican strategist involved in Senate races"
    assert row_with(quotes, "almost relieved")["speaker"] == "Democratic operative close to the campaign"


def test_a_known_or_bare_source_keeps_its_noun_only(nlp):
    text = ("A state water board official, who spoke on condition of anonymity, said the permits were under review.\n\n"
            "The partner at the fund said the round would close in May.")
    quotes = quotes_of(nlp, text)
    assert row_with(quotes, "under review")["speaker"] == "state water board official"
    assert row_with(quotes, "close in May")["speaker"] == "partner"


def test_a_share_of_a_group_is_the_group(nlp):
    text = ("Residents of Nkaroni said they had kept using the borehole until Saturday, when health officers "
            "nailed a sign to the pump. Many of them said "
            "they had no other source of water within walking distance.\n\n"
            "The poll found the two candidates level. Nearly a third of respondents said they had not made up "
            "their minds.")
    quotes = quotes_of(nlp, text)
    assert row_with(quotes, "no other source")["speaker"] == "residents"
    assert row_with(quotes, "made up their minds")["speaker"] == "respondents"


def test_many_of_whom_is_the_group_before_it(nlp):
    text = ("The decision has angered family members of the crash victims, many of whom say the inquiry was "
            "rushed.\n\n"
            "Residents of the valley, some of whom said the water had turned brown, packed the hall.")
    quotes = quotes_of(nlp, text)
    row = row_with(quotes, "inquiry was rushed")
    assert (row["speaker"], row["speaker_text"]) == ("family members", "many of whom")  # the words in its clause
    assert (row_with(quotes, "turned brown")["speaker"], row_with(quotes, "turned brown")["speaker_kind"]) == \
        ("residents", "group")


def test_she_after_an_unnamed_source_is_that_source_not_the_last_named_woman(nlp):
    text = ("Health MEC Thandeka Mokoena said the department had approved six nurses.\n\n"
            "A nurse at the clinic, who asked not to be named for fear of losing her job, said staff had been "
            "promised extra posts in each of the past three budgets.\n\n"
            "'They come and take photographs of the queue and they go,' she said.\n\n"
            "A reader would ask why. 'The queue is long,' she said.")
    quotes = quotes_of(nlp, text)
    assert row_with(quotes, "extra posts")["speaker"] == "nurse at the clinic"
    assert row_with(quotes, "take photographs")["speaker"] == "nurse at the clinic"
    assert row_with(quotes, "queue is long")["speaker"] == "nurse at the clinic"  # "a reader would" asks nothing


def test_an_anonymous_source_after_a_granted_anonymity_aside_and_the_noun_again(nlp):
    text = ("Recruiting\n\n"
            "A Democratic strategist involved in the recruitment effort, granted anonymity to discuss private "
            "conversations, said Vandermolen had met twice with Senate leaders and had asked for polling.\n\n"
            "“She’s asking the right questions,” the strategist said.")
    quotes = quotes_of(nlp, text)
    met = row_with(quotes, "had met twice")
    assert met["speaker"] == "Democratic strategist involved in the recruitment effort"
    assert met["quote"].startswith("Vandermolen had met twice")
    assert row_with(quotes, "right questions")["speaker"] == met["speaker"]


def test_groups_keep_what_sets_them_apart_and_lose_whose_they_are(nlp):
    text = ("Two people familiar with the matter said Varholm had asked for a new yard. "
            "His family said he died peacefully. The authors wrote that their numbers were too low. "
            "Her campaign said the ad was false.\n\n"
            "Dr. Ama Lestrade, the study's lead author, said the heat was to blame.")
    quotes = quotes_of(nlp, text)
    assert row_with(quotes, "asked for a new yard")["speaker"] == "people familiar with the matter"
    assert row_with(quotes, "died peacefully")["speaker"] == "family"
    assert row_with(quotes, "numbers were too low")["speaker"] == "authors"
    assert row_with(quotes, "ad was false")["speaker"] == "campaign"


def test_where_an_anonymous_source_is_based_is_no_part_of_who_they_are(nlp):
    text = ("A ministry official in Kampala, who was not allowed to speak to the press, said claims had doubled.\n\n"
            "An official of the Department of Agriculture in Cebu said seed would arrive on Friday.\n\n"
            "Two senior staff of the bank told reporters that the board had approached investors.")
    quotes = quotes_of(nlp, text)
    assert row_with(quotes, "claims had doubled")["speaker"] == "ministry official"
    assert row_with(quotes, "seed would arrive")["speaker"] == "official of the Department of Agriculture"
    assert row_with(quotes, "approached investors")["speaker"] == "senior staff"


def test_one_resident_of_a_named_street_is_the_resident_not_the_street(nlp):
    text = ("Some people living in the new houses on Triq il-Merill have complained about the noise.\n\n"
            "‘We bought here because it was quiet. Nobody told us about the explosives down the road,’ said one "
            "Triq il-Merill resident, who asked not to be named because ‘in this village you don’t want to be the "
            "one who stopped the festa’.")
    assert row_with(quotes_of(nlp, text), "Nobody told us")["speaker"] == "Triq il-Merill resident"


def test_a_group_is_not_the_place_named_beside_it(nlp):
    text = ("LUWERO. Farmers in Kigombe village, Luwero District, say they have lost half their maize to "
            "army worms this season.")
    assert row_with(quotes_of(nlp, text), "half their maize")["speaker"] == "farmers"


def test_a_document_keeps_what_it_is_of(nlp):
    text = ("Tamsin Roe, 47, pleaded guilty in the district court.\n\n"
            "According to an agreed statement of facts tendered to the court, Roe made 312 transfers from the "
            "accounts.\n\n"
            "According to the report of the inspector, the roof had leaked for a decade.")
    quotes = quotes_of(nlp, text)
    assert row_with(quotes, "312 transfers")["speaker"] == "agreed statement of facts"
    assert row_with(quotes, "leaked for a decade")["speaker"] == "report"
