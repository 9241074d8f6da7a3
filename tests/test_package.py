"""The package's public surface and its promise to stay free of the UI."""
from __future__ import annotations

import ast
from pathlib import Path

import analysis
from analysis import COLUMNS, TABLES, analyze

PACKAGE = Path(analysis.__file__).parent


def test_analysis_never_imports_streamlit():
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] == "streamlit"]
    assert offenders == []


def test_analyze_returns_every_contract_table_with_its_columns(sample):
    tables = sample.tables()
    assert list(tables) == list(TABLES)
    for name, df in tables.items():
        assert list(df.columns[: len(COLUMNS[name])]) == list(COLUMNS[name]), name
        assert (df["article"] == "putin_xi_call.txt").all(), name


def test_empty_text_gives_empty_tables_with_columns(nlp):
    result = analyze("  \n\n ", "empty.txt", nlp=nlp)
    for name, df in result.tables().items():
        assert df.empty, name
        assert list(df.columns[: len(COLUMNS[name])]) == list(COLUMNS[name]), name
