"""The dashboard in a real browser: `streamlit run` driven by Playwright in Debian's Chromium.

Screenshots of every tab go to test-artifacts/browser/ (kept by CI), with timings.json
holding the upload-to-speakers-chart times. Under CI (env CI set) these tests must run;
elsewhere they skip, saying why, when /usr/bin/chromium is missing.
"""
from __future__ import annotations

import csv
import io
import itertools
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from analysis import COLUMNS, analyze, text_from_bytes

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).parent / "data" / "ui"
SAMPLE = ROOT / "sample_data" / "putin_xi_call.txt"
ARTIFACTS = ROOT / "test-artifacts" / "browser"
CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
TIMED_RUNS = 5
READY_S = 600  # the longest a cold server may take to show its first page (both cores busy, first run)
UPLOAD = '[data-testid="stFileUploaderDropzoneInput"]'


def _need_chromium() -> None:
    if CHROMIUM.exists():
        return
    if os.environ.get("CI"):
        pytest.fail(f"CI is set but {CHROMIUM} is missing: .ci/run must install Debian's chromium first")
    pytest.skip(f"browser tests skipped: no Chromium at {CHROMIUM} (apt-get install chromium) and CI is unset")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_healthy(url: str, proc: subprocess.Popen, timeout: float = READY_S) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited with {proc.returncode}: {proc.stdout.read()}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.read() == b"ok":
                    return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"streamlit did not answer at {url} within {timeout} s")


@pytest.fixture(scope="module")
def server():
    _need_chromium()
    port = _free_port()
    # ui.serve: `streamlit run dashboard.py` that loads the models as the server starts (as `make run` does).
    cmd = [sys.executable, "-m", "ui.serve", "--server.headless", "true",
           "--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
           "--server.fileWatcherType", "none"]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, proc)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="module")
def browser(server):
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=30_000)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        _first_page(chromium, server)
        yield chromium
        chromium.close()


def _first_page(chromium, server: str) -> None:
    """Wait until the server is ready, however long its start takes on a busy machine: a first
    session sees the sample's overview. The tests' own waits then time a warm server."""
    from playwright.sync_api import expect

    context = chromium.new_context()
    page = context.new_page()
    page.goto(server, timeout=READY_S * 1000)
    expect(page.locator(READY["Overview"]).first).to_be_visible(timeout=READY_S * 1000)
    context.close()


@pytest.fixture
def page(browser, server):
    """A new session on the dashboard, the sample's overview on screen."""
    context = browser.new_context(accept_downloads=True, viewport={"width": 1400, "height": 2200})
    page = context.new_page()
    page.dialogs = []
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    page.goto(server)
    _settled(page)
    yield page
    context.close()


READY = {"Overview": ".st-key-arc_chart .main-svg", "Speakers": ".st-key-speaker_chart .main-svg",
         "Text": ".st-key-article_html .nr-article", "Entities": ".st-key-heatmap_chart .main-svg",
         "Download": ".st-key-dl_zip button"}


def _settled(page, tab: str = "Overview") -> None:
    """Wait until `tab` shows its main element, drawn by a finished script run."""
    from playwright.sync_api import expect

    expect(page.locator(READY[tab]).first).to_be_visible()
    expect(page.locator('[data-stale="true"]')).to_have_count(0)


def _upload(page, name: str, data: bytes) -> None:
    page.set_input_files(UPLOAD, files=[{"name": name, "mimeType": "text/plain", "buffer": data}])


def _open(page, tab: str) -> None:
    page.get_by_role("tab", name=tab).click()
    _settled(page, tab)


def _shot(page, name: str) -> None:
    page.wait_for_timeout(400)  # plotly animates its first draw
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))


def _main(page):
    return page.locator('[data-testid="stMainBlockContainer"]')


