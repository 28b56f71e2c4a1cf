"""The four journeys a user takes, end to end in a real browser, each leaving screenshots behind.

1. sample data → every page → the action plan downloaded as XLSX and PDF, and opened;
2. a messy workbook → a misread column and an unread status fixed in the review → the Overview follows;
3. a LinkedIn export without statuses → outcomes filled in → the funnel appears;
4. bad files → a clear message each, and the app still works.
Plus every page at a desktop's and a phone's width, a heatmap cell clicked to the applications in it,
a correction in the Applications table reaching the Overview, and the keyboard reaching the first
buttons.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from playwright.sync_api import Browser, Locator, Page, expect
from pypdf import PdfReader

from nextround.analysis import losses_by_stage
from nextround.analysis.drill import drilled, loss_drill
from nextround.analysis.listing import ListQuery, build_application_list
from nextround.ghosting import apply_ghosting
from nextround.importing import ImportOptions, SourceFile, import_files
from nextround.resources import data_path
from nextround.settings import AnalysisSettings
from tests.fixtures.browser import NO_ERRORS, go_to, screenshot, upload_files, wait_for_app
from tests.fixtures.files import csv_bytes, linkedin_export, xlsx_bytes
from tests.fixtures.grid import cell, choose_in_cell, grid, grid_row, plan_table
from ui.loaders import sample_as_of

# Sidebar link -> a heading that only that page has.
PAGES = {
    "Overview": "Where to act first",
    "Rejections": "By stage and role family",
    "Trends": "Trends",
    "Skill gaps": "Skill gaps",
    "Follow-ups": "Follow-ups and feedback",
    "Applications": "Your applications",
    "Import": "Import your applications",
    "Action plan": "Your action plan",
}

# A tracker as people keep it: an instructions sheet, banner rows above the header, day-first dates
# (15/01/2025 fits no other order), blank rows, free-text statuses, a "Next step" column that reads
# like a stage but is a to-do, and a "Messaged recruiter" column the importer asks about (something the
# candidate did, or the recruiter's screen?).
MESSY_HEADER = [
    "Company",
    "Position",
    "Date applied",
    "Where it's at",
    "Next step",
    "Found via",
    "Messaged recruiter",
]
MESSY_ROWS = [
    ["Acme Ltd", "Data Analyst", "15/01/2025", "Rejected after phone screen", None, "LinkedIn", "yes"],
    ["Globex", "Business Analyst", "16/01/2025", "applied", "prep for interview", "Referral", "yes"],
    ["Initech", "Data Engineer", "17/01/2025", "Offer!!", None, "Company website", "no"],
    ["Umbrella", "BI Developer", "20/01/2025", "rejected", None, "Indeed", "yes"],
    ["Hooli", "Data Scientist", "21/01/2025", "final round", None, "Recruiter", "no"],
    ["Stark", "Data Analyst", "22/01/2025", "no response", "chase recruiter", "LinkedIn", "yes"],
    ["Wayne", "Analytics Engineer", "23/01/2025", "rejected - cv", None, "LinkedIn", "no"],
    ["Wonka", "Data Analyst", "27/01/2025", "2nd interview", None, "Indeed", "no"],
    [
        "Cyberdyne",
        "Reporting Analyst",
        "28/01/2025",
        "heard nothing, chased twice",
        "chase",
        "Referral",
        "no",
    ],
    ["Soylent", "Data Analyst", "29/01/2025", "rejected", None, "LinkedIn", "no"],
    ["Tyrell", "BI Analyst", "30/01/2025", "phone screen booked", "prep for final interview", "Indeed", "no"],
    ["Oscorp", "Data Analyst", "31/01/2025", "rejected", None, "Company website", "no"],
]


def messy_workbook() -> bytes:
    applications: list[list[object]] = [["MY JOB HUNT 2025"], ["Last updated 1 Feb 2025 - keep going!"]]
    applications.append(MESSY_HEADER)
    for index, row in enumerate(MESSY_ROWS):
        applications.append(row)
        if index in (3, 7):
            applications.append([None] * len(MESSY_HEADER))
    return xlsx_bytes(
        {
            "Read me": [["How to use this tracker"], ["One row per application; statuses from Lists."]],
            "Applications": applications,
            "Lists": [["Statuses"], ["applied"], ["rejected"], ["interview"], ["offer"]],
        }
    )


def locked_workbook() -> bytes:
    import msoffcrypto.format.ooxml

    plain = io.BytesIO(xlsx_bytes({"Apps": [["Company", "Role", "Status"], ["Acme", "Analyst", "Rejected"]]}))
    encrypted = io.BytesIO()
    msoffcrypto.format.ooxml.OOXMLFile(plain).encrypt("secret", encrypted)
    return encrypted.getvalue()


# --- helpers -------------------------------------------------------------------------------------------


def _start(page: Page, url: str) -> None:
    """Always enter through the front page: the app's navigation is set up there."""
    page.goto(url)
    wait_for_app(page)
    expect(page.get_by_role("button", name="Explore with sample data")).to_be_visible()


