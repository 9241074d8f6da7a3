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


def exit_with_parent(origin: int | None = None) -> None:
    """End this process as soon as its current parent, or `origin`, is gone.

    `origin` is the process whose death should end this one when that may not be the
    parent: a pool worker started by a forkserver (Python 3.14's default on Linux) is the
    child of the server, which outlives a killed run."""
    parent = os.getppid()
    origin = parent if origin is None else origin

    def watch() -> None:
        while os.getppid() == parent and alive(origin):
            time.sleep(CHECK_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def alive(pid: int) -> bool:
    """Whether process `pid` exists (another user's process counts)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
