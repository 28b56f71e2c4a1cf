"""The plan as Markdown: readable, every item present, user text escaped, drafts verbatim."""

from __future__ import annotations

from dataclasses import replace

from nextround.action_items import Link
from nextround.plan.assemble import assemble_plan
from nextround.plan.document import build_document
from nextround.plan.writers.markdown import escape_md, plan_markdown
from tests.fixtures.plans import TODAY, plan_frame


def test_markdown_has_summary_funnel_diagnosis_items_and_drafts():
    items = assemble_plan(plan_frame(), TODAY)
    text = plan_markdown(
        build_document(plan_frame(), items, TODAY, diagnosis_sentence="You lose most at screening.")
    ).decode()
    assert text.startswith("# Your next round: the action plan\n")
    assert "You sent 6 applications between 04 Aug 2026 and 11 Nov 2026" in text
    assert "| Applied | 6 | 1 | 1 |" in text
    assert "**Where to act first:** You lose most at screening." in text
    assert "- [ ] **Send a thank-you follow-up to Körber (Data Analyst)** — due Wed 25 Nov 2026" in text
    assert "## Appendix: email drafts" in text
    assert (
        "```text\nSubject: Thank you for the opportunity – Data Analyst at Körber\n\nDear Anna Schmidt,"
        in text
    )


def test_user_text_cannot_format_link_or_inject_html():
    items = assemble_plan(plan_frame(), TODAY)
    evil = replace(
        items[-1],
        title="**bold** [click](http://evil) <script>x</script> | # _",
        why="# heading\n- list",
        status="done",
        links=(Link("docs", "javascript:alert(1)"),),
    )
    text = plan_markdown(build_document(plan_frame(), [evil], TODAY)).decode()
    assert r"\*\*bold\*\* \[click\](http://evil) \<script\>x\</script\> \| \# \_" in text
    assert "- [x] **" in text
    assert "<script>" not in text
    assert "](<javascript:" not in text
    assert "](javascript:" not in text


def test_a_draft_holding_backticks_cannot_close_its_fence():
    items = assemble_plan(plan_frame(), TODAY)
    draft = replace(items[0], details="text ``` more ```` end")
    text = plan_markdown(build_document(plan_frame(), [draft], TODAY)).decode()
    assert "`````text\ntext ``` more ```` end\n`````" in text


def test_escape_md_keeps_plain_text_readable():
    assert escape_md("Data Analyst (Berlin) - 50k") == "Data Analyst (Berlin) - 50k"
    assert escape_md("- starts a list") == r"\- starts a list"
