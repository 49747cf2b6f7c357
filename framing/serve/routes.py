"""The web application: the form at ``/``, the report from ``/analyse``, a download
from ``/download``.

The request thread only checks the request (host, origin, size), reads the form and
saves the uploads; the articles are read, analysed and rendered in a worker process
(:mod:`framing.serve.work`) that is given at most the stated time and memory, so one
heavy request can neither take the page down nor make other people wait behind it.
"""

from __future__ import annotations

import dataclasses
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import MissingDependency
from ..sources import ReadOptions
from . import pages, uploads, work
from .limits import (
    DEFAULT_MAX_ARTICLES,
    DEFAULT_MAX_CHARS,
    DEFAULT_MAX_FILE_MB,
    DEFAULT_MAX_UPLOAD_MB,
    DEFAULT_SECONDS,
    DEFAULT_WAITING,
    Limits,
)
from .pool import Busy, PoolLimit, WorkerPool
from .security import (
    LOOPBACK_NAMES,
    ReceiveDeadline,
    host_allowed,
    page_policy,
    same_origin,
    security_headers,
)

if TYPE_CHECKING:
    from flask import Flask, Response

__all__ = ["create_app", "pool_for"]

#: Where the app keeps its worker pool (``app.extensions``).
POOL_KEY = "framing.serve.pool"


def pool_for(limits: Limits) -> WorkerPool:
    """A worker pool sized and bounded as ``limits`` say, warming each worker up."""
    return WorkerPool(
        limits.workers,
        seconds=limits.seconds,
        memory_mb=limits.memory_mb,
        waiting=limits.waiting,
        wait_seconds=limits.wait_seconds,
        warm=work.warm_up,
    )


