"""Issue #15, the server: Host allow-list, security headers, bearer token, no server paths in
answers, bounded connections, and `marsad serve`'s warnings."""

from __future__ import annotations

import socket
import time
from pathlib import Path

import pytest

pytest.importorskip("fastapi")

from fastapi.testclient import TestClient  # noqa: E402

from marsad.api import create_app  # noqa: E402
from marsad.api.security import allowed_hosts, host_name, token_problem  # noqa: E402
from marsad.cli import DEMO_DIR, main  # noqa: E402

from ..live_server import running  # noqa: E402

TOKEN = "s3cret-token-for-the-team"
PATHS = ("/api/overview", "/", "/static/style.css", "/api/nope", "/api/stories?limit=0")


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # ingested from an absolute path: the records hold the server's folders
    d = tmp_path_factory.mktemp("security")
    db = d / "demo.db"
    assert main(["ingest", str(DEMO_DIR.resolve()), "--db", str(db)]) == 0
    return db


@pytest.fixture(scope="module")
def client(db: Path) -> TestClient:
    return TestClient(create_app(str(db)), base_url="http://localhost")


def test_a_foreign_host_is_refused(client: TestClient) -> None:
    # DNS rebinding: a page on evil.example resolving to 127.0.0.1 sends Host: evil.example
    for path in PATHS:
        r = client.get(path, headers={"Host": "evil.example"})
        assert r.status_code == 400, path
        assert r.json()["error"]["code"] == "E064"
    for host in ("localhost", "localhost:8000", "127.0.0.1:8000", "[::1]:8000", "LOCALHOST"):
        assert client.get("/api/overview", headers={"Host": host}).status_code == 200, host


