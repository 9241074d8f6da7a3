"""Highlighted article HTML: escaped text, entity boxes, quote marks, tone, filters."""
from __future__ import annotations

import re
from html.parser import HTMLParser

import pandas as pd
import pytest

from analysis import analyze
from ui.charts import NEWS_MODEL, measure
from ui.highlight import (
    CSS,
    PAGE_CSS,
    TINTS,
    article_html,
    document_html,
    excerpt_html,
    legend_html,
    matching_paragraphs,
)

HOSTILE = ('<script>document.title="pwned"</script> <img src=x onerror="alert(1)"> '
           '<iframe srcdoc="<script>alert(2)</script>"></iframe>')


@pytest.fixture(scope="module")
def hostile(nlp):
    text = f'Evil & Co\n\nAnn Lee said "{HOSTILE} is fine" in Paris.\n\n{HOSTILE}\n\nBob Ray was <b>bold</b>.'
    return analyze(text, "hostile.txt", nlp=nlp)


def hand_made() -> dict[str, pd.DataFrame]:
    text0 = 'Ann Lee said "we win" today. It was bad.'
    paragraphs = pd.DataFrame({"article": "a", "paragraph": [0, 1], "kind": ["body", "caption"],
                               "start": [0, 42], "end": [40, 55], "text": [text0, "Photo by Zed."],
                               "words": [8, 3], "polarity": [0.2, 0.0], "subjectivity": [0.5, 0.0],
                               "entities": [1, 0], "quotes": [1, 0], "tone_score": [-0.35, 0.0]})
    sentences = pd.DataFrame({"article": "a", "paragraph": [0, 0, 1], "sentence": [0, 1, 2],
                              "start": [0, 29, 42], "end": [28, 40, 55],
                              "text": ['Ann Lee said "we win" today.', "It was bad.", "Photo by Zed."],
                              "polarity": [0.8, -0.7, 0.0], "subjectivity": [0.9, 0.7, 0.0],
                              "tone_score": [0.1, -0.6, 0.25]})
    mentions = pd.DataFrame({"article": "a", "paragraph": [0], "start": [0], "end": [7], "text": ["Ann Lee"],
                             "label": ["PERSON"], "entity": ["Ann Lee"]})
    quotes = pd.DataFrame({"article": "a", "paragraph": [0], "start": [14], "end": [20], "quote": ["we win"],
                           "kind": ["direct"], "speaker": ["Ann Lee"], "speaker_start": [0], "speaker_end": [7],
                           "cue": ["said"], "polarity": [0.8], "subjectivity": [0.9], "tone_score": [0.45]})
    return {"paragraphs": paragraphs, "sentences": sentences, "mentions": mentions, "quotes": quotes}


def render(**kwargs) -> str:
    t = hand_made()
    return article_html(t["paragraphs"], t["sentences"], t["mentions"], t["quotes"], **kwargs)


class _Text(HTMLParser):
    """Collects shown text; with `article_only`, only the article's own words, paragraph by paragraph."""
    LABELS = {"nr-tag", "nr-who", "nr-score", "nr-meta", "nr-why"}

    def __init__(self, article_only: bool):
        super().__init__(convert_charrefs=True)
        self.article_only, self.parts, self.paragraphs, self.stack = article_only, [], [], []

    def handle_starttag(self, tag, attrs):
        if tag in ("br", "img", "hr", "input", "meta", "link"):
            return
        classes = set((dict(attrs).get("class") or "").split())
        self.stack.append(tag == "style" or bool(self.article_only and classes & self.LABELS))
        if tag == "p":
            self.paragraphs.append("")

    def handle_endtag(self, tag):
        self.stack.pop()

    def handle_data(self, data):
        if any(self.stack):
            return
        self.parts.append(data)
        if self.paragraphs:
            self.paragraphs[-1] += data


def visible_text(fragment: str) -> str:
    """The text a browser would show: tags dropped, entities decoded, CSS left out."""
    parser = _Text(False)
    parser.feed(fragment)
    return "".join(parser.parts)


def paragraph_texts(fragment: str) -> list[str]:
    """Each shown paragraph's own text, without the labels and badges added around it."""
    parser = _Text(True)
    parser.feed(fragment)
    return parser.paragraphs


def tags(fragment: str) -> set[str]:
    return set(re.findall(r"<\s*([a-zA-Z][\w-]*)", fragment.replace(CSS, "")))


