"""One pool of worker processes for the page's tests (each takes a few seconds to warm up)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def pool():
    pytest.importorskip("flask", reason="the web page needs the serve extra (flask)")
    from framing.serve.limits import Limits
    from framing.serve.routes import pool_for

    # one worker: a test process sends one request at a time (tests/serve/test_pool.py
    # runs requests side by side in pools of its own)
    workers = pool_for(Limits(workers=1))
    workers.start(wait=True)
    yield workers
    workers.close()


def same_origin_client(app, origin: str = "http://localhost"):
    """A test client that sends the page's own Origin, as a browser does with its form."""
    client = app.test_client()
    client.environ_base["HTTP_ORIGIN"] = origin
    return client
