"""The Speakers and Quotes tabs: the most quoted speakers over the corpus, and one speaker's quotes."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from ..charts import NEWS_MODEL
from ..fmt import code
from . import charts, tables, views
from .source import Store

LIMIT = 1000  # speakers in the table (and to choose from)
QUOTES = 2000  # quotes of one speaker
NONE = "No quoted speakers of the chosen kinds in these articles."
SPEAKER = "speaker"  # session state (and the address's query): the speaker the Quotes tab shows
HELPS = {"kind": "Person, organisation, group or source (reports, polls), as most of their quotes have it",
         "articles": "Articles that quote them",
         "tone": "What they say over the corpus, in words: the news model's reading of all they say in each "
                 "article, averaged over the articles",
         "tone_score": "What they say over the corpus: the mean over articles of the news model's reading of all "
                       "they say in each (−1 … +1)",
         "polarity": "Mean TextBlob polarity of their quotes (−1 … +1)"}


def ranked(store: Store, search: str, kinds: tuple[str, ...]) -> pd.DataFrame:
    return views.speakers(store.path, store.version, search, kinds, LIMIT)


def render_speakers(store: Store, search: str, kinds: tuple[str, ...]) -> None:
    speakers = ranked(store, search, kinds)
    if speakers.empty:
        st.info(NONE, icon=":material/info:")
        return
    st.plotly_chart(charts.speaker_bars(speakers), key="corpus_speaker_chart",
                    alt="Quotes of the most quoted speakers by tone, and the tone of what each says")
    st.caption("Click a row to read that speaker's quotes." + tables.more(len(speakers), charts.TOP, LIMIT))
    tables.show(speakers, key="corpus_speaker_table", file_name=tables.csv_name("speakers"), helps=HELPS,
                opens=(SPEAKER, "Quotes"))


def render_quotes(store: Store, search: str, kinds: tuple[str, ...]) -> None:
    row = tables.choose(ranked(store, search, kinds), "speaker", key=SPEAKER, label="Speaker",
                        help="The most quoted first; type to find one.", empty=NONE)
    if row is None:
        return
    name = row["speaker"]
    quotes = views.quotes_of(store.path, store.version, name, search, QUOTES)
    st.markdown(f"{code(name)} · {row['kind']} · **{row['quotes']:,}** quote{'s' if row['quotes'] != 1 else ''} in "
                f"**{row['articles']:,}** article{'s' if row['articles'] != 1 else ''} · what they say over the "
                f"corpus: {_reading(row['tone_score'], row['tone'])}")
    tables.show(quotes, key="corpus_quote_table", file_name=tables.csv_name("quotes", name),
                helps={"kind": "Direct, mixed or indirect", "tone": "The news model's reading of the quote",
                       "tone_score": "The news model's reading of the quote (−1 … +1)",
                       "polarity": "TextBlob polarity of the quote (−1 … +1)"})
    if len(quotes) == QUOTES:
        st.caption(f"The first {QUOTES:,} quotes; a search narrows them.")


def _reading(score: float, tone: str | None) -> str:
    return "no reading" if pd.isna(score) else NEWS_MODEL.text(score, tone)

