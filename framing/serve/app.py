"""The local web page: paste or upload articles, press Analyse, read the report.

``create_app()`` builds a small Flask application with two pages: the form (``/``) and
its answer (``/analyse``), which is the very report ``framing compare`` writes, with a
download bar on top holding the report as HTML, Markdown and JSON, the CSV tables as a
zip and the classroom worksheet, all inside the page as ``data:`` links. Nothing is
written anywhere that outlives the request: uploads are read in a temporary folder that
is removed before the answer is sent (Werkzeug keeps large parts of a request in
anonymous temporary files, gone when closed), and no later request can see an earlier one.

Every page is templated with Jinja2 with autoescaping, so nothing from input is ever
markup. Every response carries a Content-Security-Policy that allows no request to
anywhere (styles and scripts only inline, by hash), plus ``nosniff``, ``no-referrer``
and ``no-store`` headers. Uploads are limited in total, per file and in articles, each
with a message that says the limit and what to do.

``serve()`` runs the application on this computer and opens the browser on it.
"""

from __future__ import annotations

import base64
import dataclasses
import functools
import html
import io
import ipaddress
import itertools
import re
import socket
import sys
import tempfile
import threading
import webbrowser
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, TextIO

import jinja2

from .._version import __version__
from ..article import Article
from ..errors import FramingError, InputError, InputWarning, MissingDependency, UsageError
from ..render.html import csp_hash
from ..sources import TEXT_SUFFIXES, ReadOptions, article_from_record, read_articles
from ..sources.html import HTML_SUFFIXES, read_html

if TYPE_CHECKING:
    from flask import Flask
    from werkzeug.datastructures import FileStorage, MultiDict

__all__ = [
    "DEFAULT_MAX_ARTICLES",
    "DEFAULT_MAX_FILE_MB",
    "DEFAULT_MAX_UPLOAD_MB",
    "LOOPBACK_NAMES",
    "create_app",
    "serve",
]

DEFAULT_MAX_UPLOAD_MB = 20.0
DEFAULT_MAX_FILE_MB = 5.0
DEFAULT_MAX_ARTICLES = 40

#: The files the page reads. Compressed files are left to the command line: a small
#: upload must not unpack into something huge.
UPLOAD_SUFFIXES = (*TEXT_SUFFIXES, ".jsonl", ".ndjson", ".csv", ".tsv", *HTML_SUFFIXES)
#: The names this computer answers to; a page answering only to them cannot be reached
#: by a web site that points its own name at 127.0.0.1 (DNS rebinding).
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]", "::1")
_MB = 1024 * 1024
_MOST_PASTED = 1000
_TEMPLATES = Path(__file__).resolve().parent / "templates"
#: Analysis and charts share matplotlib's global style state: one request at a time.
_ANALYSIS = threading.Lock()


@dataclass(frozen=True)
class Limits:
    """How much one request may send: in all, per file (or pasted article), in articles."""

    upload_mb: float = DEFAULT_MAX_UPLOAD_MB
    file_mb: float = DEFAULT_MAX_FILE_MB
    articles: int = DEFAULT_MAX_ARTICLES

    @property
    def upload_bytes(self) -> int:
        return int(self.upload_mb * _MB)

    @property
    def file_bytes(self) -> int:
        return int(self.file_mb * _MB)


def _mb(value: float) -> str:
    return f"{value:g} MB"


# -- pages ------------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(_TEMPLATES)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )


@functools.cache
def _static(name: str) -> str:
    return (_TEMPLATES / name).read_text(encoding="utf-8")


def _policy(styles: Iterable[str] | None = None, scripts: Iterable[str] | None = None) -> str:
    """The Content-Security-Policy: nothing from anywhere, inline code only by hash.

    Without arguments it allows this package's own page style and script.
    """
    style = csp_hash(_static("page.css")) if styles is None else " ".join(styles)
    script = csp_hash(_static("page.js")) if scripts is None else " ".join(scripts)
    return (
        f"default-src 'none'; style-src {style}; script-src {script}; img-src data:; "
        "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    )


_META_CSP = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)"', re.IGNORECASE)


