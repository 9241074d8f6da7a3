"""Whom "he" and "she" stand for when the story turns from one person to another."""
from __future__ import annotations

from tests.test_quotes import quotes_of, row_with


def test_she_is_the_woman_the_story_turned_to(nlp):
    text = ("A trust spokeswoman, Claire Pendlebury, said two ambulances would be based at Brackendale.\n\n"
            "For Hannah Ruddock, who is 31 weeks pregnant, that is little comfort. Her first son was delivered "
            "by emergency caesarean, 20 minutes after she arrived.\n\n"
            "'Four in five is a lovely number. I was the fifth,' she said.")
    assert row_with(quotes_of(nlp, text), "lovely number")["speaker"] == "Hannah Ruddock"


def test_she_stays_with_the_woman_the_paragraph_is_already_about(nlp):
    text = ("\"Own it, express it,\" Loretta Lynch said.\n\n"
            "She has faced controversies, most recently a meeting with Bill Clinton while the department was "
            "investigating his wife, Hillary Clinton.\n\n"
            "\"People tend not to say those things to the attorney general,\" she said.")
    assert row_with(quotes_of(nlp, text), "People tend not")["speaker"] == "Loretta Lynch"


def test_it_is_the_document_the_sentence_before_made_its_subject(nlp):
    text = ("A super PAC is launching a television campaign against Rep. Bettina Wrexley, according to a memo "
            "circulated to donors on Sunday.\n\n"
            "The memo, from Peninsula Prosperity PAC, says the ads will begin airing Tuesday. It describes Wrexley "
            "as \u201cthe most exposed Democrat in the country on crime.\u201d")
    row = row_with(quotes_of(nlp, text), "most exposed Democrat")
    assert (row["speaker"], row["speaker_kind"]) == ("memo", "source")