def test_upload_then_speakers_chart_and_highlighted_text(page):
    from playwright.sync_api import expect

    _upload(page, "harbour_vote.txt", (DATA / "harbour_vote.txt").read_bytes())
    expect(page.get_by_text("Council Approves Harbour Bridge Plan After Heated Debate")).to_be_visible()
    _settled(page)
    _shot(page, "1-overview")
    page.locator(".st-key-arc_chart .scatterlayer .trace").first.locator("path.point").nth(2).click(force=True)
    expect(_main(page).locator(".nr-article section")).to_have_count(1)
    expect(_main(page).locator(".nr-article section")).to_have_attribute("aria-label", re.compile(r"^Paragraph \d"))
    _settled(page)
    _shot(page, "1b-arc-paragraph")
    _open(page, "Speakers")
    chart = page.locator(".st-key-speaker_chart")
    expect(chart.locator(".main-svg").first).to_be_visible()
    expect(chart.locator(".ytick").filter(has_text="Tom Becker").first).to_be_visible()
    expect(chart.filter(has_text="news-model tone (−1 … +1)").first).to_be_visible()
    _shot(page, "2-speakers")
    first = chart.locator(".yaxislayer-above .ytick").first.locator("tspan.line").first.text_content()
    chart.locator(".scatterlayer .trace").nth(1).locator("path.point").first.click(force=True)
    expect(_main(page).get_by_role("heading", name="In context")).to_be_visible()
    expect(page.get_by_role("combobox", name="Speaker")).to_have_value(first)
    expect(page.locator(".nr-article .nr-who").first).to_contain_text(first)
    _settled(page, "Speakers")
    _shot(page, "2b-speaker-in-context")
    _open(page, "Text")
    article = page.locator(".nr-article")
    expect(article.locator(".nr-q").first).to_be_visible()  # opens calm: tone and quotes
    expect(article.locator("mark.nr-ent")).to_have_count(0)
    page.locator(".st-key-text_layers").get_by_text("Entities").click()
    _settled(page, "Text")
    expect(article.locator("mark.nr-ent").first).to_be_visible()
    expect(article.locator(".nr-who").filter(has_text="Tom Becker").first).to_be_visible()
    expect(article.locator(".nr-tag").filter(has_text="PERSON").first).to_be_visible()
    expect(page.locator(".nr-legend").first).to_contain_text("neutral")
    _shot(page, "3-text")
    _open(page, "Entities")
    expect(page.locator(".st-key-heatmap_chart .main-svg").first).to_be_visible()
    _shot(page, "4-entities")


def test_two_articles_side_by_side(page):
    from playwright.sync_api import expect

    page.set_input_files(UPLOAD, files=[
        {"name": p.name, "mimeType": "text/plain", "buffer": p.read_bytes()}
        for p in (DATA / "harbour_vote.txt", DATA / "harbour_followup.txt")])
    expect(page.get_by_role("combobox", name="Article")).to_be_visible()
    _settled(page)
    page.get_by_role("tab", name="Compare").click()
    chart = page.locator(".st-key-compare_chart")
    expect(chart.locator(".main-svg").first).to_be_visible()
    expect(chart).to_contain_text("harbour_followup.txt")
    expect(page.locator(".nr-article")).to_have_count(2)
    expect(page.locator('[data-stale="true"]')).to_have_count(0)
    _shot(page, "9-compare-speaker")
    page.locator(".st-key-compare_what").get_by_text("Entity", exact=True).click()
    expect(page.locator(".nr-article .nr-focus").first).to_be_visible()
    expect(page.locator('[data-stale="true"]')).to_have_count(0)
    _shot(page, "10-compare-entity")