def _page_policy(page: str) -> str:
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
    return _policy(sources["style-src"] or ["'none'"], sources["script-src"] or ["'none'"])


def _render(template: str, **values: Any) -> str:
    return (
        _environment()
        .get_template(template)
        .render(version=__version__, css=_static("page.css"), js=_static("page.js"), **values)
    )


@dataclass
class _Pasted:
    """One pasted article as typed into the form (kept to show the form again)."""

    n: int
    text: str = ""
    outlet: str = ""
    title: str = ""
    headline: bool = False


def _form_page(
    limits: Limits,
    action: str,
    *,
    pasted: Sequence[_Pasted] = (),
    error: str | None = None,
    notes: Sequence[str] = (),
    had_files: bool = False,
    text_field: str = "text",
    first_line: bool = False,
) -> str:
    articles = list(pasted)
    while len(articles) < 2:
        articles.append(_Pasted(len(articles) + 1))
    return _render(
        "form.html.j2",
        page_title="Compare how news articles frame a story",
        articles=articles,
        action=action,
        error=error,
        notes=notes,
        had_files=had_files,
        text_field=text_field,
        first_line=first_line,
        accept=",".join(UPLOAD_SUFFIXES),
        max_articles=limits.articles,
        max_file_mb=_mb(limits.file_mb),
        max_upload_mb=_mb(limits.upload_mb),
        max_file_bytes=limits.file_bytes,
        max_upload_bytes=limits.upload_bytes,
    )


def _problem_page(title: str, message: Sequence[str], home: str, tips: Sequence[str] = ()) -> str:
    return _render("problem.html.j2", page_title=title, message=message, tips=tips, home=home)


def _too_large_page(limits: Limits, home: str, name: str | None = None) -> str:
    if name:
        first = f"{name} is larger than {_mb(limits.file_mb)}, the most this page takes for one file."
    else:
        first = (
            f"What you sent is larger than this page takes: at most {_mb(limits.upload_mb)} in all, "
            f"and {_mb(limits.file_mb)} for each file or pasted article."
        )
    return _problem_page(
        "Too much at once",
        [first, "Nothing was analysed, and nothing was kept."],
        home,
        tips=[
            "Split a large JSON Lines or CSV file into several smaller ones (a few hundred lines or rows "
            "each) and analyse them one after another.",
            "Choose fewer files at a time, or save long web pages as text (.txt) first.",
            f"This page compares up to {limits.articles} articles at once; for a whole collection use "
            "the command line: framing compare, or framing batch.",
        ],
    )


# -- reading the form -------------------------------------------------------------------


class _FileTooLarge(Exception):
    def __init__(self, name: str):
        super().__init__(name)
        self.name = name


def _pasted(form: MultiDict[str, str]) -> list[_Pasted]:
    numbers = sorted(
        {
            int(m.group(1))
            for key in form
            if (m := re.fullmatch(r"(?:text|outlet|title|headline)-(\d{1,4})", key))
            and int(m.group(1)) <= _MOST_PASTED
        }
    )
    return [
        _Pasted(
            n,
            # browsers send line breaks as CRLF; the article's own text has plain ones
            text=form.get(f"text-{n}", "").replace("\r\n", "\n"),
            outlet=form.get(f"outlet-{n}", "").strip(),
            title=form.get(f"title-{n}", "").strip(),
            headline=bool(form.get(f"headline-{n}")),
        )
        for n in numbers
    ]


def _pasted_articles(pasted: Sequence[_Pasted]) -> list[Article]:
    out = []
    for p in pasted:
        if not p.text.strip():
            if p.outlet or p.title:
                raise InputError(
                    "has an outlet or headline but no text; paste the article's text into its box, "
                    "or clear those fields",
                    source=f"Article {p.n}",
                )
            continue
        out.append(
            article_from_record(
                {"text": p.text, "outlet": p.outlet, "title": p.title},
                default_id=f"Article {p.n}",
                source=f"pasted article {p.n}",
                title_from_first_line=p.headline,
            )
        )
    return out


