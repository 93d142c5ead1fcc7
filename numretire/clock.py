"""What day and time numretire takes as now (NUMRETIRE_TODAY fixes the day for tests and demos)."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime

# dates numretire accepts where they enter (options, NUMRETIRE_TODAY): far-future days overflow the timeline
EARLIEST = date(1990, 1, 1)
LATEST = date(2100, 12, 31)


def check_range(day: date, what: str) -> date:
    if not EARLIEST <= day <= LATEST:
        from numretire.errors import InputError

        raise InputError("error.date_range", option=what, value=day.isoformat(), low=EARLIEST, high=LATEST)
    return day


def today() -> date:
    fixed = os.environ.get("NUMRETIRE_TODAY")
    if fixed:
        try:
            day = date.fromisoformat(fixed)
        except ValueError:
            from numretire.errors import InputError

            raise InputError("error.bad_today", value=fixed) from None
        return check_range(day, "NUMRETIRE_TODAY")
    return date.today()


def now() -> datetime:
    """Now, in UTC, to the second. Under NUMRETIRE_TODAY the day is that day (at the current time)."""
    current = datetime.now(UTC).replace(microsecond=0)
    if os.environ.get("NUMRETIRE_TODAY"):
        day = today()
        current = current.replace(year=day.year, month=day.month, day=day.day)
    return current
