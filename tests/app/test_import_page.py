"""The Import page: upload, review, correct, download — and bad files get a message, not a traceback."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.fixtures.app import ROOT
from tests.fixtures.files import TRACKER_HEADER, TRACKER_ROWS, csv_bytes, linkedin_export
from ui import remember, state
from ui.navigation import HOME, IMPORT, OVERVIEW


def _page() -> AppTest:
    at = AppTest.from_file(str(ROOT / IMPORT), default_timeout=60)
    at.run()
    return at


def test_without_upload_the_page_offers_the_sample():
    at = _page()
    assert not at.exception
    assert any("sample data" in b.label for b in at.button)


def test_upload_shows_the_report_the_mapping_and_the_statuses():
    at = _page()
    at.file_uploader[0].set_value(
        [("tracker.csv", csv_bytes([TRACKER_HEADER, *TRACKER_ROWS]), "text/csv")]
    ).run()
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Rows read"] == "6"
    assert metrics["Applications"] == "6"
    assert metrics["Skipped"] == "0"
    table = at.session_state[state.APPLICATIONS]
    assert len(table) == 6
    assert (table["outcome"] == "offer").sum() == 1
    labels = [b.label for b in at.get("download_button")]
    assert "Download cleaned data (CSV)" in labels and "Download cleaned data (XLSX)" in labels


def test_a_note_read_as_names_under_dates_says_so_and_counts_no_blank_rows():
    at = _page()
    note = b"Sep 25 - Amazon\nSep 26 - Salesforce, Eightfold\n\nRejected - Eightfold\n"
    at.file_uploader[0].set_value([("applied.txt", note, "text/plain")]).run()
    assert not at.exception
    captions = " ".join(c.value for c in at.caption)
    assert "read as a note" in captions and "no header row" not in captions
    assert "blank rows" not in captions
    assert "Read the note's 3 names each as an application" in captions


def test_a_pdf_named_xlsx_gets_a_clear_message_and_keeps_earlier_data():
    at = _page()
    at.file_uploader[0].set_value(
        [("tracker.csv", csv_bytes([TRACKER_HEADER, *TRACKER_ROWS]), "text/csv")]
    ).run()
    at.file_uploader[0].set_value([("cv.xlsx", b"%PDF-1.5 this is a CV", "application/pdf")]).run()
    assert not at.exception
    assert any("cv.xlsx" in e.value.replace("\\", "") for e in at.error)  # shown escaped: "cv\\.xlsx"
    assert len(at.session_state[state.APPLICATIONS]) == 6


def test_ambiguous_dates_ask_and_the_answer_rereads_the_file():
    rows = [["Company", "Role", "Date", "Status"], ["A", "Analyst", "01/02/2025", "Applied"]]
    at = _page()
    at.file_uploader[0].set_value([("t.csv", csv_bytes(rows), "text/csv")]).run()
    assert any("read both ways" in w.value for w in at.warning)
    at.radio(key="import_date_order").set_value("dmy").run()
    assert not at.exception
    assert at.session_state[state.APPLICATIONS]["applied_on"].iloc[0].month == 2


def test_the_plan_workbook_uploaded_again_restores_plan_statuses_and_data(sample_result):
    from dataclasses import replace
    from datetime import date

    from nextround.plan.assemble import assemble_plan
    from nextround.plan.document import build_document
    from nextround.plan.writers.xlsx import plan_xlsx

    applications = sample_result.applications
    today = date(2026, 11, 21)
    items = assemble_plan(applications, today)
    items[0] = replace(items[0], status="done")
    workbook = plan_xlsx(build_document(applications, items, today, cleaned_data=applications))

    at = _page()
    at.file_uploader[0].set_value([("my_plan.xlsx", workbook, "application/octet-stream")]).run()
    assert not at.exception
    restored = at.session_state[state.PLAN]
    assert [i.key for i in restored] == [i.key for i in items]
    assert restored[0].status == "done"
    assert len(at.session_state[state.APPLICATIONS]) == len(applications)
    assert any("restored" in s.value for s in at.success)


def test_a_doubtful_reading_is_a_question_and_one_click_changes_it():
    rows = [["Company", "Role", "Date applied", "Status", "Messaged Recruiter or Team"]]
    rows += [[f"Co {i}", "Analyst", "2025-01-02", "Applied", "True" if i < 6 else "False"] for i in range(10)]
    at = _page()
    at.file_uploader[0].set_value([("t.csv", csv_bytes(rows), "text/csv")]).run()
    assert not at.exception
    asked = [m.value for m in at.markdown if "Messaged Recruiter or Team" in m.value]
    assert asked and "6 applications" in asked[0] and "not counted as a screen" in asked[0]
    assert (at.session_state[state.APPLICATIONS]["stage_reached"] == "applied").all()
    meant = next(b for b in at.button if b.label == "No, it means a screen")
    meant.click().run()
    assert not at.exception
    assert (at.session_state[state.APPLICATIONS]["stage_reached"] == "screen").sum() == 6
    assert next(b for b in at.button if b.label == "No, it means a screen").disabled  # the answer given


def test_a_status_nobody_can_read_is_asked_about_by_name_and_one_click_reads_it():
    rows = [["Company", "Role", "Date applied", "Status"]]
    rows += [[f"Co {i}", "Analyst", "2025-01-02", "Closed" if i < 4 else "Applied"] for i in range(8)]
    at = _page()
    at.file_uploader[0].set_value([("t.csv", csv_bytes(rows), "text/csv")]).run()
    asked = [m.value.replace("\\", "") for m in at.markdown if "'Closed'" in m.value]  # markdown-escaped
    assert asked and "(4 rows) says neither how far it got nor how it ended" in asked[0]
    assert (at.session_state[state.APPLICATIONS]["outcome"] == "pending").sum() == 8
    next(b for b in at.button if b.label == "They were rejected").click().run()
    assert not at.exception
    assert (at.session_state[state.APPLICATIONS]["outcome"] == "rejected").sum() == 4
    assert next(b for b in at.button if b.label == "They were rejected").disabled  # the answer given
    assert any(
        "is read as 'They were rejected', as you chose" in m.value.replace("\\", "") for m in at.markdown
    )
    next(b for b in at.button if b.label == "I never applied").click().run()  # never sent: left out
    assert len(at.session_state[state.APPLICATIONS]) == 4
    assert next(b for b in at.button if b.label == "I never applied").disabled
    next(b for b in at.button if b.label == "Still waiting").click().run()  # and back
    assert (at.session_state[state.APPLICATIONS]["outcome"] == "pending").sum() == 8


def test_the_mapping_speaks_plain_words_and_the_table_shows_the_evidence():
    at = _page()
    at.file_uploader[0].set_value(
        [("tracker.csv", csv_bytes([TRACKER_HEADER, *TRACKER_ROWS]), "text/csv")]
    ).run()
    assert not at.exception
    frames = [element.value for element in at.dataframe]
    mapping = next(f for f in frames if "column" in f.columns and "how" in f.columns)
    assert "Date you applied" in set(mapping["field"]) and "applied_on" not in set(mapping["field"])
    applications = next(f for f in frames if "stage_evidence" in f.columns)
    evidence = set(applications["stage_evidence"].dropna()) | set(applications["outcome_evidence"].dropna())
    assert any(text.startswith("Status: ") for text in evidence), evidence


# --- the review stays reachable; files are asked about before they are combined ----------------------
# (a file added over a search is compared with it, then added or replacing it: test_since_last_time.py)

OTHER_HEADER = ["Firma", "Stelle", "Beworben am", "Stand"]
OTHER_ROWS = [
    ["Körber", "Datenanalyst", "03.02.2025", "Absage"],
    ["Otto", "BI Analyst", "04.02.2025", "Beworben"],
]


def _upload(at: AppTest, *files: tuple[str, bytes]) -> AppTest:
    return at.file_uploader[0].set_value([(name, data, "text/csv") for name, data in files]).run()


def _tracker() -> tuple[str, bytes]:
    return ("tracker.csv", csv_bytes([TRACKER_HEADER, *TRACKER_ROWS]))


def _other() -> tuple[str, bytes]:
    return ("bewerbungen.csv", csv_bytes([OTHER_HEADER, *OTHER_ROWS]))


def _button(at: AppTest, label: str):
    return next(b for b in at.button if b.label == label)


def test_an_answer_reaches_the_overview_even_when_the_import_page_does_not_run_again():
    """The user answers, then clicks Overview before the Import page's run for the answer: that run is
    replaced by the Overview's, so the answer's callback itself must have read the file again."""
    rows = [["Company", "Role", "Date applied", "Status", "Messaged Recruiter or Team"]]
    rows += [[f"Co {i}", "Analyst", "2025-01-02", "Applied", "True" if i < 6 else "False"] for i in range(10)]
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.run()
    at.switch_page(IMPORT).run()
    at.file_uploader[0].set_value([("t.csv", csv_bytes(rows), "text/csv")]).run()
    next(b for b in at.button if b.label == "No, it means a screen").click()
    at.switch_page(OVERVIEW).run()  # the click and the page switch land in one run, of the Overview
    assert not at.exception, [e.value for e in at.exception]
    assert (at.session_state[state.APPLICATIONS]["stage_reached"] == "screen").sum() == 6
    assert any(m.label == "Screen rate" and m.value.startswith("60") for m in at.metric), [
        (m.label, m.value) for m in at.metric
    ]


def test_a_bad_file_keeps_the_sidebar_with_the_data_loaded_before():
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.run()
    at.switch_page(IMPORT).run()
    _upload(at, _tracker())
    at.file_uploader[0].set_value([("cv.xlsx", b"%PDF-1.5 this is a CV", "application/pdf")]).run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("cv.xlsx" in e.value.replace("\\", "") for e in at.error)
    assert any(m.value == "**6 applications**" for m in at.sidebar.markdown), [
        m.value for m in at.sidebar.markdown
    ]


def test_the_review_stays_with_the_corrections_after_leaving_the_page():
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.run()
    at.switch_page(IMPORT).run()
    _upload(at, _tracker())
    at.session_state[state.CELL_EDITS] = {("tracker.csv", 2): {"outcome": "withdrawn"}}
    at.switch_page(OVERVIEW).run()
    at.switch_page(IMPORT).run()  # the uploader is empty now; the review is not
    assert not at.exception, [e.value for e in at.exception]
    assert not at.file_uploader[0].value
    assert any(h.value == "How each column was read" for h in at.subheader)
    assert {m.label: m.value for m in at.metric}["Applications"] == "6"
    assert any("Reviewing **tracker\\.csv**" in c.value for c in at.caption)
    table = at.session_state[state.APPLICATIONS]
    assert table.loc[table["source_row"] == 2, "outcome"].tolist() == ["withdrawn"]  # the correction kept


def test_a_file_added_later_asks_before_anything_is_merged():
    at = _upload(_page(), _tracker())
    assert len(at.session_state[state.APPLICATIONS]) == 6
    _upload(at, _other())
    assert not at.exception
    assert any(h.value == "You already have a search here" for h in at.subheader)
    assert len(at.session_state[state.APPLICATIONS]) == 6  # nothing merged while the question is open
    assert not any(h.value == "How each column was read" for h in at.subheader)
    next(b for b in at.button if b.label.startswith("Add this file")).click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert set(at.session_state[state.APPLICATIONS]["source_file"]) == {"tracker.csv", "bewerbungen.csv"}
    assert len(at.session_state[state.APPLICATIONS]) == 8


def test_the_same_file_again_does_not_ask():
    at = _upload(_page(), _tracker())
    _upload(at, _tracker())
    assert not any(h.value == "You already have a search here" for h in at.subheader)
    assert len(at.session_state[state.APPLICATIONS]) == 6


def test_two_files_of_different_shapes_at_once_ask_before_combining():
    at = _upload(_page(), _tracker(), _other())
    assert any("These files have different columns" in m.value for m in at.markdown)
    assert state.APPLICATIONS not in at.session_state  # nothing adopted while the question is open
    _button(at, "Use only bewerbungen\\.csv").click().run()  # a label is Markdown: the name is escaped
    assert not at.exception
    assert len(at.session_state[state.APPLICATIONS]) == 2


def test_a_split_export_of_one_shape_is_combined_without_asking():
    first = ("Job Applications.csv", csv_bytes(linkedin_export(0, 12)))
    second = ("Job Applications_1.csv", csv_bytes(linkedin_export(12, 8)))
    at = _upload(_page(), first, second)
    assert not any("different columns" in m.value for m in at.markdown)
    assert len(at.session_state[state.APPLICATIONS]) == 20


def test_notes_kept_one_per_application_are_one_search_without_asking():
    # a vault's notes, each with the fields it was given: different columns, one application each
    notes = [
        (
            "Aescape.md",
            b"---\ntype: job\napplied: 2026-06-30\nstatus: rejected\ninterviews:\n  - 2026-07-14\n---\n",
        ),
        ("Afresh.md", b"---\ncompany: Afresh\napplied: 2026-09-14\nstatus: ghosted\n---\nCover letter\n"),
        ("Archy.md", b"---\ntype: job\napplied: 2026-06-10\nstatus: rejected\nsource: remotive\n---\n"),
    ]
    at = _upload(_page(), *notes)
    assert not at.exception
    assert not any("different columns" in m.value for m in at.markdown)
    assert sorted(at.session_state[state.APPLICATIONS]["company"]) == ["Aescape", "Afresh", "Archy"]
    # the notes read alike are told once, with their names
    captions = [c.value for c in at.caption]
    assert "**Aescape\\.md**, **Afresh\\.md**, **Archy\\.md**: read as a note · encoding UTF\\-8" in captions
    assert sum("its front matter" in caption for caption in captions) == 1


def test_the_sample_does_not_replace_an_unremembered_search_without_asking():
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.run()
    at.switch_page(IMPORT).run()
    _upload(at, _tracker())
    at.toggle(key=remember.TOGGLE).set_value(False).run()  # a shared computer: nothing kept to go back to
    at.switch_page(HOME).run()
    _button(at, "Explore with sample data").click().run()
    assert not at.exception
    assert len(at.session_state[state.APPLICATIONS]) == 6
    assert any("replaces your tracker\\.csv" in w.value for w in at.warning)
    _button(at, "Keep my data").click().run()
    assert len(at.session_state[state.APPLICATIONS]) == 6
    _button(at, "Explore with sample data").click().run()
    _button(at, "Replace with the sample data").click().run()
    assert len(at.session_state[state.APPLICATIONS]) == 220
