"""An exchange set out as it went: questions and answers, each in a paragraph of its own."""
from __future__ import annotations

from tests.test_quotes import quotes_of, row_with

EXCHANGE = ("Led by state prosecutor Charlene Engelbrecht, Ayanda Mqadi described the day the certificate was "
            "brought to her desk. The exchange went as follows:\n\n"
            "“Who told you to sign the completion certificate?”\n\n"
            "“The municipal manager,” Mqadi replied.\n\n"
            "“Did she say why?”\n\n"
            "“Yes. She said the contractor was waiting outside and the money had to go before month-end.”\n\n"
            "“Had you, or anyone in your office, seen the road?”\n\n"
            "“No. Nobody had seen the road. There was no road.”")


def test_questions_and_answers_take_turns(nlp):
    quotes = quotes_of(nlp, EXCHANGE)
    for asked in ("Who told you", "Did she say why", "Had you, or anyone"):
        assert row_with(quotes, asked)["speaker"] == "Charlene Engelbrecht"
    for answer in ("municipal manager", "contractor was waiting", "Nobody had seen"):
        assert row_with(quotes, answer)["speaker"] == "Ayanda Mqadi"


def test_one_speakers_paragraphs_with_a_question_stay_theirs(nlp):
    text = ("Mayor Ana Ruiz met Councillor Tom Becker on Monday.\n\n"
            "“Why would we close the library?” Ruiz said.\n\n"
            "“It is the busiest building in town.”\n\n"
            "“Nobody has asked the readers.”")
    quotes = quotes_of(nlp, text)
    assert set(quotes["speaker"]) == {"Ana Ruiz"}


def test_an_interviewer_s_first_line_without_a_question_mark_is_a_question(nlp):
    text = ("Island Times spoke to Ngirakebou after the ceremony.\n\n"
            "Island Times: Some fishermen say three years is too long.\n\n"
            "Orrukem: Three years is one child going from first grade to fourth grade. It is nothing.\n\n"
            "Island Times: What happens to families who depend on the channel?\n\n"
            "Orrukem: The state will help them fish the outer reef.")
    quotes = quotes_of(nlp, text)
    assert row_with(quotes, "first grade")["speaker"] == "Orrukem"
    assert not any("too long" in q for q in quotes["quote"])
