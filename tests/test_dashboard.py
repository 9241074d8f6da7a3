"""The dashboard in-process with Streamlit's AppTest: sample, uploads, bad files, options, downloads."""
from __future__ import annotations

import base64
import dataclasses
import io
import json
import tomllib
import zipfile
from pathlib import Path

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

import analysis
import analysis.tone
import ui.data
from analysis import TABLES, TONE_KINDS
from analysis.__main__ import main as cli
from analysis.tone import GROUP_THRESHOLD, group_label

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "dashboard.py")
DATA = Path(__file__).parent / "data" / "ui"
VOTE = (DATA / "harbour_vote.txt").read_bytes()
FOLLOWUP = (DATA / "harbour_followup.txt").read_bytes()
SAMPLE = ROOT / "sample_data" / "putin_xi_call.txt"
BINARY = bytes(range(256)) * 8


@pytest.fixture
def app(nlp) -> AppTest:
    """A fresh session of the dashboard (the model is already loaded by the nlp fixture)."""
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception
    return at


def open_tab(at: AppTest, name: str) -> AppTest:
    at.session_state["tab"] = name
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def upload(at: AppTest, *files: tuple[str, bytes]) -> AppTest:
    uploader = at.file_uploader(key="uploads")
    uploader.set_value([(name, data, "text/plain") for name, data in files]).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def html_of(at: AppTest) -> str:
    return "".join(h.proto.body for h in at.get("html"))


def captions(at: AppTest) -> str:
    return " ".join(c.value for c in at.caption)


def choose(at: AppTest, measure: str) -> AppTest:
    """Pick the tone measure in the sidebar by its column: tone_score or polarity."""
    at.radio(key="measure").set_value(measure).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def figure(at: AppTest, key: str) -> dict:
    """The plotly figure JSON of the chart with this key, arrays decoded to lists."""
    [chart] = [c for c in at.get("plotly_chart") if c.proto.id.endswith(f"-{key}")]
    return json.loads(chart.proto.spec, object_hook=_decoded)


def _decoded(obj: dict):
    if set(obj) == {"dtype", "bdata"}:  # plotly >= 6 sends arrays as base64
        return np.frombuffer(base64.b64decode(obj["bdata"]), dtype=obj["dtype"]).tolist()
    return obj


def trace(fig: dict, name: str) -> dict:
    return next(t for t in fig["data"] if t.get("name") == name)


def test_sample_renders_every_tab_without_exception(app):
    assert "Putin, Xi Agree NATO" in html_of(app)
    assert "the bundled sample article" in captions(app)
    assert [m.label for m in app.metric] == ["Paragraphs", "Words", "Quotes", "Speakers", "Entities",
                                             "Overall tone"]
    assert len(app.get("plotly_chart")) == 2
    assert len(open_tab(app, "Speakers").get("plotly_chart")) == 1
    assert 'class="nr-article"' in html_of(open_tab(app, "Text"))
    assert len(open_tab(app, "Entities").get("plotly_chart")) == 2
    open_tab(app, "Download")
    assert len(app.get("download_button")) == 1 + len(TABLES)
    assert [t.label for t in app.tabs] == ["Overview", "Speakers", "Text", "Entities", "Download"]


def test_upload_limit_is_configured_and_stated(app):
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    limit = config["server"]["maxUploadSize"]
    assert f"up to {limit} MB each and 300,000 characters" in " ".join(c.value for c in app.sidebar.caption)


def test_upload_replaces_the_sample(app):
    upload(app, ("harbour_vote.txt", VOTE))
    assert "Council Approves Harbour Bridge Plan" in html_of(app)
    assert "harbour_vote.txt" in captions(app) and "bundled sample" not in captions(app)
    assert "Putin" not in html_of(app)
    assert not [t for t in app.tabs if t.label == "Compare"]


def test_two_uploads_give_the_comparison(app):
    upload(app, ("harbour_vote.txt", VOTE), ("harbour_followup.txt", FOLLOWUP))
    assert [t.label for t in app.tabs][-2:] == ["Compare", "Download"]
    assert app.selectbox(key="article").options == ["harbour_vote.txt", "harbour_followup.txt"]
    open_tab(app, "Compare")
    table = app.dataframe[0].value
    assert list(table["article"]) == ["harbour_vote.txt", "harbour_followup.txt"]
    assert len(app.get("plotly_chart")) == 1
    app.segmented_control(key="compare_what").set_value("Entity").run()
    assert not app.exception
    app.selectbox(key="compare_name").set_value("Riverton").run()
    assert not app.exception
    assert "Riverton" in html_of(app)
    app.selectbox(key="article").set_value("harbour_followup.txt")
    open_tab(app, "Overview")
    assert "Bridge Opponents File Appeal" in html_of(app)


