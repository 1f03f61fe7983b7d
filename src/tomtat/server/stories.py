"""The story store over HTTP (``tomtat serve --db URL``): JSON under ``/v1/stories`` and
``POST /v1/articles``, HTML pages under ``/stories`` (``tomtat.server.story_pages``).

Reads run in FastAPI's thread pool (plain ``def`` routes), each in its own short read
transaction. ``POST /v1/articles`` goes through ``Store.add_articles``, the add path of
``tomtat track add``, with the same validation and limits as ``/v1/summarize``. Writes
are accepted from this machine only, unless the server was given a token, which every
write must then present as ``Authorization: Bearer TOKEN``.
"""

from __future__ import annotations

import hmac
import ipaddress
from typing import Any

from fastapi import APIRouter, FastAPI, Query, Request

from tomtat.server.config import ServerConfig
from tomtat.server.errors import ApiError
from tomtat.server.jobs import articles_from_request
from tomtat.server.routes import ERRORS, check_articles
from tomtat.server.schemas import CleanRequest
from tomtat.store import Store, StoreError
from tomtat.store.novelty import whats_new
from tomtat.store.queries import list_stories, story_detail, version_dict, versions, resolve_story


def store_of(request: Request) -> Store:
    return request.app.state.store


def _is_loopback(host: str | None) -> bool:
    if host in ("localhost", "testclient"):
        return True
    try:
        return host is not None and ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_write_allowed(request: Request, config: ServerConfig) -> None:
    """A token when one was given at start; otherwise the client must be this machine."""
    if config.write_token:
        given = request.headers.get("authorization", "")
        if not hmac.compare_digest(given.encode(), f"Bearer {config.write_token}".encode()):
            raise ApiError(401, "unauthorized", "writes need the token given to tomtat serve (Authorization: Bearer TOKEN)",
                           headers={"www-authenticate": "Bearer"})
    elif not _is_loopback(request.client.host if request.client else None):
        raise ApiError(403, "forbidden", "writes are accepted from this machine only; start tomtat serve with --token to allow others")


def _not_found(err: StoreError) -> ApiError:
    return ApiError(404, "not_found", str(err))


router = APIRouter(tags=["stories"])


@router.get("/v1/stories")
def stories(
    request: Request,
    query: str | None = Query(None, max_length=500, description="every word must occur in the story"),
    actor: str | None = Query(None, max_length=200, description="a main actor's name contains this"),
    limit: int = Query(50, ge=1, le=500),
) -> dict[str, Any]:
    """Stories, latest activity first: headline, number of sources, date range, main actors."""
    with store_of(request).engines.read.connect() as conn:
        return {"stories": list_stories(conn, query, actor, None, limit)}


@router.get("/v1/stories/{story_id}", responses={404: {"description": "no such story"}})
def story(request: Request, story_id: int) -> dict[str, Any]:
    """One story: latest summary, timeline, actors, articles, and what its latest version added."""
    with store_of(request).engines.read.connect() as conn:
        try:
            detail = story_detail(conn, story_id)
            detail["whats_new"] = whats_new(conn, story_id) if detail["versions"] else None
        except StoreError as err:
            raise _not_found(err) from None
    return detail


@router.get("/v1/stories/{story_id}/versions", responses={404: {"description": "no such story"}})
def story_versions(request: Request, story_id: int) -> dict[str, Any]:
    """Every version of a story, newest first, each with what it added."""
    with store_of(request).engines.read.connect() as conn:
        try:
            row = resolve_story(conn, story_id)
            rows = versions(conn, row.id)
            out = []
            for version in reversed(rows):
                entry = version_dict(version, full=True)
                entry["whats_new"] = whats_new(conn, row.id, version.number - 1, version.number)
                out.append(entry)
        except StoreError as err:
            raise _not_found(err) from None
    return {"story": row.id, "versions": out}


WRITE_ERRORS: dict[int | str, dict[str, Any]] = {code: what for code, what in ERRORS.items()}
WRITE_ERRORS.update({401: {"description": "a token is needed"}, 403: {"description": "writes from this machine only"}})


@router.post("/v1/articles", responses=WRITE_ERRORS)
def add_articles(body: CleanRequest, request: Request) -> dict[str, Any]:
    """Add articles to the store (as ``tomtat track add``): stored once, grouped into
    stories, changed stories re-summarised. Answers what happened."""
    config: ServerConfig = request.app.state.config
    check_write_allowed(request, config)
    check_articles(body, config)
    items = articles_from_request(body.model_dump()["articles"])
    report = store_of(request).add_articles(items)
    return {
        "added": report.added, "already_stored": report.already, "unreadable": report.unreadable,
        "near_duplicates": report.near_duplicates, "stories_created": report.stories_created,
        "stories_merged": report.stories_merged, "stories_split": report.stories_split, "stories_updated": report.stories,
    }


def install_stories(app: FastAPI, config: ServerConfig) -> None:
    """Open the store named by ``config.db`` and add the story API and pages."""
    from tomtat.server.story_pages import pages_router

    app.state.store = Store(config.db)
    app.include_router(router)
    app.include_router(pages_router())
