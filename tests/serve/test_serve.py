"""serve(): prints the address, opens the browser, stops on Ctrl+C."""

from __future__ import annotations

import io
import socket
import threading
import urllib.request

import pytest

from framing.errors import UsageError

pytest.importorskip("flask", reason="the web page needs the serve extra (flask)")

from framing.serve import serve
from framing.serve import server as serve_app


def test_serve_prints_the_address_opens_the_browser_and_stops(monkeypatch):
    from werkzeug.serving import BaseWSGIServer

    opened: list[str] = []
    answers: list[int] = []

    def one_request_then_ctrl_c(self, *args, **kwargs):
        # the server is listening: ask it for the form, as the browser would, then stop
        def fetch() -> None:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/", timeout=10) as r:
                answers.append(r.status)

        thread = threading.Thread(target=fetch)
        thread.start()
        self.handle_request()
        thread.join(10)
        raise KeyboardInterrupt

    monkeypatch.setattr(BaseWSGIServer, "serve_forever", one_request_then_ctrl_c)
    monkeypatch.setattr(serve_app.webbrowser, "open", opened.append)
    out = io.StringIO()
    serve(port=0, out=out)
    printed = out.getvalue()
    assert opened and opened[0].startswith("http://127.0.0.1:") and opened[0] in printed
    assert "Ctrl+C" in printed and "stopped" in printed
    assert answers == [200]


def test_no_browser_when_told_not_to(monkeypatch):
    from werkzeug.serving import BaseWSGIServer

    def stop(self, *args, **kwargs):
        raise KeyboardInterrupt

    opened: list[str] = []
    monkeypatch.setattr(BaseWSGIServer, "serve_forever", stop)
    monkeypatch.setattr(serve_app.webbrowser, "open", opened.append)
    out = io.StringIO()
    serve(port=0, open_browser=False, out=out)
    assert opened == [] and "http://127.0.0.1:" in out.getvalue()


def test_a_port_in_use_is_a_clear_error(monkeypatch):
    monkeypatch.setattr(serve_app.webbrowser, "open", lambda url: None)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(UsageError, match=f"port {port}.*--port"):
            serve(port=port, out=io.StringIO())


def test_a_port_out_of_range_is_a_clear_error():
    with pytest.raises(UsageError, match="not a port number"):
        serve(port=70000, out=io.StringIO())
