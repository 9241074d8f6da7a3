"""spaCy's lemmatizer, each token's lemma remembered by its word, part of speech and morphology.

The small English pipeline's rule lemmatizer works token by token in Python: it tests
whether the token is a base form, then tries the suffix rules. Its own cache keeps only the
inflected forms, so the base forms (most tokens) are worked out again each time: about a
fourteenth of the pipeline's time. In rule and lookup mode a token's lemma depends only on
its word, part of speech and morphology (the rules read nothing else), so
`MemoLemmatizer` reads those three of every token from one table, works out each
combination once with the stock component, and writes the lemmas back in one call: the
lemmas the stock component gives, in a fraction of the time.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

import numpy
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.tokens import Doc

STOCK = "lemmatizer"
MODES = ("rule", "lookup")  # the modes whose lemma is a function of word, POS and morphology
# Combinations remembered (a few MB), then forgotten: a corpus's words go on growing, a
# process's memory should not.
SEEN = 20_000


class MemoLemmatizer:
    """The stock lemmatizer with every result remembered. Use `memo_lemmatizer`."""

    def __init__(self, stock):
        self.stock = stock
        self._seen: dict[tuple[int, int, int], int] = {}
        self._fresh: list[tuple[int, int, int]] = []  # keys remembered since forget_freed

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        table = doc.to_array([ORTH, POS, MORPH, LEMMA])
        todo = numpy.arange(len(doc)) if self.stock.overwrite else numpy.flatnonzero(table[:, 3] == 0)
        if not len(todo):
            return doc
        strings = doc.vocab.strings
        lemmas = table[:, 3].copy()
        for i in todo.tolist():
            key = (int(table[i, 0]), int(table[i, 1]), int(table[i, 2]))
            lemma = self._seen.get(key)
            if lemma is None:
                lemma = strings.add(self.stock.lemmatize(doc[i])[0])
                if len(self._seen) > SEEN:
                    self._seen.clear()
                    self._fresh.clear()
                self._seen[key] = lemma
                self._fresh.append(key)
            lemmas[i] = lemma
        doc.from_array([LEMMA], lemmas)
        return doc

    def forget_freed(self, strings) -> None:
        """Forget the lemmas whose strings a memory zone has just freed (see
        model.memory_zone): their ids would name nothing in a later Doc."""
        for key in self._fresh:
            if key in self._seen and self._seen[key] not in strings:
                del self._seen[key]
        self._fresh.clear()

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


@Language.factory("memo_lemmatizer")
def _make(nlp: Language, name: str) -> MemoLemmatizer:
    stock = nlp.get_pipe(STOCK)
    stock._validate_tables()
    return MemoLemmatizer(stock)


def memo_lemmatizer(nlp: Language) -> Language:
    """`nlp` with its lemmatizer's results remembered, where its mode is one whose lemma
    depends on nothing but word, part of speech and morphology; else as it was."""
    if STOCK not in nlp.pipe_names or getattr(nlp.get_pipe(STOCK), "mode", None) not in MODES:
        return nlp
    nlp.add_pipe("memo_lemmatizer", name="memo_lemmatizer", before=STOCK)
    nlp.remove_pipe(STOCK)
    nlp.rename_pipe("memo_lemmatizer", STOCK)
    return nlp
