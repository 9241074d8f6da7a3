"""spaCy's attribute ruler, with its rules looked up by word and tag instead of matched.

The small English pipeline's `attribute_ruler` maps each fine-grained tag to its part of
speech and morphology, with exceptions for some words ("ai n't", "gon na", "I" as a
subject). It runs its 179 rules through a Matcher, which tries every rule on every token:
a seventh of the pipeline's time. The rules' conditions are all of one token's tag, lower
case form, dependency and whitespace, so they can be read from one table per token.

`IndexedAttributeRuler` gives each token the attributes the stock component gives it, set
in the same order; a pipeline whose rules use anything else (an operator, another
attribute, an extension) keeps the stock component (`index_attribute_ruler`).
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import NamedTuple

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

STOCK = "attribute_ruler"
# The attributes a rule may test, in the order of a token's row (Doc.to_array).
FIELDS = {"LOWER": LOWER, "TAG": TAG, "DEP": DEP, "IS_SPACE": IS_SPACE}
ROW = tuple(FIELDS)
# Token rows whose rules are remembered (a few MB), then forgotten: a corpus's words go on
# growing, a process's memory should not.
SEEN = 50_000

Test = Callable[[tuple[int, ...]], bool]


class Rule(NamedTuple):
    id: int  # its place among the stock rules: a later rule's attributes win
    tokens: list[list[Test]]  # the tests each token of a match must pass
    index: int  # the token of the match whose attributes it sets
    anchor: tuple[int, str, frozenset[int]] | None  # a token of the match, and _anchor of it


def _test(field: str, value, strings) -> Test | None:
    """A test of one field of a token's row, as the Matcher reads the condition; None if
    the condition is not one this module reads."""
    at = ROW.index(field)
    if field == "IS_SPACE":
        return (lambda row: row[at] == int(value)) if isinstance(value, bool) else None
    if isinstance(value, str):
        wanted = get_string_id(value)
        return lambda row: row[at] == wanted
    if not isinstance(value, dict) or len(value) != 1:
        return None
    (op, arg), = value.items()
    if op in ("IN", "NOT_IN") and isinstance(arg, list) and all(isinstance(v, str) for v in arg):
        ids = frozenset(get_string_id(v) for v in arg)
        return (lambda row: row[at] in ids) if op == "IN" else (lambda row: row[at] not in ids)
    if op == "REGEX" and isinstance(arg, str):
        pattern = re.compile(arg)
        return lambda row: bool(pattern.search(strings[row[at]]))
    return None


def _anchor(token: dict) -> tuple[str, frozenset[int]] | None:
    """The field and values a token condition requires exactly (LOWER before TAG), by
    which a rule is looked up; None if it requires neither."""
    for field in ("LOWER", "TAG"):
        value = token.get(field)
        if isinstance(value, str):
            return field, frozenset([get_string_id(value)])
        if isinstance(value, dict) and list(value) == ["IN"]:
            return field, frozenset(get_string_id(v) for v in value["IN"])
    return None


class IndexedAttributeRuler:
    """The stock attribute ruler's rules, looked up per token. Use `index_attribute_ruler`."""

    def __init__(self, stock, rules: list[Rule]):
        self.attrs = stock.attrs
        # A one-token rule: by the word or tag it needs (LOWER, TAG), or tried on every token.
        self._by: dict[tuple[int, int], list[tuple[int, list[Test]]]] = {}
        self._always: list[tuple[int, list[Test]]] = []
        # A longer rule: by the word or tag one of its tokens needs, or tried everywhere.
        self._longer_by: dict[tuple[int, int], list[Rule]] = {}
        self._longer_always: list[Rule] = []
        for rule in rules:
            if rule.anchor is None:
                (self._always.append((rule.id, rule.tokens[0])) if len(rule.tokens) == 1
                 else self._longer_always.append(rule))
                continue
            _, field, values = rule.anchor
            for v in values:
                if len(rule.tokens) == 1:
                    self._by.setdefault((ROW.index(field), v), []).append((rule.id, rule.tokens[0]))
                else:
                    self._longer_by.setdefault((ROW.index(field), v), []).append(rule)
        self._seen: dict[tuple[int, ...], tuple[tuple[int, ...], tuple[Rule, ...]]] = {}

    def _rules_at(self, row: tuple[int, ...]) -> tuple[tuple[int, ...], tuple[Rule, ...]]:
        """The one-token rules a token's row meets, in rule order, and the longer rules
        whose anchor it meets."""
        found = self._seen.get(row)
        if found is None:
            keys = ((0, row[0]), (1, row[1]))
            candidates = [c for key in keys for c in self._by.get(key, ())] + self._always
            found = (tuple(sorted({rule for rule, tests in candidates if all(t(row) for t in tests)})),
                     tuple(rule for key in keys for rule in self._longer_by.get(key, ())))
            if len(self._seen) > SEEN:
                self._seen.clear()
            self._seen[row] = found
        return found

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        rows = [tuple(r) for r in doc.to_array(list(FIELDS.values())).tolist()]
        # Every rule is tested on the Doc as the ruler found it, then applied in rule order.
        applied: dict[int, list[int]] = {}
        longer: list[tuple[Rule, int]] = [(rule, start) for rule in self._longer_always
                                          for start in range(len(rows) - len(rule.tokens) + 1)]
        for i, row in enumerate(rows):
            found, anchored = self._rules_at(row)
            if found:
                applied[i] = list(found)
            for rule in anchored:
                longer.append((rule, i - rule.anchor[0]))
        for rule, start in longer:
            n = len(rule.tokens)
            if 0 <= start <= len(rows) - n and all(
                    all(t(rows[start + k]) for t in tests) for k, tests in enumerate(rule.tokens)):
                target = start + (rule.index if rule.index >= 0 else n + rule.index)
                applied.setdefault(target, []).append(rule.id)
        for i, found in applied.items():
            token = doc[i]
            for rule_id in sorted(found):
                set_token_attrs(token, self.attrs[rule_id])
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


def _compile(stock) -> list[Rule] | None:
    """The stock ruler's rules, one per pattern; None if any condition is one this module
    does not read."""
    strings = stock.vocab.strings
    out = []
    for rule_id, rule in enumerate(stock.patterns):
        for pattern in rule["patterns"]:
            tokens = []
            for token in pattern:
                if not token or any(field not in FIELDS for field in token):
                    return None
                tests = [_test(field, value, strings) for field, value in token.items()]
                if any(t is None for t in tests):
                    return None
                tokens.append(tests)
            anchors = [(k, *a) for k, a in enumerate(map(_anchor, pattern)) if a is not None]
            out.append(Rule(rule_id, tokens, rule["index"], anchors[0] if anchors else None))
    return out


@Language.factory("indexed_attribute_ruler")
def _make(nlp: Language, name: str) -> IndexedAttributeRuler:
    stock = nlp.get_pipe(STOCK)
    return IndexedAttributeRuler(stock, _compile(stock))


def index_attribute_ruler(nlp: Language) -> Language:
    """`nlp` with its attribute ruler replaced by the indexed one, where every rule is one
    it reads; else as it was."""
    if STOCK not in nlp.pipe_names or _compile(nlp.get_pipe(STOCK)) is None:
        return nlp
    nlp.add_pipe("indexed_attribute_ruler", name="indexed_attribute_ruler", before=STOCK)
    nlp.remove_pipe(STOCK)
    nlp.rename_pipe("indexed_attribute_ruler", STOCK)
    return nlp
