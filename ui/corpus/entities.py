"""The Entities and Tone toward tabs: entities by the articles naming them, and the tone toward one."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from ..charts import NEWS_MODEL
from ..fmt import code
from . import charts, tables, views
from .source import Store

LIMIT = 1000  # entities in the table (and to choose from)
ARTICLES = 5000  # articles naming one entity
NONE = "No entities of the chosen types in these articles."
ENTITY = "entity"  # session state (and the address's query): the entity the Tone toward tab shows
HELPS = {"label": "spaCy's entity type, the one most articles give it",
         "articles": "Articles that name it",
         "tone": "The tone toward it, in words: the news model's mean over its mentions",
         "tone_score": "The tone toward it: the mean of the news model's tone toward each mention (−1 … +1)",
         "polarity": "Mean over articles of the TextBlob polarity of the sentences naming it (−1 … +1)"}


def ranked(store: Store, search: str, labels: tuple[str, ...]) -> pd.DataFrame:
    return views.entities(store.path, store.version, search, labels, LIMIT)


def render_entities(store: Store, search: str, labels: tuple[str, ...]) -> None:
    entities = ranked(store, search, labels)
    if entities.empty:
        st.info(NONE, icon=":material/info:")
        return
    st.plotly_chart(charts.entity_bars(entities), key="corpus_entity_chart",
                    alt="The entities named in the most articles, coloured by type")
    st.caption("Click a row to see the tone toward that entity article by article."
               + tables.more(len(entities), charts.TOP, LIMIT))
    tables.show(entities, key="corpus_entity_table", file_name=tables.csv_name("entities"), helps=HELPS,
                opens=(ENTITY, "Tone toward"))


def render_tone(store: Store, search: str, labels: tuple[str, ...]) -> None:
    row = tables.choose(ranked(store, search, labels), "entity", key=ENTITY, label="Entity",
                        help="The one named in the most articles first; type to find one.", empty=NONE)
    if row is None:
        return
    name = row["entity"]
    rows = views.tone_toward(store.path, store.version, name, search, ARTICLES)
    tone = "no reading" if pd.isna(row["tone_score"]) else NEWS_MODEL.text(row["tone_score"], row["tone"])
    st.markdown(f"{code(name)} · {row['label']} · named in **{row['articles']:,}** "
                f"article{'s' if row['articles'] != 1 else ''}, **{row['mentions']:,}** "
                f"mention{'s' if row['mentions'] != 1 else ''} · tone toward it over the corpus: {tone}")
    st.plotly_chart(charts.tone_toward(rows), key="corpus_tone_chart",
                    alt=f"The tone toward {name} in each article, against its mentions there")
    tables.show(rows, key="corpus_tone_table", file_name=tables.csv_name("tone_toward", name),
                helps={"label": "Its type in this article",
                       "tone": "The tone toward it in this article, in words",
                       "tone_score": "The mean of the news model's tone toward its mentions in this article "
                                     "(−1 … +1)",
                       "polarity": "Mean TextBlob polarity of the sentences naming it in this article"})
    if len(rows) == ARTICLES:
        st.caption(f"The first {ARTICLES:,} articles; a search narrows them.")