def _load_sample(page: Page) -> None:
    page.get_by_role("button", name="Explore with sample data").click()
    page.wait_for_url(re.compile(r".*/overview"))
    wait_for_app(page)


def _go(page: Page, link: str) -> None:
    go_to(page, link, {**PAGES, "Import": "Import your applications", "Welcome": "Next Round"}[link])


def _slug(link: str) -> str:
    return re.sub(r"\W+", "_", link.lower())


def _assert_no_exception(page: Page) -> None:
    assert page.locator(NO_ERRORS).count() == 0


def _metric(page: Page, label: str) -> Locator:
    return page.get_by_test_id("stMetric").filter(has_text=label).first


def _download(page: Page, label: str, folder: Path) -> Path:
    with page.expect_download() as info:
        page.get_by_test_id("stDownloadButton").filter(has_text=label).get_by_role("button").click()
    download = info.value
    target = folder / download.suggested_filename
    download.save_as(target)
    return target


# --- journey 1 -----------------------------------------------------------------------------------------


def test_journey1_sample_every_page_and_the_plan_downloads(page: Page, app_url: str, tmp_path: Path):
    _start(page, app_url)
    screenshot(page, "journey1_01_welcome")
    _load_sample(page)
    for number, (link, heading) in enumerate(PAGES.items(), start=2):
        _go(page, link)
        expect(page.get_by_role("heading", name=heading).first).to_be_visible()
        _assert_no_exception(page)
        screenshot(page, f"journey1_{number:02d}_{_slug(link)}")

    workbook_path = _download(page, "Download Excel", tmp_path)
    pdf_path = _download(page, "Download PDF", tmp_path)
    assert workbook_path.suffix == ".xlsx" and pdf_path.suffix == ".pdf"

    book = openpyxl.load_workbook(workbook_path, read_only=True)
    assert "Plan" in book.sheetnames
    rows = list(book["Plan"].iter_rows(values_only=True))
    header = [str(h) for h in rows[0]]
    assert "Status" in header and "Action" in header
    titles = [r[header.index("Action")] for r in rows[1:] if r[header.index("Action")]]
    statuses = {r[header.index("Status")] for r in rows[1:] if r[header.index("Action")]}
    assert len(titles) >= 3
    assert statuses <= {"to do", "doing", "done", "skipped"} and statuses

    text = " ".join((p.extract_text() or "") for p in PdfReader(pdf_path).pages)
    flat = " ".join(text.split())
    assert "Your next round" in flat
    assert "Where to act first" in flat
    # Table cells wrap, so compare the first words of each action title.
    found = [t for t in titles if " ".join(str(t).split()[:3]) in flat]
    assert len(found) >= len(titles) // 2, (titles, flat[:500])


