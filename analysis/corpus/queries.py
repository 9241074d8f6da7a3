"""Questions across a corpus store, answered by DuckDB (never by loading the corpus into pandas).

Each view is one SQL query over the store's tables (analysis.corpus.store); only its answer, at
most `limit` rows, comes back as a DataFrame. A text `search` narrows every view to the
articles whose text (any paragraph, headline and captions included) or file name holds its
words: whole words ("tax" is not "taxi", but is in "fares_tax.txt"), in any case, with any
white space between them, every other character taken literally.

Names are compared without regard to case across articles, so "Residents" opening one
sentence and "residents" in another are one speaker; each row shows the form most rows use.

The store is opened read-only with DuckDB's access to other files switched off, and its
tables must be tables, not views: a store from elsewhere (an upload) can make a view
query nothing but its own rows.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..tone import GROUP_THRESHOLD
from .store import sql_type

if TYPE_CHECKING:
    import pandas as pd

SPEAKER_KINDS = ("person", "organisation", "group", "source")
SPEAKING = SPEAKER_KINDS[:3]  # the kinds compared; sources (reports, polls) are listed apart
# The columns each view reads, by table: a store without them was made by another version.
NEEDED = {
    "articles": ("article", "words"),
    "paragraphs": ("article", "paragraph", "kind", "text"),
    "quotes": ("article", "paragraph", "start", "quote", "kind", "speaker", "cue", "polarity", "tone",
               "tone_score", "speaker_kind"),
    "speakers": ("article", "speaker", "tone_score"),
    "entities": ("article", "entity", "label", "mentions", "paragraphs", "polarity", "tone", "tone_score",
                 "negative", "neutral", "positive"),
}
# No file, extension or network access from SQL, and no setting may turn it back on.
CONFIG = {"enable_external_access": False, "autoload_known_extensions": False,
          "autoinstall_known_extensions": False, "lock_configuration": True}
MAKE = "python -m analysis ARTICLES... --out corpus.duckdb"


class StoreError(ValueError):
    """A file that cannot be opened as a corpus store: its `name`, and the `reason` in words."""

    def __init__(self, name: str, reason: str):
        super().__init__(f"{name}: {reason}")
        self.name = name
        self.reason = reason


@dataclass(frozen=True)
class Totals:
    articles: int
    words: int
    quotes: int
    speakers: int
    entities: int


# Where a word starts or ends: at either end of the text, or next to anything but a letter or digit
# (DuckDB's \b takes "_" for a letter and no letter beyond ASCII for one).
_EDGE = r"[^\p{L}\p{N}]"


def _pattern(search: str) -> str:
    """A regular expression for the search: its words in order with any white space between
    them, whole words where it starts or ends with a letter or digit, every character literal."""
    words = search.split()
    start = f"(?:^|{_EDGE})" if words[0][0].isalnum() else ""
    end = f"(?:{_EDGE}|$)" if words[-1][-1].isalnum() else ""
    return start + r"\s+".join(re.escape(w) for w in words) + end


def _like(search: str) -> str:
    """An ILIKE pattern every text the search's pattern matches also matches: its words in order.
    DuckDB tests it several times faster than the regular expression, which then reads only
    the texts it lets through."""
    words = (w.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") for w in search.split())
    return "%" + "%".join(words) + "%"


def _hits(search: str) -> tuple[str, str, list]:
    """The `hits` common table (the articles that match `search`), the condition that keeps
    an article's rows, and the parameters; with no search, every row."""
    if not search.strip():
        return "hits AS (SELECT NULL::VARCHAR AS article WHERE FALSE)", "TRUE", []
    return ("""hits AS MATERIALIZED (
                SELECT DISTINCT article FROM paragraphs
                WHERE text ILIKE ? ESCAPE '\\' AND regexp_matches(text, ?, 'i')
                UNION SELECT article FROM articles WHERE regexp_matches(article, ?, 'i'))""",
            "article IN (SELECT article FROM hits)", [_like(search), _pattern(search), _pattern(search)])


def _most(column: str) -> str:
    """The value most rows of a group hold, ties to the first in sort order (DuckDB's mode()
    breaks ties by chance, so a name's shown form and a row's place could change between runs)."""
    return (f"list_sort(list_transform(map_entries(histogram({column})), "
            f"lambda e: struct_pack(n := -e.value::BIGINT, v := e.key)))[1].v")


def _tone(score: str) -> str:
    """The group label of a mean score, as analysis.tone.group_label reads it."""
    return (f"CASE WHEN {score} IS NULL THEN NULL WHEN {score} >= {GROUP_THRESHOLD} THEN 'positive' "
            f"WHEN {score} <= -{GROUP_THRESHOLD} THEN 'negative' ELSE 'neutral' END")


