"""What day and time numretire takes as now (NUMRETIRE_TODAY fixes the day for tests and demos)."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime


def today() -> date:
    fixed = os.environ.get("NUMRETIRE_TODAY")
    if fixed:
        try:
            return date.fromisoformat(fixed)
        except ValueError:
            from numretire.errors import InputError

            raise InputError("error.bad_today", value=fixed) from None
    return date.today()


def now() -> datetime:
    """Now, in UTC, to the second. Under NUMRETIRE_TODAY the day is that day (at the current time)."""
    current = datetime.now(UTC).replace(microsecond=0)
    if os.environ.get("NUMRETIRE_TODAY"):
        day = today()
        current = current.replace(year=day.year, month=day.month, day=day.day)
    return current
