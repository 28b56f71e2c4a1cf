"""Benchmark: what remembering the search costs each page, at 10,000 applications.

Run: ``.venv/bin/python bench/bench_store.py [--rows 10000 --repeats 3]``. The whole app runs in
``AppTest`` twice over, interleaved, in the same process: once remembering nothing
(``NEXTROUND_REMEMBER=off``, the data put straight into the session), once with the same search
remembered in a store (loaded when the session starts, saved after every run that changed something).
For each moment — the session's first page, every page visited, the same page again, a plan action
ticked, a correction that makes a new table — the report gives both times (best of the repeats) and the
difference. Target (issue 12): remembering adds no more than 0.3 s to any of them. The store's own
operations are timed directly too, to show where the time goes.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pandas as pd
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import bench_scale  # noqa: E402
from nextround.ghosting import apply_ghosting  # noqa: E402
from nextround.importing import SourceFile  # noqa: E402
from nextround.plan.views import PlanChoices, suggest_plan  # noqa: E402
from nextround.settings import AnalysisSettings  # noqa: E402
from nextround.store import Changes, SearchStore, encode, store_path  # noqa: E402
from nextround.store.location import DATA_DIR_VARIABLE, REMEMBER_VARIABLE  # noqa: E402
from tests.fixtures.messy_data import messy_frame  # noqa: E402
from tests.fixtures.synthetic import cohort  # noqa: E402
from ui import navigation, state  # noqa: E402

TARGET_S = 0.3
PAGES = {"Welcome": navigation.HOME, "Import": navigation.IMPORT, **bench_scale.PAGES}


def the_search(rows: int) -> dict[str, Any]:
    """What a user's session holds after an upload: the table, its source file, a plan, a profile."""
    table = cohort(rows, seed=11)
    settings = AnalysisSettings()
    ghosted = apply_ghosting(table, settings.ghosting, settings.reference_date())
    plan = suggest_plan(ghosted, settings, PlanChoices(profile=("SQL", "Excel")))
    source = messy_frame(rows, seed=11).to_csv(index=False).encode()
    return {
        state.APPLICATIONS: table,
        state.DATA_LABEL: "tracker.csv",
        state.SEARCH_TOKEN: "bench-token",
        state.SOURCE_FILES: (SourceFile("tracker.csv", source),),
        state.PLAN: plan,
        state.PROFILE: ("SQL", "Excel"),
    }


def session(search: dict[str, Any], remembered: bool) -> AppTest:
    """A new session: remembering (the search comes from the store) or not (it is put in directly)."""
    if remembered:
        os.environ.pop(REMEMBER_VARIABLE, None)
    else:
        os.environ[REMEMBER_VARIABLE] = "off"
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=900)
    if not remembered:
        for key, value in search.items():
            at.session_state[key] = value
    return at


def timed(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


@dataclass
class Moment:
    name: str
    without_s: float = float("inf")
    with_s: float = float("inf")
    error: str = ""

    @property
    def added_s(self) -> float:
        return self.with_s - self.without_s


def one_pass(search: dict[str, Any], remembered: bool, moments: dict[str, Moment]) -> None:
    """The session's first run, every page visited and run again, then two changes that are saved."""
    at = session(search, remembered)

    def keep(name: str, seconds: float) -> None:
        moment = moments.setdefault(name, Moment(name))
        if remembered:
            moment.with_s = min(moment.with_s, seconds)
        else:
            moment.without_s = min(moment.without_s, seconds)
        if at.exception:
            moment.error = "; ".join(str(e.value)[:120] for e in at.exception)

    keep("session start (Welcome)", timed(at.run))
    for name, page in PAGES.items():
        at.switch_page(page)
        keep(f"{name}: first visit", timed(at.run))
        keep(f"{name}: again", timed(at.run))
    plan = at.session_state[state.PLAN]
    at.session_state[state.PLAN] = [replace(plan[0], status="done"), *plan[1:]]
    keep("Action plan: an action ticked (saved)", timed(at.run))
    at.switch_page(navigation.OVERVIEW).run()
    at.session_state[state.APPLICATIONS] = at.session_state[state.APPLICATIONS].copy()  # as a correction
    keep("Overview: a corrected table (saved)", timed(at.run))
    at.session_state[state.SEARCH_TOKEN] = "a newer upload"  # as a newer version of the tracker
    at.session_state[state.APPLICATIONS] = at.session_state[state.APPLICATIONS].copy()
    keep("Overview: a new upload, file and table (saved)", timed(at.run))


def store_operations(folder: Path, search: dict[str, Any]) -> dict[str, float]:
    """The store's own work, timed directly (best of five)."""
    store = SearchStore(store_path(folder))
    table: pd.DataFrame = search[state.APPLICATIONS]
    plan_body = encode("plan", search[state.PLAN])

    def best(work: Callable[[], object]) -> float:
        return min(timed(work) for _ in range(5))

    return {
        "read the whole search": best(store.read),
        "save the table (Parquet, one transaction)": best(
            lambda: store.save(Changes(tables={"applications": table}))
        ),
        "save the plan (JSON)": best(lambda: store.save(Changes(parts={"plan": plan_body}))),
        "encode every part (the check after each run)": best(
            lambda: [encode("plan", search[state.PLAN]), encode("profile", search[state.PROFILE])]
        ),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    logging.getLogger("streamlit").setLevel(logging.ERROR)
    folder = Path(tempfile.mkdtemp(prefix="nextround-bench-store-"))
    os.environ[DATA_DIR_VARIABLE] = str(folder)
    search = the_search(args.rows)

    writer = session(search, remembered=True)  # the search saved once, as after the user's upload
    for key, value in search.items():
        writer.session_state[key] = value
    writer.run()
    stored = store_path(folder)
    print(f"{args.rows:,} applications; store {stored.stat().st_size / 1e6:.1f} MB (source file included)")

    moments: dict[str, Moment] = {}
    for _ in range(args.repeats):
        for remembered in (False, True):  # interleaved: a noisy machine slows both alike
            one_pass(search, remembered, moments)

    print(f"\n{'moment':<46} {'without':>9} {'with':>9} {'added':>9}")
    worst = max(moments.values(), key=lambda m: m.added_s)
    for moment in moments.values():
        flag = "" if moment.added_s <= TARGET_S else "  > target"
        times = f"{moment.without_s:>8.3f}s {moment.with_s:>8.3f}s {moment.added_s:>+8.3f}s"
        print(f"{moment.name:<46} {times}{flag}" + (f"  ERROR {moment.error}" if moment.error else ""))
    print("\nThe store's own work:")
    for name, seconds in store_operations(folder, search).items():
        print(f"  {name:<48} {seconds:.3f}s")
    errors = [m for m in moments.values() if m.error]
    met = worst.added_s <= TARGET_S and not errors
    print(
        f"\nMost added: {worst.added_s:+.3f} s ({worst.name}); target ≤ {TARGET_S} s: "
        + ("met" if met else "MISSED")
    )
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
