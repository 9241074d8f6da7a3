"""What each paragraph is: headline, standfirst, body, caption or credit.

Captions and credits are kept in every table but left out of sentiment summaries and
speaker comparisons by default (see TONE_KINDS).
"""
from __future__ import annotations

import re

KINDS = ("headline", "standfirst", "body", "caption", "credit")
TONE_KINDS = ("standfirst", "body")

_AGENCIES = (r"AP|AFP|Reuters|Getty(?:\s+Images)?|EPA(?:-EFE)?|Shutterstock|Bloomberg|Xinhua|"
             r"Alamy|Sputnik|TASS|Anadolu|NurPhoto|SOPA\s+Images|Pool|iStock|Corbis|PA(?:\s+Wire)?|"
             r"ANSA|Kyodo|Yonhap|dpa|UPI|Zuma(?:\s+Press)?|WireImage|Sipa|The\s+Associated\s+Press")
_PHOTO_CREDIT = re.compile(
    rf"(?:\b(?:Photo|PHOTO|Photograph|Image|Picture|Illustration|Video)s?\s*(?:by|:|courtesy\s+of|credit:?)\s*[A-Z]"
    rf"|\bvia\s+(?:{_AGENCIES})\b"
    rf"|/\s*(?:{_AGENCIES})\b"
    rf"|\b(?:{_AGENCIES})\s+(?:Photo|Images?|Pictures?)\b"
    rf"|\bPool\s+Photo\b"
    rf"|\((?:AP|AFP|Reuters)\s+Photo\b"
    rf"|\b(?:Photo|Image)\s+credit\b"
    rf"|\bCredit:\s*\S)",
)
_CREDIT = re.compile(
    r"(?:\bcontributed\s+(?:to\s+)?(?:this\s+)?(?:report|story|article|reporting)\b"
    r"|^(?:additional\s+)?reporting\s+by\b"
    r"|^writing\s+by\b|;\s*editing\s+by\b|^editing\s+by\b"
    r"|^(?:by|written\s+by)\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}\s*(?:[,|/]|$)"
    r"|^(?:©|copyright\b)|\ball\s+rights\s+reserved\b"
    r"|^this\s+(?:story|article)\s+(?:has\s+been|was)\s+(?:updated|corrected)\b)",
    re.IGNORECASE,
)
_FINAL_PUNCT = re.compile(r"[.!?…:;\"”’')\]]\s*$")
# Section labels that database exports (ProQuest, Factiva, LexisNexis) put between parts.
_EXPORT_LABEL = re.compile(r"^(?:abstract|full\s+text|document\s+text|caption|body|lead\s+paragraph|"
                           r"subject|section|length|byline|dateline)\s*[.:]?$", re.IGNORECASE)


def is_short_title(text: str, *, max_words: int = 20) -> bool:
    """A single short line without sentence-final punctuation, like a headline."""
    return "\n" not in text and len(text.split()) <= max_words and not _FINAL_PUNCT.search(text)


def has_photo_credit(text: str) -> bool:
    """Whether the paragraph's last line ends in (or holds) a photo credit."""
    last = text.rstrip().rsplit("\n", 1)[-1]
    tail = last[-160:]
    return bool(_PHOTO_CREDIT.search(tail))


def is_credit(text: str) -> bool:
    """A credit line, a byline, or a section label of a database export ("FULL TEXT.")."""
    text = text.strip()
    return bool(_EXPORT_LABEL.match(text)) or (len(text.split()) <= 40 and bool(_CREDIT.search(text)))


def _is_titled_line(text: str) -> bool:
    """A first line in title case that ends in a full stop: "Council Backs Harbour Bridge."."""
    words = [w for w in text.split() if len(w) >= 4 and w[0].isalpha()]
    return ("\n" not in text and len(text.split()) <= 15 and text.rstrip().endswith(".")
            and not text.rstrip().endswith("..") and len(words) >= 2
            and sum(w[0].isupper() for w in words) >= 0.6 * len(words))


def classify(texts: list[str]) -> list[str]:
    """The kind of each paragraph, in order. Empty input gives an empty list."""
    kinds = ["body"] * len(texts)
    for i, text in enumerate(texts):
        if has_photo_credit(text) and len(text.split()) <= 150:
            kinds[i] = "caption"
        elif is_credit(text):
            kinds[i] = "credit"
        elif is_short_title(text) or (i == 0 and len(texts) > 1 and _is_titled_line(text)):
            kinds[i] = "headline"
    for i in range(len(texts) - 1):  # a caption's title line, as its own paragraph above it
        if kinds[i] == "headline" and kinds[i + 1] == "caption" and i > 0:
            kinds[i] = "caption"
    if len(texts) > 2 and kinds[0] == "headline" and kinds[1] == "body" and _is_standfirst(texts[1]):
        kinds[1] = "standfirst"
    return kinds


def _is_standfirst(text: str) -> bool:
    words = len(text.split())
    return words <= 45 and text.count(". ") <= 1 and not re.search(r"[\"“”]", text)