def test_download_a_csv_and_check_its_rows(page, nlp):
    from playwright.sync_api import expect

    data = (DATA / "harbour_vote.txt").read_bytes()
    _upload(page, "harbour_vote.txt", data)
    expect(page.get_by_text("Council Approves Harbour Bridge Plan After Heated Debate")).to_be_visible()
    _settled(page)
    _open(page, "Download")
    _shot(page, "5-download")
    expected = analyze(text_from_bytes(data, "harbour_vote.txt"), "harbour_vote.txt", nlp=nlp)
    for table in ("quotes", "paragraphs"):
        with page.expect_download() as info:
            page.get_by_role("button", name=f"{table}.csv").click()
        download = info.value
        assert download.suggested_filename == f"harbour_vote_{table}.csv"
        rows = list(csv.DictReader(io.StringIO(Path(download.path()).read_text(encoding="utf-8"))))
        assert len(rows) == len(getattr(expected, table)) > 0
        assert list(rows[0])[: len(COLUMNS[table])] == list(COLUMNS[table])
        assert {r["article"] for r in rows} == {"harbour_vote.txt"}
    assert rows[0]["text"] == "Council Approves Harbour Bridge Plan After Heated Debate"


def test_hostile_article_runs_nothing_and_reads_literally(page):
    from playwright.sync_api import expect

    title = page.evaluate("() => document.title")
    name = "<img src=x onerror=alert(3)> **hostile**.txt"  # the file name is data too
    _upload(page, name, (DATA / "hostile.txt").read_bytes())
    expect(_main(page).get_by_text(name, exact=True)).to_be_visible()
    _settled(page)
    for tab in ("Overview", "Speakers", "Entities", "Text"):
        _open(page, tab)
        page.wait_for_timeout(300)
        assert page.evaluate("() => document.title") == title
    _shot(page, "6-hostile-text")
    article = page.locator(".nr-article")
    expect(article).to_contain_text("<script>document.title='pwned'</script> is just text")
    expect(article).to_contain_text('An image tag <img src=x onerror="document.title=')
    expect(article).to_contain_text('<iframe srcdoc="<script>parent.document.title=')
    expect(article).to_contain_text("[click me](javascript:alert(1))")
    injected = page.evaluate("""() => ({
        scripts: document.querySelectorAll('.nr-article script, [data-testid="stHtml"] script').length,
        frames: document.querySelectorAll('iframe[srcdoc]').length,
        images: document.querySelectorAll('img[onerror], img[src="x"]').length,
        links: document.querySelectorAll('a[href^="javascript"]').length})""")
    assert injected == {"scripts": 0, "frames": 0, "images": 0, "links": 0}
    assert page.dialogs == []
    assert page.evaluate("() => document.title") == title


def test_upload_to_speakers_chart_time_for_the_sample(page, capsys):
    from playwright.sync_api import expect

    data = SAMPLE.read_bytes()
    _open(page, "Speakers")
    times = []
    for run in range(TIMED_RUNS):
        name = f"sample-run-{run}.txt"  # a new name each time: a real analysis, not a cache hit
        started = time.perf_counter()
        _upload(page, name, data)
        expect(_main(page).get_by_text(name, exact=True)).to_be_visible()
        expect(page.locator('.st-key-speaker_chart[data-stale="false"] .main-svg').first).to_be_visible()
        _settled(page, "Speakers")
        times.append(time.perf_counter() - started)
        page.get_by_role("button", name=f"Remove {name}").click()
        expect(_main(page).get_by_text(SAMPLE.name, exact=True)).to_be_visible()
        _settled(page, "Speakers")
    _shot(page, "7-speakers-sample")
    median = statistics.median(times)
    report = {"runs_s": [round(t, 3) for t in times], "median_s": round(median, 3)}
    (ARTIFACTS / "timings.json").write_text(json.dumps(report, indent=2), encoding="utf-8")
    with capsys.disabled():
        print(f"\nupload to speakers chart, sample article: median {median:.2f} s over "
              f"{TIMED_RUNS} runs {report['runs_s']}")
    assert median < 20


