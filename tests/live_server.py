"""A real server on the loopback for tests that need sockets or a browser: a uvicorn server
in a thread, started on a free port and stopped when the block ends."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def running(app: Any, **config: Any) -> Iterator[int]:
    """Serve ``app`` on 127.0.0.1 in a thread and yield its port; ``config`` goes to
    ``uvicorn.Config`` (protocol class, limits, keep-alive)."""
    import uvicorn

    port = free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port,
                                        log_level="warning", **config))
    t = threading.Thread(target=srv.run, daemon=True)
    t.start()
    deadline = time.monotonic() + 30
    while not srv.started:
        # a server that cannot start fails the test here, not as a hang in the first request
        if time.monotonic() > deadline or not t.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield port
    finally:
        srv.should_exit = True
        t.join(timeout=10)
