"""The attribute ruler's rules looked up per token give what spaCy's own component gives."""
from __future__ import annotations

import pytest

from analysis.pipeline.attribute_rules import IndexedAttributeRuler, index_attribute_ruler
from analysis.pipeline.model import stock_model

from .conftest import SAMPLE

# Every kind of rule the small English model has: the tag map, word exceptions with a
# dependency ("I" as subject and object, "but" as an adverb, do/have as a main verb), two-token
# rules ("ai n't", "gon na", "let 's", "there 's" after an expletive), a regular expression,
# and white space (a space token with and without a dependency).
TEXTS = [
    "I ain't gonna wait, let's go. You gotta see it: it saw me and you, but I did nothing.",
    "There's a cat and there are dogs.  They have had enough; did they? They did.",
    "Which one? That was what she wanted, but he hadn't done it and won't.\n\nNone of those.",
    "  \n  Tabs\tand   spaces   between words ,  and \u00a0 odd marks \u2014 \u201cquoted\u201d.",
    "Ms. O'Neill, 42, said: \"We can't, we shan't and we wouldn't've.\" Y'all know it.",
    "",
]


@pytest.fixture(scope="module")
def stock():
    return stock_model()


def _attributes(doc):
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_)
            for t in doc]


def test_the_shared_model_uses_the_indexed_ruler_in_the_same_place(nlp, stock):
    assert nlp.pipe_names == stock.pipe_names
    assert isinstance(nlp.get_pipe("attribute_ruler"), IndexedAttributeRuler)


@pytest.mark.parametrize("text", TEXTS)
def test_each_token_gets_the_stock_attributes(nlp, stock, text):
    assert _attributes(nlp(text)) == _attributes(stock(text))


def test_a_whole_article_gets_the_stock_attributes_batched(nlp, stock):
    paragraphs = [p for p in SAMPLE.read_text(encoding="utf-8").split("\n") if p.strip()]
    for ours, theirs in zip(nlp.pipe(paragraphs), stock.pipe(paragraphs), strict=True):
        assert _attributes(ours) == _attributes(theirs)


def test_a_later_rule_wins_over_an_earlier_one_on_the_same_token():
    nlp = stock_model()
    ruler = nlp.get_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "cat"}]], {"LEMMA": "first"})
    ruler.add([[{"TAG": "NN", "LOWER": {"IN": ["cat", "dog"]}}]], {"LEMMA": "second"})
    ruler.add([[{"LOWER": "a"}, {"LOWER": "cat"}]], {"LEMMA": "third"}, index=-1)
    text = "A cat met a dog and the cat."
    expected = _attributes(nlp(text))
    assert [a[4] for a in expected if a[0] in ("cat", "dog")] == ["third", "second", "second"]
    indexed = index_attribute_ruler(nlp)
    assert isinstance(indexed.get_pipe("attribute_ruler"), IndexedAttributeRuler)
    assert _attributes(indexed(text)) == expected


def test_a_rule_it_cannot_read_keeps_the_stock_component():
    nlp = stock_model()
    nlp.get_pipe("attribute_ruler").add([[{"LOWER": "very", "OP": "+"}]], {"LEMMA": "very"})
    assert not isinstance(index_attribute_ruler(nlp).get_pipe("attribute_ruler"), IndexedAttributeRuler)