def create_app(
    *,
    max_upload_mb: float = DEFAULT_MAX_UPLOAD_MB,
    max_file_mb: float = DEFAULT_MAX_FILE_MB,
    max_articles: int = DEFAULT_MAX_ARTICLES,
    max_chars: int = DEFAULT_MAX_CHARS,
    seconds: float = DEFAULT_SECONDS,
    memory_mb: float = 0.0,
    workers: int = 0,
    waiting: int = DEFAULT_WAITING,
    trusted_hosts: Sequence[str] | None = LOOPBACK_NAMES,
    pool: WorkerPool | None = None,
) -> Flask:
    """The web application (a Flask app): the form at ``/``, the report from ``/analyse``.

    ``max_upload_mb`` limits a whole request, ``max_file_mb`` each file and each pasted
    article, ``max_articles`` the articles compared at once and ``max_chars`` their
    text. Each request is analysed in one of ``workers`` processes (0: one per core, at
    most four) in at most ``seconds`` and ``memory_mb`` (0: 3,000 MB, or less where the
    workers would take most of this computer's memory); ``waiting`` more may wait for
    one. ``trusted_hosts`` are the host names the page answers to (others get an error,
    so a web site cannot reach it by pointing its own name at this computer); ``None``
    answers to any. ``pool`` is a :class:`~framing.serve.pool.WorkerPool` to use
    instead of the app's own (its limits are then the pool's).
    """
    try:
        from flask import Flask, Response, request
        from werkzeug.exceptions import (
            BadRequest,
            Forbidden,
            HTTPException,
            RequestEntityTooLarge,
            RequestTimeout,
        )
    except ImportError:
        raise MissingDependency("the web page (framing serve)", "flask", "serve") from None
    limits = Limits(max_upload_mb, max_file_mb, max_articles, max_chars, seconds, memory_mb, workers, waiting)
    if pool is not None:  # the pool's own bounds are the ones the pages state
        limits = dataclasses.replace(
            limits,
            seconds=pool.seconds,
            memory_mb=pool.memory_mb,
            workers=pool.workers,
            waiting=pool.waiting,
            wait_seconds=pool.wait_seconds,
        )
    workers_pool = pool or pool_for(limits)
    trusted = list(trusted_hosts) if trusted_hosts else None

    app = Flask(__name__, static_folder=None, template_folder=None)
    app.config.update(MAX_CONTENT_LENGTH=limits.upload_bytes, MAX_FORM_MEMORY_SIZE=limits.file_bytes)
    app.extensions[POOL_KEY] = workers_pool
    app.wsgi_app = ReceiveDeadline(app.wsgi_app, limits.receive_seconds, RequestTimeout)  # type: ignore[method-assign]

    def page(body: str, status: int = 200, policy: str | None = None) -> Response:
        response = Response(body, status=status, mimetype="text/html")
        response.headers["Content-Security-Policy"] = policy or pages.own_policy()
        return response

    def home() -> str:
        return request.script_root + "/"

    def action(name: str = "analyse") -> str:
        return request.script_root + "/" + name

    @app.before_request
    def checks() -> None:
        if not host_allowed(request.host, trusted):
            raise BadRequest()
        if request.method == "POST" and not same_origin(
            request.headers.get("Origin"), request.headers.get("Referer"), request.host_url
        ):
            raise Forbidden()

    @app.after_request
    def headers(response: Response) -> Response:
        security_headers(response.headers, pages.own_policy())
        if request.method == "POST" and response.status_code >= 400:
            # a refused form may not have been read to its end: what is left of it must
            # not be read as the next request on the same connection
            response.headers["Connection"] = "close"
        return response

    @app.get("/")
    def form() -> Response:
        return page(pages.form_page(limits, action()))

    def refused(exc: PoolLimit) -> Response:
        if isinstance(exc, Busy):
            response = page(pages.busy_page(limits, home()), 503)
            response.headers["Retry-After"] = "60"
            return response
        return page(pages.limit_page(limits, home(), str(exc)), 413)

    @app.post("/analyse")
    def analyse() -> Response:
        try:
            with workers_pool.admitted():
                return _analyse()
        except PoolLimit as exc:
            return refused(exc)

    def _analyse() -> Response:
        folder = Path(tempfile.mkdtemp(prefix="framing-serve-"))
        try:
            fields = request.form
            pasted = uploads.pasted(fields)
            try:
                saved = uploads.save_uploads(request.files.getlist("files"), limits, folder)
            except uploads.FileTooLarge as exc:
                return page(pages.too_large_page(limits, home(), exc.name), 413)
            options = ReadOptions(
                text_field=fields.get("text_field", "").strip() or "text",
                title_from_first_line=bool(fields.get("first_line")),
            )
            job = work.AnalyseJob(
                tuple(pasted),
                tuple(saved),
                options,
                limits,
                "worksheet" if fields.get("view") == "worksheet" else "report",
                home(),
                action("download"),
            )
            outcome = workers_pool.run(work.analyse, job)
        finally:
            uploads.remove(folder)
        if isinstance(outcome, work.TooMuch):
            return page(pages.too_much_text_page(limits, home(), outcome.chars), 413)
        if isinstance(outcome, work.Again):
            body = pages.form_page(
                limits,
                action(),
                pasted=pasted,
                error=pages.for_the_page(outcome.message),
                notes=[pages.for_the_page(n) for n in outcome.notes],
                had_files=bool(saved),
                text_field=options.text_field,
                first_line=options.title_from_first_line,
            )
            return page(body, 400)
        return page(outcome.body, policy=page_policy(outcome.body))

    @app.post("/download")
    def download() -> Response:
        try:
            with workers_pool.admitted():
                # the articles come back in one field, as large as the request may be
                request.max_form_memory_size = limits.upload_bytes
                job = work.DownloadJob(
                    request.form.get("articles", ""), request.form.get("format", ""), limits
                )
                outcome = workers_pool.run(work.download, job)
        except PoolLimit as exc:
            return refused(exc)
        if isinstance(outcome, work.Again):
            return page(pages.problem_page("Nothing to download", [outcome.message], home()), 400)
        response = Response(outcome.data, mimetype=outcome.mimetype)
        response.headers["Content-Disposition"] = f'attachment; filename="{outcome.filename}"'
        response.headers["Content-Security-Policy"] = "default-src 'none'; sandbox"
        return response

    @app.errorhandler(RequestEntityTooLarge)
    def too_large(exc: RequestEntityTooLarge) -> Response:
        return page(pages.too_large_page(limits, home()), 413)

    @app.errorhandler(HTTPException)
    def http_problem(exc: HTTPException) -> Response:
        code = exc.code or 500
        messages = {
            404: "There is no page here.",
            405: "This address only takes the form: start from the form page.",
            400: "The request could not be understood. Open the page at the address framing printed "
            "when it started (it begins with http://127.0.0.1 or http://localhost).",
            403: "This page only takes articles sent from its own form. Open the page at the address "
            "framing printed when it started, and send them from there.",
            408: f"What you sent did not arrive within {limits.receive_seconds:g} seconds. Check the "
            "connection and send it again, or send less at a time.",
        }
        text = messages.get(code, exc.description or "Something went wrong.")
        return page(pages.problem_page(f"{code} {exc.name}", [text], home()), code)

    @app.errorhandler(Exception)
    def crash(exc: Exception) -> Response:
        app.logger.exception("framing failed on this request")
        return page(
            pages.problem_page(
                "Something went wrong",
                [
                    f"framing could not finish: {type(exc).__name__}: {exc}",
                    "Nothing was kept. Please report this, with the articles if you can share them.",
                ],
                home(),
            ),
            500,
        )

    return app
