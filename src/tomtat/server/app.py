"""The ASGI app: ``create_app(config)`` wires the API, the page, limits and errors."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from tomtat import __version__
from tomtat.server.config import ServerConfig
from tomtat.server.errors import UnexpectedErrors, install_error_handlers
from tomtat.server.limits import AllowedHosts, BodySizeLimit, SecurityHeaders
from tomtat.server.page import page_router
from tomtat.server.routes import router
from tomtat.server.runner import Runner
from tomtat.server.stories import install_stories

DESCRIPTION = """Attributed summaries of Vietnamese news clusters.

Every error is JSON: `{"error": {"status", "code", "message", "field"}}`.
Interactive docs are not served (they would load scripts from a CDN); read this schema
at `/openapi.json`."""


def create_app(config: ServerConfig | None = None) -> FastAPI:
    """A new app with its own settings and worker pool (started by its lifespan)."""
    config = config or ServerConfig()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        runner = Runner(config)
        app.state.runner = runner
        try:
            await runner.start()
            yield
        finally:
            runner.close()
            if getattr(app.state, "store", None) is not None:
                app.state.store.close()

    app = FastAPI(
        title="tomtat",
        version=__version__,
        description=DESCRIPTION,
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.config = config
    install_error_handlers(app)
    app.include_router(router)
    app.include_router(page_router())
    if config.db is not None:
        install_stories(app, config)
    # Last added runs first: headers on every answer, errors caught inside them.
    app.add_middleware(BodySizeLimit, max_bytes=config.max_body_bytes)
    if config.allowed_hosts is not None:
        app.add_middleware(AllowedHosts, hosts=config.allowed_hosts)
    app.add_middleware(UnexpectedErrors)
    app.add_middleware(SecurityHeaders)
    return app
