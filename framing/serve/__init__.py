"""A local web page for people who never open a terminal: paste or upload, then read.

``serve()`` runs it on this computer and opens the browser (``framing serve`` calls
it); ``create_app()`` builds the Flask application, for tests or another WSGI server.
Needs the ``serve`` extra: ``pip install "framing[serve]"`` (Flask and trafilatura).
"""

from __future__ import annotations

from .app import create_app, serve

__all__ = ["create_app", "serve"]
