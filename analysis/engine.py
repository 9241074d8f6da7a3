"""The engine's front: one article's text in, the output contract's six tables out."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from spacy.language import Language

from .entities.mentions import entity_table, extract_mentions
from .pipeline.model import load_model
from .pipeline.nlp import Parsed, parse, parse_many
from .quotes.extract import extract_quotes, resolved_pronouns
from .reading.ingest import make_article, read_article
from .schema import TABLES
from .speakers.table import speaker_table
from .tables import paragraph_table, sentence_table
from .tone.columns import with_paragraph_tone, with_tone


@dataclass(frozen=True)
class Analysis:
    """Everything the engine found in one article, as tidy tables (see docs/DESIGN.md)."""
    name: str
    text: str
    paragraphs: pd.DataFrame
    sentences: pd.DataFrame
    mentions: pd.DataFrame
    entities: pd.DataFrame
    quotes: pd.DataFrame
    speakers: pd.DataFrame

    def tables(self) -> dict[str, pd.DataFrame]:
        """The six tables of the output contract by name, in the contract's order."""
        return {t: getattr(self, t) for t in TABLES}


def analyze(text: str, name: str = "article", *, nlp: Language | None = None) -> Analysis:
    """Analyse one article's text. `name` fills the `article` column of every table.

    Empty or blank text gives empty tables with every column.
    """
    return analyze_parsed(parse(make_article(text, name), nlp or load_model()))


def parse_articles(articles: list[tuple[str, str]], *, nlp: Language | None = None) -> list[Parsed]:
    """Several articles' (name, text) parsed together, for `analyze_parsed` one at a time:
    the tables are those `analyze` gives, for a little less of spaCy's time."""
    return parse_many([make_article(text, name) for name, text in articles], nlp or load_model())


def analyze_parsed(parsed: Parsed) -> Analysis:
    """`analyze` of an article already parsed."""
    mentions = extract_mentions(parsed)
    sentences, mentions, quotes = with_tone(sentence_table(parsed), mentions, extract_quotes(parsed))
    paragraphs = with_paragraph_tone(paragraph_table(parsed, mentions, quotes), sentences)
    return Analysis(
        name=parsed.article.name, text=parsed.article.text, paragraphs=paragraphs, sentences=sentences,
        mentions=mentions, entities=entity_table(mentions, sentences, resolved_pronouns(quotes, sentences)),
        quotes=quotes,
        speakers=speaker_table(quotes, paragraphs, mentions),
    )


def analyze_file(path, *, nlp: Language | None = None) -> Analysis:
    """Read an article file (.txt, .md, .html, .docx, .pdf) and analyse it; raises ArticleError if unreadable."""
    name, text = read_article(path)
    return analyze(text, name, nlp=nlp)