def _upload_name(storage: FileStorage) -> str:
    """The uploaded file's own name, without any folder a browser may have sent."""
    name = PurePosixPath((storage.filename or "").replace("\\", "/")).name
    return re.sub(r"[\x00-\x1f\x7f]", "", name).strip() or "upload"


def _suffix(name: str) -> str:
    lower = name.lower()
    return next((s for s in UPLOAD_SUFFIXES if lower.endswith(s)), "")


def _uploads(files: Sequence[FileStorage], limits: Limits) -> list[tuple[str, bytes]]:
    out = []
    for storage in files:
        if not storage.filename:
            continue  # the empty part a browser sends when no file is chosen
        name = _upload_name(storage)
        data = storage.stream.read(limits.file_bytes + 1)
        if len(data) > limits.file_bytes:
            raise _FileTooLarge(name)
        out.append((name, data))
    return out


def _uploaded_articles(
    uploads: Sequence[tuple[str, bytes]], options: ReadOptions, room: int, notes: list[str]
) -> list[Article]:
    """Articles from uploaded files, read by framing's own readers, at most ``room + 1``.

    Text, JSONL and CSV files are written to a temporary folder (removed before this
    returns) and read with :func:`~framing.sources.read_articles`, so their messages are
    the command line's, naming the file as it was uploaded.
    """
    out: list[Article] = []
    with tempfile.TemporaryDirectory(prefix="framing-serve-") as tmp:
        for i, (name, data) in enumerate(uploads):
            if len(out) > room:
                break
            suffix = _suffix(name)
            if not suffix:
                raise InputError(
                    "is not a kind of file this page reads; choose "
                    + ", ".join(UPLOAD_SUFFIXES)
                    + " files (for other kinds, use the command line)",
                    source=name,
                )
            if suffix in HTML_SUFFIXES:
                out.append(read_html(data, source=name, warn=lambda w: notes.append(str(w))))
                continue
            folder = Path(tmp, str(i))
            folder.mkdir()
            stem = name[: -len(suffix)].encode("utf-8")[:150].decode("utf-8", "ignore").strip(". ")
            path = folder / ((stem or "upload") + suffix)
            path.write_bytes(data)
            local = functools.partial(_rename, str(path), name)

            def report(problem: InputError | InputWarning, local: Any = local) -> None:
                notes.append(("Skipped " if isinstance(problem, InputError) else "") + local(str(problem)))

            try:
                for article in itertools.islice(
                    read_articles(path, options, on_problem=report), room + 1 - len(out)
                ):
                    out.append(dataclasses.replace(article, source=local(article.source or str(path))))
            except InputError as exc:
                raise InputError(
                    local(exc.reason), source=local(exc.source or str(path)), record=exc.record
                ) from None
    return out


def _rename(path: str, name: str, text: str) -> str:
    return text.replace(path, name)


def _unique_ids(articles: Sequence[Article]) -> list[Article]:
    seen: set[str] = set()
    out = []
    for a in articles:
        new, k = a.id, 1
        while new in seen:
            k += 1
            new = f"{a.id}-{k}"
        seen.add(new)
        out.append(a if new == a.id else dataclasses.replace(a, id=new))
    return out


def _for_the_page(message: str) -> str:
    """A reader's message, with the command-line flag named as the form's field."""
    return re.sub(
        r"name the text (?:field|column) with --text-field",
        "give its name under More options, Text field",
        message,
    )


# -- the answer -------------------------------------------------------------------------


def _download(label: str, filename: str, content: str | bytes, mime: str) -> dict[str, str]:
    """A link for the download bar, the file inside it as a ``data:`` address."""
    if isinstance(content, str):
        content, mime = content.encode("utf-8"), mime + ";charset=utf-8"
    href = f"data:{mime};base64,{base64.b64encode(content).decode('ascii')}"
    return {"label": label, "filename": filename, "href": href}


