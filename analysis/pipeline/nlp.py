"""Run spaCy over an article's paragraphs, keeping what later steps need to map offsets."""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property

import numpy
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from ..reading.ingest import Article
from ..reading.paragraphs import classify


@dataclass(frozen=True)
class Parsed:
    """An article with the kind and the spaCy Doc of each paragraph.

    `docs[i]` is paragraph i's text; article offsets are `article.paragraphs[i].start + token.idx`.
    """
    article: Article
    kinds: list[str]
    docs: list[Doc]
    make_doc: Callable[[str], Doc] | None = None  # the pipeline's tokenizer, for patterns

    @cached_property
    def paragraph_starts(self) -> list[int]:
        return [p.start for p in self.article.paragraphs]

    def paragraph_at(self, offset: int) -> int:
        """The paragraph holding (or last starting before) article offset `offset`."""
        return max(0, bisect_right(self.paragraph_starts, offset) - 1)

    def offset(self, paragraph: int, char: int) -> int:
        """Article offset of a character offset inside paragraph `paragraph`'s Doc."""
        return self.article.paragraphs[paragraph].start + char

    @cached_property
    def sentences(self) -> list[tuple[int, Span]]:
        """(paragraph, sentence) for every sentence that holds more than white space."""
        return [(p, s) for p, doc in enumerate(self.docs) for s in doc.sents if s.text.strip()]

    @cached_property
    def _sentence_of_token(self) -> list[list[int]]:
        """Per paragraph, the article-wide sentence number of each token (-1: a sentence of
        white space alone)."""
        out = [[-1] * len(doc) for doc in self.docs]
        for i, (p, s) in enumerate(self.sentences):
            out[p][s.start:s.end] = [i] * (s.end - s.start)
        return out

    def sentence_id(self, paragraph: int, token_index: int) -> int:
        """Article-wide number of the sentence holding token `token_index` of a paragraph."""
        return self._sentence_of_token[paragraph][token_index]


def word_ids(words) -> frozenset[int]:
    """The ids spaCy gives these strings (for `holds` and `tokens_where`)."""
    return frozenset(get_string_id(w) for w in words)


def holds(doc: Doc, attr: int, ids: frozenset[int]) -> bool:
    """Whether a token of `doc` has one of `ids` (see `word_ids`) as its `attr` (spacy.attrs
    LOWER, DEP...): one pass in C, to skip a paragraph a matcher cannot match in."""
    return not ids.isdisjoint(doc.to_array(attr).tolist())


def tokens_where(doc: Doc, *tests: tuple[int, frozenset[int]]) -> Iterator[Token]:
    """The tokens of `doc`, in order, that pass any of `tests`, each an attribute (spacy.attrs
    POS, DEP...) and the ids it may have (`word_ids`): read from one Doc.to_array, so a
    loop that wants a few kinds of token makes no Token for the others."""
    if not len(doc):
        return
    columns = doc.to_array([attr for attr, _ in tests]).reshape(len(doc), len(tests)).T.tolist()
    wanted = sorted({i for column, (_, ids) in zip(columns, tests) for i, v in enumerate(column) if v in ids})
    for i in wanted:
        yield doc[i]


BATCH_CHARS = 40_000  # characters parsed together at most (a paragraph is at most MAX_PARAGRAPH, 20,000)


def parse(article: Article, nlp: Language, *, batch_size: int = 64, batch_chars: int = BATCH_CHARS) -> Parsed:
    """Classify and parse every paragraph, in batches of at most `batch_size` paragraphs and
    `batch_chars` characters (one paragraph at least): spaCy's memory grows with the text of a
    batch, so eleven 20,000-character paragraphs in one batch took 1.4 GB."""
    return parse_many([article], nlp, batch_size=batch_size, batch_chars=batch_chars)[0]


def parse_many(articles: list[Article], nlp: Language, *, batch_size: int = 64,
               batch_chars: int = BATCH_CHARS) -> list[Parsed]:
    """`parse` of each article, their paragraphs parsed together: a batch fills across
    articles (a news article has about 25 paragraphs against 64), and each paragraph's Doc
    is the one it gets parsed alone. Every article's Docs are held until the last is parsed."""
    texts = [p.text for article in articles for p in article.paragraphs]
    docs = [_lean(doc) for batch in _batches(texts, batch_size, batch_chars)
            for doc in nlp.pipe(batch, batch_size=len(batch))]
    out, first = [], 0
    for article in articles:
        last = first + len(article.paragraphs)
        out.append(Parsed(article=article, kinds=classify(texts[first:last]), docs=docs[first:last],
                          make_doc=nlp.make_doc))
        first = last
    return out


_EMPTY = numpy.zeros((0, 0), dtype="float32")


def _lean(doc: Doc) -> Doc:
    """The Doc without its tok2vec tensor (96 floats a token), which nothing after the
    pipeline reads: for a whole article kept in memory it is the largest part."""
    doc.tensor = _EMPTY
    return doc


def _batches(texts: list[str], size: int, chars: int) -> list[list[str]]:
    out: list[list[str]] = []
    length = 0
    for text in texts:
        if not out or len(out[-1]) >= size or length + len(text) > chars:
            out.append([])
            length = 0
        out[-1].append(text)
        length += len(text)
    return out
