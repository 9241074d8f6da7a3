"""The dashboard's tone measures and speaker comparison in-process (AppTest): the news model
or TextBlob on every chart, table and word, and the speakers' tables as the downloads."""
from __future__ import annotations

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

import analysis
import analysis.sandbox
import ui.data
from analysis import TONE_KINDS
from analysis.tone import GROUP_THRESHOLD, group_label
from ui.charts import NEWS_MODEL

from .apptest import APP, FOLLOWUP, SAMPLE, VOTE, captions, choose, figure, html_of, open_tab, trace, upload


def test_threshold_sliders_show_only_for_textblob(app):
    assert app.radio(key="measure").value == "tone_score"  # the news model by default
    assert app.radio(key="measure").options == ["News model", "TextBlob lexicon"]
    assert not app.sidebar.slider
    sidebar = " ".join(c.value for c in app.sidebar.caption)
    assert f"{GROUP_THRESHOLD:+.2f}" in sidebar and "negative up to −0.20" in sidebar
    choose(app, "polarity")
    assert [s.label for s in app.sidebar.slider] == ["Positive from polarity", "Negative up to polarity"]
    assert "TextBlob polarity thresholds" in [m.value.strip("*") for m in app.sidebar.markdown]
    app.slider(key="positive").set_value(0.3).run()
    choose(app, "tone_score")
    assert not app.sidebar.slider
    choose(app, "polarity")
    assert app.slider(key="positive").value == 0.3  # kept while the model was chosen

def test_options_give_the_thresholds_of_the_chosen_measure():
    from ui.sidebar import Options

    textblob = Options(("body",), (), -0.1, 0.3, "polarity")
    assert textblob.thresholds == {"negative": -0.1, "positive": 0.3} and textblob.tone.column == "polarity"
    model = Options(("body",), (), -0.1, 0.3, "tone_score")
    assert model.thresholds == {"negative": -GROUP_THRESHOLD, "positive": GROUP_THRESHOLD}
    assert model.tone.column == "tone_score" and Options(("body",), ()).measure == "tone_score"

def test_switching_the_measure_redraws_the_speaker_chart_from_that_column(app):
    upload(app, ("harbour_vote.txt", VOTE))
    open_tab(app, "Speakers")
    speakers = ui.data.speakers_for(VOTE, "harbour_vote.txt", TONE_KINDS)
    entities = ui.data.entities_for(VOTE, "harbour_vote.txt", TONE_KINDS).set_index("entity")
    assert len(speakers) > 1 and not np.allclose(speakers["tone_score"], speakers["polarity"])
    for measure, axis in (("tone_score", "news-model tone (−1 … +1)"), ("polarity", "TextBlob polarity (−1 … +1)")):
        fig = figure(choose(app, measure), "speaker_chart")
        assert fig["layout"]["xaxis"]["title"]["text"] == axis
        assert fig["data"][-1]["name"] == "TextBlob subjectivity (right, 0 … 1)"
        mean = trace(fig, "what they say (bar: range of single quotes)")
        assert mean["x"] == pytest.approx(list(speakers[measure]))
        about = next(t for t in fig["data"] if t.get("name", "").startswith("text about them"))
        named = [n for n in speakers["speaker"] if n in entities.index]
        assert about["x"] == pytest.approx(list(entities.loc[named, measure]))
        table = app.dataframe[0].value
        assert list(table["says"]) == pytest.approx(list(speakers[measure]))
        other = "polarity" if measure == "tone_score" else "tone_score"
        assert list(table["says_other"]) == pytest.approx(list(speakers[other]))

