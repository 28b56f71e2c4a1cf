"""The plan as a Markdown file, readable as plain text and rendered: user text is escaped, email
drafts sit verbatim in fenced blocks."""

from __future__ import annotations

import re
from collections.abc import Iterable

from nextround.action_items import CATEGORIES, ActionItem
from nextround.plan.document import PlanDocument
from nextround.wording import STAGE_LABELS

# Characters that would format, link, embed HTML or build a table inside running text.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")
_LINE_START = re.compile(r"^(\s*)([-+=]|\d+\.)(?=\s)", flags=re.MULTILINE)


def escape_md(text: object) -> str:
    """Running text that renders literally; keeps the plain file readable (only risky marks escaped)."""
    escaped = _SPECIAL.sub(r"\\\1", "" if text is None else str(text))
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), escaped)


def _fenced(text: str) -> str:
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}text\n{text.rstrip()}\n{fence}"


def _links(item: ActionItem) -> str:
    parts = []
    for link in item.links:
        if re.match(r"https?://", link.url) and not re.search(r"[\s<>]", link.url):
            parts.append(f"[{escape_md(link.label)}](<{link.url}>)")
        else:
            parts.append(escape_md(f"{link.label}: {link.url}"))
    return ", ".join(parts)


def _item_lines(item: ActionItem) -> Iterable[str]:
    box = "x" if item.status == "done" else " "
    yield (
        f"- [{box}] **{escape_md(item.title)}** — due {item.due_on:%a %d %b %Y} · "
        f"{item.priority} priority · {item.status}"
    )
    yield f"  *Why:* {escape_md(item.why)}"
    if item.links:
        yield f"  *Links:* {_links(item)}"
    if item.details.strip() and item.category not in ("follow-up", "feedback request"):
        yield "  *Notes:* " + escape_md(" ".join(item.details.split()))


def plan_markdown(document: PlanDocument) -> bytes:
    lines = [f"# {escape_md(document.title)}", "", f"*Made on {document.generated_on:%d %B %Y}*", ""]
    lines += ["## Summary", "", escape_md(document.summary), ""]
    lines += ["## Where your applications stop", ""]
    lines += ["| Stage | Reached | Rejected at this stage | No answer at this stage |", "|---|--:|--:|--:|"]
    lines += [
        f"| {STAGE_LABELS.get(s.stage, s.stage)} | {s.reached} | {s.rejected} | {s.ghosted} |"
        for s in document.funnel
    ]
    lines.append("")
    if document.diagnosis_sentence:
        lines += [f"**Where to act first:** {escape_md(document.diagnosis_sentence)}", ""]
    lines += ["## The plan", ""]
    known = [c for c in CATEGORIES if any(i.category == c for i in document.items)]
    others = sorted({i.category for i in document.items} - set(CATEGORIES))
    for category in known + others:
        lines += [f"### {escape_md(category.capitalize())}", ""]
        for item in (i for i in document.items if i.category == category):
            lines += [*_item_lines(item), ""]
    if not document.items:
        lines += ["*No actions in the plan.*", ""]
    if document.emails:
        lines += ["## Appendix: email drafts", ""]
        for item in document.emails:
            lines += [
                f"### {escape_md(item.title)} — send {item.due_on:%a %d %b %Y}",
                "",
                _fenced(item.details),
                "",
            ]
    return ("\n".join(lines).rstrip() + "\n").encode("utf-8")
