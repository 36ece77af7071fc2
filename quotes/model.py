"""The public records: `Article` in, `Quote` out.

The Quote record is the project's stable contract (see docs/schema.md).
Fields are only ever added, never renamed; `SCHEMA_VERSION` changes when they are.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date as Date
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

SCHEMA_VERSION = "1.2"

Kind = Literal["direct", "mixed", "indirect"]
Resolution = Literal["name", "surname", "role", "pronoun", "continuation", "none"]
Act = Literal["speech", "stance"]


class Article(BaseModel):
    """One article as read. `text` is never rewritten: every offset indexes it.

    Validated once, here, for every way in (CLI, API, Spark): `text` and `id` are
    strings (bytes are refused, not guessed at), every string can be written as
    UTF-8 (no lone surrogates), `date` is ISO 8601 (normalised as `parse_date`
    does) and `body_start` lies within the text.
    """

    model_config = ConfigDict(frozen=True)

    id: str = Field(strict=True)
    text: str = Field(strict=True)
    date: str | None = None
    title: str | None = None
    url: str | None = None
    body_start: int = Field(default=0, ge=0, description="offset where the body begins (after a header)")
    extra: dict[str, Any] = Field(default_factory=dict)

    @field_validator("id", "text", "title", "url")
    @classmethod
    def _writable(cls, value: str | None) -> str | None:
        if value is not None:
            found = _SURROGATE.search(value)
            if found is not None:
                raise ValueError(f"lone surrogate \\u{ord(found.group()):04x} at character "
                                 f"{found.start()} cannot be written as UTF-8")
        return value

    @field_validator("date")
    @classmethod
    def _iso_date(cls, value: str | None) -> str | None:
        if value is None:
            return None
        try:
            return parse_date(value)
        except ValueError:
            raise ValueError(f"date {value[:40]!r} is not an ISO 8601 date or date-time") from None

    @model_validator(mode="after")
    def _body_within_text(self) -> Article:
        if self.body_start > len(self.text):
            raise ValueError(f"body_start {self.body_start} is beyond the text "
                             f"({len(self.text)} characters)")
        return self


_SURROGATE = re.compile(r"[\ud800-\udfff]")


def parse_date(value: str) -> str:
    """ISO 8601 date or date-time as `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM[:SS][+HH:MM]`."""
    value = value.strip()
    if len(value) <= 10:
        return Date.fromisoformat(value).isoformat()
    moment = datetime.fromisoformat(value)
    plain = moment.second == 0 and moment.microsecond == 0
    return moment.isoformat(timespec="minutes" if plain else "auto")


def date_or_none(value: object) -> str | None:
    """parse_date of a string, or None where there is no date to read (not a string,
    empty, or no ISO 8601 date): for dates a source may give or not."""
    if not isinstance(value, str) or not value:
        return None
    try:
        return parse_date(value)
    except ValueError:
        return None


class Span(BaseModel):
    """Words of the article with their character offsets: `article.text[start:end] == text`."""

    model_config = ConfigDict(frozen=True)

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start or self.end - self.start != len(self.text):
            raise ValueError(f"span [{self.start}, {self.end}) does not fit text {self.text!r}")
        return self


class Quote(BaseModel):
    """One quoted or reported statement and who made it."""

    model_config = ConfigDict(frozen=True)

    id: str = Field(description="stable hash of article id and span")
    article_id: str
    article_title: str | None = None
    article_url: str | None = Field(None, description="the article's URL, when the input gives one")
    date: str | None = Field(None, description="publication date, ISO 8601")
    text: str = Field(description="the quoted words without enclosing marks (direct), "
                      "or the reported content (mixed, indirect)")
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    kind: Kind
    speaker: str | None = Field(None, description="canonical name of the entity, null if unknown")
    speaker_role: str | None = None
    speaker_mention: Span | None = Field(None, description="the words that attribute it here")
    resolution: Resolution = "none"
    cue: Span | None = None
    act: Act | None = Field(None, description="what the cue reports: 'speech' (said, wrote, told) "
                            "or 'stance' (a belief, intention, stance or finding: believes, wants, "
                            "found); null without a cue")
    confidence: float = Field(ge=0.0, le=1.0)
    rule: str = Field(description="the attribution rule that matched")
    explanation: str = Field(description="why this speaker was chosen, in words")
    schema_version: str = SCHEMA_VERSION

    @model_validator(mode="after")
    def _consistent(self) -> Quote:
        if self.end - self.start != len(self.text) or not self.text.strip():
            raise ValueError(f"quote span [{self.start}, {self.end}) does not fit its text")
        if self.speaker is None and self.resolution != "none":
            raise ValueError("a quote without speaker must have resolution 'none'")
        return self


def quote_id(article_id: str, start: int, end: int) -> str:
    """Stable id: the same article and span give the same id on every run and machine."""
    digest = hashlib.sha1(f"{article_id}\x1f{start}\x1f{end}".encode()).hexdigest()
    return digest[:16]
