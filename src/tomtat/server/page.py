"""The web page at ``/``: three fixed files shipped as package data.

Only the files named here are ever served; no part of a request path is used to look
anything up on disk. They are read once when the app is built.
"""

from __future__ import annotations

from importlib import resources

from fastapi import APIRouter
from fastapi.responses import Response

STATIC = {
    "index.html": "text/html; charset=utf-8",
    "app.js": "text/javascript; charset=utf-8",
    "app.css": "text/css; charset=utf-8",
}


def load_static() -> dict[str, bytes]:
    """The page's files, by name."""
    folder = resources.files("tomtat.server").joinpath("static")
    return {name: folder.joinpath(name).read_bytes() for name in STATIC}


def page_router() -> APIRouter:
    """Routes for ``/``, ``/static/app.js`` and ``/static/app.css`` (GET and HEAD)."""
    files = load_static()
    router = APIRouter(include_in_schema=False)

    def serve(name: str) -> Response:
        return Response(files[name], media_type=STATIC[name], headers={"cache-control": "no-cache"})

    @router.api_route("/", methods=["GET", "HEAD"])
    async def index() -> Response:
        return serve("index.html")

    @router.api_route("/static/app.js", methods=["GET", "HEAD"])
    async def script() -> Response:
        return serve("app.js")

    @router.api_route("/static/app.css", methods=["GET", "HEAD"])
    async def style() -> Response:
        return serve("app.css")

    return router
