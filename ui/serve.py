"""Start the dashboard with the models loading at once: `python -m ui.serve [streamlit options]`.

`streamlit run dashboard.py` imports the engine and loads spaCy and the tone model only
when the first reader opens the page, who then waits some seconds. This launcher starts
the same server and, beside it, loads both models and analyses the bundled sample into
the server's caches, so the first reader gets a warm server's first screen.
"""
from __future__ import annotations

import logging
import sys
import threading
import time
from pathlib import Path

DASHBOARD = Path(__file__).resolve().parents[1] / "dashboard.py"


def _warm_up() -> None:
    from streamlit.runtime import Runtime

    # The caches belong to the server's runtime: wait until it exists.
    while not Runtime.exists():
        time.sleep(0.05)
    from ui.data import warm_up

    # Caching from this thread works; Streamlit only warns that no script run is current.
    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").setLevel(logging.ERROR)
    warm_up()


def main() -> None:
    threading.Thread(target=_warm_up, name="warm-up", daemon=True).start()
    from streamlit.web import cli

    sys.argv = ["streamlit", "run", str(DASHBOARD), *sys.argv[1:]]
    sys.exit(cli.main())


if __name__ == "__main__":
    main()