def test_hostile_text_is_escaped_everywhere(hostile):
    out = article_html(hostile.paragraphs, hostile.sentences, hostile.mentions, hostile.quotes)
    assert tags(out) <= {"div", "section", "p", "span", "mark", "b", "br", "details", "summary", "ul", "li", "q"}
    assert "<script" not in out and "<img" not in out and "<iframe" not in out
    assert "onerror=" not in out.replace("onerror=&quot;", "")
    assert "&lt;script&gt;" in out and "&lt;iframe srcdoc=" in out


def test_hostile_text_reads_literally(hostile):
    shown = visible_text(article_html(hostile.paragraphs, hostile.sentences, hostile.mentions, hostile.quotes))
    assert HOSTILE in shown
    assert "<b>bold</b>" in shown and "Evil & Co" in shown


def test_every_paragraph_appears_with_its_number_from_1_and_kind():
    out = render()
    assert 'aria-label="Paragraph 1, body"' in out and 'aria-label="Paragraph 2, caption"' in out
    assert "<b>¶ 1</b>" in out and "<b>¶ 2</b>" in out and "¶ 0" not in out
    assert "nr-k-caption" in out
    shown = visible_text(out)
    assert 'Ann Lee said "we win" today.' in shown.replace("PERSON", "").replace("— Ann Lee · said", "")


def test_entities_are_boxed_with_their_type_as_text():
    out = render()
    assert re.search(r'<mark class="nr-ent" style="--c:#E69F00" title="Ann Lee · PERSON">.*?Ann Lee.*?'
                     r'<span class="nr-tag">PERSON</span></mark>', out)


def test_entity_types_can_be_left_out():
    assert "nr-ent" not in render(labels=["ORG"]).replace(CSS, "")


def test_quote_is_marked_and_followed_by_its_speaker_and_cue():
    out = render()
    assert re.search(r'<span class="nr-q" title="direct quote · Ann Lee · TextBlob polarity \+0.80 \(positive\) · '
                     r'news-model tone \+0.45">we win</span><span class="nr-who">— Ann Lee · said</span>', out)
    assert '<span class="nr-spk">' in out


def test_quote_without_speaker_says_so():
    t = hand_made()
    t["quotes"].loc[0, "speaker"] = ""
    out = article_html(t["paragraphs"], t["sentences"], t["mentions"], t["quotes"])
    assert "no speaker found" in out


def test_one_speaker_filter_marks_only_their_quotes():
    assert "nr-q" not in render(speaker="Someone Else").replace(CSS, "")
    assert "nr-who" in render(speaker="Ann Lee").replace(CSS, "")


def test_sentences_are_tinted_by_tone_with_scores_as_text():
    out = render()
    assert ('style="background:#92c5de" title="Sentence 1: TextBlob polarity +0.80 (positive) · '
            'news-model tone +0.10, TextBlob subjectivity 0.90\nTextBlob words: ') in out
    assert 'style="background:#f4a582" title="Sentence 2: TextBlob polarity −0.70 (negative)' in out
    assert "▲+0.80" in out and "▼−0.70" in out


def test_the_model_measure_tints_and_scores_by_tone_score_with_both_in_the_hover():
    out = render(measure=NEWS_MODEL)
    # +0.10 is neutral under the model's ±0.2: untinted, no score written out
    assert ('style="background:transparent" title="Sentence 1: news-model tone +0.10 (neutral) · '
            'TextBlob polarity +0.80, TextBlob subjectivity 0.90\nTextBlob words: ') in out
    assert 'style="background:#f4a582" title="Sentence 2: news-model tone −0.60 (negative) · TextBlob' in out
    assert 'title="Sentence 3: news-model tone +0.25 (leaning positive)' in out
    assert "▼−0.60" in out and "▲+0.25" in out and "▲+0.80" not in out and "+0.10</span>" not in out
    assert "▼ −0.35" in out  # paragraph 0's own model score beside it
    assert 'title="direct quote · Ann Lee · news-model tone +0.45 (positive) · TextBlob polarity +0.80"' in out


def test_thresholds_move_sentences_to_neutral():
    out = render(measure=measure("polarity", negative=-0.75, positive=0.85))
    assert "▲+0.80" not in out and "(neutral)" in out


def test_layers_can_be_switched_off():
    out = render(layers=("entities",)).replace(CSS, "")
    assert "nr-ent" in out and "nr-q" not in out and "nr-score" not in out
    assert "background:transparent" in out