# Each article's headline: its first headline paragraph.
_HEADLINES = ("SELECT article, arg_min(text, paragraph) AS headline FROM paragraphs WHERE kind = 'headline' "
              "GROUP BY article")


class Corpus:
    """A corpus store opened read-only for the views.

    Raises StoreError for a file that is no DuckDB database, one written by a newer DuckDB,
    one another process holds open for writing, or one without the store's tables and columns.
    Every view runs on its own cursor, so one Corpus serves several threads.
    """

    def __init__(self, path: str | Path, *, name: str | None = None, check: bool = True):
        """`name`: what errors call the file (an upload's own name); by default the file's name.
        `check=False` skips the check of its tables, for a file checked already."""
        import duckdb

        self.path = Path(path)
        self.name = name or self.path.name
        try:
            self.con = duckdb.connect(str(self.path), read_only=True, config=CONFIG)
        except duckdb.Error as exc:
            raise StoreError(self.name, _open_error(str(exc))) from None
        try:
            if check:
                self._check()
        except BaseException:
            self.con.close()
            raise

    def _check(self) -> None:
        """The store's tables are tables with the columns the views read, of the types the
        command line gives them (analysis.corpus.store)."""
        kinds = dict(self.con.execute(
            "SELECT table_name, table_type FROM information_schema.tables "
            "WHERE table_schema = 'main' AND table_catalog = current_database()").fetchall())
        if missing := [t for t in NEEDED if t not in kinds]:
            raise StoreError(self.name, f"it is a DuckDB file but not a corpus store: it has no "
                                        f"{', '.join(missing)} table; {MAKE} makes one")
        if views := [t for t in NEEDED if kinds[t] != "BASE TABLE"]:
            raise StoreError(self.name, f"it is not a corpus store: its {', '.join(views)} must be tables, "
                                        "not views")
        for table, needed in NEEDED.items():
            have = dict(self.con.execute(
                "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = 'main' "
                "AND table_catalog = current_database() AND table_name = ?", [table]).fetchall())
            if lacking := [c for c in needed if c not in have]:
                raise StoreError(self.name, f"it was made by another version of the command line: its {table} "
                                            f"table has no {', '.join(lacking)} column; make it again with {MAKE}")
            if odd := [c for c in needed if have[c] != sql_type(c)]:
                raise StoreError(self.name, f"it is not a corpus store of this version: in its {table} table "
                                            f"{', '.join(f'{c} is {have[c]}' for c in odd)}")

    def close(self) -> None:
        self.con.close()

    def _df(self, sql: str, params: list) -> pd.DataFrame:
        return self.con.cursor().execute(sql, params).df()

    def totals(self, search: str = "") -> Totals:
        """Articles, words, quotes, speakers and entities in the articles that match `search`."""
        hits, kept, params = _hits(search)
        row = self.con.cursor().execute(f"""
            WITH {hits}
            SELECT (SELECT count(*) FROM articles WHERE {kept}),
                   (SELECT coalesce(sum(words), 0) FROM articles WHERE {kept}),
                   (SELECT count(*) FROM quotes WHERE {kept}),
                   (SELECT count(DISTINCT lower(speaker)) FROM quotes WHERE speaker <> '' AND {kept}),
                   (SELECT count(DISTINCT lower(entity)) FROM entities WHERE {kept})""", params).fetchone()
        return Totals(*(int(v) for v in row))

    def speakers(self, search: str = "", *, kinds: tuple[str, ...] = SPEAKING, limit: int = 50) -> pd.DataFrame:
        """The most quoted speakers: articles quoting them, quotes, words quoted and their tone.

        `tone_score` is the mean over the articles of the model's reading of all the speaker
        says in each (speakers.csv), `tone` its label; `quotes_negative` ... `quotes_positive`
        count their single quotes by tone; `polarity` is the mean TextBlob polarity of their
        quotes. A speaker's `kind` is the one most of their quotes give; `kinds` keeps those.
        """
        hits, kept, params = _hits(search)
        return self._df(f"""
            WITH {hits},
            said AS (
                SELECT lower(speaker) AS name, {_most("speaker")} AS speaker, {_most("speaker_kind")} AS kind,
                       count(DISTINCT article) AS articles, count(*) AS quotes,
                       sum(length(trim(quote)) - length(replace(trim(quote), ' ', '')) + 1)::BIGINT AS words,
                       count(*) FILTER (WHERE tone = 'negative') AS quotes_negative,
                       count(*) FILTER (WHERE tone = 'neutral') AS quotes_neutral,
                       count(*) FILTER (WHERE tone = 'positive') AS quotes_positive,
                       avg(polarity) AS polarity
                FROM quotes WHERE speaker <> '' AND {kept} GROUP BY name),
            read AS (SELECT lower(speaker) AS name, avg(tone_score) AS tone_score
                     FROM speakers WHERE {kept} GROUP BY name)
            SELECT speaker, kind, articles, quotes, words, {_tone("read.tone_score")} AS tone,
                   round(read.tone_score, 4) AS tone_score, quotes_negative, quotes_neutral, quotes_positive,
                   round(polarity, 4) AS polarity
            FROM said LEFT JOIN read USING (name)
            WHERE kind IN (SELECT unnest(?::VARCHAR[]))
            ORDER BY quotes DESC, articles DESC, speaker
            LIMIT ?""", [*params, list(kinds), limit])

    def quotes_of(self, speaker: str, search: str = "", *, limit: int = 500) -> pd.DataFrame:
        """One speaker's quotes across the corpus (their name in any case), article by article,
        in reading order, with each article's headline."""
        hits, kept, params = _hits(search)
        return self._df(f"""
            WITH {hits}, heads AS ({_HEADLINES})
            SELECT article, paragraph, quote, tone, round(tone_score, 4) AS tone_score, kind, cue,
                   round(polarity, 4) AS polarity, headline
            FROM quotes LEFT JOIN heads USING (article)
            WHERE lower(speaker) = lower(?) AND {kept}
            ORDER BY article, start
            LIMIT ?""", [*params, speaker, limit])

    def entities(self, search: str = "", *, labels: tuple[str, ...] = (), limit: int = 50) -> pd.DataFrame:
        """Entities by the number of articles that name them, with their mentions and the tone toward them.

        `tone_score` is the mean of the model's tone toward each mention, `tone` its label, and
        `mentions_negative` ... `mentions_positive` count the mentions by tone; `polarity` is
        the mean over articles of the TextBlob polarity of the sentences naming the entity.
        `labels` keeps the rows of these entity types (all when empty).
        """
        hits, kept, params = _hits(search)
        labelled = "label IN (SELECT unnest(?::VARCHAR[]))" if labels else "TRUE"
        mean = "sum(tone_score * mentions) / sum(mentions)"
        return self._df(f"""
            WITH {hits}
            SELECT {_most("entity")} AS entity, {_most("label")} AS label, count(DISTINCT article) AS articles,
                   sum(mentions)::BIGINT AS mentions, {_tone(mean)} AS tone, round({mean}, 4) AS tone_score,
                   sum(negative)::BIGINT AS mentions_negative, sum(neutral)::BIGINT AS mentions_neutral,
                   sum(positive)::BIGINT AS mentions_positive, round(avg(polarity), 4) AS polarity
            FROM entities
            WHERE {labelled} AND {kept}
            GROUP BY lower(entity)
            ORDER BY articles DESC, mentions DESC, entity
            LIMIT ?""", [*params, *([list(labels)] if labels else []), limit])

    def tone_toward(self, entity: str, search: str = "", *, limit: int = 500) -> pd.DataFrame:
        """Tone toward one entity (its name in any case) article by article, as each article's
        entities table has it, with each article's headline."""
        hits, kept, params = _hits(search)
        return self._df(f"""
            WITH {hits}, heads AS ({_HEADLINES})
            SELECT article, headline, mentions, tone, round(tone_score, 4) AS tone_score,
                   negative AS mentions_negative, neutral AS mentions_neutral, positive AS mentions_positive,
                   paragraphs, label, round(polarity, 4) AS polarity
            FROM entities LEFT JOIN heads USING (article)
            WHERE lower(entity) = lower(?) AND {kept}
            ORDER BY article, entity
            LIMIT ?""", [*params, entity, limit])

    def labels(self) -> list[str]:
        """The entity types the store holds, the most common first."""
        rows = self.con.cursor().execute(
            "SELECT label FROM entities GROUP BY label ORDER BY count(*) DESC, label").fetchall()
        return [label for (label,) in rows]

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _open_error(error: str) -> str:
    """DuckDB's reason for not opening a file, in the reader's words."""
    import duckdb

    lowered = error.lower()
    if "could not set lock" in lowered:
        return ("another process holds it open for writing (a run of python -m analysis?); "
                "open it again when that run has finished")
    if "newer version" in lowered:
        return (f"it was written by a newer version of DuckDB than this one ({duckdb.__version__}); open it "
                f"with the version of this project that made it, or make it again with {MAKE}")
    if "storage version" in lowered or "older version" in lowered:
        return f"it was written by an older version of DuckDB; make it again with {MAKE}"
    if "not a valid duckdb database" in lowered:
        return f"it is not a DuckDB file; {MAKE} makes a corpus store"
    if "does not exist" in lowered:
        return "there is no such file"
    if "corrupt" in lowered or "checksum" in lowered:
        return "it is damaged (DuckDB finds a wrong checksum); copy it again from where it was made"
    return f"DuckDB cannot open it ({error.splitlines()[0]})"