def test_bad_file_gets_one_sentence_and_the_rest_still_renders(app):
    upload(app, ("scan.txt", BINARY), ("harbour_vote.txt", VOTE))
    [error] = app.error
    assert error.value.startswith("Could not read `scan.txt`: ") and "binary" in error.value
    assert error.value.count(". ") == 0 and error.value.endswith(".")
    assert "Council Approves Harbour Bridge Plan" in html_of(app)
    assert len(app.metric) == 6


def test_only_bad_files_keep_the_sample_with_a_note(app):
    upload(app, ("notes.md", b"   \n\n  "))
    assert "`notes.md`" in app.error[0].value and "no text" in app.error[0].value
    assert "Showing the sample article until an article can be read." in [i.value for i in app.info]
    assert "Putin, Xi Agree NATO" in html_of(app)


def test_pasted_text_is_analysed(app):
    app.text_area(key="pasted").input(VOTE.decode()).run()
    assert "pasted-text.txt" in captions(app)
    assert "Council Approves Harbour Bridge Plan" in html_of(app)


def test_each_article_is_analysed_once_and_options_never_rerun_it(app, monkeypatch):
    calls = []
    real = ui.data.analyze
    monkeypatch.setattr(ui.data, "analyze", lambda *a, **k: calls.append(a[1]) or real(*a, **k))
    name = "once-only.txt"
    upload(app, (name, VOTE))
    assert calls == [name]
    app.pills(key="kinds").set_value(["body", "caption"]).run()
    choose(app, "polarity")
    app.slider(key="positive").set_value(0.2).run()
    app.slider(key="negative").set_value(-0.3).run()
    app.pills(key="labels").set_value(["PERSON"]).run()
    app.toggle(key="arc_other").set_value(False).run()
    for measure in ("tone_score", "polarity", "tone_score"):
        choose(app, measure)
        for tab in ("Speakers", "Text", "Entities", "Download", "Overview"):
            open_tab(app, tab)
    assert not app.exception
    assert calls == [name]


def test_options_change_what_is_counted(app):
    upload(app, ("harbour_vote.txt", VOTE))
    paragraphs = {m.label: m.value for m in app.metric}["Paragraphs"]
    app.pills(key="kinds").set_value(["headline", "standfirst", "body", "caption", "credit"]).run()
    assert int({m.label: m.value for m in app.metric}["Paragraphs"]) > int(paragraphs)
    choose(app, "polarity")
    app.slider(key="positive").set_value(0.5).run()
    app.slider(key="negative").set_value(-0.5).run()
    tone = [m for m in app.metric if m.label == "Overall tone"][0]
    assert "neutral" in str(tone.proto.delta)


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
        assert fig["layout"]["xaxis2"]["title"]["text"] == "TextBlob subjectivity (0 … 1)"
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
    assert 'title="Sentence 0: news-model tone' in html_of(app)
    choose(app, "polarity")
    assert 'title="Sentence 0: TextBlob polarity' in html_of(app)
    open_tab(app, "Entities")
    entity_table = app.dataframe[0].value
    assert list(entity_table.columns[-5:]) == ["polarity", "tone_score", "negative", "neutral", "positive"]
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


def test_the_tone_model_is_loaded_once_per_process(app):
    loads = analysis.tone.load_tone_model.cache_info().misses
    assert ui.data.tone_model() is analysis.tone.load_tone_model()
    upload(app, ("tone-once.txt", VOTE))
    fresh = AppTest.from_file(APP, default_timeout=60)
    fresh.run()
    upload(fresh, ("tone-once-again.txt", FOLLOWUP))
    assert analysis.tone.load_tone_model.cache_info().misses == loads


def test_speaker_pick_shows_their_quotes_in_context(app):
    upload(app, ("harbour_vote.txt", VOTE))
    open_tab(app, "Speakers")
    pick = app.selectbox(key="speaker_pick")
    name = pick.options[1]
    pick.set_value(name).run()
    assert not app.exception
    assert "In context" in [s.value for s in app.subheader]
    assert f"— {name}" in html_of(app)
    quotes = app.dataframe[1].value
    assert set(quotes["speaker"]) == {name}
    assert [m.label for m in app.metric][0] == f"What `{name}` says"


def test_speakers_tab_without_quotes_says_so(app, monkeypatch):
    real = ui.data.analyze

    def no_quotes(*args, **kwargs):
        result = real(*args, **kwargs)
        return dataclasses.replace(result, quotes=result.quotes.head(0), speakers=result.speakers.head(0))

    monkeypatch.setattr(ui.data, "analyze", no_quotes)
    upload(app, ("quoteless.txt", VOTE))
    open_tab(app, "Speakers")
    assert app.info and "No quotes found" in app.info[0].value
    assert not app.get("plotly_chart")


