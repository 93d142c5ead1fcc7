"""Milestones and due dates as an iCalendar file (built with `icalendar`), with alarms."""

from __future__ import annotations

import hashlib
from datetime import date, datetime, timedelta
from typing import NamedTuple


class CalendarEvent(NamedTuple):
    key: str  # stable within a number: a calendar re-importing the file updates instead of duplicating
    on: date
    summary: str
    description: str
    alarm_days_before: int = 1


def calendar(events_by_number: list[tuple[str, list[CalendarEvent]]], stamp: datetime) -> bytes:
    """One VCALENDAR with an all-day VEVENT and a display VALARM per event. `events_by_number` pairs a
    number (only hashed into the UIDs, never written) with its events."""
    import icalendar

    from numretire.visible import visible

    cal = icalendar.Calendar()
    cal.add("prodid", "-//numretire//numretire//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    for number, events in events_by_number:
        for event in events:
            uid = hashlib.sha256(f"{number}|{event.key}".encode()).hexdigest()[:32]
            vevent = icalendar.Event()
            vevent.add("uid", f"{uid}@numretire")
            vevent.add("dtstamp", stamp)
            vevent.add("dtstart", event.on)
            vevent.add("dtend", event.on + timedelta(days=1))
            vevent.add("summary", visible(event.summary))
            vevent.add("description", visible(event.description, keep_newlines=True))
            vevent.add("transp", "TRANSPARENT")
            alarm = icalendar.Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", visible(event.summary))
            alarm.add("trigger", timedelta(days=-event.alarm_days_before))
            vevent.add_component(alarm)
            cal.add_component(vevent)
    return cal.to_ical()