def test_a_plan_edit_survives_going_to_the_overview_and_back(page: Page, app_url: str):
    _start(page, app_url)
    _load_sample(page)
    _go(page, "Action plan")
    done = page.get_by_text(re.compile(r"\d+ of \d+ actions done"))
    expect(done).to_contain_text("0 of")
    # An editable grid that takes new rows starts with a row-selection column: click past it.
    choose_in_cell(page, plan_table(page), 0, 1, "done", left=60)  # the first action's status
    expect(done).to_contain_text("1 of")
    cards = page.get_by_test_id("stMain").get_by_test_id("stCheckbox")
    expect(cards.nth(0).locator("input")).to_be_checked()  # the card follows the table
    cards.nth(1).click()  # and a card's tick is the other way in
    expect(done).to_contain_text("2 of")
    _go(page, "Overview")
    expect(page.get_by_role("heading", name="Where to act first")).to_be_visible()
    _go(page, "Action plan")
    expect(done).to_contain_text("2 of")
    expect(cards.nth(1).locator("input")).to_be_checked()
    table = plan_table(page)
    assert cell(table, 2, 0) == "done"  # glide counts the row-selection column too
    assert cell(table, 2, 1) == "done"
    _assert_no_exception(page)
    screenshot(page, "journey1_09_plan_edit_kept")


# --- journey 2 -----------------------------------------------------------------------------------------


def test_journey2_messy_workbook_fixed_in_the_review(page: Page, app_url: str, tmp_path: Path):
    workbook = tmp_path / "Job hunt 2025 (FINAL v3).xlsx"
    workbook.write_bytes(messy_workbook())
    _start(page, app_url)
    page.get_by_role("button", name="Upload your spreadsheet").click()
    page.wait_for_url(re.compile(r".*/import_data"))
    wait_for_app(page)
    upload_files(page, workbook)
    expect(page.get_by_text("How each column was read")).to_be_visible(timeout=30_000)
    wait_for_app(page)
    expect(_metric(page, "Applications")).to_contain_text("12")
    expect(
        page.get_by_text(re.compile(r"sheet “Applications” · header on row 3 · 2 blank rows"))
    ).to_be_visible()
    applications = grid(page, 2)
    assert cell(applications, 4, 0) == "2025-01-15"  # day first: 15/01 fits no other order
    assert cell(applications, 4, 11) == "2025-01-31"
    mapping = grid(page, 0)
    next_step = grid_row(mapping, 1, "Next step")
    assert cell(mapping, 2, next_step) == "Your next step (a plan, not progress)"  # in plain words
    question = page.get_by_text("'Messaged recruiter' reads as something you did")
    expect(question).to_be_visible()
    _assert_no_exception(page)
    screenshot(page, "journey2_01_review")

    _go(page, "Overview")
    screen_before = _metric(page, "Screen rate").inner_text()
    rejection_before = _metric(page, "Rejected").inner_text()
    screenshot(page, "journey2_02_overview_before")

    # The uploader empties when the user leaves the page; the review of the search stays.
    _go(page, "Import")
    expect(page.get_by_text("How each column was read")).to_be_visible()
    expect(page.get_by_text(re.compile(r"^Reviewing Job hunt 2025"))).to_be_visible()
    wait_for_app(page)
    page.get_by_role("button", name="No, it means a screen").click()  # the recruiter's screens, after all
    expect(page.get_by_role("button", name="No, it means a screen")).to_be_disabled()
    wait_for_app(page)

    statuses = grid(page, 1)
    unread = grid_row(statuses, 0, "heard nothing, chased twice")
    assert cell(statuses, 3, unread) == "pending"
    choose_in_cell(page, statuses, unread, 3, "rejected")
    expect(statuses.locator(f"#glide-cell-3-{unread}")).to_have_text("rejected")
    _assert_no_exception(page)
    screenshot(page, "journey2_03_review_fixed")

    _go(page, "Overview")
    expect(_metric(page, "Screen rate")).not_to_have_text(screen_before)  # four more screens
    expect(_metric(page, "Rejected")).not_to_have_text(rejection_before)
    expect(_metric(page, "Rejected")).to_contain_text("50 %")  # 6 of 12 with the fixed status
    _assert_no_exception(page)
    screenshot(page, "journey2_04_overview_after")

    _go(page, "Action plan")
    expect(page.get_by_text(re.compile(r"\d+ of [1-9]\d* actions done"))).to_be_visible()
    assert cell(plan_table(page), 2, 0).strip()  # the first action has a title
    _assert_no_exception(page)
    screenshot(page, "journey2_05_plan")


