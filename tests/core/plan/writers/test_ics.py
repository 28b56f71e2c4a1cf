"""The plan as a calendar, read back with icalendar."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from icalendar import Calendar

from nextround.plan.assemble import assemble_plan
from nextround.plan.document import build_document
from nextround.plan.writers.ics import plan_ics
from tests.fixtures.plans import TODAY, plan_frame


def events(data: bytes):
    return [c for c in Calendar.from_ical(data).walk() if c.name == "VEVENT"]


def test_one_all_day_event_per_item_with_the_why():
    items = assemble_plan(plan_frame(), TODAY)
    found = events(plan_ics(build_document(plan_frame(), items, TODAY)))
    assert len(found) == len(items)
    for event, item in zip(found, items, strict=True):
        assert str(event["SUMMARY"]) == item.title
        start = event.decoded("DTSTART")
        assert start == item.due_on
        assert not hasattr(start, "hour")  # all-day
        assert event.decoded("DTEND") == item.due_on + timedelta(days=1)
        assert f"Why: {item.why}" in str(event["DESCRIPTION"])
        assert str(event["DESCRIPTION"]).count("\n") >= 1  # escaped and unescaped by icalendar
    first = found[0]
    assert "Körber" in str(first["SUMMARY"])
    assert "Dear Anna Schmidt," in str(first["DESCRIPTION"])  # the email draft travels with it


def test_uids_are_stable_and_unique():
    items = assemble_plan(plan_frame(), TODAY)
    once = [str(e["UID"]) for e in events(plan_ics(build_document(plan_frame(), items, TODAY)))]
    moved = [replace(i, due_on=i.due_on + timedelta(days=3), status="doing") for i in items]
    again = [str(e["UID"]) for e in events(plan_ics(build_document(plan_frame(), moved, date(2026, 12, 1))))]
    assert once == again
    assert len(set(once)) == len(once)


def test_commas_semicolons_and_newlines_in_user_text_survive():
    items = assemble_plan(plan_frame(), TODAY)
    tricky = replace(items[0], title="Acme; Inc, \\ Ltd", why="line one\nline two; with, commas")
    (event,) = events(plan_ics(build_document(plan_frame(), [tricky], TODAY)))
    assert str(event["SUMMARY"]) == "Acme; Inc, \\ Ltd"
    assert "line one\nline two; with, commas" in str(event["DESCRIPTION"])


def test_open_items_remind_at_nine_on_the_due_day():
    items = assemble_plan(plan_frame(), TODAY)
    items = [replace(items[0], status="done"), *items[1:]]
    found = events(plan_ics(build_document(plan_frame(), items, TODAY)))
    assert not [c for c in found[0].walk() if c.name == "VALARM"]
    (alarm,) = [c for c in found[1].walk() if c.name == "VALARM"]
    assert alarm.decoded("TRIGGER") == timedelta(hours=9)
    assert str(alarm["ACTION"]) == "DISPLAY"
