"""The sidebar: where articles come from, and the options every tab reads."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from analysis import KINDS, TONE_KINDS, ArticleError
from analysis.reading.fetch import fetch_article
from analysis.reading.ingest import FORMATS
from analysis.tone import GROUP_THRESHOLD

from . import paste
from .charts import Measure, measure, signed
from .data import ANALYSES, MAX_CHARS, Source
from .fmt import code, label_name

SAMPLE = Path(__file__).resolve().parents[1] / "sample_data" / "putin_xi_call.txt"
FETCHED = "fetched"  # session state: fetched page name -> bytes
# The sidebar's tone measures: the column each reads, and its name there.
MEASURE_CHOICES = {"tone_score": "News model", "polarity": "TextBlob lexicon"}
NEGATIVE, POSITIVE = -0.05, 0.05  # TextBlob polarity thresholds until the user moves them
MIN_STEP = 0.01  # the thresholds' step, and how close to 0 either may come


@dataclass(frozen=True)
class Options:
    """What the user chose in the sidebar; no option changes the analysis itself.

    `measure` is the column tone is read from (`tone_score` or `polarity`); `negative` and
    `positive` are the TextBlob polarity thresholds, which apply only to `polarity`.
    """
    kinds: tuple[str, ...]
    labels: tuple[str, ...]
    negative: float = NEGATIVE
    positive: float = POSITIVE
    measure: str = "tone_score"

    @property
    def tone(self) -> Measure:
        """The chosen measure with the thresholds that apply to it."""
        return measure(self.measure, negative=self.negative, positive=self.positive)

    @property
    def thresholds(self) -> dict[str, float]:
        return self.tone.thresholds


def sources() -> tuple[list[Source], bool]:
    """The articles to show and whether they are the bundled sample (nothing given yet)."""
    st.sidebar.header("Articles")
    limit = st.get_option("server.maxUploadSize")
    # Any file is taken, so one of another type gets our plain sentence naming the formats
    # read (see ingest), not the uploader's message in MIME types.
    files = st.sidebar.file_uploader(
        "Upload articles", accept_multiple_files=True, key="uploads",
        help="Plain text, Markdown, a saved web page, a Word document or a PDF. Each file is analysed once.")
    st.sidebar.caption(f"One or several {FORMATS} files, up to {limit} MB each "
                       f"and {MAX_CHARS:,} characters of text.")
    st.sidebar.caption("…or paste an article into the box above the analysis.")
    with st.sidebar.expander("…or fetch a web page", expanded=bool(st.session_state.get(FETCHED))):
        _fetch_box()
    given = [Source(_unique(f.name, i, files), f.getvalue()) for i, f in enumerate(files or [])]
    given += [Source(name, data) for name, data in st.session_state.get(FETCHED, {}).items()]
    if (text := paste.source()) is not None:
        given.append(text)
    if given:
        return given, False
    return [sample_source()], True


def _fetch_box() -> None:
    """A web address and a Fetch button; fetched pages stay in the session until cleared."""
    fetched: dict[str, bytes] = st.session_state.setdefault(FETCHED, {})
    with st.form("fetch_form", border=False, enter_to_submit=True):
        url = st.text_input("Web address", key="url", placeholder="https://…")
        go = st.form_submit_button("Fetch", icon=":material/download:", key="fetch")
    if go and url.strip():
        try:
            name, data = fetch_article(url)
        except ArticleError as exc:
            st.error(f"Could not fetch {code(url.strip())}: {exc}.")
        else:
            fetched[name] = data
    for name in fetched:
        st.caption(code(name))
    if fetched and st.button("Clear fetched pages", key="clear_fetched"):
        fetched.clear()
        st.rerun()


def sample_source() -> Source:
    return Source(SAMPLE.name, SAMPLE.read_bytes())


def _unique(name: str, index: int, files: list) -> str:
    """The file's name, numbered when several uploads share it (the name keys each article)."""
    earlier = sum(1 for f in files[:index] if f.name == name)
    if not earlier:
        return name
    path = Path(name)
    return f"{path.stem} ({earlier + 1}){path.suffix}"


