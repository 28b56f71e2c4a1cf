"""Where every page lives, grouped like the navigation: app.py builds the menu from it, and pages and
tests name a page by these constants instead of repeating its path.

Pages live in ``pages/<section>/``: Streamlit's old multipage mode scans only the ``.py`` files placed
directly in ``pages/``, so subfolders never make a deep link opened first lose the frame.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

HOME: Final = "pages/start/home.py"
IMPORT: Final = "pages/start/import_data.py"
APPLICATIONS: Final = "pages/start/applications.py"
OVERVIEW: Final = "pages/losing/overview.py"
REJECTIONS: Final = "pages/losing/rejections.py"
TRENDS: Final = "pages/losing/trends.py"
SKILL_GAPS: Final = "pages/next/skill_gaps.py"
FOLLOW_UPS: Final = "pages/next/follow_ups.py"
ACTION_PLAN: Final = "pages/next/action_plan.py"


@dataclass(frozen=True)
class PageEntry:
    path: str
    title: str
    icon: str
    url_path: str


SECTIONS: Final[dict[str, tuple[PageEntry, ...]]] = {
    "Start": (
        PageEntry(HOME, "Welcome", ":material/home:", "home"),
        PageEntry(IMPORT, "Import", ":material/upload_file:", "import_data"),
        PageEntry(APPLICATIONS, "Applications", ":material/table_rows:", "applications"),
    ),
    "Where am I losing?": (
        PageEntry(OVERVIEW, "Overview", ":material/insights:", "overview"),
        PageEntry(REJECTIONS, "Rejections", ":material/block:", "rejections"),
        PageEntry(TRENDS, "Trends", ":material/show_chart:", "trends"),
    ),
    "What do I do next?": (
        PageEntry(SKILL_GAPS, "Skill gaps", ":material/school:", "skill_gaps"),
        PageEntry(FOLLOW_UPS, "Follow-ups", ":material/mail:", "follow_ups"),
        PageEntry(ACTION_PLAN, "Action plan", ":material/checklist:", "action_plan"),
    ),
}
PAGES: Final[tuple[str, ...]] = tuple(entry.path for entries in SECTIONS.values() for entry in entries)
