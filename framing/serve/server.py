"""Running the page on this computer: the address, the browser, Ctrl+C.

``serve()`` listens (on 127.0.0.1 unless told otherwise), starts the worker processes
so that the first request does not wait for them, prints the address and opens the
browser on it. A connection that stays quiet for longer than the receive limit is
closed, so a slow client holds a thread for a bounded time only.
"""

from __future__ import annotations

import socket
import sys
import webbrowser
from typing import TextIO

from ..errors import MissingDependency, UsageError
from ..plural import count, plural
from .limits import (
    DEFAULT_MAX_ARTICLES,
    DEFAULT_MAX_FILE_MB,
    DEFAULT_MAX_UPLOAD_MB,
    DEFAULT_RECEIVE_SECONDS,
)
from .routes import POOL_KEY, create_app
from .security import LOOPBACK_NAMES, is_loopback

__all__ = ["serve"]


def _url(host: str, port: int) -> str:
    shown = "127.0.0.1" if host in ("", "0.0.0.0") else "[::1]" if host == "::" else host
    if ":" in shown and not shown.startswith("["):
        shown = f"[{shown}]"
    return f"http://{shown}:{port}/"


def serve(
    host: str = "127.0.0.1",
    port: int = 0,
    open_browser: bool = True,
    *,
    max_upload_mb: float = DEFAULT_MAX_UPLOAD_MB,
    max_file_mb: float = DEFAULT_MAX_FILE_MB,
    max_articles: int = DEFAULT_MAX_ARTICLES,
    workers: int = 0,
    out: TextIO | None = None,
) -> None:
    """Run the web page on this computer until Ctrl+C; print its address and open it.

    ``port=0`` takes any free port. The page answers only on this computer unless
    ``host`` names another address (for example ``0.0.0.0`` to share it on a classroom
    network, which anyone on that network can then use). ``workers`` processes analyse
    requests side by side (0: one per processor core, at most four).
    """
    try:
        from werkzeug.serving import WSGIRequestHandler, get_sockaddr, make_server, select_address_family
    except ImportError:
        raise MissingDependency("the web page (framing serve)", "flask", "serve") from None

    class QuietHandler(WSGIRequestHandler):
        timeout = DEFAULT_RECEIVE_SECONDS  # a connection quiet for this long is closed

        def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
            """Requests are not logged (errors still are)."""

    if not 0 <= port <= 65535:
        raise UsageError(f"port {port} is not a port number; give one from 1 to 65535, or 0 for any free one")
    if workers < 0:
        raise UsageError(f"--workers {workers}: give 1 or more, or 0 for one per processor core")
    stream = out or sys.stdout
    app = create_app(
        max_upload_mb=max_upload_mb,
        max_file_mb=max_file_mb,
        max_articles=max_articles,
        workers=workers,
        trusted_hosts=(host, f"[{host}]", *LOOPBACK_NAMES) if is_loopback(host) else None,
    )
    # the socket is opened here, so a port in use is one clear error (not Werkzeug's exit)
    family = select_address_family(host, port)
    listener = socket.socket(family, socket.SOCK_STREAM)
    try:
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(get_sockaddr(host, port, family))
        listener.listen(64)
    except OSError as exc:
        listener.close()
        raise UsageError(
            f"cannot listen on {host} port {port} ({exc.strerror or exc}); choose another port "
            "with --port, or 0 for any free one"
        ) from None
    with listener:
        server = make_server(
            host, port, app, threaded=True, request_handler=QuietHandler, fd=listener.fileno()
        )
    pool = app.extensions[POOL_KEY]
    url = _url(host, server.port)
    print(f"framing: the page is at {url}", file=stream, flush=True)
    if not is_loopback(host):
        print(
            "framing: others on your network can open it too (it listens on " + host + ")",
            file=stream,
            flush=True,
        )
    print(
        f"framing: {count(pool.workers, 'request')} {plural('is', pool.workers)} analysed at a time "
        f"and {pool.waiting} more may wait; "
        "press Ctrl+C to stop",
        file=stream,
        flush=True,
    )
    pool.start()
    if open_browser:
        webbrowser.open(url)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("framing: stopped", file=stream, flush=True)
    finally:
        server.server_close()
        pool.close()
