"""Questions across a corpus store, answered by DuckDB (never by loading the corpus into pandas).

Each view is one SQL query over the store's tables (analysis.store); only its answer, at
most `limit` rows, comes back as a DataFrame. A text `search` narrows every view: to
quotes that contain the words, speakers and entities whose names do, or articles whose
names do (case-insensitive).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

SPEAKING = ("person", "organisation", "group")  # the kinds compared; sources are listed apart


@dataclass(frozen=True)
class Totals:
    articles: int
    words: int
    quotes: int
    speakers: int
    entities: int


def _like(search: str) -> str:
    """An ILIKE pattern for the search words, with the pattern characters taken literally."""
    text = search.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{text}%"


class Corpus:
    """A corpus store opened read-only for the views."""

    def __init__(self, path: str | Path):
        import duckdb

        self.path = Path(path)
        self.con = duckdb.connect(str(self.path), read_only=True)
        missing = {"articles", "quotes", "entities"} - {r[0] for r in self.con.execute("SHOW TABLES").fetchall()}
        if missing:
            self.con.close()
            raise ValueError(f"{self.path.name} is not a corpus store (no {', '.join(sorted(missing))} table)")

    def close(self) -> None:
        self.con.close()

    def _df(self, sql: str, params: list) -> pd.DataFrame:
        return self.con.execute(sql, params).df()

    def totals(self) -> Totals:
        articles, words = self.con.execute("SELECT count(*), coalesce(sum(words), 0) FROM articles").fetchone()
        quotes, speakers = self.con.execute(
            "SELECT count(*), count(DISTINCT speaker) FILTER (WHERE speaker <> '') FROM quotes").fetchone()
        entities = self.con.execute("SELECT count(DISTINCT entity) FROM entities").fetchone()[0]
        return Totals(int(articles), int(words), int(quotes), int(speakers), int(entities))

    def speakers(self, search: str = "", *, kinds: tuple[str, ...] = SPEAKING, limit: int = 50) -> pd.DataFrame:
        """The most quoted speakers over the corpus: articles and quotes, words quoted, and the
        tone of their quotes (mean score, and how many quotes read negative, neutral, positive)."""
        return self._df(f"""
            SELECT speaker, any_value(speaker_kind) AS kind, count(DISTINCT article) AS articles,
                   count(*) AS quotes, sum(len(string_split(quote, ' '))) AS words,
                   round(avg(tone_score), 4) AS tone_score,
                   count(*) FILTER (WHERE tone = 'negative') AS negative,
                   count(*) FILTER (WHERE tone = 'neutral') AS neutral,
                   count(*) FILTER (WHERE tone = 'positive') AS positive
            FROM quotes
            WHERE speaker <> '' AND speaker_kind IN ({", ".join("?" for _ in kinds)})
              AND (? = '%%' OR speaker ILIKE ? ESCAPE '\\' OR quote ILIKE ? ESCAPE '\\'
                   OR article ILIKE ? ESCAPE '\\')
            GROUP BY speaker
            ORDER BY quotes DESC, articles DESC, speaker
            LIMIT ?""", [*kinds, *[_like(search)] * 4, limit])

    def quotes_of(self, speaker: str, search: str = "", *, limit: int = 500) -> pd.DataFrame:
        """One speaker's quotes across the corpus, article by article, in reading order."""
        return self._df("""
            SELECT article, paragraph, quote, kind, cue, tone, round(tone_score, 4) AS tone_score
            FROM quotes
            WHERE speaker = ? AND (? = '%%' OR quote ILIKE ? ESCAPE '\\' OR article ILIKE ? ESCAPE '\\')
            ORDER BY article, start
            LIMIT ?""", [speaker, *[_like(search)] * 3, limit])

    def entities(self, search: str = "", *, labels: tuple[str, ...] = (), limit: int = 50) -> pd.DataFrame:
        """Entities by the number of articles that name them, with mentions and mean tone toward them."""
        label_filter = f"AND label IN ({', '.join('?' for _ in labels)})" if labels else ""
        return self._df(f"""
            SELECT entity, mode(label) AS label, count(DISTINCT article) AS articles, sum(mentions) AS mentions,
                   round(sum(tone_score * mentions) / sum(mentions), 4) AS tone_score
            FROM entities
            WHERE (? = '%%' OR entity ILIKE ? ESCAPE '\\' OR article ILIKE ? ESCAPE '\\') {label_filter}
            GROUP BY entity
            ORDER BY articles DESC, mentions DESC, entity
            LIMIT ?""", [*[_like(search)] * 3, *labels, limit])

    def tone_toward(self, entity: str, search: str = "", *, limit: int = 500) -> pd.DataFrame:
        """Tone toward one entity article by article (as each article's entities table has it)."""
        return self._df("""
            SELECT article, label, mentions, paragraphs, tone, round(tone_score, 4) AS tone_score,
                   negative, neutral, positive
            FROM entities
            WHERE entity = ? AND (? = '%%' OR article ILIKE ? ESCAPE '\\')
            ORDER BY article
            LIMIT ?""", [entity, *[_like(search)] * 2, limit])

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
