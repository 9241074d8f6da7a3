"""A mention as the entity steps pass it along, and sets of article spans asked what
overlaps: the shared ground of analysis.entities.mentions and analysis.entities.missed_names."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass


@dataclass(frozen=True)
class Mention:
    paragraph: int
    sentence: int
    start: int
    end: int
    text: str
    label: str
    name: str
    sure: bool = False  # the label comes from the text's evidence (a title, "in Aldmoor"), not the model


class Spans:
    """Sorted, non-overlapping (start, end) spans, asked "does anything overlap this?" by bisection."""

    def __init__(self, spans):
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_left(self.starts, end) - 1  # the last span starting before `end`
        return i >= 0 and self.spans[i][1] > start

    def holds(self, point: int) -> bool:
        i = bisect_right(self.starts, point) - 1
        return i >= 0 and self.spans[i][0] <= point < self.spans[i][1]


def overlapping(found: list[Mention], starts: list[int], start: int, end: int) -> list[Mention]:
    """The mentions of `found` (in reading order, `starts` their starts) that overlap [start, end)."""
    i = bisect_left(starts, end)
    return [m for m in found[max(0, i - 4):i] if m.end > start]


def replace_inside(found: list[Mention], added: list[Mention]) -> list[Mention]:
    """`found` with the non-overlapping mentions `added`, each replacing what it covers."""
    if not added:
        return found
    covered = Spans((m.start, m.end) for m in added)
    return sorted([m for m in found if not covered.overlaps(m.start, m.end)] + added, key=lambda m: m.start)
