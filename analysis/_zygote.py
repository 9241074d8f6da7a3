"""The Sandbox's zygote: load both models once, then fork a warm child per request.

Run by `Sandbox` as `python -m analysis._zygote FD`, FD being its end of a Unix socket to
the server. Each request is one byte string with a socket attached (SCM_RIGHTS); the
zygote forks a child that serves one analysis over that socket (`sandbox.serve_one`) and
answers the server with the child's pid. The zygote exits when the server's end closes.

The tone model runs on one thread here: each child is one of at most one-per-core
analyses, and an onnxruntime thread pool would not survive the fork. Children are reaped
by the kernel (SIGCHLD ignored): the server learns of a death from its socket.
"""
from __future__ import annotations

import os
import signal
import socket
import sys

os.environ["NEWS_READER_TONE_THREADS"] = "1"

from multiprocessing.connection import Connection  # noqa: E402

from . import analyze, load_model, load_tone_model  # noqa: E402
from .lifetime import exit_with_parent  # noqa: E402
from .sandbox import PID, serve_one  # noqa: E402


def warm() -> None:
    """Load the models and what the engine loads lazily (TextBlob's lexicon, the matchers)."""
    load_model()
    load_tone_model()
    analyze("Warm Up\n\n“The models are loaded,” the server said on Monday.", "warm-up.txt")


def child(server: socket.socket, fd: int) -> None:
    server.close()
    exit_with_parent()  # when the server is killed, nothing else would stop it at its time limit
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    code = 0
    try:
        serve_one(Connection(fd))
    except BaseException:  # noqa: BLE001 - the server hears of it as a closed socket
        code = 1
    os._exit(code)


def main(fd: int) -> None:
    server = socket.socket(fileno=fd)
    warm()
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)
    while True:
        try:
            _, fds, _, _ = socket.recv_fds(server, 16, 1)
        except OSError:
            return
        if not fds:  # the server closed its end
            return
        pid = os.fork()
        if pid == 0:
            child(server, fds[0])
        os.close(fds[0])
        server.sendall(PID.pack(pid))


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1])))