def test_the_text_tab_opens_calm_with_tone_and_quotes(app):
    upload(app, ("harbour_vote.txt", VOTE))
    open_tab(app, "Text")
    assert app.pills(key="text_layers").value == ["tone", "quotes"]
    page = html_of(app).split("</style>")[-1]
    assert "nr-q" in page and "nr-ent" not in page
    app.pills(key="text_layers").set_value(["tone", "quotes", "entities"]).run()
    assert "nr-ent" in html_of(app).split("</style>")[-1]


def test_text_filters_narrow_the_paragraphs(app):
    upload(app, ("harbour_vote.txt", VOTE))
    open_tab(app, "Text")
    app.selectbox(key="text_entity").set_value("Tom Becker").run()
    assert "nr-focus" in html_of(app)
    assert "paragraphs match the filters" in captions(app)
    app.pills(key="text_layers").set_value(["entities"]).run()
    assert "nr-who" not in html_of(app).split("</style>")[-1]


def test_hostile_text_never_reaches_the_page_as_markup(app):
    upload(app, ("hostile.txt", (DATA / "hostile.txt").read_bytes()))
    for tab in ("Overview", "Speakers", "Text"):
        page = html_of(open_tab(app, tab))
        assert "<script" not in page and "<img" not in page and "<iframe" not in page
    assert "&lt;script&gt;document.title=&#x27;pwned&#x27;&lt;/script&gt;" in page


def test_download_bytes_are_the_cli_bytes(tmp_path, nlp):
    assert cli([str(SAMPLE), "--out", str(tmp_path), "--jobs", "1", "--quiet"]) == 0
    files = ui.data.csv_files(SAMPLE.read_bytes(), SAMPLE.name)
    for table in TABLES:
        assert files[table] == (tmp_path / f"{table}.csv").read_bytes(), table
    with zipfile.ZipFile(io.BytesIO(files["zip"])) as zf:
        assert sorted(zf.namelist()) == sorted(f"putin_xi_call_{t}.csv" for t in TABLES)
        assert zf.read("putin_xi_call_quotes.csv") == (tmp_path / "quotes.csv").read_bytes()


def test_all_articles_zip_is_the_cli_output_for_them(tmp_path, nlp):
    paths = [DATA / "harbour_vote.txt", DATA / "harbour_followup.txt"]
    assert cli([*map(str, paths), "--out", str(tmp_path), "--jobs", "1", "--quiet"]) == 0
    data = ui.data.combined_zip(tuple((p.read_bytes(), p.name) for p in paths))
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for table in TABLES:
            assert zf.read(f"{table}.csv") == (tmp_path / f"{table}.csv").read_bytes(), table


def test_download_buttons_offer_every_table_and_the_zip(app):
    upload(app, ("My Story.txt", VOTE))
    open_tab(app, "Download")
    labels = [b.label for b in app.get("download_button")]
    assert labels[0] == f"All {len(TABLES)} tables (zip)" and labels[1:] == [f"{t}.csv" for t in TABLES]


@pytest.mark.parametrize("tab", ["Overview", "Speakers", "Text", "Entities", "Download"])
def test_no_kinds_and_no_entity_types_still_render(app, tab):
    app.pills(key="kinds").set_value([]).run()
    app.pills(key="labels").set_value([]).run()
    open_tab(app, tab)
    assert not app.exception


def test_markdown_and_html_uploads_are_read(app):
    md = b"# Bridge vote\n\nThe **council** approved the bridge, Mayor Elena Marsh said.\n"
    page = (b"<html><head><title>Bridge vote</title><script>alert(1)</script></head><body><article>"
            b"<h1>Bridge vote</h1><p>The council approved the bridge on Tuesday after a long debate "
            b"that lasted three hours, Mayor Elena Marsh said.</p></article></body></html>")
    upload(app, ("vote.md", md), ("vote.html", page))
    assert not app.error
    assert app.selectbox(key="article").options == ["vote.md", "vote.html"]
    assert "alert(1)" not in html_of(open_tab(app, "Text"))


def test_progress_text_names_the_article_being_analysed():
    from ui.data import Source, _progress_text

    new = [Source("a.txt", b"a"), Source("b.txt", b"b")]
    assert _progress_text(0, new) == "Analysing `a.txt` (1 of 2)…"
    assert _progress_text(1, new) == "Analysing `b.txt` (2 of 2)…"
    assert _progress_text(2, new) == "Analysis done"


