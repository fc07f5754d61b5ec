"""The Alliance's public calendar (iCalendar, RFC 5545): convenings and task-force meetings."""

from django.utils import timezone
from icalendar import Calendar, Event

from .selectors import CalendarEvent


def calendar_ics(*, events: list[CalendarEvent], base: str) -> bytes:
    """All-day events, so a meeting shows on its day in every time zone."""
    feed = Calendar()
    feed.add("prodid", "-//Transparent Tech Training//Alliance calendar//EN")
    feed.add("version", "2.0")
    feed.add("x-wr-calname", "Transparent Tech Training Alliance")
    stamp = timezone.now().replace(microsecond=0)
    for item in events:
        event = Event()
        event.add("uid", item.uid)
        event.add("dtstart", item.day)
        event.add("summary", item.title)
        if item.place:
            event.add("location", item.place)
        event.add("url", base.rstrip("/") + item.url)
        event.add("status", "CANCELLED" if item.cancelled else "CONFIRMED")
        event.add("dtstamp", stamp)
        feed.add_component(event)
    return feed.to_ical()
