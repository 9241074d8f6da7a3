"""The package's public surface and its promise to stay free of the UI."""
from __future__ import annotations

import ast
from pathlib import Path

import analysis
from analysis import COLUMNS, TABLES, analyze

PACKAGE = Path(analysis.__file__).parent


def _imports(forbidden: set[str], *, skip: tuple[str, ...] = ()) -> list[str]:
    """'file.py: module' for every import in the engine whose top package is forbidden."""
    found = []
    for path in PACKAGE.rglob("*.py"):
        if path.name in skip:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            found += [f"{path.name}: {n}" for n in names if n.split(".")[0] in forbidden]
    return found


def test_analysis_never_imports_streamlit():
    assert _imports({"streamlit"}) == []


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


def test_analysis_holds_no_presentation():
    """Charts (plotly) and highlighted HTML live in ui/; the engine only computes tables."""
    assert _imports({"plotly", "ui"}) == []


def test_run_time_code_never_imports_torch():
    """Only the tone model's training script needs torch and transformers."""
    assert _imports({"torch", "transformers", "onnx", "huggingface_hub"}, skip=("train.py",)) == []
