"""Helpers for driving the dashboard in-process with Streamlit's AppTest (fixture `app` in conftest)."""
from __future__ import annotations

import base64
import json
from pathlib import Path

import numpy as np
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "dashboard.py")
DATA = Path(__file__).parent / "data" / "ui"
VOTE = (DATA / "harbour_vote.txt").read_bytes()
FOLLOWUP = (DATA / "harbour_followup.txt").read_bytes()
SAMPLE = ROOT / "sample_data" / "putin_xi_call.txt"
BINARY = bytes(range(256)) * 8


def open_tab(at: AppTest, name: str) -> AppTest:
    at.session_state["tab"] = name
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def upload(at: AppTest, *files: tuple[str, bytes]) -> AppTest:
    uploader = at.file_uploader(key="uploads")
    uploader.set_value([(name, data, "text/plain") for name, data in files]).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def html_of(at: AppTest) -> str:
    return "".join(h.proto.body for h in at.get("html"))


def captions(at: AppTest) -> str:
    return " ".join(c.value for c in at.caption)


def choose(at: AppTest, measure: str) -> AppTest:
    """Pick the tone measure in the sidebar by its column: tone_score or polarity."""
    at.radio(key="measure").set_value(measure).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def figure(at: AppTest, key: str) -> dict:
    """The plotly figure JSON of the chart with this key, arrays decoded to lists."""
    [chart] = [c for c in at.get("plotly_chart") if c.proto.id.endswith(f"-{key}")]
    return json.loads(chart.proto.spec, object_hook=_decoded)


def _decoded(obj: dict):
    if set(obj) == {"dtype", "bdata"}:  # plotly >= 6 sends arrays as base64
        return np.frombuffer(base64.b64decode(obj["bdata"]), dtype=obj["dtype"]).tolist()
    return obj


def trace(fig: dict, name: str) -> dict:
    return next(t for t in fig["data"] if t.get("name") == name)