def test_the_allow_list_is_configurable(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MARSAD_ALLOWED_HOSTS", "marsad.team.lan, other.lan")
    hosts = allowed_hosts(["wb.example"], bind="10.1.2.3")
    assert {"localhost", "10.1.2.3", "wb.example", "marsad.team.lan", "other.lan"} <= hosts
    assert "0.0.0.0" not in allowed_hosts(bind="0.0.0.0")
    c = TestClient(create_app(str(db), hosts=hosts), base_url="http://marsad.team.lan")
    assert c.get("/api/overview").status_code == 200
    assert c.get("/api/overview", headers={"Host": "evil.example"}).status_code == 400
    anyhost = TestClient(create_app(str(db), hosts=["*"]), base_url="http://evil.example")
    assert anyhost.get("/api/overview").status_code == 200
    assert host_name("[::1]:80") == "::1" and host_name("Example.ORG:1") == "example.org"


def test_every_answer_carries_the_security_headers(client: TestClient) -> None:
    for path in (*PATHS, "/api/articles/demo_01"):
        r = client.get(path)
        csp = r.headers["content-security-policy"]
        assert "frame-ancestors 'none'" in csp and "script-src 'self'" in csp, path
        assert "unsafe-inline" not in csp
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["x-frame-options"] == "DENY"
        assert r.headers["referrer-policy"] == "no-referrer"
    assert client.get("/", headers={"Host": "evil.example"}).headers["x-frame-options"] == "DENY"


def test_no_answer_holds_a_server_path(client: TestClient, db: Path) -> None:
    secret = str(DEMO_DIR.resolve().parent)
    ids = [a["doc_id"] for a in client.get("/api/overview").json()["newest_articles"]]
    assert ids
    story = client.get("/api/stories?limit=1").json()["items"][0]["id"]
    for path in (*(f"/api/articles/{i}" for i in ids), f"/api/stories/{story}",
                 "/api/search?q=موسكو", *(f"/articles/{i}" for i in ids)):
        r = client.get(path)
        assert r.status_code == 200, path
        assert secret not in r.text, path  # the article records gave it away before
        assert str(db.parent) not in r.text, path
    rec = client.get(f"/api/articles/{ids[0]}").json()
    assert rec["source"]["path"] and "/" not in rec["source"]["path"]  # the file name only


def test_a_token_guards_every_request(db: Path) -> None:
    c = TestClient(create_app(str(db), token=TOKEN), base_url="http://localhost")
    for path in ("/api/overview", "/", "/static/style.css", "/openapi.json", "/docs"):
        r = c.get(path)
        assert r.status_code == 401, path
        assert r.headers["www-authenticate"].startswith("Bearer")
        assert c.get(path, headers={"Authorization": "Bearer nope-nope-nope-nope"}
                     ).status_code == 401
    ok = c.get("/api/overview", headers={"Authorization": f"Bearer {TOKEN}"})
    assert ok.status_code == 200
    # a browser: open a page once with ?token=, get the cookie and the URL without it
    r = c.get(f"/stories?type=CONSULT&token={TOKEN}", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/stories?type=CONSULT"
    cookie = r.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
    assert c.get("/stories?type=CONSULT").status_code == 200  # the cookie jar carries it
    assert c.get("/static/style.css").status_code == 200
    stranger = TestClient(c.app, base_url="http://localhost", cookies={"marsad_token": "x"})
    assert stranger.get("/?token=wrong-wrong-wrong-wrong", follow_redirects=False
                        ).status_code == 401


def test_token_rules() -> None:
    assert token_problem("short") and token_problem("has spaces in it, not allowed!")
    assert token_problem(TOKEN) is None


def test_serve_options_and_warnings(db: Path, monkeypatch: pytest.MonkeyPatch,
                                    capsys: pytest.CaptureFixture) -> None:
    from marsad.api import server

    calls: list[dict] = []
    monkeypatch.setattr(server, "run", lambda app, **kw: calls.append(kw))
    monkeypatch.delenv("MARSAD_TOKEN", raising=False)
    assert main(["serve", "--db", str(db), "--host", "0.0.0.0"]) == 0
    err = capsys.readouterr().err
    assert "warning: no token" in err
    assert calls[-1]["max_connections"] == 2048 and calls[-1]["head_timeout"] == 10.0
    assert main(["serve", "--db", str(db), "--token", "short"]) == 2
    assert "too short" in capsys.readouterr().err
    monkeypatch.setenv("MARSAD_TOKEN", TOKEN)
    assert main(["serve", "--db", str(db), "--host", "0.0.0.0", "--allow-host", "wb.lan",
                 "--max-connections", "100", "--request-timeout", "3"]) == 0
    err = capsys.readouterr().err
    assert "warning: no token" not in err and "wb.lan" in err
    assert calls[-1]["max_connections"] == 100 and calls[-1]["head_timeout"] == 3.0


# -- connections: a real server on the loopback ----------------------------------------------

@pytest.fixture(scope="module")
def live(db: Path):  # type: ignore[no-untyped-def]
    from marsad.api.server import BoundedH11Protocol, connection_cap

    protocol = type("Fast", (BoundedH11Protocol,), {"head_timeout": 0.6})
    with running(create_app(str(db)), http=protocol, timeout_keep_alive=1,
                 limit_concurrency=connection_cap(1000)) as port:
        yield port


def _closed_by_server(sock: socket.socket, within: float) -> bool:
    sock.settimeout(within)
    try:
        return sock.recv(1024) == b""
    except TimeoutError:
        return False
    except ConnectionResetError:
        return True


def _get(port: int, path: str = "/api/overview") -> int:
    import http.client

    c = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        c.request("GET", path)
        return c.getresponse().status
    finally:
        c.close()


def test_silent_and_dribbling_connections_are_closed(live: int) -> None:
    silent = socket.create_connection(("127.0.0.1", live))
    dribble = socket.create_connection(("127.0.0.1", live))
    try:
        dribble.sendall(b"GET /api/overview HTTP/1.1\r\n")
        t0 = time.monotonic()
        for _ in range(3):  # a byte now and then buys no time
            time.sleep(0.15)
            dribble.sendall(b"X")
        assert _closed_by_server(silent, within=3.0)  # held forever before
        assert _closed_by_server(dribble, within=3.0)
        assert time.monotonic() - t0 < 3.0
    finally:
        silent.close()
        dribble.close()


def test_idle_connections_do_not_fail_a_normal_request(live: int) -> None:
    idle = [socket.create_connection(("127.0.0.1", live)) for _ in range(200)]
    try:
        assert [_get(live) for _ in range(5)] == [200] * 5
    finally:
        for s in idle:
            s.close()


def test_connection_cap_fits_the_descriptor_limit() -> None:
    import resource

    from marsad.api.server import FD_RESERVE, connection_cap

    cap = connection_cap(10**9)
    soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    assert 16 <= cap <= soft - FD_RESERVE
    assert connection_cap(100) == 100
