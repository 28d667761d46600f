"""Running the workbench under uvicorn with bounds: no connection is held forever, and the
number of connections stays below what the process can open.

uvicorn closes a keep-alive connection that stays idle after a response
(``timeout_keep_alive``), but a connection that never sends a request, or sends half of one
and stops, was held until the client left: enough of them exhausted the file descriptors,
and then opening the store failed and half the requests got 500s. :class:`BoundedH11Protocol`
gives every request head a deadline from the moment the connection opens (or the previous
response ends); ``limit_concurrency`` answers 503 beyond a connection cap kept under the
file-descriptor limit, with room left for the store files each request opens.
"""

from __future__ import annotations

import asyncio
import errno
import logging
from typing import Any

from uvicorn.protocols.http.h11_impl import H11Protocol

log = logging.getLogger(__name__)

HEAD_TIMEOUT = 10.0  # seconds for a client to send a whole request head
IDLE_TIMEOUT = 5.0  # seconds a keep-alive connection may sit idle between requests
MAX_CONNECTIONS = 2048
FD_RESERVE = 128  # descriptors kept free for the store, static files and logging


class BoundedH11Protocol(H11Protocol):
    """uvicorn's h11 protocol with a deadline for each request head."""

    head_timeout = HEAD_TIMEOUT

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._head_deadline: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm_head_deadline()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if self._in_request():
            self._disarm_head_deadline()
        else:  # still waiting for the rest of a head: the first deadline stands
            self._arm_head_deadline()

    def on_response_complete(self) -> None:
        self._disarm_head_deadline()  # the keep-alive timeout takes over until the next data
        super().on_response_complete()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm_head_deadline()
        super().connection_lost(exc)

    def _in_request(self) -> bool:
        return self.cycle is not None and not self.cycle.response_complete

    def _arm_head_deadline(self) -> None:
        if self._head_deadline is None:  # never pushed back: dribbling bytes buys no time
            self._head_deadline = self.loop.call_later(self.head_timeout, self._head_timed_out)

    def _disarm_head_deadline(self) -> None:
        if self._head_deadline is not None:
            self._head_deadline.cancel()
            self._head_deadline = None

    def _head_timed_out(self) -> None:
        self._head_deadline = None
        if not self._in_request() and not self.transport.is_closing():
            log.debug("closing a connection that sent no whole request in %.0f s",
                      self.head_timeout)
            self.transport.close()


def connection_cap(wanted: int = MAX_CONNECTIONS) -> int:
    """``wanted``, lowered to fit the file-descriptor limit (raised to its hard limit first:
    the default soft limit of 1024 is below the cap)."""
    try:
        import resource
    except ImportError:  # not on POSIX: no limit to fit
        return wanted
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard == resource.RLIM_INFINITY or hard > soft:
        target = wanted + FD_RESERVE if hard == resource.RLIM_INFINITY else hard
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, target), hard))
            soft = max(soft, target)
        except (ValueError, OSError):
            pass
    return max(16, min(wanted, soft - FD_RESERVE))


def check_port(host: str, port: int) -> str | None:
    """Why ``host:port`` cannot be served (in use, not an address of this machine), or None.
    Checked before the banner, so a busy port is one clear line, not "open http://…"
    followed by a server's traceback."""
    import socket

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds
        try:
            s.bind((host, port))
        except OSError as e:
            if e.errno == errno.EADDRINUSE:
                return f"port {port} on {host} is in use (another server?): choose --port"
            return f"cannot listen on {host}:{port}: {e.strerror or e}"
    return None


def run(app: Any, *, host: str, port: int, max_connections: int = MAX_CONNECTIONS,
        head_timeout: float = HEAD_TIMEOUT, idle_timeout: float = IDLE_TIMEOUT) -> None:
    """Serve ``app`` until interrupted, with the bounds above."""
    import uvicorn

    protocol = type("Bounded", (BoundedH11Protocol,), {"head_timeout": head_timeout})
    uvicorn.run(app, host=host, port=port, log_level="warning", http=protocol,
                timeout_keep_alive=max(1, round(idle_timeout)),
                limit_concurrency=connection_cap(max_connections), server_header=False)
