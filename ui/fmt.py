"""Small text helpers for Streamlit's Markdown: user-given names shown literally."""
from __future__ import annotations

# What each of spaCy's entity labels stands for, in words.
LABEL_NAMES = {"PERSON": "people", "ORG": "organisations", "GPE": "countries, cities, states",
               "NORP": "nationalities, groups", "LOC": "other places", "FAC": "buildings, facilities",
               "EVENT": "events", "PRODUCT": "products", "WORK_OF_ART": "titles of works", "LAW": "laws",
               "LANGUAGE": "languages"}


def code(name: str) -> str:
    """A file or entity name as inline code, so Markdown in it is shown, not run."""
    return "`" + str(name).replace("`", "'").replace("\n", " ") + "`"


def upper_first(text: str) -> str:
    """'TextBlob polarity …' stays so; 'news-model tone' becomes 'News-model tone'."""
    return text[:1].upper() + text[1:]


def label_name(label: str) -> str:
    """'PERSON · people': an entity label with what it stands for."""
    return f"{label} · {LABEL_NAMES.get(label, label.lower())}"
