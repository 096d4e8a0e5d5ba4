"""The build's notion of "today": SOURCE_DATE_EPOCH when set, so builds are reproducible.

A value that is set but unusable is an error, not ignored: a build meant to be reproducible would
otherwise quietly print today's date and differ from the next one.
"""

from __future__ import annotations

import datetime as dt
import os
import re

VARIABLE = "SOURCE_DATE_EPOCH"
_LATEST = dt.datetime(9999, 12, 31, 23, 59, 59, tzinfo=dt.timezone.utc)
_WHOLE_SECONDS = re.compile(r"[0-9]{1,20}")  # ASCII digits only: str.isdigit() also takes '²' and '٣'


class SourceDateEpochError(ValueError):
    """SOURCE_DATE_EPOCH is set to something that is not a usable time; a usage error (exit 2)."""


def build_datetime() -> dt.datetime:
    raw = os.environ.get(VARIABLE, "")
    text = raw.strip()
    if not text:
        return dt.datetime.now(tz=dt.timezone.utc).replace(microsecond=0)
    if not _WHOLE_SECONDS.fullmatch(text):
        raise SourceDateEpochError(
            f"{VARIABLE}={raw[:40]!r} is not a whole number of seconds since 1970-01-01 UTC; "
            f"unset it, or set it like {VARIABLE}=$(git log -1 --format=%ct)"
        )
    seconds = int(text)
    if seconds > _LATEST.timestamp():
        raise SourceDateEpochError(
            f"{VARIABLE}={text[:40]} is after the year 9999; it counts seconds since 1970-01-01 UTC"
        )
    return dt.datetime.fromtimestamp(seconds, tz=dt.timezone.utc)


def today() -> dt.date:
    return build_datetime().date()
