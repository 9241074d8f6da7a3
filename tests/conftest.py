"""Shared fixtures: the spaCy model loads once per test session."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLE = ROOT / "sample_data" / "putin_xi_call.txt"


@pytest.fixture(scope="session")
def nlp():
    from analysis import load_model

    return load_model()


@pytest.fixture(scope="session")
def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def sample(nlp, sample_text):
    from analysis import analyze

    return analyze(sample_text, SAMPLE.name, nlp=nlp)
