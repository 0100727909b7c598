"""A tiny LSP client for the tests: JSON-RPC with Content-Length framing over a server's pipes.

It is written against the protocol, not pygls, so the tests see what an editor sees. Every wait
has a timeout: a hung server fails the test instead of hanging the run.
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 30.0

Message = dict[str, Any]


class ServerError(AssertionError):
    """The server answered a request with an error, or broke the protocol."""


class Client:
    """One ``claimcheck server`` process and the messages it sent."""

    def __init__(self, cwd: Path, *, env: dict[str, str] | None = None) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "claimcheck", "server"],
            cwd=cwd,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})},
        )
        self.inbox: queue.Queue[Message | None] = queue.Queue()
        #: Notifications and server requests, in the order they came.
        self.received: list[Message] = []
        self.next_id = 0
        #: The server's capabilities, once initialized.
        self.capabilities: Message = {}
        # Answers to server-to-client requests, by method (default: null).
        self.answers: dict[str, Any] = {"window/showDocument": {"success": True}}
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    # -- framing --------------------------------------------------------------------------------

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            length = None
            while True:
                header = stream.readline()
                if not header:
                    self.inbox.put(None)
                    return
                if header in (b"\r\n", b"\n"):
                    break
                name, _, value = header.decode("ascii").partition(":")
                if name.strip().lower() == "content-length":
                    length = int(value.strip())
            if length is None:
                raise ServerError("a message without Content-Length")
            self.inbox.put(json.loads(stream.read(length).decode("utf-8")))

    def send(self, message: Message) -> None:
        """Write one framed message to the server."""
        body = json.dumps({"jsonrpc": "2.0", **message}, ensure_ascii=False).encode("utf-8")
        stdin = self.process.stdin
        assert stdin is not None
        stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        stdin.flush()

    def _next(self, deadline: float) -> Message:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError("the server sent nothing in time")
        try:
            message = self.inbox.get(timeout=remaining)
        except queue.Empty:
            raise TimeoutError("the server sent nothing in time") from None
        if message is None:
            raise ServerError(f"the server closed its output: {self.stderr()}")
        if "method" in message:
            self.received.append(message)
            if "id" in message:  # a request from the server: answer it as an editor would
                self.send({"id": message["id"], "result": self.answers.get(message["method"])})
        return message

    # -- requests and notifications -------------------------------------------------------------

    def notify(self, method: str, params: Any) -> None:
        """Send a notification."""
        self.send({"method": method, "params": params})

    def request(self, method: str, params: Any, timeout: float = TIMEOUT) -> Any:
        """Send a request and return its result, keeping what else arrives meanwhile."""
        self.next_id += 1
        number = self.next_id
        self.send({"id": number, "method": method, "params": params})
        deadline = time.monotonic() + timeout
        while True:
            message = self._next(deadline)
            if message.get("id") == number and "method" not in message:
                if "error" in message:
                    raise ServerError(f"{method}: {message['error']}")
                return message.get("result")

    def wait_for(self, match: Callable[[Message], bool], timeout: float = TIMEOUT) -> Message:
        """The first message from the server, already received or still to come, that matches."""
        for message in self.received:
            if match(message):
                self.received.remove(message)
                return message
        deadline = time.monotonic() + timeout
        while True:
            message = self._next(deadline)
            if "method" in message and match(message):
                self.received.remove(message)
                return message

    def diagnostics(self, uri: str, timeout: float = TIMEOUT) -> list[Message]:
        """The next diagnostics published for ``uri``."""
        found = self.wait_for(
            lambda m: m["method"] == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri, timeout
        )
        diagnostics: list[Message] = found["params"]["diagnostics"]
        return diagnostics

    # -- the editor's side of a session ---------------------------------------------------------

    def initialize(self, root: Path, capabilities: Message | None = None, options: Message | None = None) -> Message:
        """initialize and initialized; returns the server's capabilities."""
        result = self.request(
            "initialize",
            {
                "processId": os.getpid(),
                "rootUri": root.as_uri(),
                "workspaceFolders": [{"uri": root.as_uri(), "name": root.name}],
                "capabilities": capabilities or {},
                "initializationOptions": options or {},
            },
        )
        self.notify("initialized", {})
        self.capabilities = result["capabilities"]
        return self.capabilities

    def open(self, path: Path, language: str, text: str | None = None, version: int = 1) -> str:
        """didOpen a file (its text from disk unless given); returns its URI."""
        uri = path.as_uri()
        content = path.read_text(encoding="utf-8") if text is None else text
        self.notify(
            "textDocument/didOpen",
            {"textDocument": {"uri": uri, "languageId": language, "version": version, "text": content}},
        )
        return uri

    def change(self, uri: str, text: str, version: int) -> None:
        """didChange with the whole new text."""
        self.notify(
            "textDocument/didChange",
            {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]},
        )

    def stop(self, timeout: float = TIMEOUT) -> int:
        """shutdown, exit, and the process's exit code."""
        try:
            self.request("shutdown", None, timeout)
            self.notify("exit", None)
            return self.process.wait(timeout)
        finally:
            self.close()

    def close(self) -> None:
        """Kill the process if it is still running (a failed test must not leave it behind)."""
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(TIMEOUT)
        for stream in (self.process.stdin, self.process.stdout, self.process.stderr):
            if stream is not None:
                stream.close()

    def stderr(self) -> str:
        """What the server wrote to stderr (once it has stopped)."""
        if self.process.poll() is None or self.process.stderr is None or self.process.stderr.closed:
            return ""
        return self.process.stderr.read().decode("utf-8", "replace")


def apply_edits(text: str, edits: list[Message]) -> str:
    """Apply LSP TextEdits (UTF-16 positions) to a text, last edit first."""

    def offset(position: Message) -> int:
        lines = text.splitlines(keepends=True)
        before = sum(len(line) for line in lines[: position["line"]])
        line = lines[position["line"]] if position["line"] < len(lines) else ""
        units, column = 0, 0
        while units < position["character"] and column < len(line):
            units += 2 if ord(line[column]) > 0xFFFF else 1
            column += 1
        return before + column

    for edit in sorted(
        edits, key=lambda e: (e["range"]["start"]["line"], e["range"]["start"]["character"]), reverse=True
    ):
        start, end = offset(edit["range"]["start"]), offset(edit["range"]["end"])
        text = text[:start] + edit["newText"] + text[end:]
    return text
