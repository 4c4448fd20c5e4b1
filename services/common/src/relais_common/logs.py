"""JSON logging with request ids."""

from __future__ import annotations

import atexit
import collections
import contextvars
import json
import logging
import sys
import threading
import uuid
from datetime import UTC, datetime
from logging.handlers import QueueHandler

from starlette.types import ASGIApp, Message, Receive, Scope, Send

REQUEST_ID_HEADER = "x-request-id"
request_id_var: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "msg": record.getMessage(),
            "request_id": getattr(record, "request_id", None) or request_id_var.get(),
        }
        if record.exc_info:
            entry["exc"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


class _RequestIdFilter(logging.Filter):
    """Stamp the request id where the record is made: the writer thread has no context."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id_var.get()
        return True


class _Records(collections.deque[logging.LogRecord]):
    """What QueueHandler puts into: an append, which wakes no thread."""

    def put_nowait(self, record: logging.LogRecord) -> None:
        self.append(record)


class BatchWriter(threading.Thread):
    """Writes the queued records every `interval` seconds, all at once.

    A queue whose reader blocks on it woke the writer thread for every record, and each wake
    made the request's thread wait for the GIL to come back (the gateway's access log: 1.3 ms a
    request under load, bench/README.md). Records wait at most `interval` here.
    """

    def __init__(self, records: _Records, handler: logging.Handler, interval: float) -> None:
        super().__init__(name="relais-log-writer", daemon=True)
        self.records, self.handler, self.interval = records, handler, interval
        self.stopping = threading.Event()

    def run(self) -> None:
        while not self.stopping.wait(self.interval):
            self.drain()
        self.drain()

    def drain(self) -> None:
        while self.records:
            self.handler.handle(self.records.popleft())

    def stop(self) -> None:
        self.stopping.set()
        self.join()


WRITE_INTERVAL = 0.05  # seconds a record may wait before it is written
_listener: BatchWriter | None = None


@atexit.register
def _stop_listener() -> None:
    """Flush what is queued (at exit, or before logging is configured again)."""
    global _listener
    if _listener is not None:
        _listener.stop()
        _listener = None


def configure_logging(level: str = "INFO", as_json: bool = True) -> None:
    """Records are queued by the caller and written by one background thread, so a request
    never waits on a write to stderr (the gateway's access log halved its throughput)."""
    global _listener
    _stop_listener()
    writer = logging.StreamHandler(sys.stderr)
    if as_json:
        writer.setFormatter(JsonFormatter())
    else:
        writer.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
    records = _Records()
    enqueue = QueueHandler(records)  # type: ignore[arg-type]  # put_nowait is all it calls
    enqueue.addFilter(_RequestIdFilter())
    _listener = BatchWriter(records, writer, WRITE_INTERVAL)
    _listener.start()
    root = logging.getLogger()
    root.handlers[:] = [enqueue]
    root.setLevel(level.upper())
    # One line per poll of an outbox would drown everything else.
    logging.getLogger("httpx").setLevel(max(logging.WARNING, root.level))


class RequestIdMiddleware:
    """Takes X-Request-ID from the caller (the gateway) or makes one, and echoes it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        rid = ""
        for name, value in scope["headers"]:
            if name == b"x-request-id":
                rid = value.decode("latin-1")[:128]
                break
        rid = rid or uuid.uuid4().hex
        token = request_id_var.set(rid)

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"].append((b"x-request-id", rid.encode("latin-1")))
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            request_id_var.reset(token)
