"""Chart builders: figures from small hand-made tables, no Streamlit involved."""
from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go
import pytest

from analysis.tone import GROUP_THRESHOLD, group_label
from ui import charts

MODEL = charts.NEWS_MODEL
HOSTILE = '<img src=x onerror="alert(1)">'


def paragraphs() -> pd.DataFrame:
    return pd.DataFrame({
        "article": "a.txt", "paragraph": [0, 1, 2, 3],
        "kind": ["headline", "body", "body", "caption"],
        "start": [0, 10, 60, 120], "end": [8, 58, 118, 150],
        "text": ["Headline", "Good news <b>today</b>.", "Bad, terrible news.", "Photo: AP"],
        "words": [1, 4, 3, 2], "polarity": [0.0, 0.7, -0.6, 0.1], "subjectivity": [0, 0.6, 0.9, 0.1],
        "entities": [0, 1, 1, 0], "quotes": [0, 1, 1, 0], "tone": ["neutral", "negative", "positive", "neutral"],
        "tone_score": [0.0, -0.3, 0.4, 0.05]})


def speakers() -> pd.DataFrame:
    return pd.DataFrame({
        "article": "a.txt", "speaker": ["Ann Lee", HOSTILE], "quotes": [2, 1], "words": [9, 3],
        "polarity": [0.25, -0.4], "subjectivity": [0.5, 0.8], "polarity_min": [0.1, -0.4],
        "polarity_max": [0.4, -0.4], "tone": ["positive", "negative"], "tone_score": [0.5, -0.6],
        "label": ["PERSON", ""]})


def quotes() -> pd.DataFrame:
    return pd.DataFrame({
        "article": "a.txt", "paragraph": [1, 1, 2], "start": [11, 30, 61], "end": [20, 40, 70],
        "quote": ["fine", "<script>x</script>", "awful"], "kind": ["direct", "direct", "indirect"],
        "speaker": ["Ann Lee", "Ann Lee", HOSTILE], "speaker_start": [21, 41, 71],
        "speaker_end": [28, 48, 80], "cue": ["said", "said", "told"], "polarity": [0.1, 0.4, -0.4],
        "subjectivity": [0.3, 0.7, 0.8], "tone": ["positive", "positive", "negative"],
        "tone_score": [0.3, 0.7, -0.6]})


def entities() -> pd.DataFrame:
    return pd.DataFrame({
        "article": "a.txt", "entity": ["Ann Lee", "Acme", "Paris"], "label": ["PERSON", "ORG", "GPE"],
        "mentions": [3, 2, 1], "paragraphs": [2, 1, 1], "polarity": [-0.1, 0.2, 0.0],
        "tone": ["negative", "neutral", "neutral"], "tone_score": [-0.5, 0.1, 0.0]})


def mentions() -> pd.DataFrame:
    return pd.DataFrame({
        "article": "a.txt", "paragraph": [1, 1, 2, 2, 2, 3], "start": [21, 50, 71, 90, 100, 121],
        "end": [28, 54, 78, 94, 105, 126], "text": ["Ann Lee", "Acme", "Lee", "Acme", "Paris", "Lee"],
        "label": ["PERSON", "ORG", "PERSON", "ORG", "GPE", "PERSON"],
        "entity": ["Ann Lee", "Acme", "Ann Lee", "Acme", "Paris", "Ann Lee"]})


def all_text(fig: go.Figure) -> str:
    return fig.to_json()


@pytest.mark.parametrize(("polarity", "expected"), [(0.05, "positive"), (0.049, "neutral"),
                                                     (-0.05, "negative"), (0.0, "neutral")])
def test_tone_uses_both_thresholds_inclusively(polarity, expected):
    assert charts.tone(polarity) == expected


def test_tone_thresholds_may_differ():
    assert charts.tone(0.15, negative=-0.01, positive=0.2) == "neutral"
    assert charts.tone(-0.02, negative=-0.01, positive=0.2) == "negative"