# --- journey 3 -----------------------------------------------------------------------------------------


def test_journey3_linkedin_export_outcomes_filled_in(page: Page, app_url: str, tmp_path: Path):
    first = tmp_path / "Job Applications.csv"
    second = tmp_path / "Job Applications_1.csv"
    first.write_bytes(csv_bytes(linkedin_export(0, 12)))
    second.write_bytes(csv_bytes(linkedin_export(12, 8)))
    _start(page, app_url)
    _go(page, "Import")
    upload_files(page, first, second)
    expect(page.get_by_text(re.compile("no status, result or stage column")).first).to_be_visible(
        timeout=30_000
    )
    wait_for_app(page)
    expect(_metric(page, "Applications")).to_contain_text("20")
    expect(page.get_by_text("This file has no status column to review.")).to_be_visible()
    screenshot(page, "journey3_01_review")

    table = grid(page, 1)  # mapping, then the applications (no status review without statuses)
    stage_column, outcome_column = 6, 7
    for row in range(4):
        choose_in_cell(page, table, row, outcome_column, "rejected")
        expect(table.locator(f"#glide-cell-{outcome_column}-{row}")).to_have_text("rejected")
    for row, stage in ((0, "screen"), (1, "screen"), (2, "interview")):
        choose_in_cell(page, table, row, stage_column, stage)
        expect(table.locator(f"#glide-cell-{stage_column}-{row}")).to_have_text(stage)
    _assert_no_exception(page)
    screenshot(page, "journey3_02_outcomes_filled")

    _go(page, "Overview")
    expect(_metric(page, "Screen rate")).to_contain_text("15 %")
    expect(page.get_by_text(re.compile(r"^3 of 20 · "))).to_be_visible()
    expect(_metric(page, "Interview rate")).to_contain_text("5 %")
    expect(page.get_by_text(re.compile(r"^1 of 20 · "))).to_be_visible()
    funnel = page.get_by_test_id("stPlotlyChart").first
    expect(funnel).to_contain_text("3 reached")
    expect(funnel).to_contain_text("1 reached")
    _assert_no_exception(page)
    screenshot(page, "journey3_03_overview_funnel")


# --- journey 4 -----------------------------------------------------------------------------------------


