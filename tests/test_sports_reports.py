"""Match reports: clubs, scores, positions and the two managers' counterparts."""
from __future__ import annotations

from analysis import analyze
from tests.test_entities import entities_of
from tests.test_quotes import quotes_of, row_with

REPORT = (
    "Harrowgate Rovers beat Millbeck United 3-1 at Quarry Lane on Saturday to stay third.\n\n"
    "Millbeck manager Corentin Vaskell said his players had been second best all afternoon. "
    "His Harrowgate counterpart, Idris Pellow, praised the crowd.\n\n"
    "\"We kept the ball and we kept our heads,\" he said.\n\n"
    "The Harrowgate manager said he would rest two players on Tuesday.\n\n"
    "Millbeck United Supporters Trust said in a statement that 900 fans had travelled. "
    "Rovers striker Teodor Blaskie scored twice and winger Ansel Farthing once.\n\n"
    "The weather was cold and the pitch was heavy after a week of rain, and the groundsman "
    "had covered the goalmouths on Friday night. Three first-team players missed the match with "
    "knocks, and two youth players sat on the bench.\n\n"
    "The referee booked five players and the match went seven minutes over time.\n\n"
    "Ticket prices had gone up by a pound since August.\n\n"
    "The away end was full for the first time since the spring.\n\n"
    "According to the club, the crowd of 5,310 was the largest of the season.")


def test_a_counterpart_holds_the_role_of_the_person_named_before(nlp):
    quotes = quotes_of(nlp, REPORT)
    assert row_with(quotes, "second best")["speaker"] == "Corentin Vaskell"
    assert row_with(quotes, "rest two players")["speaker"] == "Idris Pellow"


def test_a_score_is_no_part_of_a_club_and_a_club_is_not_its_supporters(nlp):
    found = entities_of(analyze(REPORT, "match.txt", nlp=nlp))
    assert "Millbeck United" in found and found["Millbeck United"][0] == "ORG"
    assert not any("3-1" in name for name in found)
    assert "Millbeck United Supporters Trust" in found
    quotes = quotes_of(nlp, REPORT)
    assert row_with(quotes, "900 fans")["speaker"] == "Millbeck United Supporters Trust"
    # "the club" is a sports club the story named, however far back, not the supporters' club
    assert row_with(quotes, "largest of the season")["speaker"] in ("Harrowgate Rovers", "Millbeck United")


def test_a_position_before_a_name_makes_a_person(nlp):
    found = entities_of(analyze(REPORT, "match.txt", nlp=nlp))
    assert found["Teodor Blaskie"][0] == "PERSON"
    assert found["Ansel Farthing"][0] == "PERSON"


def test_a_name_before_a_role_noun_is_not_the_one_who_holds_it(nlp):
    text = ("Senator Orla Fennimore toured the plant on Monday with her staff.\n\n"
            "A Fennimore aide said the senator would return in the spring.")
    quotes = quotes_of(nlp, text)
    assert row_with(quotes, "return in the spring")["speaker"] != "Orla Fennimore"

