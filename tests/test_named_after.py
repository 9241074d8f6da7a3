"""A speaker named only after the quote: the next sentence of the paragraph names them."""
from __future__ import annotations

from tests.test_quotes import quotes_of, row_with


def test_a_cueless_quote_goes_to_the_person_the_next_sentence_names(nlp):
    text = ("According to the Eastlake Wildfire Coordination Centre, the fire had grown to about 11,200 hectares. "
            "The centre said that water bombers would return at first light.\n\n"
            "\"You could hear it before you could see it. Like a freight train that just doesn't stop coming.\" "
            "Wes Ackerley, who runs the marina at the end of Shore Road, was among the last to leave.")
    assert row_with(quotes_of(nlp, text), "hear it before")["speaker"] == "Wes Ackerley"


def test_a_person_who_spoke_before_keeps_the_quote(nlp):
    text = ("Mayor Tessa Sokolowski said the fire had moved fast.\n\n"
            "\"We were knocking on doors by three.\" Wes Ackerley, who runs the marina, left at four.")
    assert row_with(quotes_of(nlp, text), "knocking on doors")["speaker"] == "Tessa Sokolowski"


def test_the_next_sentence_saying_whose_words_they_were_names_the_speaker(nlp):
    text = ("Ferry fares on the Loch Sunart route rose by a fifth on Monday, the operator said.\n\n"
            "\"Islanders are paying for the council's mistakes. Nobody else would put up with it.\" "
            "The words came from Catriona Bellingham, who has run the island shop for 20 years.\n\n"
            "\"The fares only cover the fuel.\" That assessment comes from Idris Vaughan-Pryce, a transport economist.")
    quotes = quotes_of(nlp, text)
    assert row_with(quotes, "council's mistakes")["speaker"] == "Catriona Bellingham"
    assert row_with(quotes, "only cover the fuel")["speaker"] == "Idris Vaughan-Pryce"


def test_a_next_sentence_about_something_else_names_no_one(nlp):
    text = ("Mayor Tessa Sokolowski spoke after the vote.\n\n"
            "\"We were knocking on doors by three.\" The water came from Lake Ardmore, which burst its banks.")
    assert row_with(quotes_of(nlp, text), "knocking on doors")["speaker"] == "Tessa Sokolowski"
