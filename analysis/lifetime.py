"""Worker processes that end when the process that started them is gone.

A process killed with SIGKILL (by the out-of-memory killer, `kill -9`, a closed terminal's
session leader) runs no clean-up, and its children live on: a pool worker waits forever for
work that will never come, holding its models' memory. `exit_with_parent` makes such a
child notice within a fraction of a second that its parent has died (it has been adopted
by another process) and exit.
"""
from __future__ import annotations

import os
import threading
import time

CHECK_SECONDS = 0.25


def exit_with_parent(parent: int | None = None) -> None:
    """End this process as soon as `parent` (default: the current parent) is not its parent."""
    parent = os.getppid() if parent is None else parent

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(CHECK_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()
