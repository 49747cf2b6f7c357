"""A local web page for people who never open a terminal: paste or upload, then read.

``serve()`` runs it on this computer and opens the browser (``framing serve`` calls
it); ``create_app()`` builds the Flask application, for tests or another WSGI server.
Needs the ``serve`` extra: ``pip install ".[serve]"`` (Flask and trafilatura).

The modules: ``routes`` (the application), ``security`` (what every request is checked
for, and the headers of every answer), ``uploads`` (reading the form), ``work`` (what a
worker process does with a request), ``pool`` (the worker processes and their limits),
``downloads`` (the download bar and its files), ``pages`` (the form and the refusals),
``limits`` (every number the page promises) and ``server`` (running it).
"""

from __future__ import annotations

from .routes import create_app
from .server import serve

__all__ = ["create_app", "serve"]
