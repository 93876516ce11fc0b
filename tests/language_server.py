"""A small Language Server Protocol client over stdio, to see what an editor would show.

LSP's base protocol frames each JSON-RPC 2.0 message with a `Content-Length` header and a blank
line. A reader thread turns the server's stdout into messages on a queue, so that every wait in a
test has a deadline instead of a sleep: a server that stops answering fails the test with the
messages it did send, rather than hanging it. Requests the server makes of the client (its
settings through `workspace/configuration`, capability registration, progress tokens) are
answered as an editor would.
"""

from __future__ import annotations

import itertools
import json
import queue
import subprocess
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from types import TracebackType
from typing import IO, Any

Message = dict[str, Any]


class LanguageServerError(AssertionError):
    """The server did not answer in time, answered with an error, or stopped."""


class LanguageServer:
    """A language server process, spoken to over its stdin and stdout."""

    def __init__(
        self, command: Sequence[str], *, settings: dict[str, Any], timeout: float = 30
    ) -> None:
        # `settings` answers workspace/configuration, by section ("yaml", "http", ...).
        self.settings = settings
        self.timeout = timeout
        self.notifications: list[Message] = []
        self.server_requests: list[Message] = []
        self._ids = itertools.count(1)
        self._inbox: queue.Queue[Message | None] = queue.Queue()
        self._process = subprocess.Popen(
            list(command),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert self._process.stdout is not None and self._process.stderr is not None
        self._stderr: list[bytes] = []
        self._threads = [
            threading.Thread(target=self._read, args=(self._process.stdout,), daemon=True),
            threading.Thread(target=self._drain, args=(self._process.stderr,), daemon=True),
        ]
        for thread in self._threads:
            thread.start()

    def __enter__(self) -> LanguageServer:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Ask the server to shut down and exit; end it if it does not."""
        if self._process.poll() is None:
            try:
                self.request("shutdown", None, timeout=5)
                self.notify("exit", None)
                self._process.wait(timeout=5)
            except (LanguageServerError, OSError, subprocess.TimeoutExpired):
                self._process.kill()
                self._process.wait(timeout=5)
        for thread in self._threads:
            thread.join(timeout=5)
        for stream in (self._process.stdin, self._process.stdout, self._process.stderr):
            if stream is not None:
                stream.close()

    # Sending.

    def _send(self, message: Message) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        assert self._process.stdin is not None
        self._process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self._process.stdin.flush()

    def notify(self, method: str, params: Any) -> None:
        self._send({"method": method, "params": params})

    def request(self, method: str, params: Any, *, timeout: float | None = None) -> Any:
        """Send a request and return its result, answering the server's own requests meanwhile."""
        request_id = next(self._ids)
        self._send({"id": request_id, "method": method, "params": params})
        response = self._wait(
            lambda m: m.get("id") == request_id and "method" not in m,
            f"the answer to {method}",
            timeout,
        )
        if "error" in response:
            raise LanguageServerError(f"{method} failed: {response['error']}")
        return response.get("result")

    # Receiving.

    def wait_for_notification(
        self,
        method: str,
        accept: Callable[[Any], bool] = lambda params: True,
        *,
        timeout: float | None = None,
    ) -> Any:
        """The params of the first notification `method` (already received or to come) that
        `accept` takes; it is then consumed, so the next call waits for a later one."""
        for i, message in enumerate(self.notifications):
            if message["method"] == method and accept(message.get("params")):
                del self.notifications[i]
                return message.get("params")
        found = self._wait(
            lambda m: m.get("method") == method and "id" not in m and accept(m.get("params")),
            f"a {method} notification",
            timeout,
        )
        self.notifications.remove(found)
        return found.get("params")

    def wait_for_request(self, method: str, *, timeout: float | None = None) -> Any:
        """The params of the first request `method` the server made of the client, once it has
        been answered."""
        for request in self.server_requests:
            if request["method"] == method:
                return request.get("params")
        found = self._wait(
            lambda m: m.get("method") == method and "id" in m, f"a {method} request", timeout
        )
        return found.get("params")

    def _wait(self, wanted: Callable[[Message], bool], what: str, timeout: float | None) -> Message:
        limit = self.timeout if timeout is None else timeout
        deadline = time.monotonic() + limit
        while True:
            try:
                message = self._inbox.get(timeout=max(deadline - time.monotonic(), 0))
            except queue.Empty:
                raise LanguageServerError(
                    f"no {what} within {limit} s; notifications so far: "
                    f"{self.notifications}; stderr: {self.stderr()}"
                ) from None
            if message is None:
                self._inbox.put(None)  # for any later wait, too
                raise LanguageServerError(
                    f"the server stopped (exit {self._process.poll()}) before {what}; "
                    f"stderr: {self.stderr()}"
                )
            if "method" in message and "id" in message:
                self._answer(message)
            elif "method" in message:
                self.notifications.append(message)
            if wanted(message):
                return message

    def _answer(self, request: Message) -> None:
        """Answer a request from the server the way an editor with `settings` would."""
        self.server_requests.append(request)
        result: Any = None
        if request["method"] == "workspace/configuration":
            items = request["params"]["items"]
            result = [self.settings.get(item.get("section", ""), None) for item in items]
        self._send({"id": request["id"], "result": result})

    def _read(self, stream: IO[bytes]) -> None:
        try:
            while True:
                length = None
                while True:
                    line = stream.readline()
                    if not line:
                        return
                    line = line.strip()
                    if not line:
                        break
                    name, _, value = line.partition(b":")
                    if name.strip().lower() == b"content-length":
                        length = int(value)
                if length is None:
                    raise LanguageServerError("a message without Content-Length")
                self._inbox.put(json.loads(stream.read(length)))
        finally:
            self._inbox.put(None)

    def _drain(self, stream: IO[bytes]) -> None:
        for line in stream:
            self._stderr.append(line)

    def stderr(self) -> str:
        return b"".join(self._stderr).decode("utf-8", "replace")[-2000:]


def document_uri(path: Path) -> str:
    return path.resolve().as_uri()
