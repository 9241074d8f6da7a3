"""How soon a reader sees the dashboard: a cold server's first page, then warm first screens.

Usage: python bench/first_screen.py [--runs N] [--launcher serve|streamlit]

Starts the dashboard on a free port (`python -m ui.serve`, as `make run` does, or plain
`streamlit run dashboard.py`), then opens it in Debian's Chromium (/usr/bin/chromium) in a
new browser context each time, so nothing is cached in the browser, and times from the
request to: the title (the page is not blank), the headline and the counts (the first
screen), and the sentiment arc drawn. The first run meets the server as it starts; the
others, a warm server, first from new browsers, then from one that has the page's files
cached, as a returning reader's has. Run it on a quiet machine: another job on the two cores doubles
the figures.
"""
from __future__ import annotations

import argparse
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
STEPS = {"title": "h1", "first screen": '[data-testid="stMetric"]',
         "arc drawn": ".st-key-arc_chart .main-svg"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(launcher: str, port: int) -> subprocess.Popen:
    what = ["-m", "ui.serve"] if launcher == "serve" else ["-m", "streamlit", "run", "dashboard.py"]
    cmd = [sys.executable, *what, "--server.headless", "true", "--server.port", str(port),
           "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
           "--server.fileWatcherType", "none"]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(600):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1) as r:
                if r.read() == b"ok":
                    return proc
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("the server did not answer within a minute")


def visit(browser, url: str, context=None) -> dict[str, float]:
    """One new session; in a new browser context (nothing cached) unless `context` is given."""
    from playwright.sync_api import expect

    own = context is None
    context = context or browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    started = time.perf_counter()
    page.goto(url)
    times = {}
    for step, selector in STEPS.items():
        expect(page.locator(selector).first).to_be_visible(timeout=300_000)
        times[step] = time.perf_counter() - started
    page.close()
    if own:
        context.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="warm visits after the first (default 5)")
    parser.add_argument("--launcher", choices=["serve", "streamlit"], default="serve")
    parser.add_argument("--settle", type=float, default=20.0,
                        help="seconds between the server's start and the first visit (default 20)")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    port = free_port()
    proc = start(args.launcher, port)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            time.sleep(args.settle)
            first = visit(browser, f"http://127.0.0.1:{port}")
            warm = [visit(browser, f"http://127.0.0.1:{port}") for _ in range(args.runs)]
            returning = browser.new_context(viewport={"width": 1400, "height": 1000})
            visit(browser, f"http://127.0.0.1:{port}", returning)  # fills the browser's cache
            back = [visit(browser, f"http://127.0.0.1:{port}", returning) for _ in range(args.runs)]
            browser.close()
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    print(f"launcher {args.launcher}, first visit {args.settle:.0f} s after the server started:")
    print("  " + ", ".join(f"{step} {t:.1f} s" for step, t in first.items()))
    for what, runs in ((f"warm server, new browser, median of {args.runs} visits:", warm),
                       (f"warm server, returning browser (page files cached), median of {args.runs}:", back)):
        print(what)
        print("  " + ", ".join(f"{step} {statistics.median(v[step] for v in runs):.1f} s" for step in STEPS))


if __name__ == "__main__":
    main()
