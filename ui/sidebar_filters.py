"""The global filters and analysis settings in the shared sidebar; every analysis page reads them."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import cast

import pandas as pd
import streamlit as st

from nextround.analysis.filter_choices import FilterChoices, filter_choices
from nextround.filters import Filters, apply_filters
from nextround.ghosting import GhostingPolicy
from ui import state
from ui.memo import remembered

DATES_KEY = "filter_applied_between"
FAMILIES_KEY = "filter_role_families"
SOURCES_KEY = "filter_sources"
GHOSTING_AS_REJECTION_KEY = "setting_ghosting_as_rejection"
DAYS_AFTER_APPLYING_KEY = "setting_ghosted_days_after_applying"
DAYS_AFTER_CONTACT_KEY = "setting_ghosted_days_after_contact"


def _options(applications: pd.DataFrame) -> FilterChoices:
    # Remembered per session: a million rows should not be re-scanned on every click.
    return remembered("filter_choices", filter_choices, applications)


def _keep_valid(key: str, allowed: tuple[str, ...]) -> None:
    """After a new import, drop remembered choices the new data does not have."""
    if key in st.session_state:
        kept = [v for v in st.session_state[key] if v in allowed]
        if kept != list(st.session_state[key]):
            st.session_state[key] = kept


def _clear(options: FilterChoices) -> None:
    """Every application again: the widgets are set through state (a callback runs before they are
    drawn, and the browser shows the new values)."""
    st.session_state[FAMILIES_KEY] = []
    st.session_state[SOURCES_KEY] = []
    if options.first_applied is not None and options.last_applied is not None:
        st.session_state[_dates_key(options.first_applied, options.last_applied)] = (
            options.first_applied,
            options.last_applied,
        )
    st.session_state[state.FILTERS] = Filters()


def _dates_key(first: date, last: date) -> str:
    """The date picker's key for data of this span: other data (the sample after your file) is a new
    picker, which the browser draws with its own dates; one key kept across data kept the old ones on
    screen while the new span was applied."""
    for stale in [k for k in st.session_state if isinstance(k, str) and k.startswith(f"{DATES_KEY}:")]:
        if stale != f"{DATES_KEY}:{first}:{last}":
            del st.session_state[stale]
    return f"{DATES_KEY}:{first}:{last}"


def _date_bounds(options: FilterChoices, current: Filters) -> tuple[date | None, date | None]:
    first, last = options.first_applied, options.last_applied
    if first is None or last is None:
        return None, None
    # the dates chosen, where they fall within this data's span (a filter of other data does not)
    start = current.applied_from if current.applied_from and first <= current.applied_from <= last else first
    end = current.applied_to if current.applied_to and start <= current.applied_to <= last else last
    # A (start, end) pair makes it a range picker; typing sees one date.
    picked: object = st.date_input(
        "Applied between",
        value=(start, end),
        min_value=first,
        max_value=last,
        key=_dates_key(first, last),
        help="Only applications sent in this period. Rows without a date are kept only when the "
        "whole period is selected.",
    )
    dates = cast("tuple[date, ...]", tuple(picked) if isinstance(picked, tuple | list) else (picked,))
    start = dates[0] if dates else first
    end = dates[1] if len(dates) > 1 else last
    # The full span is no filter at all, so undated applications stay in.
    return (start if start > first else None), (end if end < last else None)


def render_sidebar_filters(applications: pd.DataFrame | None) -> None:
    """Draw the filters and settings in the sidebar; store ``Filters`` and ``AnalysisSettings`` in state.

    Each widget gets its starting value as its own default (``value=``/``default=``), never through the
    Session State API: a number input set only through state carries ``min_value`` as its default, and
    a page link clicked before the browser applied the state sent that 1 day back as the user's choice.
    """
    if applications is None:
        return
    options = _options(applications)
    current_filters = state.filters()
    current_settings = state.settings()
    _keep_valid(FAMILIES_KEY, options.role_families)
    _keep_valid(SOURCES_KEY, options.sources)
    with st.sidebar:
        st.subheader("Filters", divider="gray")
        applied_from, applied_to = _date_bounds(options, current_filters)
        families = st.multiselect(
            "Role family",
            options.role_families,
            default=[f for f in current_filters.role_families if f in options.role_families],
            key=FAMILIES_KEY,
            placeholder="All role families",
        )
        sources = st.multiselect(
            "Channel",
            options.sources,
            default=[s for s in current_filters.sources if s in options.sources],
            key=SOURCES_KEY,
            placeholder="All channels",
        )
        filters = Filters(applied_from, applied_to, tuple(families), tuple(sources))
        st.session_state[state.FILTERS] = filters
        if filters.active:
            matching = len(apply_filters(applications, filters))
            st.caption(f"{matching:,} of {len(applications):,} applications match.")
            st.button("Clear the filters", icon=":material/filter_alt_off:", on_click=_clear, args=(options,))

        st.subheader("Ghosting", divider="gray")
        as_rejection = st.toggle(
            "Count ghosting as rejection",
            value=current_settings.count_ghosting_as_rejection,
            key=GHOSTING_AS_REJECTION_KEY,
            help="Off: silence is shown apart from rejections. On: rejection rates include ghosting.",
        )
        after_applying = st.number_input(
            "Days of silence after applying until ghosted",
            value=current_settings.ghosting.days_after_applying,
            min_value=1,
            max_value=365,
            step=1,
            key=DAYS_AFTER_APPLYING_KEY,
            help="A pending application with no news for longer counts as ghosted (inferred).",
        )
        after_contact = st.number_input(
            "Days of silence after a screen or interview until ghosted",
            value=current_settings.ghosting.days_after_contact,
            min_value=1,
            max_value=365,
            step=1,
            key=DAYS_AFTER_CONTACT_KEY,
        )
    st.session_state[state.SETTINGS] = replace(
        current_settings,
        ghosting=GhostingPolicy(int(after_applying), int(after_contact)),
        count_ghosting_as_rejection=bool(as_rejection),
    )