def test_the_model_measure_is_used_for_every_tone_word(app):
    upload(app, ("harbour_vote.txt", VOTE))
    a = ui.data.load(VOTE, "harbour_vote.txt").analysis
    counted = a.paragraphs[a.paragraphs["kind"].isin(TONE_KINDS)]
    overall = float((counted["tone_score"] * counted["words"]).sum() / counted["words"].sum())
    tone = [m for m in app.metric if m.label == "Overall tone"][0]
    assert tone.value == f"{overall:+.2f}".replace("-", "−") and group_label(overall) in str(tone.proto.delta)
    arc = figure(app, "arc_chart")
    assert arc["layout"]["yaxis"]["title"]["text"] == "news-model tone (−1 … +1)"
    assert arc["data"][0]["y"] == pytest.approx(list(counted["tone_score"]))
    shares = figure(app, "shares_chart")
    assert shares["layout"]["xaxis"]["title"]["text"].endswith("sentences<br>by news-model tone")
    assert "news-model tone" in html_of(app)  # the extremes say which measure they are
    open_tab(app, "Speakers")
    pick = app.selectbox(key="speaker_pick")
    name = pick.options[1]
    pick.set_value(name).run()
    row = ui.data.speakers_for(VOTE, "harbour_vote.txt", TONE_KINDS).set_index("speaker").loc[name]
    said = row["tone_score"]
    assert app.metric[0].value.endswith(f"{row['tone']} ({f'{said:+.2f}'.replace('-', '−')})")
    assert "Sentence tone by news-model tone" in html_of(app)
    open_tab(app, "Text")
    assert 'title="Sentence 1: news-model tone' in html_of(app)
    choose(app, "polarity")
    assert 'title="Sentence 1: TextBlob polarity' in html_of(app)
    open_tab(app, "Entities")
    entity_table = app.dataframe[0].value
    assert list(entity_table.columns[-6:]) == ["polarity", "reading", "tone_score", "negative", "neutral", "positive"]
    shown = entity_table.set_index("entity")
    counts = ui.data.entities_for(VOTE, "harbour_vote.txt", TONE_KINDS).set_index("entity")
    each = ["negative", "neutral", "positive"]
    assert (shown[each] == counts.loc[shown.index, each]).all().all()

def test_compare_reads_the_chosen_measure(app):
    upload(app, ("harbour_vote.txt", VOTE), ("harbour_followup.txt", FOLLOWUP))
    open_tab(app, "Compare")
    a = ui.data.load(VOTE, "harbour_vote.txt").analysis
    counted = a.paragraphs[a.paragraphs["kind"].isin(TONE_KINDS)]
    speakers = ui.data.speakers_for(VOTE, "harbour_vote.txt", TONE_KINDS).set_index("speaker")
    for measure, axis in (("tone_score", "news-model tone (−1 … +1)"), ("polarity", "TextBlob polarity (−1 … +1)")):
        choose(app, measure)
        fig = figure(app, "compare_chart")
        assert fig["layout"]["xaxis"]["title"]["text"] == axis
        name = app.selectbox(key="compare_name").value
        assert fig["data"][0]["y"][0] == "harbour_vote.txt"
        assert fig["data"][0]["x"][0] == pytest.approx(speakers.loc[name, measure])
        overall = (counted[measure] * counted["words"]).sum() / counted["words"].sum()
        assert app.dataframe[0].value["tone"].iloc[0] == pytest.approx(overall, abs=1e-4)

def test_articles_are_analysed_outside_the_server_process(app, monkeypatch):
    """Analyses run in processes forked from one that loaded the models: an analysis in the
    server process itself would meet this broken `analyze`."""
    def in_the_server(*args, **kwargs):
        raise AssertionError("analysed in the server process")

    monkeypatch.setattr(analysis.sandbox, "analyze", in_the_server)
    upload(app, ("elsewhere.txt", VOTE))
    fresh = AppTest.from_file(APP, default_timeout=60)
    fresh.run()
    upload(fresh, ("elsewhere-too.txt", FOLLOWUP))
    for session in (app, fresh):
        assert not session.error, [e.value for e in session.error]

