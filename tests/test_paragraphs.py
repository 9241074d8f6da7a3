"""Paragraph kinds: headline, standfirst, body, caption, credit."""
from __future__ import annotations

import pytest

from analysis.reading.paragraphs import classify, has_photo_credit, is_credit, is_short_title

BODY = ("The harbour board met on Monday to discuss the new ferry timetable, which "
        "residents say leaves the island cut off after eight in the evening.")


def test_sample_article_kinds(sample):
    kinds = sample.paragraphs["kind"].tolist()
    assert kinds[0] == "headline"
    assert kinds[1] == "standfirst"
    assert kinds[6] == kinds[19] == "caption"
    assert kinds[18] == "credit"
    assert set(kinds[2:6] + kinds[7:18]) == {"body"}


@pytest.mark.parametrize("line", [
    "Flooded streets in Marlow on Tuesday. Photo by Jane Doe/Reuters",
    "Residents queue for water. (AP Photo/Sam Lee)",
    "The ferry leaves the harbour. Kim Ode, Pool Photo via AP",
    "A protester holds a sign outside the hall. Getty Images",
    "Crowds at the final. Photograph: Lena Marsh/The Example",
    "The old mill at dusk. Credit: Tom Vale",
])
def test_photo_credits_mark_captions(line):
    assert has_photo_credit(line)
    assert classify(["Ferry Row Deepens", BODY, line]) == ["headline", "standfirst", "caption"]


def test_caption_title_line_above_a_caption_is_caption():
    texts = ["Ferry Row Deepens", BODY, BODY, "Harbour at Dawn",
             "The harbour on Monday morning. Photo by Jane Doe/AFP via Getty Images", BODY]
    assert classify(texts) == ["headline", "standfirst", "body", "caption", "caption", "body"]


@pytest.mark.parametrize("line", [
    "The Associated Press contributed to this report.",
    "Reporting by Jane Doe; Editing by Tom Vale",
    "Additional reporting by Sam Lee in Lisbon.",
    "By Ana Ruiz, Harbour Times",
    "© 2026 Harbour Times. All rights reserved.",
])
def test_credit_lines(line):
    assert is_credit(line)
    assert classify(["Ferry Row Deepens", BODY, BODY, line])[-1] == "credit"


def test_body_sentences_are_not_captions_or_credits():
    for text in [BODY, "She said the photo by the door was her grandmother's.",
                 "He contributed $500 to the fund and said he would give more."]:
        assert not has_photo_credit(text) or len(text.split()) > 150
        assert not is_credit(text)
    assert classify([BODY, BODY]) == ["body", "body"]


def test_headline_needs_a_short_unpunctuated_line():
    assert is_short_title("Ferry Row Deepens as Island Waits")
    assert not is_short_title("The ferry row deepened on Monday.")
    assert not is_short_title(" ".join(["word"] * 30))


def test_standfirst_only_after_a_headline_and_short():
    long_para = " ".join([BODY] * 3)
    assert classify(["Ferry Row Deepens", long_para])[1] == "body"
    assert classify([BODY, BODY])[1] == "body"


def test_empty_input():
    assert classify([]) == []


def test_database_export_labels_are_not_body_text():
    texts = ["Council backs bridge", "ABSTRACT.", "The council voted on Monday to build a bridge.",
             "FULL TEXT:", "The council voted 7-2 on Monday to build a new bridge across the harbour."]
    assert classify(texts) == ["headline", "credit", "body", "credit", "body"]


def test_a_title_case_first_line_ending_in_a_full_stop_is_a_headline():
    body = "The council voted 7-2 on Monday to build a new bridge across the harbour, ending years of argument."
    assert classify(["Council Backs New Harbour Bridge.", body, body])[0] == "headline"
    # a short first sentence in sentence case is the lede, not a headline
    assert classify(["The council voted to build a bridge.", body, body])[0] == "body"
