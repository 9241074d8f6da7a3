"""What `make` installs: the hash-checked locks match the pinned requirements, and every
optional reader and model the locks bring in works in this venv (HTML through trafilatura
and lxml_html_clean, Word, PDF, the ONNX tone model)."""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from analysis.reading.ingest import text_from_bytes

from .test_documents import BODY, HEADLINE, docx_bytes, pdf_bytes

ROOT = Path(__file__).resolve().parents[1]
RUNTIME_IN, DEV_IN = ROOT / "requirements.txt", ROOT / "requirements-dev.txt"
RUNTIME_LOCK, DEV_LOCK = ROOT / "requirements.lock", ROOT / "requirements-dev.lock"

# ---------------------------------------------------------------- every optional code path

ARTICLE_HTML = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Ferry Fares Rise Again</title>
<script>var tracker = "do-not-show";</script></head>
<body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Ferry Fares Rise Again</h1>
<p>The island ferry company raised its fares by ten per cent on Tuesday, the third rise in
two years, saying fuel and repairs to its oldest boat had cost more than it planned.</p>
<p>&#8220;Families here have no other way to reach the mainland,&#8221; said Councillor Maya
Okafor, who called the rise a blow to everyone who works across the water.</p>
<p>The company said it would keep a cheaper ticket for students and pensioners, and that
timetables would not change this winter.</p>
</article>
<footer>Copyright 2026 Island Echo. All rights reserved.</footer>
</body></html>
"""


def test_lxml_html_clean_is_installed_and_is_what_lxml_uses():
    """trafilatura imports lxml.html.clean, which lxml 5.2+ left to the lxml_html_clean package."""
    import lxml_html_clean
    from lxml.html.clean import Cleaner

    assert Cleaner is lxml_html_clean.Cleaner
    assert "evil" not in Cleaner(javascript=True).clean_html("<div><p>ok</p><script>evil()</script></div>")


def test_trafilatura_extracts_the_article_itself():
    import trafilatura

    text = trafilatura.extract(ARTICLE_HTML, include_comments=False, include_tables=False)
    assert text and "Councillor Maya" in text and "timetables would not change" in text
    assert "Copyright 2026" not in text and "do-not-show" not in text


def test_html_article_reads_end_to_end_through_text_from_bytes():
    text = text_from_bytes(ARTICLE_HTML.encode("utf-8"), "a.html")
    paragraphs = text.split("\n\n")
    assert paragraphs[0] == "Ferry Fares Rise Again"
    assert any(p.startswith("\u201cFamilies here have no other way") for p in paragraphs)
    assert "timetables would not change this winter." in text
    assert "do-not-show" not in text and "Copyright 2026" not in text and "Sport" not in text


def test_word_reader_python_docx():
    text = text_from_bytes(docx_bytes(), "a.docx")
    assert text.split("\n\n")[:3] == [HEADLINE, " ".join(BODY[:2]), BODY[2]]


def test_pdf_reader_pypdf():
    text = text_from_bytes(pdf_bytes([HEADLINE, *BODY]), "a.pdf")
    assert text.split("\n\n") == [HEADLINE, " ".join(BODY[:2]), BODY[2]]


def test_tone_model_runs_on_onnxruntime_and_tokenizers():
    import onnxruntime
    import tokenizers

    from analysis.tone import load_tone_model

    assert onnxruntime.__version__ and tokenizers.__version__
    model = load_tone_model()
    [tone] = model.of_text(["This is a shameful waste of public money and a betrayal of voters."])
    assert tone.label == "negative" and -1.0 <= tone.score < 0
    [toward] = model.toward([("Critics accused Mayor Jane Doe of wasting millions.", 22, 30)])
    assert toward.label in {"negative", "neutral", "positive"} and -1.0 <= toward.score <= 1.0


# ---------------------------------------------------------------- the locks and their inputs

_PIN = re.compile(r"^(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==(?P<version>[^\s;\\]+)")
_HASH = re.compile(r"--hash=sha256:[0-9a-f]{64}\b")


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _entries(path: Path) -> list[str]:
    """The logical lines of a requirements file: comments dropped, `\\` continuations joined."""
    text = re.sub(r"\\\n", " ", path.read_text(encoding="utf-8"))
    lines = (re.sub(r"(^|\s)#.*$", "", line).strip() for line in text.splitlines())
    return [line for line in lines if line]


def _top_level_pins(path: Path) -> dict[str, str]:
    """name -> version of the `name==version` lines of a human-edited requirements file."""
    pins = {}
    for line in _entries(path):
        if line.startswith("-r "):
            continue
        match = _PIN.match(line)
        assert match, f"{path.name}: '{line}' is not pinned with =="
        pins[_canonical(match["name"])] = match["version"]
    return pins


def _locked(path: Path) -> dict[str, tuple[str, int]]:
    """name -> (version, number of sha256 hashes) of a lock; fails on any unhashed line."""
    assert path.exists(), f"{path.name} is missing: run `make lock`"
    locked = {}
    for line in _entries(path):
        match = _PIN.match(line)
        assert match, f"{path.name}: '{line[:80]}' is not a `name==version --hash=...` requirement"
        hashes = len(_HASH.findall(line))
        assert hashes, f"{path.name}: {match['name']}=={match['version']} has no --hash=sha256 line"
        name = _canonical(match["name"])
        assert name not in locked, f"{path.name}: {name} is pinned twice"
        locked[name] = (match["version"], hashes)
    return locked


@pytest.mark.parametrize("lock", [RUNTIME_LOCK, DEV_LOCK], ids=lambda p: p.name)
def test_every_line_of_the_lock_is_pinned_and_hashed(lock):
    locked = _locked(lock)
    assert len(locked) > 50  # the transitive closure, not only the top level


@pytest.mark.parametrize(("inputs", "lock"), [(RUNTIME_IN, RUNTIME_LOCK), (DEV_IN, DEV_LOCK)],
                         ids=["requirements.txt", "requirements-dev.txt"])
def test_lock_pins_each_top_level_requirement_at_its_version(inputs, lock):
    locked = _locked(lock)
    pins = _top_level_pins(inputs)
    if inputs == DEV_IN:
        pins |= _top_level_pins(RUNTIME_IN)
    stale = {name: (version, locked.get(name, ("missing", 0))[0])
             for name, version in pins.items() if locked.get(name, ("",))[0] != version}
    assert not stale, f"{lock.name} differs from {inputs.name} (wanted, locked): {stale}; run `make lock`"


def test_dev_lock_holds_the_runtime_lock_at_the_same_versions():
    runtime, dev = _locked(RUNTIME_LOCK), _locked(DEV_LOCK)
    differ = {name: (version, dev.get(name, ("missing", 0))[0])
              for name, (version, _) in runtime.items() if dev.get(name, ("",))[0] != version}
    assert not differ, f"requirements-dev.lock differs from requirements.lock: {differ}; run `make lock`"


def test_locks_name_the_packages_that_pip_extras_and_build_isolation_would_hide():
    """lxml_html_clean comes in only as lxml's extra, which Python 3.11's pip skips; setuptools
    builds the editable install of the project, which make runs without build isolation."""
    for lock in (RUNTIME_LOCK, DEV_LOCK):
        locked = _locked(lock)
        assert "lxml-html-clean" in locked and "setuptools" in locked, lock.name


def test_parser_rejects_an_unhashed_or_unpinned_lock(tmp_path):
    """The lock checks above can fail: a line without a hash or a pin is reported."""
    good = "six==1.16.0 \\\n    --hash=sha256:" + "a" * 64 + "\n"
    (tmp_path / "ok.lock").write_text("# header\n" + good)
    assert _locked(tmp_path / "ok.lock") == {"six": ("1.16.0", 1)}
    for bad in ("six==1.16.0\n", "six>=1.16 \\\n    --hash=sha256:" + "a" * 64 + "\n", "-e .\n"):
        (tmp_path / "bad.lock").write_text(good + bad)
        with pytest.raises(AssertionError):
            _locked(tmp_path / "bad.lock")


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
@pytest.mark.parametrize(("target", "lock"), [("run", "requirements.lock"), ("test", "requirements-dev.lock")])
def test_make_installs_from_the_lock_with_hash_checking(target, lock):
    """`make -B -n` prints every command the target would run from scratch, running none."""
    out = subprocess.run(["make", "-B", "-n", target], cwd=ROOT, capture_output=True, text=True,
                         check=True).stdout
    installs = [line for line in out.splitlines() if "pip install" in line]
    # and with --no-deps: pip resolves nothing, so a new upstream release cannot pull in an unpinned file
    assert any("--require-hashes" in line and "--no-deps" in line and f"-r {lock}" in line for line in installs), out
    for line in installs:  # anything else installs only the project itself, fetching nothing
        assert "--require-hashes" in line or ("--no-deps" in line and "--no-build-isolation" in line
                                              and line.rstrip().endswith("-e .")), line