def test_speaker_overview_puts_the_text_about_them_beside_their_quotes():
    import pandas as pd

    from ui import summary
    from ui.charts import NEWS_MODEL, TEXTBLOB

    speakers = pd.DataFrame({"speaker": ["Ann", "Bob"], "kind": ["person", "group"], "quotes": [2, 1], "words": [9, 3],
                             "polarity": [0.3, -0.2],
                             "polarity_min": [0.1, -0.2], "polarity_max": [0.5, -0.2], "subjectivity": [0.4, 0.6],
                             "tone_score": [-0.4, 0.1]})
    quotes = pd.DataFrame({"speaker": ["Ann", "Ann", "Bob"], "polarity": [0.1, 0.5, -0.2],
                           "tone_score": [-0.7, -0.1, 0.1]})
    entities = pd.DataFrame({"entity": ["Ann"], "polarity": [0.1], "tone_score": [0.3], "mentions": [4]})
    out = summary.speaker_overview(speakers, entities, quotes, TEXTBLOB)
    assert out["about"].iloc[0] == 0.1 and pd.isna(out["about"].iloc[1])
    assert out["gap"].iloc[0] == pytest.approx(0.2)
    assert list(out["low"]) == [0.1, -0.2] and list(out["high"]) == [0.5, -0.2]
    assert list(out["says_other"]) == [-0.4, 0.1] and out["about_other"].iloc[0] == 0.3
    assert list(out["kind"]) == ["person", "group"]
    out = summary.speaker_overview(speakers, entities, quotes, NEWS_MODEL)
    assert list(out["says"]) == [-0.4, 0.1] and out["about"].iloc[0] == 0.3
    assert list(out["low"]) == [-0.7, 0.1] and list(out["high"]) == [-0.1, 0.1]
    assert out["gap"].iloc[0] == pytest.approx(-0.7)
    assert list(out["says_other"]) == [0.3, -0.2]

def test_entity_rows_read_the_model_toward_each_mention(sample):
    from ui import summary

    name = sample.entities["entity"].iloc[0]
    counted = set(sample.paragraphs.loc[sample.paragraphs["kind"].isin(TONE_KINDS), "paragraph"])
    mine = sample.mentions[(sample.mentions["entity"] == name) & sample.mentions["paragraph"].isin(counted)]
    row = summary.entity_rows(name, [sample], TONE_KINDS, "tone_score").iloc[0]
    assert (row["mean"], row["low"], row["high"]) == pytest.approx(
        (mine["tone_score"].mean(), mine["tone_score"].min(), mine["tone_score"].max()))
    assert row["n"] == f"{len(mine)} mention(s)"
    sentences = sample.sentences[sample.sentences["sentence"].isin(set(mine["sentence"]))]
    row = summary.entity_rows(name, [sample], TONE_KINDS, "polarity").iloc[0]
    assert row["mean"] == pytest.approx(sentences["polarity"].mean())

def test_dashboard_entity_and_speaker_tables_equal_the_downloads_for_every_kind(sample):
    """With every paragraph kind counted, the tables the tabs show are entities.csv and
    speakers.csv row for row: the same resolved pronouns, the same model readings."""
    data = SAMPLE.read_bytes()
    every = tuple(analysis.KINDS)
    shown = ui.data.entities_for(data, SAMPLE.name, every).reset_index(drop=True)
    assert shown.equals(sample.entities.reset_index(drop=True))
    xi = shown.set_index("entity").loc["Xi Jinping"]
    assert xi["polarity"] == sample.entities.set_index("entity").loc["Xi Jinping", "polarity"]
    speakers = ui.data.speakers_for(data, SAMPLE.name, TONE_KINDS).reset_index(drop=True)
    assert speakers.equals(sample.speakers.reset_index(drop=True))

def test_sources_are_listed_apart_from_the_speakers_compared(app):
    text = ("Council cuts library hours\n\n"
            "Mayor Ana Ruiz said the cuts were painful but necessary. \"We had no choice,\" she said.\n\n"
            "Residents said the branch was the only warm place in the village.\n\n"
            "A council report said the branch cost £90,000 a year to run.").encode()
    upload(app, ("library.txt", text))
    open_tab(app, "Speakers")
    shown = set(trace(figure(app, "speaker_chart"), "what they say (bar: range of single quotes)")["y"])
    assert {"Ana Ruiz", "residents"} <= shown and not any("report" in n for n in shown)
    assert "Quoted as sources, not compared as speakers: `council report` (1 quote)." in captions(app)
    assert list(app.dataframe[0].value["kind"]) == ["person", "group"]


def test_tone_figures_in_the_tables_come_with_words(app):
    open_tab(app, "Entities")
    table = app.dataframe[0].value
    assert list(table.columns[4:6]) == ["tone_score", "reading"]
    for score, words in zip(table["tone_score"], table["reading"]):
        assert words == ("" if score != score else NEWS_MODEL.words(score))
    open_tab(app, "Speakers")
    speakers = app.dataframe[0].value
    assert {"reading", "contrast"} <= set(speakers.columns)
    assert set(speakers["contrast"]) <= {"", "in line with the text about them",
                                         "more positive than the text about them",
                                         "more negative than the text about them"}
