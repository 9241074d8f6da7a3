"""Many readers at once: does each see only their own article, and how long do they wait?

Usage: python bench/load.py [--users 25] [--single 5] [--source DIR]

Starts the dashboard (`python -m ui.serve`, as `make run` does) and opens it in Debian's
Chromium, one browser context per reader. First, one reader alone uploads `--single`
articles one after another (a new article each time, so each is a real analysis): the
single-reader time. Then `--users` readers, each on their own page with the sample on
screen, upload a different article at the same moment. Each reader's time runs from the
upload to their own article's first screen (their file's name, the headline and counts,
the sentiment arc drawn, no stale element). Each page is then checked to show its own
headline and file name and no other reader's.

Prints the single-reader median, the crowd's p50/p95/max and p95 against the single
median (the issue's target: under 4x), readers who saw an error or another's data, and the
peak memory of the server's process tree (server, zygote, analysis children), as PSS so
memory the children share with the zygote is counted once. The browser runs on the same
two cores as the server, so its drawing of many pages is part of every reader's wait:
run on a quiet machine.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.first_screen import ARGS, free_port, start  # noqa: E402

DEFAULT_SOURCE = ROOT.parent / "shared" / "data" / "polnear_dev" / "text"
UPLOAD = '[data-testid="stFileUploaderDropzoneInput"]'
ARC = ".st-key-arc_chart .main-svg"
TIMEOUT_MS = 600_000
OPENING = 3  # pages opened at once before the crowd uploads


def articles(source: Path, count: int) -> list[tuple[str, bytes, str]]:
    """(file name, bytes, headline) of `count` articles, each under a name no other has."""
    out = []
    for i, path in enumerate(sorted(source.glob("*.txt"))[:count]):
        data = path.read_bytes()
        headline = next(line for line in data.decode("utf-8", "replace").splitlines() if line.strip()).strip()
        out.append((f"reader-{i:02d}-{path.name}", data, headline))
    if len(out) < count:
        raise SystemExit(f"{source} holds {len(out)} articles, fewer than {count}")
    return out


def processes() -> dict[int, list[str]]:
    """The fields of /proc/PID/stat after the command name, for every process."""
    out = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            out[int(stat.parent.name)] = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
    return out


def tree(root_pid: int, table: dict[int, list[str]]) -> list[int]:
    """A process and all its descendants."""
    children: dict[int, list[int]] = {}
    for pid, fields in table.items():
        children.setdefault(int(fields[1]), []).append(pid)
    found, todo = [], [root_pid]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def tree_pss_kb(root_pid: int) -> int:
    """Proportional set size of a process and all its descendants, in kB."""
    total = 0
    for pid in tree(root_pid, processes()):
        try:
            rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
        except OSError:
            continue
        total += next(int(line.split()[1]) for line in rollup.splitlines() if line.startswith("Pss:"))
    return total


def cpu_snapshot(server_pid: int) -> dict[str, float]:
    """CPU seconds so far of the machine, of the server process, of the zygote, and of the
    browser (this script's other descendants). Analysis children come and go between two
    snapshots, so their share is what the machine spent beyond the others."""
    table = processes()
    tick = os.sysconf("SC_CLK_TCK")

    def seconds(pids) -> float:
        return sum(int(table[p][11]) + int(table[p][12]) for p in pids if p in table) / tick

    served = tree(server_pid, table)
    zygotes = [p for p in served if int(table.get(p, ["", "0"])[1]) == server_pid]
    browser = [p for p in tree(os.getpid(), table) if p not in served and p != os.getpid()]
    with open("/proc/stat") as stat:
        busy = [int(v) for v in stat.readline().split()[1:]]
    return {"machine": (sum(busy) - busy[3] - busy[4]) / tick, "server": seconds([server_pid]),
            "zygote": seconds(zygotes), "browser": seconds(browser), "bench": seconds([os.getpid()])}


class PeakMemory(threading.Thread):
    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid, self.peak_kb, self.running = pid, 0, True

    def run(self) -> None:
        while self.running:
            self.peak_kb = max(self.peak_kb, tree_pss_kb(self.pid))
            time.sleep(0.25)


async def open_reader(browser, url: str):
    from playwright.async_api import expect

    context = await browser.new_context(viewport={"width": 1400, "height": 1000})
    page = await context.new_page()
    await page.goto(url, timeout=TIMEOUT_MS)
    await expect(page.locator(ARC).first).to_be_visible(timeout=TIMEOUT_MS)
    await expect(page.locator('[data-stale="true"]')).to_have_count(0, timeout=TIMEOUT_MS)
    return context, page


async def upload_and_wait(page, name: str, data: bytes) -> float:
    """Seconds from the upload to this article's first screen."""
    from playwright.async_api import expect

    main = page.locator('[data-testid="stMainBlockContainer"]')
    started = time.perf_counter()
    await page.set_input_files(UPLOAD, files=[{"name": name, "mimeType": "text/plain", "buffer": data}])
    await expect(main.get_by_text(name, exact=True)).to_be_visible(timeout=TIMEOUT_MS)
    await expect(page.locator('[data-testid="stMetric"]').first).to_be_visible(timeout=TIMEOUT_MS)
    await expect(page.locator(ARC).first).to_be_visible(timeout=TIMEOUT_MS)
    await expect(page.locator('[data-stale="true"]')).to_have_count(0, timeout=TIMEOUT_MS)
    return time.perf_counter() - started


async def check_own(page, name: str, headline: str, others: list[str]) -> list[str]:
    """What is wrong with this reader's page: an error shown, their own data missing, another's shown."""
    text = await page.locator('[data-testid="stMain"]').inner_text()
    problems = []
    if await page.locator('[data-testid="stAlertContentError"]').count():
        problems.append("an error is shown")
    if name not in text or headline[:40] not in text:
        problems.append("their own article is not shown")
    problems += [f"shows {other}" for other in others if other in text]
    return problems


async def crowd(url: str, server_pid: int, readers: list[tuple[str, bytes, str]],
                single: list[tuple[str, bytes, str]]):
    from playwright.async_api import async_playwright

    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        context, page = await open_reader(browser, url)
        alone = [await upload_and_wait(page, name, data) for name, data, _ in single]
        await context.close()
        # Opened a few at a time: 25 pages loading the dashboard at once time out in the
        # browser before any upload, which is not the moment being measured.
        gate = asyncio.Semaphore(OPENING)

        async def open_gated():
            async with gate:
                return await open_reader(browser, url)

        opened = await asyncio.gather(*(open_gated() for _ in readers))
        pages = [page for _, page in opened]
        before = cpu_snapshot(server_pid)
        times = await asyncio.gather(*(upload_and_wait(page, name, data)
                                       for page, (name, data, _) in zip(pages, readers)))
        after = cpu_snapshot(server_pid)
        spent = {key: after[key] - before[key] for key in before}
        names = [name for name, _, _ in readers]
        problems = await asyncio.gather(*(check_own(page, name, headline, [n for n in names if n != name])
                                          for page, (name, _, headline) in zip(pages, readers)))
        await browser.close()
    return alone, list(times), list(problems), spent


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * len(ordered)) - 1))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=25, help="readers uploading at once (default 25)")
    parser.add_argument("--single", type=int, default=5, help="uploads timed for one reader alone (default 5)")
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE, help="a folder of .txt articles")
    args = parser.parse_args()
    every = articles(args.source, args.users + args.single)
    single, readers = every[:args.single], every[args.single:]
    port = free_port()
    proc = start("serve", port)
    memory = PeakMemory(proc.pid)
    memory.start()
    try:
        alone, times, problems, spent = asyncio.run(crowd(f"http://127.0.0.1:{port}", proc.pid, readers, single))
    finally:
        memory.running = False
        proc.terminate()
        proc.wait(timeout=30)
    one = statistics.median(alone)
    p50, p95 = percentile(times, 0.50), percentile(times, 0.95)
    wrong = [(name, what) for (name, _, _), what in zip(readers, problems) if what]
    print(f"one reader alone: median {one:.2f} s over {len(alone)} uploads {[round(t, 2) for t in alone]}")
    print(f"{len(readers)} readers at once: p50 {p50:.2f} s, p95 {p95:.2f} s, max {max(times):.2f} s; "
          f"p95 = {p95 / one:.1f}x one reader")
    print(f"readers with an error or another reader's data: {len(wrong)}")
    for name, what in wrong:
        print(f"  {name}: {'; '.join(what)}")
    analysis = spent["machine"] - spent["server"] - spent["zygote"] - spent["browser"] - spent["bench"]
    print(f"CPU seconds while the crowd waited ({max(times):.1f} s on {os.cpu_count()} cores): "
          f"browser {spent['browser']:.1f}, server process (script reruns) {spent['server']:.1f}, "
          f"analysis children {analysis:.1f}, this script {spent['bench']:.1f}")
    print(f"peak memory of the server, zygote and analysis processes: {memory.peak_kb / 1024:.0f} MB (PSS)")


if __name__ == "__main__":
    main()
