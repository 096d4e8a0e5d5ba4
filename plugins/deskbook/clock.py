"""The build's notion of "today": SOURCE_DATE_EPOCH when set, so builds are reproducible."""

from __future__ import annotations

import datetime as dt
import os


def build_datetime() -> dt.datetime:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc)
    return dt.datetime.now(tz=dt.timezone.utc).replace(microsecond=0)


def today() -> dt.date:
    return build_datetime().date()