def _zip(tables: Mapping[str, str]) -> bytes:
    """The CSV tables in one zip, with fixed dates so the same report gives the same bytes."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in tables.items():
            info = zipfile.ZipInfo(f"framing-tables/{name}", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text.encode("utf-8"))
    return buf.getvalue()


def _report_page(articles: Sequence[Article], notes: Sequence[str], home: str, view: str) -> str:
    """The report (or the worksheet) of ``articles``, with every download inside it."""
    from ..comparison import compare
    from ..render.csv import render_csv_tables
    from ..render.html import render_html
    from ..render.json import render_json
    from ..render.markdown import render_markdown
    from ..render.worksheet import render_worksheet

    with _ANALYSIS:
        comparison = compare(articles)
        worksheet = render_worksheet(comparison)
        if view == "worksheet":
            return worksheet
        report = render_html(comparison)
        downloads = [
            _download("Report (HTML)", "framing-report.html", report, "text/html"),
            _download("Worksheet (HTML, to print)", "framing-worksheet.html", worksheet, "text/html"),
            _download("Markdown", "framing-report.md", render_markdown(comparison), "text/markdown"),
            _download("JSON", "framing-report.json", render_json(comparison), "application/json"),
            _download(
                "CSV tables (zip)",
                "framing-tables.zip",
                _zip(render_csv_tables(comparison)),
                "application/zip",
            ),
        ]
    bar = _environment().get_template("bar.html.j2").render(downloads=downloads, notes=notes, home=home)
    at = report.find("<main>")
    at = at + len("<main>") if at >= 0 else report.find(">", report.find("<body")) + 1
    return report[:at] + "\n" + bar.rstrip("\n") + report[at:]


# -- the application --------------------------------------------------------------------


def create_app(
    *,
    max_upload_mb: float = DEFAULT_MAX_UPLOAD_MB,
    max_file_mb: float = DEFAULT_MAX_FILE_MB,
    max_articles: int = DEFAULT_MAX_ARTICLES,
    trusted_hosts: Sequence[str] | None = LOOPBACK_NAMES,
) -> Flask:
    """The web application (a Flask app): the form at ``/``, the report from ``/analyse``.

    ``max_upload_mb`` limits a whole request, ``max_file_mb`` each file and each pasted
    article, ``max_articles`` the articles compared at once. ``trusted_hosts`` are the
    host names the page answers to (others get an error, so a web site cannot reach it
    by pointing its own name at this computer); ``None`` answers to any.
    """
    try:
        from flask import Flask, Response, request
        from werkzeug.exceptions import HTTPException, RequestEntityTooLarge
    except ImportError:
        raise MissingDependency("the web page (framing serve)", "flask", "serve") from None
    if max_upload_mb <= 0 or max_file_mb <= 0 or max_articles < 1:
        raise UsageError("the upload limits and the number of articles must be positive")
    limits = Limits(max_upload_mb, max_file_mb, max_articles)

    app = Flask(__name__, static_folder=None, template_folder=None)
    app.config.update(
        MAX_CONTENT_LENGTH=limits.upload_bytes,
        MAX_FORM_MEMORY_SIZE=limits.file_bytes,
        TRUSTED_HOSTS=list(trusted_hosts) if trusted_hosts else None,
    )

    def page(body: str, status: int = 200, policy: str | None = None) -> Response:
        response = Response(body, status=status, mimetype="text/html")
        response.headers["Content-Security-Policy"] = policy or _policy()
        return response

    @app.after_request
    def headers(response: Response) -> Response:
        response.headers.setdefault("Content-Security-Policy", _policy())
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["Cache-Control"] = "no-store"
        response.headers["Cross-Origin-Opener-Policy"] = "same-origin"
        return response

    def home() -> str:
        return request.script_root + "/"

    def action() -> str:
        return request.script_root + "/analyse"

    @app.get("/")
    def form() -> Response:
        return page(_form_page(limits, action()))

    @app.post("/analyse")
    def analyse() -> Response:
        try:
            fields = request.form
            files = request.files.getlist("files")
            pasted = _pasted(fields)
            uploads = _uploads(files, limits)
        except _FileTooLarge as exc:
            return page(_too_large_page(limits, home(), exc.name), 413)
        options = ReadOptions(
            text_field=fields.get("text_field", "").strip() or "text",
            title_from_first_line=bool(fields.get("first_line")),
        )
        notes: list[str] = []
        too_many = (
            f"This page compares up to {limits.articles} articles at a time, and you gave more. "
            "Choose fewer, or use the command line (framing compare, or framing batch for a collection)."
        )

        def again(message: str) -> Response:
            body = _form_page(
                limits,
                action(),
                pasted=pasted,
                error=_for_the_page(message),
                notes=[_for_the_page(n) for n in notes],
                had_files=bool(uploads),
                text_field=options.text_field,
                first_line=options.title_from_first_line,
            )
            return page(body, 400)

        try:
            articles = _pasted_articles(pasted)
            if len(articles) > limits.articles:
                return again(too_many)
            articles += _uploaded_articles(uploads, options, limits.articles - len(articles), notes)
        except FramingError as exc:
            return again(str(exc))
        if not articles:
            if uploads:
                return again("No articles could be read from " + ", ".join(n for n, _ in uploads) + ".")
            return again("There is nothing to analyse yet: paste the text of an article, or choose a file.")
        if len(articles) > limits.articles:
            return again(too_many)
        view = "worksheet" if fields.get("view") == "worksheet" else "report"
        body = _report_page(_unique_ids(articles), [_for_the_page(n) for n in notes], home(), view)
        return page(body, policy=_page_policy(body))

    @app.errorhandler(RequestEntityTooLarge)
    def too_large(exc: RequestEntityTooLarge) -> Response:
        return page(_too_large_page(limits, home()), 413)

    @app.errorhandler(HTTPException)
    def http_problem(exc: HTTPException) -> Response:
        code = exc.code or 500
        messages = {
            404: "There is no page here.",
            405: "This address only takes the form: start from the form page.",
            400: "The request could not be understood. Open the page at the address framing printed "
            "when it started (it begins with http://127.0.0.1 or http://localhost).",
        }
        text = messages.get(code, exc.description or "Something went wrong.")
        return page(_problem_page(f"{code} {exc.name}", [text], home()), code)

    @app.errorhandler(Exception)
    def crash(exc: Exception) -> Response:
        app.logger.exception("framing failed on this request")
        return page(
            _problem_page(
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


# -- running it -------------------------------------------------------------------------


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


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
    out: TextIO | None = None,
) -> None:
    """Run the web page on this computer until Ctrl+C; print its address and open it.

    ``port=0`` takes any free port. The page answers only on this computer unless
    ``host`` names another address (for example ``0.0.0.0`` to share it on a classroom
    network, which anyone on that network can then use).
    """
    try:
        from werkzeug.serving import WSGIRequestHandler, get_sockaddr, make_server, select_address_family
    except ImportError:
        raise MissingDependency("the web page (framing serve)", "flask", "serve") from None

    class QuietHandler(WSGIRequestHandler):
        def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
            """Requests are not logged (errors still are)."""

    if not 0 <= port <= 65535:
        raise UsageError(f"port {port} is not a port number; give one from 1 to 65535, or 0 for any free one")
    stream = out or sys.stdout
    app = create_app(
        max_upload_mb=max_upload_mb,
        max_file_mb=max_file_mb,
        max_articles=max_articles,
        trusted_hosts=(host, f"[{host}]", *LOOPBACK_NAMES) if _is_loopback(host) else None,
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
    url = _url(host, server.port)
    print(f"framing: the page is at {url}", file=stream, flush=True)
    if not _is_loopback(host):
        print(
            "framing: others on your network can open it too (it listens on " + host + ")",
            file=stream,
            flush=True,
        )
    print("framing: press Ctrl+C to stop", file=stream, flush=True)
    if open_browser:
        webbrowser.open(url)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("framing: stopped", file=stream, flush=True)
    finally:
        server.server_close()
