"""The speaker comparison: one row per canonical speaker, from the quotes table.

Plain Python over the columns rather than a pandas groupby: the table is small and a
groupby costs more than the rest of the quote step put together.
"""
from __future__ import annotations

import pandas as pd

from ..reading.paragraphs import TONE_KINDS
from ..schema import frame
from ..tone import Tone, load_tone_model
from .speaker_kinds import kind_of_speaker

_EXTRA = ("label",)


def speaker_table(quotes: pd.DataFrame, paragraphs: pd.DataFrame, mentions: pd.DataFrame,
                  *, kinds: tuple[str, ...] | None = TONE_KINDS) -> pd.DataFrame:
    """Quote count, words quoted and tone per speaker, most quoted first.

    `polarity` and its range are TextBlob's reading of the quotes; `tone` and `tone_score`
    are the model's reading of all the speaker's quotes together, in order (a stance is
    often clear only from the whole; measured on bench/data/speaker_tone, this agrees with
    readers far more often than the mean of the quotes' scores).

    `kind` is person, organisation, group or source (documents, records, polls): from the
    speaker's entity label, else from the kinds their quotes' `speaker_kind` give.

    Only quotes in paragraphs of the given `kinds` count (None: every paragraph); quotes
    with no speaker are left out. `label` is the speaker's entity label where the article
    names it as an entity (else the quotes' `speaker_label`, if that column is there), else empty.
    """
    if quotes.empty:
        return frame("speakers", extra=_EXTRA)
    kind_of = dict(zip(zip(paragraphs["article"], paragraphs["paragraph"]), paragraphs["kind"], strict=True))
    own_labels = quotes["speaker_label"] if "speaker_label" in quotes.columns else [""] * len(quotes)
    own_kinds = quotes["speaker_kind"] if "speaker_kind" in quotes.columns else [""] * len(quotes)
    said_as = quotes["speaker_text"] if "speaker_text" in quotes.columns else [""] * len(quotes)
    groups: dict[tuple[str, str], dict] = {}
    for article, paragraph, speaker, quote, polarity, subjectivity, own, kind, words in zip(
            quotes["article"], quotes["paragraph"], quotes["speaker"], quotes["quote"],
            quotes["polarity"], quotes["subjectivity"], own_labels, own_kinds, said_as, strict=True):
        if not isinstance(speaker, str) or not speaker:
            continue
        if kinds is not None and kind_of.get((article, paragraph)) not in kinds:
            continue
        g = groups.setdefault((article, speaker), {"n": 0, "words": 0, "pol": [], "subj": [], "said": [], "own": "",
                                                     "kinds": [], "as": []})
        g["n"] += 1
        g["words"] += len(str(quote).split())
        g["pol"].append(float(polarity))
        g["subj"].append(float(subjectivity))
        g["said"].append(str(quote))
        g["kinds"].append(kind)
        g["as"].append(words)
        g["own"] = g["own"] or (own if isinstance(own, str) else "")
    labels: dict[tuple[str, str], str] = {}
    for key in zip(mentions["article"], mentions["entity"], mentions["label"], strict=True) if len(mentions) else ():
        labels.setdefault(key[:2], key[2])
    model = load_tone_model() if groups else None
    rows = [_row(article, speaker, g, labels.get((article, speaker)) or g["own"], model.of_whole(g["said"]))
            for (article, speaker), g in groups.items()]
    rows.sort(key=lambda r: (r["article"], -r["quotes"], -r["words"]))
    return frame("speakers", rows, extra=_EXTRA)


def _row(article: str, speaker: str, g: dict, label: str, tone: Tone) -> dict:
    pol, subj = g["pol"], g["subj"]
    return {"article": article, "speaker": speaker, "kind": kind_of_speaker(label, g["kinds"], g["as"]),
            "quotes": g["n"], "words": g["words"],
            "polarity": round(sum(pol) / len(pol), 4), "subjectivity": round(sum(subj) / len(subj), 4),
            "polarity_min": round(min(pol), 4), "polarity_max": round(max(pol), 4),
            "tone": tone.label, "tone_score": tone.score, "label": label or ""}