def test_option_change_reruns_from_cache(page):
    from playwright.sync_api import expect

    _upload(page, "harbour_vote.txt", (DATA / "harbour_vote.txt").read_bytes())
    expect(page.get_by_text("Council Approves Harbour Bridge Plan After Heated Debate")).to_be_visible()
    _settled(page)
    page.get_by_text("About this analysis").click()
    counter = page.locator(".st-key-analyses_count")
    before = counter.inner_text()
    paragraphs = page.locator('[data-testid="stMetric"]').first.inner_text()
    page.locator(".st-key-kinds").get_by_role("button", name="caption").click()
    expect(page.locator('[data-testid="stMetric"]').first).not_to_have_text(paragraphs)
    _settled(page)
    expect(page.locator(".st-key-positive")).to_have_count(0)  # the sliders are TextBlob's
    page.locator(".st-key-measure").get_by_text("TextBlob lexicon").click()
    _settled(page)
    expect(page.locator(".st-key-arc_chart").filter(has_text="TextBlob polarity (−1 … +1)").first).to_be_visible()
    page.locator(".st-key-positive").get_by_role("slider").press("ArrowRight")
    _settled(page)
    page.get_by_role("switch", name="Show headline, captions and credits in the arc").click(force=True)
    _settled(page)
    _shot(page, "8-options-changed")
    assert counter.inner_text() == before


def test_the_page_fetches_nothing_from_outside_this_machine(browser, server):
    """An offline laptop must get the whole page: every request goes to the local server
    (icons, fonts and scripts included), never to a font, emoji or script server."""
    from urllib.parse import urlparse

    context = browser.new_context(viewport={"width": 1400, "height": 2200})
    page = context.new_page()
    requested = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(server)
    _settled(page)
    for tab in ("Speakers", "Text", "Entities", "Download"):
        _open(page, tab)
    context.close()
    outside = [u for u in requested if urlparse(u).scheme in ("http", "https", "ws", "wss")
               and urlparse(u).hostname not in ("127.0.0.1", "localhost")]
    assert requested and outside == []


def _selected_tab(page) -> str:
    return page.locator('[role="tab"][aria-selected="true"]').inner_text().strip()


def test_the_open_tab_stays_open_when_articles_are_added(page):
    from playwright.sync_api import expect

    _open(page, "Speakers")
    _upload(page, "harbour_vote.txt", (DATA / "harbour_vote.txt").read_bytes())
    expect(page.get_by_text("Council Approves Harbour Bridge Plan After Heated Debate")).to_be_visible()
    _settled(page, "Speakers")
    assert _selected_tab(page) == "Speakers"
    _upload(page, "harbour_followup.txt", (DATA / "harbour_followup.txt").read_bytes())
    expect(page.get_by_role("combobox", name="Article")).to_be_visible()
    _settled(page, "Speakers")
    assert _selected_tab(page) == "Speakers"
    _open(page, "Text")
    _paste(page, (DATA / "harbour_vote.txt").read_text(encoding="utf-8"))
    _settled(page, "Text")
    assert _selected_tab(page) == "Text"
    _shot(page, "11-tab-kept")


def _paste(page, text: str) -> None:
    from playwright.sync_api import expect

    box = page.locator(".st-key-pasted textarea")
    if not box.is_visible():
        _main(page).get_by_text("Paste an article", exact=True).click()
    box.fill(text)
    page.get_by_role("button", name="Analyse").click()
    expect(_main(page).get_by_text("pasted-text.txt").first).to_be_visible()


def test_paste_and_analyse(page):
    from playwright.sync_api import expect

    expect(page.locator(".st-key-pasted textarea")).to_be_visible()  # open while the sample shows
    _paste(page, (DATA / "harbour_followup.txt").read_text(encoding="utf-8"))
    _settled(page)
    expect(_main(page).get_by_text("bundled sample")).to_have_count(0)
    _shot(page, "12-pasted")