def test_tone_shade_is_leaning_below_strong():
    assert charts.tone_shade(0.1) == "leaning positive"
    assert charts.tone_shade(0.5) == "positive"
    assert charts.tone_shade(-0.31) == "negative"


def test_signed_reads_like_a_person_writes_it():
    assert charts.signed(0.123) == "+0.12"
    assert charts.signed(-0.3) == "−0.30"
    assert charts.signed(0.001) == "0.00"
    assert charts.signed(float("nan")) == "n/a"


def test_esc_escapes_and_cuts():
    assert charts.esc("<b>x</b>") == "&lt;b&gt;x&lt;/b&gt;"
    assert charts.esc("abcdefghij", limit=5) == "abcd…"
    assert charts.esc(None) == "" and charts.esc(float("nan")) == ""


def test_measure_picks_the_column_and_its_thresholds():
    textblob = charts.measure("polarity", negative=-0.1, positive=0.2)
    assert (textblob.column, textblob.thresholds) == ("polarity", {"negative": -0.1, "positive": 0.2})
    model = charts.measure("tone_score", negative=-0.1, positive=0.2)  # the sliders do not apply to it
    assert (model.column, model.thresholds) == ("tone_score", {"negative": -GROUP_THRESHOLD,
                                                               "positive": GROUP_THRESHOLD})
    assert (textblob.other, model.other) == ("tone_score", "polarity")
    assert textblob.axis == "TextBlob polarity (−1 … +1)" and model.axis == "news-model tone (−1 … +1)"


@pytest.mark.parametrize("score", [-1.0, -0.35, -0.2, -0.19, -0.05, 0.0, 0.05, 0.19, 0.2, 0.21, 0.9])
def test_model_words_follow_the_engines_group_rule(score):
    assert MODEL.label(score) == group_label(score)
    assert MODEL.text(score).endswith(f"{group_label(score)} ({charts.signed(score)})")


def test_textblob_words_follow_its_thresholds():
    textblob = charts.measure("polarity", negative=-0.1, positive=0.2)
    assert textblob.text(-0.42) == "negative (−0.42)"
    assert textblob.text(0.15) == "neutral (+0.15)"
    assert textblob.text(0.25) == "mildly positive (+0.25)" and textblob.text(-0.8) == "strongly negative (−0.80)"
    assert MODEL.text(0.15) == "neutral (+0.15)" and MODEL.text(0.25) == "mildly positive (+0.25)"
    assert MODEL.text(0.5) == "positive (+0.50)" and MODEL.text(0.95) == "strongly positive (+0.95)"


def test_quote_range_is_min_and_max_of_each_speakers_quotes():
    low, high = charts.quote_range(speakers(), quotes(), "tone_score")
    assert list(low) == [0.3, -0.6] and list(high) == [0.7, -0.6]
    low, high = charts.quote_range(speakers(), quotes().iloc[:2], "polarity")
    assert list(low)[0] == 0.1 and math.isnan(list(high)[1])


def test_sentiment_arc_marks_other_kinds_or_leaves_them_out():
    fig = charts.sentiment_arc(paragraphs())
    counted, other = fig.data
    # On screen paragraphs count from 1; the axis starts at the first.
    assert list(counted.x) == [2, 3] and list(counted.y) == [0.7, -0.6]
    assert list(other.x) == [1, 4] and "not counted" in other.name
    assert fig.layout.xaxis.range[0] > 0
    assert counted.marker.color[0] == charts.TONE_COLOURS["positive"]
    assert counted.marker.symbol == ("triangle-up", "triangle-down")
    assert len(charts.sentiment_arc(paragraphs(), show_other=False).data) == 1


def test_sentiment_arc_counts_the_kinds_asked_for():
    fig = charts.sentiment_arc(paragraphs(), kinds=("body", "caption"))
    assert list(fig.data[0].x) == [2, 3, 4]