def options(labels_found: list[str]) -> Options:
    """Paragraph kinds that count, entity types shown, the tone measure and its thresholds."""
    st.sidebar.header("Options")
    kinds = st.sidebar.pills(
        "Paragraph kinds that count", KINDS, selection_mode="multi", default=list(TONE_KINDS), key="kinds",
        help="Used for the overall tone, the counts, the speaker comparison and the entity counts. "
             "The text view and the downloads always hold every paragraph.")
    labels = _entity_types(labels_found)
    column = st.sidebar.radio(
        "Tone measure", list(MEASURE_CHOICES), format_func=MEASURE_CHOICES.get, key="measure",
        help="News model: a model tuned on news reads the tone of each sentence and quote, and the tone "
             "toward each person or organisation it names. TextBlob lexicon: the mean polarity of the "
             "opinion words in the text. Every chart names the measure it shows; hovers and tables give both.")
    negative, positive = _thresholds(column)
    return Options(tuple(k for k in KINDS if k in (kinds or [])), tuple(labels or []), negative, positive, column)


def _thresholds(column: str) -> tuple[float, float]:
    """The TextBlob polarity thresholds: sliders under TextBlob, kept while the model is chosen."""
    # One container either way, so what follows in the sidebar keeps its place (and an open expander stays open).
    box = st.sidebar.container(key="thresholds")
    if column != "polarity":
        box.caption(f"Tone thresholds: the news model's scores read positive from {signed(GROUP_THRESHOLD)} and "
                    f"negative up to {signed(-GROUP_THRESHOLD)}, in between neutral (fixed for the model). "
                    "Choose TextBlob lexicon to set polarity thresholds.")
        return st.session_state.get("negative", NEGATIVE), st.session_state.get("positive", POSITIVE)
    box.markdown("**TextBlob polarity thresholds**")
    # Neither threshold reaches 0: a text without opinion words scores exactly 0 and must read neutral.
    positive = box.slider("Positive from polarity", MIN_STEP, 0.5, POSITIVE, MIN_STEP, key="positive",
                          persist_state="page",
                          help="A sentence, paragraph or quote at or above this polarity reads positive.")
    negative = box.slider("Negative up to polarity", -0.5, -MIN_STEP, NEGATIVE, MIN_STEP, key="negative",
                          persist_state="page",
                          help="At or below this polarity it reads negative; in between, neutral. A polarity "
                               "of 0 (no opinion words) always reads neutral.")
    return negative, positive


def _entity_types(found: list[str]) -> list[str]:
    """Entity type pills: every type the articles hold, less those the user switched off."""
    hidden = st.session_state.setdefault("labels_hidden", set())
    st.session_state["labels"] = [label for label in found if label not in hidden]

    def remember() -> None:
        chosen = set(st.session_state["labels"] or [])
        st.session_state["labels_hidden"] = (hidden - set(found)) | (set(found) - chosen)

    return st.sidebar.pills(
        "Entity types shown", found, selection_mode="multi", key="labels", on_change=remember,
        format_func=label_name)


def about(is_sample: bool) -> None:
    with st.sidebar.expander("About this analysis"):
        if is_sample:
            st.caption(f"Showing the bundled sample article, {code(SAMPLE.name)}. "
                       "Upload or paste an article to replace it.")
        st.caption(
            "Sentences, entities and the dependency parse come from spaCy's small English model. Tone is "
            "read two ways: a news-tuned model scores each sentence and quote, and the tone toward each "
            "mention, from −1 to +1, and reads all a speaker's quotes together for the speaker's tone; "
            "TextBlob's lexicon gives polarity (−1 … +1) and subjectivity (0 … 1). "
            "The text about an entity is the model's mean tone toward its mentions, or the mean TextBlob "
            "polarity of the sentences that mention it.")
        with st.container(key="analyses_count"):
            st.caption(f"Articles analysed by this server so far: {ANALYSES.value}. Each article is "
                       "analysed once; changing an option reuses the cached analysis.")
