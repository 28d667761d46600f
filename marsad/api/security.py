"""Who may talk to the workbench, and what every answer tells the browser.

One pure ASGI middleware (:class:`Guard`, outermost, so it sees every request before any
route, static file or error handler):

* **Host allow-list.** A web page on another site can make the browser send requests to
  ``127.0.0.1:8000`` under its own domain name (DNS rebinding) and read the answers: only
  requests whose ``Host`` is a name the server was told it is called are answered (the
  localhost names by default; ``--allow-host`` / ``MARSAD_ALLOWED_HOSTS`` add more, ``*``
  turns the check off).
* **Bearer token** (optional: ``--token`` / ``MARSAD_TOKEN``). When set, every request, API,
  page or static file, must carry it: ``Authorization: Bearer <token>`` (scripts), or the
  cookie a browser gets by opening any page once with ``?token=<token>`` (it is then
  redirected to the same page without the token, so the token stays out of history and
  logs).
* **Security headers** on every answer: a Content-Security-Policy allowing only the
  server's own scripts, styles and data (and no framing), ``X-Content-Type-Options:
  nosniff``, ``X-Frame-Options: DENY`` and ``Referrer-Policy: no-referrer``.
"""

from __future__ import annotations

import hmac
import json
import os
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qsl, quote, urlencode

from .errors import error_body

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

TOKEN_ENV = "MARSAD_TOKEN"
HOSTS_ENV = "MARSAD_ALLOWED_HOSTS"
COOKIE = "marsad_token"
LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")

# the pages load only /static scripts and styles and fetch only /api: nothing else may run
PAGE_CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            "frame-ancestors 'none'")
# FastAPI's interactive API pages load Swagger UI / ReDoc from their CDN with inline code
DOCS_CSP = ("default-src 'self'; "
            "script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
            "style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net "
            "https://fonts.googleapis.com; "
            "font-src https://fonts.gstatic.com; "
            "img-src 'self' data: https://fastapi.tiangolo.com https://cdn.redoc.ly; "
            "worker-src blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")
DOCS_PATHS = ("/docs", "/redoc", "/docs/oauth2-redirect")


TOKEN_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
MIN_TOKEN = 16


def token_problem(token: str) -> str | None:
    """Why ``token`` cannot be used (it travels in a header, a URL and a cookie), or None."""
    if len(token) < MIN_TOKEN:
        return f"the token is too short: use at least {MIN_TOKEN} characters " \
               "(python -c 'import secrets; print(secrets.token_urlsafe())')"
    if not set(token) <= TOKEN_CHARS:
        return "the token may hold only letters, digits and - . _ ~"
    return None


def host_name(header: str) -> str:
    """The name of a ``Host`` header without its port, lower case (``[::1]:8000`` ->
    ``::1``)."""
    h = header.strip().lower()
    if h.startswith("["):
        return h[1:h.find("]")] if "]" in h else h
    return h.rsplit(":", 1)[0] if h.count(":") == 1 else h


def allowed_hosts(extra: Iterable[str] = (), bind: str | None = None) -> frozenset[str]:
    """The localhost names, the address the server binds to (unless a wildcard), the names
    given and those in ``MARSAD_ALLOWED_HOSTS`` (comma-separated)."""
    names = set(LOCAL_HOSTS)
    if bind and bind not in ("0.0.0.0", "::", ""):
        names.add(host_name(bind) if bind.startswith("[") else bind.lower())
    env = os.environ.get(HOSTS_ENV, "")
    names.update(n.strip().lower() for n in (*extra, *env.split(",")) if n.strip())
    return frozenset(names)


def security_headers(path: str) -> list[tuple[bytes, bytes]]:
    csp = DOCS_CSP if path in DOCS_PATHS else PAGE_CSP
    return [(b"content-security-policy", csp.encode()),
            (b"x-content-type-options", b"nosniff"),
            (b"x-frame-options", b"DENY"),
            (b"referrer-policy", b"no-referrer")]


class Guard:
    """The Host check, the token check and the security headers, around ``app``."""

    def __init__(self, app: ASGIApp, *, hosts: Iterable[str] = LOCAL_HOSTS,
                 token: str | None = None) -> None:
        self.app = app
        self.hosts = frozenset(h.lower() for h in hosts)
        self.token = token or None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        headers = _headers(scope)

        async def send_secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *security_headers(path)]
            await send(message)

        if "*" not in self.hosts and host_name(headers.get("host", "")) not in self.hosts:
            await _refuse(send_secured, 400, "E064", "this server does not answer to the host "
                          "name in the request (see `marsad serve --allow-host`)")
            return
        if self.token is not None:
            verdict = self._token_verdict(scope, headers)
            if verdict == "redirect":
                await _redirect_without_token(scope, send_secured, self.token)
                return
            if verdict == "refuse":
                await _refuse(send_secured, 401, "E065", "a token is required: send "
                              "'Authorization: Bearer <token>' or open a page with ?token=",
                              extra=[(b"www-authenticate", b'Bearer realm="marsad"')])
                return
        await self.app(scope, receive, send_secured)

    def _token_verdict(self, scope: Scope, headers: dict[str, str]) -> str:
        """``ok``, ``redirect`` (a right ``?token=``: set the cookie) or ``refuse``."""
        auth = headers.get("authorization", "")
        if auth[:7].lower() == "bearer " and self._matches(auth[7:].strip()):
            return "ok"
        cookie = SimpleCookie()
        try:
            cookie.load(headers.get("cookie", ""))
        except Exception:  # a malformed Cookie header counts as none
            cookie = SimpleCookie()
        if COOKIE in cookie and self._matches(cookie[COOKIE].value):
            return "ok"
        query = dict(parse_qsl(scope.get("query_string", b"").decode("latin-1")))
        if "token" in query and self._matches(query["token"]):
            return "redirect"
        return "refuse"

    def _matches(self, given: str) -> bool:
        assert self.token is not None
        return hmac.compare_digest(given.encode("utf-8", "replace"), self.token.encode())


def _headers(scope: Scope) -> dict[str, str]:
    return {k.decode("latin-1").lower(): v.decode("latin-1")
            for k, v in scope.get("headers", [])}


async def _refuse(send: Send, status: int, code: str, message: str,
                  extra: list[tuple[bytes, bytes]] | None = None) -> None:
    body = json.dumps(error_body(status, code, message, None)).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode()), *(extra or [])]})
    await send({"type": "http.response.body", "body": body})


async def _redirect_without_token(scope: Scope, send: Send, token: str) -> None:
    """303 to the same path and query without ``token``, setting the token cookie (HttpOnly:
    no script reads it; SameSite=Strict: no other site's page sends it)."""
    query = [(k, v) for k, v in parse_qsl(scope.get("query_string", b"").decode("latin-1"),
                                          keep_blank_values=True) if k != "token"]
    location = quote(scope.get("root_path", "") + scope.get("path", "/"))
    if query:
        location += "?" + urlencode(query)
    cookie = f"{COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict"
    await send({"type": "http.response.start", "status": 303,
                "headers": [(b"location", location.encode("utf-8")),
                            (b"set-cookie", cookie.encode("latin-1")),
                            (b"content-length", b"0")]})
    await send({"type": "http.response.body", "body": b""})