def test_sentiment_arc_escapes_paragraph_text_in_hover():
    fig = charts.sentiment_arc(paragraphs())
    assert fig.data[0].customdata[0][2] == "Good news &lt;b&gt;today&lt;/b&gt;."
    assert "<b>today" not in all_text(fig)


def test_sentiment_arc_draws_the_neutral_band_at_the_thresholds():
    fig = charts.sentiment_arc(paragraphs(), measure=charts.measure("polarity", negative=-0.1, positive=0.2))
    band = fig.layout.shapes[0]
    assert (band.y0, band.y1) == (-0.1, 0.2)
    band = charts.sentiment_arc(paragraphs(), measure=MODEL).layout.shapes[0]
    assert (band.y0, band.y1) == (-GROUP_THRESHOLD, GROUP_THRESHOLD)


def test_sentiment_arc_reads_the_chosen_measure_and_names_it():
    textblob, model = charts.sentiment_arc(paragraphs()), charts.sentiment_arc(paragraphs(), measure=MODEL)
    assert list(textblob.data[0].y) == [0.7, -0.6] and list(model.data[0].y) == [-0.3, 0.4]
    assert textblob.layout.yaxis.title.text == "TextBlob polarity (−1 … +1)"
    assert model.layout.yaxis.title.text == "news-model tone (−1 … +1)"
    assert model.data[0].marker.symbol == ("triangle-down", "triangle-up")
    assert [row[1] for row in model.data[0].customdata] == ["negative", "positive"]
    # the hover names both measures and carries the other one's score
    assert "news-model tone %{y" in model.data[0].hovertemplate and "TextBlob polarity" in model.data[0].hovertemplate
    assert [row[3] for row in model.data[0].customdata] == [0.7, -0.6]


def test_speaker_chart_shows_every_quote_mean_range_and_subjectivity():
    fig = charts.speaker_chart(speakers(), quotes(), entities())
    by_name = {t.name: t for t in fig.data}
    dots = by_name["one quote"]
    assert len(dots.x) == 3
    mean = by_name["what they say (bar: range of single quotes)"]
    assert list(mean.x) == [0.25, -0.4]
    assert list(mean.error_x.array) == pytest.approx([0.15, 0.0])
    assert list(mean.error_x.arrayminus) == pytest.approx([0.15, 0.0])
    bars = [t for t in fig.data if isinstance(t, go.Bar)][0]
    assert list(bars.x) == [0.5, 0.8]


def test_speaker_chart_puts_entity_polarity_beside_what_they_say():
    fig = charts.speaker_chart(speakers(), quotes(), entities())
    about = [t for t in fig.data if t.name.startswith("text about them")][0]
    assert list(about.y) == ["Ann Lee"] and list(about.x) == [-0.1]


def test_speaker_chart_under_the_model_reads_tone_scores_everywhere():
    fig = charts.speaker_chart(speakers(), quotes(), entities(), measure=MODEL)
    by_name = {t.name: t for t in fig.data}
    assert list(by_name["one quote"].x) == [0.3, 0.7, -0.6]
    mean = by_name["what they say (bar: range of single quotes)"]
    assert list(mean.x) == [0.5, -0.6]
    # the range bar runs from the lowest to the highest tone_score of their quotes
    assert list(mean.error_x.arrayminus) == pytest.approx([0.2, 0.0])
    assert list(mean.error_x.array) == pytest.approx([0.2, 0.0])
    about = by_name["text about them (news-model tone)"]
    assert list(about.x) == [-0.5]
    assert list(mean.marker.color) == [charts.TONE_COLOURS["positive"], charts.TONE_COLOURS["negative"]]
    bars = [t for t in fig.data if isinstance(t, go.Bar)][0]
    assert list(bars.x) == [0.5, 0.8]  # subjectivity is TextBlob's under either measure