def test_only_and_focus():
    out = render(only=[1])
    assert "Paragraph 1," not in out and "Photo by Zed." in out
    assert "nr-focus" in render(entity="Ann Lee")
    assert "No paragraph matches" in render(only=[])


def test_matching_paragraphs_intersects_the_filters():
    t = hand_made()
    args = (t["paragraphs"], t["mentions"], t["quotes"])
    assert matching_paragraphs(*args) == [0, 1]
    assert matching_paragraphs(*args, speaker="Ann Lee") == [0]
    assert matching_paragraphs(*args, entity="Nobody") == []


def test_marks_keep_the_article_text_intact(sample, hostile):
    for a in (sample, hostile):
        out = article_html(a.paragraphs, a.sentences, a.mentions, a.quotes)
        assert paragraph_texts(out) == list(a.paragraphs["text"])
        assert out.count('<span class="nr-tag">') == len(a.mentions)


def test_hand_made_paragraphs_survive_marking():
    assert paragraph_texts(render()) == list(hand_made()["paragraphs"]["text"])


def test_legend_names_every_colour_in_words():
    out = legend_html(["PERSON", "GPE"], measure=measure("polarity", negative=-0.1, positive=0.2))
    shown = visible_text(out)
    for words in ("Sentence tone by TextBlob polarity", "negative ≤ −0.30", "negative ≤ −0.10",
                  "neutral (−0.10 … +0.20)", "positive ≥ +0.20", "positive ≥ +0.30", "PERSON", "GPE", "speaker"):
        assert words in shown


def test_legend_under_the_model_names_it_and_its_thresholds():
    shown = visible_text(legend_html([], measure=NEWS_MODEL))
    assert "Sentence tone by news-model tone" in shown and "neutral (−0.20 … +0.20)" in shown
    assert "TextBlob" not in shown


def test_legend_follows_thresholds_past_the_strong_shade():
    shown = visible_text(legend_html([], measure=measure("polarity", negative=-0.4, positive=0.45)))
    assert "negative ≤ −0.40" in shown and "positive ≥ +0.45" in shown and "leaning" not in shown


def test_excerpt_escapes_its_text():
    out = excerpt_html("Most <negative>", "<script>x</script>", -0.4, 3)
    assert "<script>" not in out and "&lt;script&gt;" in out and "Most &lt;negative&gt;" in out


def test_excerpt_numbers_its_paragraph_from_1():
    assert "· ¶ 4 ·" in visible_text(excerpt_html("Low", "x", -0.15, 3))


def test_excerpt_names_its_measure_and_uses_its_word():
    assert "TextBlob polarity mildly negative (−0.15)" in visible_text(excerpt_html("Low", "x", -0.15, 3))
    assert "news-model tone neutral (−0.15)" in visible_text(excerpt_html("Low", "x", -0.15, 3, measure=NEWS_MODEL))


def test_a_sentences_hover_names_the_words_textblob_scored():
    out = render()
    assert "TextBlob subjectivity 0.70\nTextBlob words: bad (−0.70)" in out
    assert "TextBlob words: none (polarity 0 means no opinion words)" in out  # "Photo by Zed."


def test_why_these_scores_lists_each_sentences_words_only_with_the_scores_layer():
    out = render(layers=("tone", "scores"))
    assert "<details open" not in out  # closed until the reader opens it
    first, second = (visible_text(d) for d in re.findall(r'<details class="nr-why">.*?</details>', out))
    assert first.startswith("Why these scores")
    assert 'Ann Lee said "we win" today. polarity +0.80: win (+0.80)' in first
    assert "It was bad. polarity −0.70: bad (−0.70)" in first
    assert "Photo by Zed. polarity 0.00: no opinion words" in second
    assert "nr-why" not in render(layers=("tone", "quotes")).replace(CSS, "")


def test_why_these_scores_says_the_model_reads_whole_sentences():
    assert "The news model reads each sentence whole" in visible_text(render(layers=("scores",), measure=NEWS_MODEL))


def test_a_search_is_marked_in_the_text_inside_the_other_marks():
    out = render(find="ANN LEE")
    assert re.search(r'<mark class="nr-ent"[^>]*><span class="nr-spk"><mark class="nr-hit">Ann Lee</mark></span>', out)
    assert render(find="was").count('<mark class="nr-hit">') == 1
    assert '<mark class="nr-hit">' not in render(find="as")  # whole words: not the end of "was"
    assert '<mark class="nr-hit">' not in render(find="  ")


