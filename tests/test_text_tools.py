"""The Text tab's word search (ui/kwic.py) and the highlighted article as a file, end to end."""
from __future__ import annotations

import pandas as pd
import pytest

from ui.kwic import closing, count_text, find, opening, pattern, shown

from .apptest import captions, html_of, open_tab

TEXT = ("War in the award season. The war’s end came, and the WAR museum said so. "
        "Warfare and wars are other words.")
QUOTED = 'Ann Lee said "the war is over" today, and "no war again" was heard.'


def tables() -> tuple[pd.DataFrame, pd.DataFrame]:
    start = len(TEXT) + 2
    paragraphs = pd.DataFrame({"paragraph": [0, 1], "start": [0, start], "text": [TEXT, QUOTED]})
    quotes = pd.DataFrame({"paragraph": [1, 1], "start": [start + 14, start + 43], "end": [start + 29, start + 55],
                           "speaker": ["Ann Lee", None]})
    return paragraphs, quotes


def matched(query: str, text: str = TEXT) -> list[str]:
    rx = pattern(query)
    return [m.group() for m in rx.finditer(text)] if rx else []


def test_whole_words_any_case():
    assert matched("war") == ["War", "war", "WAR"]  # not award, warfare, wars
    assert matched("WARS") == ["wars"]


def test_straight_and_curly_apostrophes_match_each_other():
    assert matched("war's") == ["war’s"]
    assert matched("war’s", "It is the war's end.") == ["war's"]


def test_the_query_is_taken_literally():
    assert matched("U.S.", "The U.S. and the US and UsS.") == ["U.S."]
    assert matched("a.m", "at 9 a.m. or arm") == ["a.m"]
    assert matched("(a+b)*", "x (a+b)* y aab") == ["(a+b)*"]
    assert matched("**bold**", "This is **bold** text, not bold.") == ["**bold**"]
    assert matched("<script>", "a <script> tag, a script") == ["<script>"]


def test_a_phrase_matches_across_any_white_space():
    assert matched("the  war", "Then the\nwar ended.") == ["the\nwar"]


def test_a_blank_query_finds_nothing():
    paragraphs, quotes = tables()
    assert pattern("   ") is None
    hits = find(paragraphs, quotes, " ")
    assert hits.empty and list(hits.columns) == ["paragraph", "start", "end", "left", "match", "right", "quoted",
                                                 "speaker"]


def test_each_match_with_its_paragraph_offsets_and_context():
    paragraphs, quotes = tables()
    hits = find(paragraphs, quotes, "war")
    article = TEXT + "\n\n" + QUOTED
    assert list(hits["paragraph"]) == [0, 0, 0, 1, 1]
    assert [article[s:e] for s, e in zip(hits["start"], hits["end"], strict=True)] == list(hits["match"])
    first = hits.iloc[0]
    assert first["left"] == "" and first["right"].startswith(" in the award season.")


def test_context_is_cut_at_whole_words_with_an_ellipsis():
    words = " ".join(f"word{i}" for i in range(40))
    paragraphs = pd.DataFrame({"paragraph": [0], "start": [0], "text": [f"{words} target {words}"]})
    hit = find(paragraphs, pd.DataFrame(columns=["paragraph", "start", "end", "speaker"]), "target").iloc[0]
    assert hit["left"].startswith("…word") and hit["right"].endswith("…")
    assert 50 <= len(hit["left"]) <= 62 and 50 <= len(hit["right"]) <= 62
    every = set(words.split())
    assert set(hit["left"].strip("… ").split()) <= every and set(hit["right"].strip("… ").split()) <= every
    assert hit["left"].endswith("word39 ") and hit["right"].startswith(" word0 ")


@pytest.mark.parametrize("width", range(3, 12))
def test_context_never_cuts_a_word(width):
    text = "aa bbb cccc dd eeeee f"
    assert opening(text, width).rstrip("…") in {"aa", "aa bbb", "aa bbb cccc"}
    assert closing(text, width).lstrip("…") in {"f", "eeeee f", "dd eeeee f"}


def test_a_match_in_a_quote_names_its_speaker():
    paragraphs, quotes = tables()
    hits = find(paragraphs, quotes, "war")
    assert list(hits["quoted"]) == [False, False, False, True, True]
    assert list(hits["speaker"]) == ["", "", "", "Ann Lee", ""]
    assert list(shown(hits)["speaker"]) == ["", "", "", "Ann Lee", "no speaker found"]


def test_only_the_shown_paragraphs_are_searched():
    paragraphs, quotes = tables()
    assert list(find(paragraphs, quotes, "war", only=[1])["paragraph"]) == [1, 1]
    assert find(paragraphs, quotes, "war", only=[]).empty


def test_the_list_numbers_paragraphs_from_1():
    paragraphs, quotes = tables()
    table = shown(find(paragraphs, quotes, "war"))
    assert list(table["paragraph"]) == [1, 1, 1, 2, 2]
    assert list(table.columns) == ["paragraph", "left", "match", "right", "speaker"]


@pytest.mark.parametrize(("query", "only", "searched", "text"), [
    ("award", None, None, "1 match in 1 paragraph."),
    ("war", [0], None, "3 matches in 1 paragraph."),
    ("war", None, None, "5 matches in 2 paragraphs."),
    ("war", [1], 1, "2 matches in 1 paragraph, searching the 1 paragraph shown."),
    ("peace", None, None, "No match for `peace`."),
    ("peace", [0, 1], 2, "No match for `peace` in the 2 paragraphs shown."),
    ("**bold**", None, None, "No match for `**bold**`."),
    ("<script>", None, None, "No match for `<script>`."),
])
def test_the_count_in_plain_english(query, only, searched, text):
    paragraphs, quotes = tables()
    assert count_text(find(paragraphs, quotes, query, only=only), query, searched=searched) == text


def _search(app, query: str):
    open_tab(app, "Text")
    app.text_input(key="text_find").input(query).run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def test_the_text_tab_lists_and_marks_the_matches(app, sample):
    _search(app, "xi")
    [table] = app.dataframe
    hits = find(sample.paragraphs, sample.quotes, "xi")
    assert len(table.value) == len(hits) > 5
    assert table.value["paragraph"].min() >= 1 and list(table.value["match"].unique()) == ["Xi"]
    assert f"{len(hits)} matches in {hits['paragraph'].nunique()} paragraphs." in captions(app)
    page = html_of(app).split("</style>")[-1]
    assert page.count('<mark class="nr-hit">Xi</mark>') >= len(hits)
    assert "found by the search" in html_of(app)


def test_the_text_tab_search_follows_the_speaker_filter(app, sample):
    _search(app, "Xi")
    speaker = sample.quotes["speaker"].value_counts().index[0]
    app.selectbox(key="text_speaker").set_value(speaker).run()
    shown_paragraphs = set(sample.quotes.loc[sample.quotes["speaker"] == speaker, "paragraph"] + 1)
    assert set(app.dataframe[0].value["paragraph"]) <= shown_paragraphs
    assert "paragraphs shown." in captions(app)


@pytest.mark.parametrize("query", ["<script>", "**bold**"])
def test_a_typed_query_is_shown_literally(app, query):
    _search(app, query)
    assert f"No match for `{query}`." in [c.value for c in app.caption]
    assert not app.dataframe
    assert "<script>" not in html_of(app) and "nr-hit" not in html_of(app).split("</style>")[-1]


def test_the_download_tab_offers_the_highlighted_article(app):
    open_tab(app, "Download")
    [button] = [b for b in app.get("download_button") if b.proto.id.endswith("-dl_html")]
    assert button.proto.label == "Highlighted article (HTML)"
