"""CSV bytes, spreadsheet-formula neutralising and zips."""
from __future__ import annotations

import csv
import io
import zipfile

import pandas as pd

from analysis.export import csv_bytes, file_stem, neutralise, zip_bytes
from analysis.schema import TABLES


def test_formula_cells_are_neutralised_but_numbers_are_not():
    df = pd.DataFrame({"text": ["=HYPERLINK(\"http://x\")", "+1", "-cmd", "@SUM(A1)", "plain"],
                       "polarity": [-0.5, 0.1, 0.0, -1.0, 0.2]})
    rows = list(csv.DictReader(io.StringIO(csv_bytes(df).decode("utf-8"))))
    assert [r["text"] for r in rows] == ["'=HYPERLINK(\"http://x\")", "'+1", "'-cmd", "'@SUM(A1)", "plain"]
    assert [float(r["polarity"]) for r in rows] == [-0.5, 0.1, 0.0, -1.0, 0.2]
    assert df["text"][0].startswith("=")  # the input frame is not changed
    assert neutralise(-3) == -3


def test_csv_is_utf8_with_header_and_lf():
    data = csv_bytes(pd.DataFrame({"quote": ["“Ça va,” she said", "no comma"]}))
    assert data == "quote\n\"“Ça va,” she said\"\nno comma\n".encode()


def test_zip_holds_every_table(sample):
    with zipfile.ZipFile(io.BytesIO(zip_bytes(sample.tables(), prefix="putin_xi_call"))) as zf:
        assert zf.namelist() == [f"putin_xi_call_{t}.csv" for t in TABLES]
        assert zf.read("putin_xi_call_quotes.csv") == csv_bytes(sample.quotes)


def test_file_stem_is_safe_for_a_download_name():
    assert file_stem("My Article (final).txt") == "My_Article__final"
    assert file_stem("../../etc/passwd") == "passwd"
    assert file_stem("") == "article"


def test_a_speaker_called_na_reads_back_as_written_with_the_readme_options():
    df = pd.DataFrame({"speaker": ["NA", None, "null"], "quotes": [1, None, 2]})
    back = pd.read_csv(io.StringIO(csv_bytes(df).decode("utf-8")), keep_default_na=False, na_values=[""])
    assert back["speaker"].tolist()[::2] == ["NA", "null"] and pd.isna(back["speaker"][1])
    assert back["quotes"].dtype.kind == "f" and pd.isna(back["quotes"][1])
