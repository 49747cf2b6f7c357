"""What the page checks of every request, and the headers of every answer.

* **Host names.** On this computer only, the page answers to requests addressed to
  127.0.0.1, localhost or [::1] (or the address it was started on), so a web site
  cannot reach it by pointing its own name at this computer (DNS rebinding).
* **Origin.** A form is taken (POST) only from the page's own pages: the ``Origin``
  header (or, where a browser sends none, the ``Referer``) must name this page's own
  address, so a page on another site cannot make a visitor's browser send an article.
  Every current browser sends one or the other with a form; a request with neither, or
  with the ``null`` origin a sandboxed frame sends, is refused too.
* **Receiving.** An upload must arrive whole within a stated time (a client that sends
  a byte a minute holds nothing for long).
* **Headers.** Every answer carries a Content-Security-Policy that allows no request to
  anywhere (styles and scripts inline, by hash), ``nosniff``, ``X-Frame-Options: DENY``,
  ``no-store`` and a ``same-origin`` referrer policy: the page's own forms say where
  they come from, and no address leaves it.
"""

from __future__ import annotations

import html
import ipaddress
import re
import time
from collections.abc import Callable, Iterable, Sequence
from typing import Any
from urllib.parse import urlsplit

__all__ = [
    "LOOPBACK_NAMES",
    "ReceiveDeadline",
    "host_allowed",
    "is_loopback",
    "page_policy",
    "policy",
    "same_origin",
    "security_headers",
]

#: The names this computer answers to.
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]", "::1")


def policy(styles: Iterable[str], scripts: Iterable[str]) -> str:
    """The Content-Security-Policy: nothing from anywhere, inline code only by hash."""
    return (
        f"default-src 'none'; style-src {' '.join(styles)}; script-src {' '.join(scripts)}; "
        "img-src data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    )


_META_CSP = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)"', re.IGNORECASE)


def page_policy(page: str) -> str:
    """The policy for a rendered report or worksheet: the inline code it allows itself.

    The page keeps its own policy in a ``<meta>`` tag; the browser enforces both, so the
    header allows the same inline style and script, and nothing more.
    """
    found = _META_CSP.search(page, 0, max(page.find("</head>"), 0))
    sources: dict[str, list[str]] = {"style-src": [], "script-src": []}
    for directive in html.unescape(found.group(1)).split(";") if found else []:
        words = directive.split()
        if words and words[0] in sources:
            sources[words[0]] += [w for w in words[1:] if w.startswith("'sha256-")]
    return policy(sources["style-src"] or ["'none'"], sources["script-src"] or ["'none'"])


def security_headers(headers: Any, default_policy: str) -> None:
    """Set the headers every answer carries (a policy already set is kept)."""
    headers.setdefault("Content-Security-Policy", default_policy)
    headers["X-Content-Type-Options"] = "nosniff"
    headers["Referrer-Policy"] = "same-origin"
    headers["X-Frame-Options"] = "DENY"
    headers["Cache-Control"] = "no-store"
    headers["Cross-Origin-Opener-Policy"] = "same-origin"


def is_loopback(host: str) -> bool:
    """Whether ``host`` (a name or an address, IPv6 with or without brackets) is this computer."""
    name = host.strip("[]").lower()
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def _host_name(host: str) -> str:
    """The name in a ``Host`` header, without the port: ``[::1]:8000`` -> ``::1``."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1 : host.find("]")] if "]" in host else ""
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def _same_address(a: str, b: str) -> bool:
    try:
        return ipaddress.ip_address(a) == ipaddress.ip_address(b)
    except ValueError:
        return a.rstrip(".") == b.rstrip(".")


def host_allowed(host: str, trusted: Sequence[str] | None) -> bool:
    """Whether a request with this ``Host`` header may be answered (``trusted`` None:
    any host). IPv6 names are compared as addresses: ``[::1]``, ``::1`` and
    ``[0:0:0:0:0:0:0:1]`` are the same."""
    if trusted is None:
        return True
    name = _host_name(host)
    return bool(name) and any(_same_address(name, t.strip("[]").lower()) for t in trusted)


_DEFAULT_PORTS = {"http": 80, "https": 443}


def _origin(url: str) -> tuple[str, str, int] | None:
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    if parts.scheme not in _DEFAULT_PORTS or not parts.hostname:
        return None
    return parts.scheme, parts.hostname.lower(), port or _DEFAULT_PORTS[parts.scheme]


def same_origin(origin: str | None, referer: str | None, own: str) -> bool:
    """Whether a form comes from this page: its ``Origin`` (else its ``Referer``) names
    the page's own address ``own`` (scheme, host and port)."""
    sent = origin if origin is not None else referer
    if not sent or sent == "null":
        return False
    mine = _origin(own)
    theirs = _origin(sent)
    return (
        mine is not None
        and theirs is not None
        and mine[0] == theirs[0]
        and mine[2] == theirs[2]
        and (_same_address(mine[1].strip("[]"), theirs[1].strip("[]")))
    )


class ReceiveDeadline:
    """WSGI middleware: a request's body must arrive within ``seconds``.

    Reading past the deadline raises ``on_late()`` (an HTTP 408 in the application);
    the server's socket timeout already ends a connection that goes quiet.
    """

    def __init__(
        self,
        app: Callable[..., Any],
        seconds: float,
        on_late: Callable[[], Exception],
        clock: Callable[[], float] = time.monotonic,
    ):
        self.app = app
        self.seconds = seconds
        self.on_late = on_late
        self.clock = clock

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        environ["wsgi.input"] = _Timed(environ["wsgi.input"], self.clock() + self.seconds, self)
        return self.app(environ, start_response)


class _Timed:
    """A request body stream that refuses to be read past a deadline."""

    def __init__(self, stream: Any, deadline: float, watch: ReceiveDeadline):
        self._stream = stream
        self._deadline = deadline
        self._watch = watch

    def _check(self) -> None:
        if self._watch.clock() > self._deadline:
            raise self._watch.on_late()

    def read(self, *args: Any) -> bytes:
        self._check()
        data: bytes = self._stream.read(*args)
        self._check()
        return data

    def readline(self, *args: Any) -> bytes:
        self._check()
        line: bytes = self._stream.readline(*args)
        self._check()
        return line

    def readinto(self, buffer: Any) -> int:
        self._check()
        count: int = self._stream.readinto(buffer)
        self._check()
        return count

    def __iter__(self) -> Any:
        return iter(self.readline, b"")

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)