def test_speaker_chart_draws_the_neutral_band_of_its_measure():
    for measure in (charts.measure("polarity", negative=-0.1, positive=0.15), MODEL):
        [band] = charts.speaker_chart(speakers(), quotes(), entities(), measure=measure).layout.shapes
        assert (band.x0, band.x1, band.xref) == (measure.negative, measure.positive, "x")


def test_speaker_chart_names_its_measure_and_shows_the_other_on_hover():
    for measure, other, other_values in ((charts.TEXTBLOB, "news-model tone", [0.5, -0.6]),
                                         (MODEL, "TextBlob polarity", [0.25, -0.4])):
        fig = charts.speaker_chart(speakers(), quotes(), entities(), measure=measure)
        assert fig.layout.xaxis.title.text == measure.axis
        assert fig.data[-1].name == "TextBlob subjectivity (right, 0 … 1)" and fig.data[-1].showlegend is not False
        mean = [t for t in fig.data if t.name.startswith("what they say")][0]
        assert measure.name in mean.hovertemplate and other in mean.hovertemplate
        assert [row[4] for row in mean.customdata] == other_values


def test_speaker_chart_escapes_names_and_quotes_and_labels_counts():
    fig = charts.speaker_chart(speakers(), quotes(), entities())
    text = all_text(fig)
    assert "<img" not in text and "<script" not in text
    assert "&lt;img" in text and "&lt;script&gt;" in text
    assert fig.layout.yaxis.ticktext[0] == "Ann Lee<br>2 quotes"
    assert fig.layout.yaxis.ticktext[1].endswith("…<br>1 quote")


def test_speaker_chart_without_entity_matches_has_no_about_trace():
    fig = charts.speaker_chart(speakers(), quotes(), entities().iloc[1:])
    assert not [t for t in fig.data if t.name and t.name.startswith("text about them")]


def test_entity_bars_one_trace_per_type_most_mentioned_first():
    fig = charts.entity_bars(entities())
    assert sorted(t.name for t in fig.data) == ["GPE", "ORG", "PERSON"]
    assert list(fig.layout.yaxis.categoryarray) == ["Ann Lee", "Acme", "Paris"]
    person = [t for t in fig.data if t.name == "PERSON"][0]
    assert person.marker.color == charts.LABEL_COLOURS["PERSON"]


def test_entity_bars_hover_gives_both_measures_chosen_first():
    person = [t for t in charts.entity_bars(entities(), measure=MODEL).data if t.name == "PERSON"][0]
    assert list(person.customdata[0][1:3]) == [-0.5, -0.1]
    assert person.hovertemplate.index("news-model tone") < person.hovertemplate.index("TextBlob polarity")
    person = [t for t in charts.entity_bars(entities()).data if t.name == "PERSON"][0]
    assert list(person.customdata[0][1:3]) == [-0.1, -0.5]


def test_entity_bars_keeps_the_top_n():
    assert list(charts.entity_bars(entities(), top=2).layout.yaxis.categoryarray) == ["Ann Lee", "Acme"]


def test_mention_heatmap_counts_mentions_per_paragraph_and_entity():
    fig = charts.mention_heatmap(mentions(), paragraphs())
    heat = fig.data[0]
    assert list(heat.x) == ["Ann Lee", "Acme", "Paris"]
    assert list(heat.y) == ["¶ 1 · headline", "¶ 2 · body", "¶ 3 · body", "¶ 4 · caption"]
    z = [list(row) for row in heat.z]
    assert z == [[0, 0, 0], [1, 1, 0], [1, 1, 1], [1, 0, 0]]
    assert heat.text[0][0] == ""


def test_mention_heatmap_with_no_mentions_is_all_zero():
    fig = charts.mention_heatmap(mentions().iloc[0:0], paragraphs(), entities=["Acme"])
    assert [list(r) for r in fig.data[0].z] == [[0], [0], [0], [0]]