def test_summaries_from_the_tables(sample):
    from ui import summary

    assert summary.headline(sample).startswith("Putin, Xi Agree NATO")
    paragraphs, sentences, quotes = summary.counted(sample, ("body",))
    assert set(paragraphs["kind"]) == {"body"}
    assert set(sentences["paragraph"]) <= set(paragraphs["paragraph"])
    assert set(quotes["paragraph"]) <= set(paragraphs["paragraph"])
    words = paragraphs["words"].astype(float)
    for column in ("polarity", "tone_score"):
        mean = (paragraphs[column] * words).sum() / words.sum()
        assert summary.overall_tone(paragraphs, column) == pytest.approx(mean)
        low, high = summary.extremes(sentences, column)
        least, most = sentences[column].min(), sentences[column].max()
        assert (None if low is None else low[column]) == (least if least < 0 else None)
        assert (None if high is None else high[column]) == (most if most > 0 else None)
    low, high = summary.extremes(sentences, "polarity")  # the sample has both
    assert low["polarity"] < 0 < high["polarity"]
    assert summary.overall_tone(paragraphs.head(0)) == 0.0


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


def test_shared_names_come_first():
    import pandas as pd

    from ui import summary

    tables = [pd.DataFrame({"speaker": ["Bea", "Al"]}), pd.DataFrame({"speaker": ["Al", "Cy"]})]
    assert summary.shared_names(tables, "speaker") == ["Al", "Bea", "Cy"]


def test_leaving_the_comparison_falls_back_to_a_tab_that_exists(app):
    upload(app, ("harbour_vote.txt", VOTE), ("harbour_followup.txt", FOLLOWUP))
    open_tab(app, "Compare")
    upload(app, ("harbour_vote.txt", VOTE))
    assert not app.exception
    assert [t.label for t in app.tabs] == ["Overview", "Speakers", "Text", "Entities", "Download"]
    assert len(app.metric) == 6  # the overview, since the comparison is gone


def test_file_names_are_shown_as_code_not_markdown(app):
    name = "[x](javascript:alert(1)) `tick` <b>.txt"
    upload(app, (name, BINARY), ("harbour_vote.txt", VOTE))
    assert app.error[0].value.startswith("Could not read `[x](javascript:alert(1)) 'tick' <b>.txt`: ")


def test_a_book_length_text_is_sent_to_the_command_line(app, monkeypatch):
    calls = []
    monkeypatch.setattr(ui.data, "analyze", lambda *a, **k: calls.append(a[1]))
    upload(app, ("book.txt", b"The council met again. " * 14_000))
    assert calls == []
    message = app.error[0].value
    assert message.startswith("Could not read `book.txt`: its text is 322,000 characters long, more than the 300,000")
    assert "python -m analysis" in message
    assert "Putin, Xi Agree NATO" in html_of(app)


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
    assert {"Ana Ruiz", "Residents"} <= shown and not any("report" in n for n in shown)
    assert "Quoted as sources, not compared as speakers: `council report` (1 quote)." in captions(app)
    assert list(app.dataframe[0].value["kind"]) == ["person", "group"]


def test_a_word_document_and_a_pdf_upload_like_text(app):
    from tests.test_documents import BODY, HEADLINE, docx_bytes, pdf_bytes

    upload(app, ("bridge.docx", docx_bytes()), ("bridge.pdf", pdf_bytes([HEADLINE, *BODY])))
    assert not app.error, [e.value for e in app.error]
    assert {n for _, n in app.session_state["analysed"]} >= {"bridge.docx", "bridge.pdf"}
    for name, data in (("bridge.docx", docx_bytes()), ("bridge.pdf", pdf_bytes([HEADLINE, *BODY]))):
        speakers = ui.data.speakers_for(data, name, TONE_KINDS)
        assert list(speakers["speaker"]) == ["Ana Ruiz"], name


def test_a_fetched_web_page_is_analysed_and_a_bad_address_says_why(app, site):
    app.text_input(key="url").input(f"{site}/news/bridge-vote.html")
    app.button(key="fetch").click().run()
    assert not app.exception and not app.error, [e.value for e in app.error]
    assert "127.0.0.1_news_bridge-vote.html" in {n for _, n in app.session_state["analysed"]}
    assert "`127.0.0.1_news_bridge-vote.html`" in " ".join(c.value for c in app.sidebar.caption)
    app.text_input(key="url").input(f"{site}/missing")
    app.button(key="fetch").click().run()
    assert any("answered 404" in e.value for e in app.error)
    app.button(key="clear_fetched").click().run()
    assert app.session_state["fetched"] == {}
