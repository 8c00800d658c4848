"""The workbench's Starlette application: the HTTP API of ``cli.md`` and the page."""

from __future__ import annotations

import base64
import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from noticelint.serve import body, tasks
from noticelint.serve.worker import Task, WorkerPool, run_or_unreadable
from noticelint.settings import Settings

STATIC = Path(__file__).resolve().parent / "static"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

#: Only the page's own files; no inline script or style, no other origin, no framing.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; form-action 'none'; frame-ancestors 'none'; "
    "base-uri 'none'"
)
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-store",
}


class SecurityHeaders:
    """Adds :data:`HEADERS` to every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                extra = [(k.lower().encode(), v.encode()) for k, v in HEADERS.items()]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, with_headers)


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


async def _request_of(request: Request, settings: Settings) -> body.Request:
    cap = settings.max_bytes + body.ENVELOPE
    content_type = request.headers.get("content-type", "")
    raw = await body.read_capped(request.stream(), request.headers.get("content-length"), cap)
    if content_type.startswith("multipart/form-data"):
        parsed = body.parse_multipart(raw, content_type)
        if len(parsed.upload.data) > settings.max_bytes:
            raise body.BodyError(
                413, f"文件过大：超过上限 {settings.max_bytes} 字节 (file exceeds the size limit)"
            )
        return parsed
    if content_type.startswith("application/json"):
        return body.parse_json(raw)
    raise body.BodyError(415, "请求应为 multipart/form-data 或 application/json")


def _unreadable_answer(upload: tasks.Upload, settings: Settings) -> Callable[[str], dict[str, Any]]:
    def answer(message: str) -> dict[str, Any]:
        from noticelint.read import ReadError

        result = tasks.unreadable(upload, ReadError(message), settings)
        return {"text": "", "diff": "", "applied": 0, "not_applied": [], **result}

    return answer


def _endpoint(settings: Settings, kind: str) -> Callable[[Request], Awaitable[Response]]:
    async def endpoint(request: Request) -> Response:
        from starlette.concurrency import run_in_threadpool

        if not _same_origin(request):
            return _error(403, "只接受本页面发出的请求 (cross-origin request refused)")
        try:
            asked = await _request_of(request, settings)
        except body.BodyError as exc:
            return _error(exc.status, str(exc))
        pool: WorkerPool = request.app.state.pool
        task: Task = (kind, asked.upload, asked.unsafe)
        fallback = _unreadable_answer(asked.upload, settings)
        result = await run_in_threadpool(run_or_unreadable, pool, task, fallback)
        if kind == "fix" and "file" in result and request.query_params.get("format") != "json":
            return _docx_response(result)
        return JSONResponse(result)

    return endpoint


def _same_origin(request: Request) -> bool:
    """A browser names the page that sends a request (``Origin``): another site's page
    may not make this server work for it. Scripts (no ``Origin``) are welcome."""
    from urllib.parse import urlsplit

    origin = request.headers.get("origin")
    if origin is None:
        return True
    return urlsplit(origin).netloc == request.headers.get("host")


def _docx_response(result: dict[str, Any]) -> Response:
    """The fixed Word file itself (what ``/api/fix`` answers for a .docx upload)."""
    name = result["filename"]
    disposition = f"attachment; filename=\"fixed.docx\"; filename*=UTF-8''{quote(name)}"
    headers = {
        "Content-Disposition": disposition,
        "X-Noticelint-Applied": str(result["applied"]),
        "X-Noticelint-Not-Applied": str(len(result["not_applied"])),
    }
    return Response(base64.b64decode(result["file"]), media_type=DOCX_TYPE, headers=headers)


async def rules(request: Request) -> Response:
    from noticelint.docs import rule_as_dict
    from noticelint.rules import iter_rules

    return JSONResponse([rule_as_dict(cls) for cls in iter_rules()])


async def rule(request: Request) -> Response:
    from noticelint.docs import rule_as_dict, rule_markdown
    from noticelint.rules import REGISTRY

    code = str(request.path_params["code"]).upper()
    cls = REGISTRY.get(code)
    if cls is None:
        return _error(404, f"未知规则 {code} (unknown rule)")
    return JSONResponse({**rule_as_dict(cls), "markdown": rule_markdown(cls)})


async def healthz(request: Request) -> Response:
    from noticelint import __version__

    return JSONResponse({"status": "ok", "version": __version__})


async def index(request: Request) -> Response:
    page = (STATIC / "index.html").read_bytes()
    return Response(page, media_type="text/html; charset=utf-8")


def create_app(
    settings: Settings, *, allowed_hosts: list[str] | None = None, workers: int = 2
) -> Starlette:
    """The workbench app. ``allowed_hosts``: the Host headers served (loopback names
    when bound to loopback, which also stops DNS-rebinding pages); ``None``: any."""

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        app.state.pool = WorkerPool(settings, size=workers)
        try:
            yield
        finally:
            app.state.pool.close()

    routes = [
        Route("/", index),
        Route("/api/check", _endpoint(settings, "check"), methods=["POST"]),
        Route("/api/fix", _endpoint(settings, "fix"), methods=["POST"]),
        Route("/api/rules", rules),
        Route("/api/rules/{code}", rule),
        Route("/healthz", healthz),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]
    middleware = [Middleware(SecurityHeaders)]
    if allowed_hosts is not None:
        middleware.append(Middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts))
    return Starlette(routes=routes, middleware=middleware, lifespan=lifespan)


def loopback_hosts() -> list[str]:
    return ["127.0.0.1", "localhost", "::1", "[::1]"]
