"""Stalled bodies and too many connections, against the gateway served as __main__ serves it.

Raw sockets send headers and a Content-Length, then nothing: the gateway must answer 408
and close each connection once the body deadline passes, while answering others meanwhile.
"""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import httpx
import pytest
from fastapi import FastAPI
from relais_gateway.__main__ import server_config
from relais_gateway.config import GatewaySettings

from .upstream import free_port, serve_config

STALLED = (
    "POST {path} HTTP/1.1\r\nHost: relais.test\r\nContent-Type: application/json\r\n"
    "Content-Length: 100\r\n\r\n{{"
)
GENEROUS = 20.0  # seconds a socket may wait: a bound on "held forever", not a benchmark


@contextmanager
def gateway(make_settings: Callable[..., GatewaySettings], **overrides: object) -> Iterator[int]:
    port = free_port()
    settings = make_settings(host="127.0.0.1", port=port, api_burst=10_000, **overrides)
    settings.auth_burst = 10_000
    with serve_config(server_config(settings)):
        yield port


def stall(port: int, path: str) -> socket.socket:
    sock = socket.create_connection(("127.0.0.1", port), timeout=GENEROUS)
    sock.sendall(STALLED.format(path=path).encode())
    return sock


def read_to_end(sock: socket.socket) -> bytes:
    chunks = []
    while chunk := sock.recv(65536):  # b"" once the gateway closed the connection
        chunks.append(chunk)
    return b"".join(chunks)


def test_stalled_bodies_get_408_and_are_closed_while_others_are_served(
    make_settings: Callable[..., GatewaySettings], fakes: dict[str, FastAPI]
) -> None:
    with gateway(make_settings, body_timeout=1.0) as port:
        paths = ["/api/editorial/things", "/api/auth/login"]  # proxied, and the gateway's own
        sockets = [stall(port, paths[i % 2]) for i in range(200)]
        try:
            ok = httpx.get(f"http://127.0.0.1:{port}/api/editorial/things", timeout=GENEROUS)
            assert ok.status_code == 200
            for sock in sockets:
                answer = read_to_end(sock)  # a socket.timeout here: held open, the defect
                assert answer.startswith(b"HTTP/1.1 408"), answer[:200]
                assert b"application/problem+json" in answer
        finally:
            for sock in sockets:
                sock.close()
    # no truncated body ever reached the service
    assert fakes["editorial"].state.hits == ["/things"]


def test_open_connections_are_bounded(make_settings: Callable[..., GatewaySettings]) -> None:
    with gateway(make_settings, body_timeout=60.0, max_connections=20) as port:
        sockets = [stall(port, "/api/editorial/things") for _ in range(20)]
        try:
            refused = httpx.get(f"http://127.0.0.1:{port}/livez", timeout=GENEROUS)
            assert refused.status_code == 503
        finally:
            for sock in sockets:
                sock.close()
        served = None
        for _ in range(200):  # the server notices the closed sockets shortly
            served = httpx.get(f"http://127.0.0.1:{port}/livez", timeout=GENEROUS)
            if served.status_code == 200:
                break
        assert served is not None and served.status_code == 200


def test_silent_and_half_sent_connections_cannot_hold_the_bound(
    make_settings: Callable[..., GatewaySettings],
) -> None:
    with gateway(make_settings, body_timeout=1.0, max_connections=30) as port:
        silent = [
            socket.create_connection(("127.0.0.1", port), timeout=GENEROUS) for _ in range(20)
        ]
        half = []
        for _ in range(10):  # a request line and one header, never the blank line
            sock = socket.create_connection(("127.0.0.1", port), timeout=GENEROUS)
            sock.sendall(b"GET /livez HTTP/1.1\r\nHost: relais.test\r\n")
            half.append(sock)
        try:
            for sock in silent + half:
                assert read_to_end(sock) == b""  # closed by the gateway, nothing answered
        finally:
            for sock in silent + half:
                sock.close()
        served = None
        for _ in range(200):
            served = httpx.get(f"http://127.0.0.1:{port}/livez", timeout=GENEROUS)
            if served.status_code == 200:
                break
        assert served is not None and served.status_code == 200


@pytest.mark.parametrize("framing", ["Content-Length: 100", "Transfer-Encoding: chunked"])
def test_a_get_announcing_a_body_it_never_sends_gets_408_too(
    make_settings: Callable[..., GatewaySettings], fakes: dict[str, FastAPI], framing: str
) -> None:
    """Body-less requests skip the body timer; one that announces a body keeps it, GET or not
    (and whether the copy in the micro-cache would have answered it)."""
    with gateway(make_settings, body_timeout=1.0) as port:
        assert httpx.get(f"http://127.0.0.1:{port}/feeds/cached").status_code == 200  # kept
        for path in ("/api/editorial/things", "/feeds/cached"):
            sock = socket.create_connection(("127.0.0.1", port), timeout=GENEROUS)
            try:
                sock.sendall(
                    f"GET {path} HTTP/1.1\r\nHost: relais.test\r\n{framing}\r\n\r\n".encode()
                )
                assert read_to_end(sock).startswith(b"HTTP/1.1 408")
            finally:
                sock.close()
    assert fakes["editorial"].state.hits == []
    assert fakes["aggregator"].state.hits == ["/feeds/cached"]  # the priming GET alone
