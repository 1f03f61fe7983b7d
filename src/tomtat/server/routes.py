"""The JSON API: ``/v1/summarize``, ``/v1/clean``, ``/v1/methods`` and ``/healthz``."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from tomtat import __version__
from tomtat.select import DEFAULT_METHOD, METHODS
from tomtat.server.config import ServerConfig
from tomtat.server.errors import ApiError
from tomtat.server.jobs import clean_job, summarize_job
from tomtat.server.runner import Runner
from tomtat.server.schemas import CleanRequest, SummarizeRequest

router = APIRouter()

ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"description": "the body is not valid JSON"},
    413: {"description": "the body is over the size limit"},
    422: {"description": "a field is missing or invalid, or too many articles"},
    503: {"description": "the server is busy"},
    504: {"description": "the request took longer than the time limit"},
}


def check_articles(body: CleanRequest, config: ServerConfig) -> None:
    """Limits and rules pydantic cannot express: article count, text xor html."""
    if not body.articles:
        raise ApiError(422, "invalid_field", "articles: give at least one article", "articles")
    if len(body.articles) > config.max_articles:
        raise ApiError(422, "too_many_articles",
                       f"articles: {len(body.articles)} articles is over the limit of {config.max_articles}",
                       "articles")
    for i, article in enumerate(body.articles):
        if article.text is None and article.html is None:
            raise ApiError(422, "invalid_field", f"articles[{i}].text: required field is missing (give 'text' or 'html')",
                           f"articles[{i}].text")
        if article.text is not None and article.html is not None:
            raise ApiError(422, "invalid_field", f"articles[{i}].html: give either 'text' or 'html', not both",
                           f"articles[{i}].html")


def runner_of(request: Request) -> Runner:
    return request.app.state.runner


@router.get("/healthz", tags=["service"], responses={503: {"description": "workers are missing or starting"}})
async def healthz(request: Request) -> JSONResponse:
    """Health: 200 ``ok`` when every worker process is up, 503 ``degraded`` while one
    is missing (a dead worker is being replaced)."""
    runner = runner_of(request)
    healthy = runner.healthy()
    body = {
        "status": "ok" if healthy else "degraded",
        "version": __version__,
        "workers": runner.config.workers,
        "workers_alive": runner.workers_alive(),
        "pending": runner.pending,
    }
    return JSONResponse(body, status_code=200 if healthy else 503)


@router.get("/v1/methods", tags=["summaries"])
async def methods() -> dict[str, Any]:
    """The selection methods ``method`` accepts, and the default."""
    return {
        "default": DEFAULT_METHOD,
        "methods": [{"name": name, "description": cls.description} for name, cls in sorted(METHODS.items())],
    }


@router.post("/v1/summarize", tags=["summaries"], responses=ERRORS)
async def summarize(body: SummarizeRequest, request: Request) -> dict[str, Any]:
    """Summarize the articles of one story: the same JSON as ``tomtat summarize --format json``."""
    config: ServerConfig = request.app.state.config
    check_articles(body, config)
    if body.method is not None and body.method not in METHODS:
        known = ", ".join(sorted(METHODS))
        raise ApiError(422, "invalid_field", f"method: unknown method {body.method!r}; choose one of: {known}", "method")
    return await runner_of(request).run(summarize_job, body.model_dump())


@router.post("/v1/clean", tags=["summaries"], responses=ERRORS)
async def clean(body: CleanRequest, request: Request) -> dict[str, Any]:
    """Clean the articles: the same JSON as ``tomtat clean --format json``."""
    check_articles(body, request.app.state.config)
    return await runner_of(request).run(clean_job, body.model_dump())