def test_word_pdf_and_web_page_articles(page, site):
    from playwright.sync_api import expect

    from .test_documents import BODY, HEADLINE, docx_bytes, pdf_bytes

    page.set_input_files(UPLOAD, files=[
        {"name": "bridge.docx", "mimeType": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
         "buffer": docx_bytes()},
        {"name": "bridge.pdf", "mimeType": "application/pdf", "buffer": pdf_bytes([HEADLINE, *BODY])}])
    article = page.get_by_role("combobox", name="Article")
    expect(article).to_be_visible()
    _settled(page)
    expect(page.get_by_text(HEADLINE).first).to_be_visible()
    assert not page.locator('[data-testid="stAlert"]').filter(has_text="Could not read").count()
    page.get_by_text("…or fetch a web page").click()
    page.locator(".st-key-url input").fill(f"{site}/news/bridge-vote.html")
    page.get_by_role("button", name="Fetch").click()
    expect(page.locator('[data-testid="stSidebar"]').get_by_text("bridge-vote.html").first).to_be_visible()
    _settled(page)
    article.click()
    expect(page.get_by_role("option")).to_have_count(3)
    _shot(page, "13-docx-pdf-url")


def test_a_file_of_another_type_gets_one_plain_sentence(page):
    from playwright.sync_api import expect

    page.set_input_files(UPLOAD, files=[{"name": "story.rtf", "mimeType": "application/rtf",
                                         "buffer": b"{\\rtf1 Council approves bridge}"}])
    alert = page.locator('[data-testid="stAlert"]').filter(has_text="story.rtf")
    expect(alert).to_contain_text("not supported")
    expect(alert).to_contain_text(".docx or .pdf")
    expect(page.get_by_text("files are not allowed")).to_have_count(0)


def _box(page, selector: str) -> dict:
    return page.locator(selector).first.bounding_box()


def _overlap(a: dict, b: dict) -> bool:
    return not (a["x"] + a["width"] <= b["x"] or b["x"] + b["width"] <= a["x"]
                or a["y"] + a["height"] <= b["y"] or b["y"] + b["height"] <= a["y"])


def _luminance(css: str) -> float:
    r, g, b = (int(v) for v in re.findall(r"\d+", css)[:3])
    return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_phone_width_in_either_colour_scheme(browser, server, scheme):
    """At 390 px the speaker chart keeps room for its marks and its axis titles apart; the page
    follows the OS colour preference, and the article stays readable on it."""
    from playwright.sync_api import expect

    context = browser.new_context(viewport={"width": 390, "height": 2400}, color_scheme=scheme,
                                  is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(server)
    _settled(page)
    background = page.evaluate("() => getComputedStyle(document.querySelector('.stApp')).backgroundColor")
    assert (_luminance(background) < 0.3) == (scheme == "dark")
    _shot(page, f"14-phone-{scheme}-overview")
    _open(page, "Speakers")
    chart = ".st-key-speaker_chart"
    _shot(page, f"15-phone-{scheme}-speakers")
    plot = page.evaluate(f"() => document.querySelector('{chart} .js-plotly-plot')._fullLayout.xaxis._length")
    assert plot >= 150, f"the tone panel is {plot} px wide at 390 px"
    title = _box(page, f"{chart} .g-xtitle")
    assert title["x"] >= 0 and title["x"] + title["width"] <= 390
    ticks = page.locator(f"{chart} .xaxislayer-above .xtick text, {chart} .xaxislayer-above .x2tick text")
    boxes = [ticks.nth(i).bounding_box() for i in range(ticks.count())]
    assert not [b for b in boxes if _overlap(title, b)]
    assert not [(a, b) for a, b in itertools.pairwise(sorted(boxes, key=lambda b: b["x"])) if _overlap(a, b)]
    _open(page, "Text")
    article = page.locator(".nr-article").first
    expect(article).to_be_visible()
    colours = page.evaluate("""() => { const s = getComputedStyle(document.querySelector('.nr-article p'));
        return [s.color, getComputedStyle(document.querySelector('.nr-article')).backgroundColor]; }""")
    assert abs(_luminance(colours[0]) - _luminance(colours[1])) > 0.5, colours
    _shot(page, f"16-phone-{scheme}-text")
    context.close()