def test_a_search_across_layers_keeps_the_text_intact(sample):
    out = article_html(sample.paragraphs, sample.sentences, sample.mentions, sample.quotes, find="Xi")
    assert paragraph_texts(out) == list(sample.paragraphs["text"])
    assert out.count('<mark class="nr-hit">Xi</mark>') >= 5


@pytest.mark.parametrize("query", ["<script>", '<img src=x onerror="alert(1)">', "<b>bold</b>"])
def test_a_typed_query_is_text_not_markup(hostile, query):
    out = article_html(hostile.paragraphs, hostile.sentences, hostile.mentions, hostile.quotes, find=query)
    assert "<script" not in out and "<img" not in out and "<b>bold" not in out
    marked = re.findall(r'<mark class="nr-hit">(.*?)</mark>', out)
    assert marked and all("<" not in m for m in marked)
    assert query in [visible_text(m) for m in marked]
    assert paragraph_texts(out) == list(hostile.paragraphs["text"])


def test_the_legend_keys_the_search_mark_only_during_a_search():
    assert "found by the search" in visible_text(legend_html([], find=True))
    assert "nr-hit" not in legend_html([]).replace(CSS, "")


def _luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_text_on_the_paper_is_readable_on_every_tint_in_light_and_dark_schemes():
    # The article keeps its light paper and its own dark text in both schemes: the page's
    # dark-theme text colour must never reach it.
    light = re.search(r"\.nr-article,\.nr-legend,\.nr-excerpt\{color:(#\w{6});background:(#\w{6})", CSS)
    dark = re.search(r"prefers-color-scheme:dark\)\{\.nr-article,\.nr-legend,\.nr-excerpt\{background:(#\w{6})",
                     CSS)
    assert light and dark
    text = light[1]
    for paper in (light[2], dark[1]):
        for tint in TINTS.values():
            assert _contrast(text, paper if tint == "transparent" else tint) >= 7, (paper, tint)
            assert _contrast("#333333", paper if tint == "transparent" else tint) >= 4.5  # the scores
        assert _contrast("#555555", paper) >= 4.5  # paragraph numbers, the "why" summary
    assert _contrast("#111111", "#ffd84d") >= 7  # a search match
    assert "@media (prefers-color-scheme:dark)" in PAGE_CSS


class _Refs(HTMLParser):
    """Every tag, and every attribute that could make a browser load something."""
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.refs = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.refs += [v or "" for k, v in attrs if k in ("src", "href", "srcset", "action", "poster", "data")]


def _document(a, **kwargs) -> str:
    return document_html(a.paragraphs, a.sentences, a.mentions, a.quotes, title="Headline <i>one</i> & two",
                         name="story <1>.txt", **kwargs)


def test_the_html_file_is_a_standalone_document(sample):
    out = _document(sample, measure=NEWS_MODEL)
    assert out.startswith("<!doctype html>") and '<meta charset="utf-8">' in out
    assert "<title>Headline &lt;i&gt;one&lt;/i&gt; &amp; two</title>" in out
    parser = _Refs()
    parser.feed(out)
    parser.close()
    assert parser.tags.count("html") == parser.tags.count("head") == parser.tags.count("body") == 1
    assert not {"script", "link", "img", "iframe", "object", "embed"} & set(parser.tags)
    assert not [r for r in parser.refs if "//" in r or ":" in r]
    assert "http://" not in out and "https://" not in out and "url(" not in out and "@import" not in out
    assert "default-src 'none'" in out  # and a browser is told to load nothing even so
    shown = visible_text(out)
    assert "story <1>.txt" in shown and "sentences tinted and scored by news-model tone" in shown
    assert "Sentence tone by news-model tone" in shown and "Why these scores" in shown
    assert paragraph_texts(out.rstrip())[1:] == list(sample.paragraphs["text"])  # after the header's line


def test_the_html_file_shows_a_hostile_article_only_escaped(hostile):
    out = _document(hostile)
    assert "<script" not in out and "<img" not in out and "<iframe" not in out
    assert "&lt;script&gt;document.title=&quot;pwned&quot;&lt;/script&gt;" in out
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in out
    assert HOSTILE in visible_text(out)


def test_the_html_file_boxes_only_the_chosen_entity_types(sample):
    assert "nr-ent" not in _document(sample, labels=[]).replace(CSS, "")
    assert 'class="nr-tag">GPE<' in _document(sample, labels=["GPE"])
