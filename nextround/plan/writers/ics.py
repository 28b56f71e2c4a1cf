"""The plan as an iCalendar file: one all-day event per item on its due date, the why in the description.

All-day VEVENTs (not VTODOs) because every common calendar imports them. UIDs derive from the item's
key, so importing a later export updates the same entries instead of duplicating them.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, time, timedelta

from icalendar import Alarm, Calendar, Event

from nextround.action_items import ActionItem
from nextround.plan.document import PlanDocument

UID_DOMAIN = "nextround.local"


def item_uid(item: ActionItem) -> str:
    return f"{hashlib.sha256(item.key.encode('utf-8')).hexdigest()[:32]}@{UID_DOMAIN}"


def _description(item: ActionItem) -> str:
    parts = [f"Why: {item.why}", f"Priority: {item.priority} · Status: {item.status}"]
    parts += [f"{link.label}: {link.url}" for link in item.links]
    if item.details.strip():
        parts += ["", item.details.strip()]
    return "\n".join(parts)


def plan_ics(document: PlanDocument) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//Next Round//Action plan//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Next Round action plan")
    stamp = datetime.combine(document.generated_on, time(0, 0), tzinfo=UTC)
    for item in document.items:
        event = Event()
        event.add("uid", item_uid(item))
        event.add("dtstamp", stamp)
        event.add("dtstart", item.due_on)
        event.add("dtend", item.due_on + timedelta(days=1))
        event.add("summary", item.title)
        event.add("description", _description(item))
        event.add("categories", [item.category])
        event.add("priority", {"high": 1, "medium": 5, "low": 9}[item.priority])
        event.add("transp", "TRANSPARENT")  # an action does not block the day
        if item.status != "done":
            event.add_component(_reminder(item))
        calendar.add_component(event)
    return calendar.to_ical()


def _reminder(item: ActionItem) -> Alarm:
    """A nudge at 09:00 on the due day (all-day events start at midnight local time)."""
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", item.title)
    alarm.add("trigger", timedelta(hours=9))
    return alarm
