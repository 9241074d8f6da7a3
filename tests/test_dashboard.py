"""The dashboard in-process with Streamlit's AppTest: sample, uploads, bad files, options, downloads.

The tone measures and the speaker comparison are in test_dashboard_tone.py."""
from __future__ import annotations

import dataclasses
import io
import tomllib
import zipfile

import pytest

import ui.data
from analysis import TABLES, TONE_KINDS
from analysis.__main__ import main as cli

from .apptest import (
    BINARY,
    DATA,
    FOLLOWUP,
    ROOT,
    SAMPLE,
    VOTE,
    captions,
    choose,
    html_of,
    open_tab,
    upload,
)


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
    assert len(app.get("download_button")) == 2 + len(TABLES)  # the zip, each table, the highlighted article
    assert [t.label for t in app.tabs] == ["Overview", "Speakers", "Text", "Entities", "Compare", "Download"]


def test_upload_limit_is_configured_and_stated(app):
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    limit = config["server"]["maxUploadSize"]
    assert f"up to {limit} MB each and 300,000 characters" in " ".join(c.value for c in app.sidebar.caption)


def test_upload_replaces_the_sample(app):
    upload(app, ("harbour_vote.txt", VOTE))
    assert "Council Approves Harbour Bridge Plan" in html_of(app)
    assert "harbour_vote.txt" in captions(app) and "bundled sample" not in captions(app)
    assert "Putin" not in html_of(app)
    open_tab(app, "Compare")
    assert "Upload, paste or fetch another article" in app.info[0].value


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


def test_pasted_text_is_analysed_when_analyse_is_pressed(app):
    app.text_area(key="pasted").input(VOTE.decode()).run()
    assert "pasted-text.txt" not in captions(app)  # typing alone analyses nothing
    # A form sends its widgets' values with the submit button's click, in the same run.
    app.text_area(key="pasted").input(VOTE.decode())
    app.button(key="analyse").click().run()
    assert "pasted-text.txt" in captions(app)
    assert "Council Approves Harbour Bridge Plan" in html_of(app)
    app.text_area(key="pasted").input("")
    app.button(key="analyse").click().run()
    assert "Putin, Xi Agree NATO" in html_of(app)  # an emptied box leaves the sample


def test_analyse_shows_the_pasted_article_after_the_uploaded_ones(app):
    upload(app, ("harbour_vote.txt", VOTE), ("harbour_followup.txt", FOLLOWUP))
    app.text_area(key="pasted").input(VOTE.decode())
    app.button(key="analyse").click().run()
    assert app.selectbox(key="article").options[-1] == "pasted-text.txt"
    assert app.selectbox(key="article").value == "pasted-text.txt"
    assert "pasted-text.txt" in captions(app)
    app.selectbox(key="article").set_value("harbour_followup.txt").run()
    assert "Bridge Opponents File Appeal" in html_of(app)  # the reader's later choice holds


def test_a_file_of_another_type_gets_one_plain_sentence(app):
    upload(app, ("story.rtf", b"{\\rtf1 Council approves bridge}"))
    message = app.error[0].value
    assert "`story.rtf`" in message and "not supported" in message
    assert all(f in message for f in (".txt", ".md", ".html", ".docx", ".pdf"))
    assert "application/" not in message


def test_no_kinds_says_nothing_is_counted_instead_of_a_neutral_tone(app):
    app.pills(key="kinds").set_value([]).run()
    assert any("No paragraph kinds are chosen" in i.value for i in app.info)
    assert not app.metric  # no "Overall tone 0.00 neutral"


def test_the_polarity_thresholds_never_reach_zero(app):
    choose(app, "polarity")
    assert app.slider(key="positive").min > 0 and app.slider(key="negative").max < 0


def test_each_article_is_analysed_once_and_options_never_rerun_it(app):
    before = ui.data.ANALYSES.value
    name = "once-only.txt"
    upload(app, (name, VOTE))
    assert ui.data.ANALYSES.value == before + 1
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
    assert ui.data.ANALYSES.value == before + 1


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
    real = ui.data.sandbox()

    class NoQuotes:
        def run(self, *args, **kwargs):
            done = real.run(*args, **kwargs)
            a = done.analysis
            return dataclasses.replace(done, analysis=dataclasses.replace(a, quotes=a.quotes.head(0),
                                                                          speakers=a.speakers.head(0)))

    monkeypatch.setattr(ui.data, "sandbox", NoQuotes)
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
    assert labels[0] == f"All {len(TABLES)} tables (zip)"
    assert labels[1:] == [*(f"{t}.csv" for t in TABLES), "Highlighted article (HTML)"]


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


def test_shared_names_come_first():
    import pandas as pd

    from ui import summary

    tables = [pd.DataFrame({"speaker": ["Bea", "Al"]}), pd.DataFrame({"speaker": ["Al", "Cy"]})]
    assert summary.shared_names(tables, "speaker") == ["Al", "Bea", "Cy"]


def test_the_tabs_and_the_open_tab_stay_as_articles_come_and_go(app):
    tabs = ["Overview", "Speakers", "Text", "Entities", "Compare", "Download"]
    open_tab(app, "Speakers")
    upload(app, ("harbour_vote.txt", VOTE), ("harbour_followup.txt", FOLLOWUP))
    assert [t.label for t in app.tabs] == tabs and app.session_state["tab"] == "Speakers"
    open_tab(app, "Compare")
    upload(app, ("harbour_vote.txt", VOTE))
    assert not app.exception
    assert [t.label for t in app.tabs] == tabs and app.session_state["tab"] == "Compare"
    assert "Upload, paste or fetch another article" in app.info[0].value


def test_file_names_are_shown_as_code_not_markdown(app):
    name = "[x](javascript:alert(1)) `tick` <b>.txt"
    upload(app, (name, BINARY), ("harbour_vote.txt", VOTE))
    assert app.error[0].value.startswith("Could not read `[x](javascript:alert(1)) 'tick' <b>.txt`: ")


def test_a_book_length_text_is_sent_to_the_command_line(app):
    upload(app, ("book.txt", b"The council met again. " * 14_000))
    message = app.error[0].value
    assert message.startswith("Could not read `book.txt`: its text is 322,000 characters long, more than the 300,000")
    assert "python -m analysis" in message
    assert "Putin, Xi Agree NATO" in html_of(app)


def test_an_article_past_the_time_limit_is_named_and_the_rest_shown(app, monkeypatch):
    upload(app, ("fine.txt", FOLLOWUP))
    monkeypatch.setattr(ui.data.sandbox(), "seconds", 0.01)  # no article is analysed that fast
    upload(app, ("slow.txt", VOTE + b"\n"), ("fine.txt", FOLLOWUP))
    assert len(app.error) == 1
    assert app.error[0].value.startswith("Could not read `slow.txt`: its analysis took longer than 0.01 s, the "
                                         "dashboard's limit per article; the command line")
    assert "`fine.txt` · analysed in" in captions(app)


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
