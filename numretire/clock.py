"""What day and time numretire takes as now (NUMRETIRE_TODAY fixes the day for tests and demos)."""

from __future__ import annotations

import os
import re
from datetime import UTC, date, datetime

# dates numretire accepts where they enter (options, NUMRETIRE_TODAY): far-future days overflow the timeline
EARLIEST = date(1990, 1, 1)
LATEST = date(2100, 12, 31)


def check_range(day: date, what: str) -> date:
    if not EARLIEST <= day <= LATEST:
        from numretire.errors import InputError

        raise InputError("error.date_range", option=what, value=day.isoformat(), low=EARLIEST, high=LATEST)
    return day


# how people type a day: 2027-01-05, 2027-1-5, 2027/1/5, 2027.1.5, 2027年1月5日
_DAY = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")


def parse_day(text: str, what: str) -> date:
    """A day as people type it (see _DAY); a day the calendar lacks (2027-02-30) is named as such.

    `what` names the option in the error (--cancel-on)."""
    from numretire.errors import InputError

    found = _DAY.fullmatch(text.strip())
    if found is None:
        raise InputError("error.bad_date", option=what, value=text)
    year, month, day = (int(part) for part in found.groups())
    if not EARLIEST.year <= year <= LATEST.year:
        raise InputError("error.date_range", option=what, value=text.strip(), low=EARLIEST, high=LATEST)
    if not 1 <= month <= 12:
        raise InputError("error.no_such_month", option=what, value=text.strip())
    import calendar

    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        raise InputError(
            "error.no_such_day", option=what, value=text.strip(), year=year, month=month, days=days
        )
    return check_range(date(year, month, day), what)


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