def test_journey4_bad_files_get_clear_messages(page: Page, app_url: str, tmp_path: Path):
    renamed = tmp_path / "cv.xlsx"
    renamed.write_bytes(b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n")
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    locked = tmp_path / "locked.xlsx"
    locked.write_bytes(locked_workbook())
    _start(page, app_url)
    _go(page, "Import")
    expected = {
        renamed: re.compile(r"cv\.xlsx.*PDF", re.IGNORECASE),
        empty: re.compile(r"empty\.csv.*empty", re.IGNORECASE),
        locked: re.compile(r"locked\.xlsx.*password", re.IGNORECASE),
    }
    for number, (path, message) in enumerate(expected.items(), start=1):
        if number > 1:  # the uploader adds to its list: take the previous file out first
            page.get_by_role("button", name=re.compile(r"^Remove ")).click()
            wait_for_app(page)
            expect(page.get_by_test_id("stAlert")).to_have_count(0)
        upload_files(page, path)
        alert = page.get_by_test_id("stAlert").filter(has_text=message)
        expect(alert).to_be_visible(timeout=30_000)
        wait_for_app(page)
        _assert_no_exception(page)
        screenshot(page, f"journey4_{number:02d}_{path.stem}")

    _go(page, "Welcome")
    _load_sample(page)
    expect(page.get_by_test_id("stSidebar").get_by_text("220 applications")).to_be_visible()
    expect(page.locator(".js-plotly-plot").first).to_be_visible()
    _assert_no_exception(page)


# --- a phone's width, and the keyboard -----------------------------------------------------------------


def _main_overflow(page: Page) -> tuple[int, int]:
    return page.evaluate(
        """() => {
            const main = document.querySelector('[data-testid="stMain"]');
            return [main.scrollWidth, main.clientWidth];
        }"""
    )


@pytest.mark.parametrize("width", [1400, 390])
def test_every_page_fits_a_wide_and_a_phone_screen(browser: Browser, app_url: str, width: int):
    """Every page with the sample, at a desktop's and a phone's width: nothing wider than the screen, no
    error, and a full-page screenshot each (test-artifacts/screenshots/screens_<width>_*.png)."""
    context = browser.new_context(viewport={"width": width, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(30_000)
    narrow = width < 640
    try:
        _start(page, app_url)
        screenshot(page, f"screens_{width}_01_welcome")
        _load_sample(page)
        for number, (link, heading) in enumerate(PAGES.items(), start=2):
            if number > 2:  # the sample lands on the Overview; on a phone the sidebar is a drawer
                if narrow:
                    page.get_by_test_id("stExpandSidebarButton").click()
                _go(page, link)
                if narrow:
                    page.get_by_role("button", name="Collapse sidebar").click()
                    expect(page.get_by_test_id("stExpandSidebarButton")).to_be_visible()
            expect(page.get_by_role("heading", name=heading).first).to_be_visible()
            _assert_no_exception(page)
            scroll_width, client_width = _main_overflow(page)
            assert scroll_width <= client_width + 1, (link, scroll_width, client_width)
            # One layout of each chart is on show: the wide one here, the compact one on a phone.
            shown = page.locator('[class*="st-key-narrow_"]' if narrow else '[class*="st-key-wide_"]')
            hidden = page.locator('[class*="st-key-wide_"]' if narrow else '[class*="st-key-narrow_"]')
            for index in range(hidden.count()):
                expect(hidden.nth(index)).to_be_hidden()
                expect(shown.nth(index)).to_be_visible()
            screenshot(page, f"screens_{width}_{number:02d}_{_slug(link)}")
    finally:
        context.close()


def test_keyboard_reaches_the_start_buttons(page: Page, app_url: str):
    _start(page, app_url)
    page.locator("body").focus()
    reached: list[str] = []
    for _ in range(40):
        page.keyboard.press("Tab")
        reached.append(
            page.evaluate(
                "() => document.activeElement.tagName === 'BUTTON' ? document.activeElement.innerText : ''"
            )
        )
        if "Explore with sample data" in reached[-1]:
            break
    assert any("Upload your spreadsheet" in r for r in reached), reached
    assert "Explore with sample data" in reached[-1], reached
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*/overview"))
    wait_for_app(page)
    expect(page.get_by_test_id("stSidebar").get_by_text("220 applications")).to_be_visible()


# --- from a chart to its applications, and a correction that every page follows -----------------------


def _sample_analysed() -> tuple[pd.DataFrame, AnalysisSettings]:
    """The sample as the app analyses it (as of the day after it ends, default thresholds)."""
    path = data_path("sample_applications.xlsx")
    result = import_files((SourceFile(path.name, path.read_bytes()),), ImportOptions())
    settings = AnalysisSettings(as_of=sample_as_of(result))
    return apply_ghosting(result.applications, settings.ghosting, settings.reference_date()), settings


def _grid_column(table: Locator, column: int, rows: int) -> list[str]:
    expect(table.locator(f"#glide-cell-{column}-0")).to_be_attached()
    return [cell(table, column, row) for row in range(rows)]


def test_a_heatmap_cell_opens_exactly_its_applications(page: Page, app_url: str):
    applications, _ = _sample_analysed()
    by_stage = losses_by_stage(applications, "role_family")
    labels = [f"({part.lost_count}/{part.decided})" for part in by_stage.itertuples(index=False)]
    row = min(  # the smallest coloured cell with losses whose label no other cell shares (all on screen)
        (
            i
            for i, part in enumerate(by_stage.itertuples(index=False))
            if not part.small_sample and part.lost_count and labels.count(labels[i]) == 1
        ),
        key=lambda i: by_stage.iloc[i]["lost_count"],
    )
    expected = list(drilled(applications, loss_drill(by_stage, row))["company"])
    assert len(expected) == by_stage.iloc[row]["lost_count"]

    _start(page, app_url)
    _load_sample(page)
    _go(page, "Rejections")
    heatmap = page.locator('[class*="st-key-wide_rejections_role_heatmap"] .js-plotly-plot')
    target = heatmap.locator("text", has_text=labels[row])
    target.scroll_into_view_if_needed()
    box = target.bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_url(re.compile(r".*/applications"))
    expect(page.get_by_role("heading", name="Your applications")).to_be_visible()
    wait_for_app(page)
    expect(page.get_by_text(re.compile(rf"^{len(expected)} of 220 applications\."))).to_be_visible()
    expect(page.get_by_text(f"Role family: {by_stage.iloc[row]['group']}")).to_be_visible()
    listed = grid(page, 0)
    assert _grid_column(listed, 0, len(expected)) == expected
    assert listed.locator(f"#glide-cell-0-{len(expected)}").count() == 0  # and nothing more
    assert set(_grid_column(listed, 4, len(expected))) <= {"rejected", "ghosted"}  # didn't get past it
    _assert_no_exception(page)
    screenshot(page, "drill_01_heatmap_cell_applications")

    page.get_by_text("Everyone decided at this stage").click()
    expect(
        page.get_by_text(re.compile(rf"^{by_stage.iloc[row]['decided']} of 220 applications\."))
    ).to_be_visible()
    page.get_by_role("button", name="Show every application").click()
    expect(page.get_by_text(re.compile(r"^220 of 220 applications\."))).to_be_visible()


def test_a_correction_in_the_applications_table_reaches_the_overview(page: Page, app_url: str):
    applications, settings = _sample_analysed()
    pending = applications[applications["outcome"] == "pending"].iloc[0]
    found = build_application_list(applications, settings, ListQuery(text=str(pending["company"])))
    row = next(
        i for i, key in enumerate(found.keys) if key == (pending["source_file"], int(pending["source_row"]))
    )
    _start(page, app_url)
    _load_sample(page)
    pending_before = int(_metric(page, "Pending").inner_text().split()[-1])
    _go(page, "Applications")
    page.get_by_role("textbox", name="Find").fill(str(pending["company"]))
    page.keyboard.press("Enter")
    expect(page.get_by_text(re.compile(rf"^{found.matched} of 220 applications\."))).to_be_visible()
    wait_for_app(page)
    listed = grid(page, 0)
    listed.scroll_into_view_if_needed()
    expect(listed.locator(f"#glide-cell-0-{row}")).to_have_text(str(pending["company"]))  # the new grid
    expect(listed.locator(f"#glide-cell-4-{row}")).to_have_text("pending")
    choose_in_cell(page, listed, row, 4, "rejected")
    expect(grid(page, 0).locator(f"#glide-cell-4-{row}")).to_have_text("rejected")
    _assert_no_exception(page)
    screenshot(page, "drill_02_corrected_outcome")
    _go(page, "Overview")
    expect(_metric(page, "Pending")).to_contain_text(str(pending_before - 1))
    _assert_no_exception(page)
