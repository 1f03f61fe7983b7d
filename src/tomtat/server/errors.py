"""JSON errors: every failure the service reports has the same shape.

``{"error": {"status": 422, "code": "invalid_field", "message": "...", "field": "articles[1].text"}}``

``field`` names the offending part of the request (``null`` when it is the request as a
whole); ``message`` is meant for a person. No traceback ever reaches the client.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from tomtat.errors import TomtatError

log = logging.getLogger("tomtat.server")


class ApiError(Exception):
    """An error to answer with: HTTP status, a short code, a message, the field at fault."""

    def __init__(self, status: int, code: str, message: str, field: str | None = None,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.field = field
        self.headers = headers


def error_body(status: int, code: str, message: str, field: str | None = None,
               details: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """The JSON document of an error."""
    error: dict[str, Any] = {"status": status, "code": code, "message": message, "field": field}
    if details:
        error["details"] = details
    return {"error": error}


def error_response(status: int, code: str, message: str, field: str | None = None,
                   details: list[dict[str, Any]] | None = None,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(error_body(status, code, message, field, details), status_code=status, headers=headers)


def field_path(loc: Sequence[Any]) -> str:
    """``("body", "articles", 1, "text")`` -> ``"articles[1].text"``."""
    parts = list(loc)
    if parts and parts[0] == "body":
        parts = parts[1:]
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out or "body"


def _validation_details(err: RequestValidationError) -> list[dict[str, Any]]:
    details = []
    for e in err.errors():
        field = field_path(e.get("loc", ()))
        kind = e.get("type", "")
        if kind == "missing":
            message = f"{field}: required field is missing"
        elif kind == "extra_forbidden":
            message = f"{field}: unknown field"
        else:
            message = f"{field}: {e.get('msg', 'invalid value')}"
        details.append({"field": field, "message": message, "type": kind})
    return details


async def on_validation_error(request: Request, err: RequestValidationError) -> JSONResponse:
    """Malformed JSON -> 400; a body of the wrong shape -> 422, naming each field."""
    for e in err.errors():
        if e.get("type") == "json_invalid":
            reason = (e.get("ctx") or {}).get("error", "invalid JSON")
            loc = e.get("loc", ())
            where = f" at character {loc[1]}" if len(loc) > 1 and isinstance(loc[1], int) else ""
            # The reason goes last: json's own ones may end in "at" ("Unterminated string starting at").
            return error_response(400, "malformed_json", f"the request body is not valid JSON{where}: {reason}", "body")
    content_type = request.headers.get("content-type", "")
    if request.method == "POST" and "json" not in content_type.lower():
        shown = content_type or "none"
        return error_response(415, "unsupported_media_type",
                              f"send the body as JSON with Content-Type: application/json (got {shown})", "body")
    details = _validation_details(err)
    first = details[0] if details else {"field": "body", "message": "invalid request"}
    return error_response(422, "invalid_field", first["message"], first["field"], details)


async def on_api_error(request: Request, err: ApiError) -> JSONResponse:
    return error_response(err.status, err.code, err.message, err.field, headers=err.headers)


async def on_tomtat_error(request: Request, err: TomtatError) -> JSONResponse:
    """The pipeline's own input errors (duplicate ids, no text at all, ...)."""
    return error_response(422, "invalid_input", str(err), "articles")


async def on_http_error(request: Request, err: StarletteHTTPException) -> JSONResponse:
    if err.status_code == 400 and request.method == "POST":  # the body is not UTF-8 (FastAPI's own 400)
        return error_response(400, "malformed_json", "the request body is not valid JSON: it must be UTF-8 text", "body")
    codes = {404: "not_found", 405: "method_not_allowed"}
    message = {404: f"no such address: {request.url.path}", 405: f"{request.method} is not allowed here"}
    return error_response(err.status_code, codes.get(err.status_code, "http_error"),
                          message.get(err.status_code, str(err.detail)), headers=getattr(err, "headers", None))


class UnexpectedErrors:
    """ASGI middleware: any exception a request raises becomes a JSON 500, sent through
    the middleware outside this one (so it carries the security headers), and the
    connection stays usable. Starlette's own last-resort handler sits outside every
    user middleware and re-raises, which made uvicorn drop the connection."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def watch(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, watch)
        except Exception:
            if started:  # too late for an error page: the client sees a cut answer
                raise
            log.exception("unexpected error on %s %s", scope.get("method"), scope.get("path"))
            response = error_response(500, "internal_error", "the server failed on this request; it has been logged")
            await response(scope, receive, send)


def install_error_handlers(app: FastAPI) -> None:
    """Route every kind of failure to a JSON error of the shape above."""
    # the decorator form, because add_exception_handler is typed for handlers of any
    # Exception while each of these takes only the kind it is registered for
    app.exception_handler(RequestValidationError)(on_validation_error)
    app.exception_handler(ApiError)(on_api_error)
    app.exception_handler(TomtatError)(on_tomtat_error)
    app.exception_handler(StarletteHTTPException)(on_http_error)
