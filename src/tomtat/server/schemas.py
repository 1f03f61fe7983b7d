"""Request bodies of the JSON API (they also make the OpenAPI schema).

Unknown fields are rejected rather than ignored, so a typo such as ``"txt"`` gets a
clear error naming it instead of an article silently treated as empty. Types are
strict: ``"words": true`` or ``"include_text": "yes"`` is an error, not a guess. A lone
surrogate (``"\\ud800"``: valid JSON, but no character) becomes U+FFFD.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator

from tomtat.io.decode import replace_surrogates

STRICT = ConfigDict(extra="forbid", strict=True)


class ArticleIn(BaseModel):
    """One article: its plain ``text`` or its ``html`` page (exactly one of them)."""

    model_config = STRICT

    id: str | int | None = Field(None, description="article id; defaults to its 1-based position")
    title: str | None = None
    text: str | None = Field(None, description="plain text, one paragraph per line")
    html: str | None = Field(None, description="an HTML page; its main text is extracted")
    source: str | None = None
    url: str | None = None
    published: str | None = Field(None, description="publication date: ISO 8601 or day-first Vietnamese (01/05/2024 08:30)")

    @field_validator("id", "title", "text", "html", "source", "url", "published")
    @classmethod
    def _characters_only(cls, value: str | int | None) -> str | int | None:
        return replace_surrogates(value) if isinstance(value, str) else value


class CleanRequest(BaseModel):
    """``POST /v1/clean``: the articles to clean."""

    model_config = STRICT

    articles: list[ArticleIn] = Field(..., description="the articles of one story")


class SummarizeRequest(CleanRequest):
    """``POST /v1/summarize``: the articles and the length of the summary.

    With no length given the summary is at most 200 words; every limit given is kept.
    """

    words: int | None = Field(None, ge=1, le=100_000, description="at most this many words (chữ)")
    sentences: int | None = Field(None, ge=1, le=10_000, description="at most this many sentences")
    ratio: float | None = Field(None, gt=0, le=1, description="at most this fraction of the input's words")
    method: str | None = Field(None, description="selection method (GET /v1/methods); the default when absent")
    include_text: bool = Field(
        False,
        description="add each cleaned article's `text` to `articles` in the answer, so that the "
        "`start`/`end` offsets of the summary sentences can be shown in their source",
    )