def test_compare_chart_one_row_per_article_with_about_marks():
    rows = pd.DataFrame({"article": ["a.txt", "b.txt"], "mean": [0.2, -0.1], "low": [0.1, -0.3],
                         "high": [0.3, 0.0], "n": ["2 quote(s)", "1 quote(s)"], "about": [0.05, math.nan]})
    fig = charts.compare_chart(rows, title="Ann <Lee>")
    assert list(fig.data[0].y) == ["a.txt", "b.txt"]
    assert list(fig.data[0].error_x.arrayminus) == pytest.approx([0.1, 0.2])
    assert fig.data[1].name.startswith("text about them")
    assert fig.layout.title.text == "Ann &lt;Lee&gt;"
    assert fig.layout.xaxis.title.text == "TextBlob polarity (−1 … +1)"
    model = charts.compare_chart(rows, title="Ann", measure=MODEL)
    assert model.layout.xaxis.title.text == "news-model tone (−1 … +1)"
    assert [row[1] for row in fig.data[0].customdata] == ["positive", "negative"]
    assert [row[1] for row in model.data[0].customdata] == ["positive", "neutral"]  # ±0.2, inclusive


def test_tone_shares_count_sentences_by_tone():
    sentences = pd.DataFrame({"polarity": [0.5, 0.0, -0.2, -0.3], "tone_score": [0.5, 0.1, 0.1, -0.3]})
    fig = charts.tone_shares(sentences)
    shares = {t.name.split()[0]: t.x[0] for t in fig.data}
    assert shares == {"negative": 0.5, "neutral": 0.25, "positive": 0.25}
    assert fig.layout.xaxis.title.text.endswith("sentences<br>by TextBlob polarity")
    fig = charts.tone_shares(sentences, measure=MODEL)
    shares = {t.name.split()[0]: t.x[0] for t in fig.data}
    assert shares == {"negative": 0.25, "neutral": 0.5, "positive": 0.25}
    assert fig.layout.xaxis.title.text.endswith("sentences<br>by news-model tone")


def test_tone_shares_of_no_sentences_is_empty_not_an_error():
    fig = charts.tone_shares(pd.DataFrame({"polarity": [], "tone_score": []}), measure=MODEL)
    assert all(t.x[0] == 0 for t in fig.data)


def test_mention_heatmap_of_a_long_article_stays_compact():
    many = pd.concat([paragraphs()] * 20, ignore_index=True).assign(paragraph=range(80))
    fig = charts.mention_heatmap(mentions(), many)
    assert fig.layout.height == 160 + 12 * 80
    assert all(t == "" for row in fig.data[0].text for t in row)


def test_a_speakers_own_tone_label_names_and_colours_their_mark_under_the_model():
    """Near the thresholds the model's most probable label can sit on the other side of
    +-0.2 from the score; the speaker's mark follows the label speakers.csv gives."""
    table = speakers().assign(tone=["neutral", "negative"], tone_score=[0.25, -0.1])
    fig = charts.speaker_chart(table, quotes(), entities(), measure=MODEL)
    mark = [t for t in fig.data if t.name.startswith("what they say")][0]
    assert [row[3] for row in mark.customdata] == ["neutral", "negative"]
    assert list(mark.marker.color) == [charts.TONE_COLOURS["neutral"], charts.TONE_COLOURS["leaning negative"]]
    assert MODEL.text(0.25, "neutral") == "neutral (+0.25)" and MODEL.text(0.25) == "mildly positive (+0.25)"
    assert charts.TEXTBLOB.label(0.25, "neutral") == "positive"  # TextBlob has no model label


def test_subjectivity_has_a_plain_reading_on_hover():
    fig = charts.speaker_chart(speakers(), quotes(), entities())
    bars = fig.data[-1]
    assert [charts.subjectivity_words(v) for v in (0.1, 0.45, 0.6)] == [
        "mostly fact", "fact and opinion mixed", "mostly opinion"]
    assert len(bars.customdata) == len(speakers()) and "%{customdata[0]}" in bars.hovertemplate
