"""The plan as a printable PDF (fpdf2, no browser): summary, funnel drawn with shapes, where to act first,
the plan as a table with tick boxes, and the email drafts in an appendix.

A Unicode TTF (DejaVu Sans) is embedded so names like "Körber" print as written, with fallback fonts
for Chinese, Japanese, Korean and emoji (``fonts``); without DejaVu the document falls back to the core
Helvetica font with the text transliterated. Characters no available font can print show as "?" and a
note at the top says so: text is never dropped silently.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final, cast

from fpdf import FPDF, FontFace
from fpdf.enums import TableCellFillMode, XPos, YPos

from nextround.action_items import CATEGORIES, ActionItem
from nextround.plan.document import FunnelStep, PlanDocument
from nextround.plan.fonts import (
    DEJAVU_DIR,
    FALLBACK_FONTS,
    PRIMARY_FAMILY,
    FontFile,
    add_unicode_fonts,
    printed_chars,
)
from nextround.wording import STAGE_LABELS

DEFAULT_FONT_DIR: Final = DEJAVU_DIR

INK: Final = (33, 37, 41)
MUTED: Final = (108, 117, 125)
ACCENT: Final = (31, 78, 121)
FUNNEL_COLOURS: Final = ((31, 78, 121), (46, 109, 164), (74, 141, 196), (120, 173, 214), (46, 139, 87))
HIGHLIGHT: Final = (255, 243, 205)
HIGHLIGHT_EDGE: Final = (230, 180, 60)
PALE: Final = (243, 246, 249)
PRIORITY_COLOURS: Final = {"high": (192, 57, 43), "medium": (211, 132, 0), "low": (108, 117, 125)}

# Typography the core fonts (Latin-1 only) cannot hold, spelled with what they can.
_ASCII_PUNCTUATION: Final = str.maketrans(
    {
        "–": "-",
        "—": "-",
        "‘": "'",
        "’": "'",
        "“": '"',
        "”": '"',
        "…": "...",
        "•": "-",
        "·": "-",
        "☐": "[ ]",
        "☑": "[x]",
        "≥": ">=",
        "→": "->",
        "Ł": "L",
        "ł": "l",
        "Đ": "D",
        "đ": "d",
        "ı": "i",
        "Œ": "OE",
        "œ": "oe",
        "\u00a0": " ",
    }
)


@dataclass(frozen=True)
class _Fonts:
    family: str
    unicode: bool
    missing: frozenset[str] = frozenset()  # characters no font here can print: shown as "?"

    def text(self, value: object) -> str:
        text = "" if value is None else str(value)
        if not self.unicode:
            return transliterate(text)
        if self.missing.isdisjoint(text):
            return text
        return "".join("?" if char in self.missing else char for char in text)


def transliterate(text: str) -> str:
    """Latin-1 text for the core fonts: typography mapped, accents kept where Latin-1 has them,
    other letters reduced to their base letter, the rest as "?"."""
    text = text.translate(_ASCII_PUNCTUATION)
    out = []
    for char in text:
        if ord(char) < 256:
            out.append(char)
            continue
        base = unicodedata.normalize("NFKD", char).encode("latin-1", "ignore").decode("latin-1")
        out.append(base or "?")
    return "".join(out)


class _PlanPdf(FPDF):
    def __init__(self, footer_text: str) -> None:
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.plan_fonts = _Fonts("helvetica", unicode=False)
        self.footer_text = footer_text

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(self.plan_fonts.family, "", 8)
        self.set_text_color(*MUTED)
        self.cell(0, 5, self.plan_fonts.text(f"{self.footer_text} · page {self.page_no()}/{{nb}}"), align="C")


def plan_pdf(
    document: PlanDocument,
    font_dir: Path | None = DEFAULT_FONT_DIR,
    fallback_fonts: Sequence[FontFile] = FALLBACK_FONTS,
) -> bytes:
    """The printable plan; ``font_dir`` holds DejaVu Sans (None or missing files: core fonts), and
    ``fallback_fonts`` print what DejaVu cannot (CJK, emoji)."""
    pdf, fonts = _new_pdf(document, font_dir, fallback_fonts)
    pdf.add_page()
    _header(pdf, fonts, document)
    if fonts.missing:
        _callout(pdf, fonts, "Some characters could not be printed", _missing_note(len(fonts.missing)))
    _section_title(pdf, fonts, "Where you are")
    _paragraph(pdf, fonts, document.summary)
    _funnel(pdf, fonts, document.funnel)
    if document.diagnosis_sentence:
        _callout(pdf, fonts, "Where to act first", document.diagnosis_sentence)
    _section_title(pdf, fonts, "Your plan")
    _plan_table(pdf, fonts, document.items)
    if document.emails:
        _appendix(pdf, fonts, document.emails)
    linked = [item for item in document.items if item.links]
    if linked:
        _links_appendix(pdf, fonts, linked)
    return bytes(pdf.output())


def _new_pdf(
    document: PlanDocument, font_dir: Path | None, fallback_fonts: Sequence[FontFile]
) -> tuple[_PlanPdf, _Fonts]:
    pdf = _PlanPdf(f"Next Round action plan · {document.generated_on:%d %B %Y}")
    chars = printed_chars(document)
    missing = add_unicode_fonts(pdf, chars, font_dir, fallback_fonts) if font_dir else None
    if missing is None:
        lost = frozenset(c for c in chars if c != "?" and transliterate(c) == "?")
        fonts = _Fonts("helvetica", False, lost)
    else:
        fonts = _Fonts(PRIMARY_FAMILY, True, missing)
    pdf.plan_fonts = fonts
    pdf.set_title(fonts.text(document.title))
    pdf.set_author("Next Round")
    pdf.set_creator("Next Round")
    pdf.set_margins(15, 15, 15)
    pdf.set_auto_page_break(auto=True, margin=18)
    pdf.alias_nb_pages()
    return pdf, fonts


def _header(pdf: _PlanPdf, fonts: _Fonts, document: PlanDocument) -> None:
    pdf.set_fill_color(*ACCENT)
    pdf.rect(0, 0, pdf.w, 34, style="F")
    pdf.set_xy(15, 9)
    pdf.set_text_color(255, 255, 255)
    pdf.set_font(fonts.family, "B", 22)
    pdf.cell(0, 10, fonts.text("Your next round"), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(fonts.family, "", 11)
    open_items = sum(1 for i in document.items if i.status != "done")
    pdf.cell(
        0,
        7,
        fonts.text(f"Action plan · made on {document.generated_on:%d %B %Y} · {open_items} actions to do"),
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
    )
    pdf.set_y(40)
    pdf.set_text_color(*INK)


def _section_title(pdf: _PlanPdf, fonts: _Fonts, title: str) -> None:
    if pdf.get_y() > pdf.h - 40:
        pdf.add_page()
    pdf.ln(2)
    pdf.set_font(fonts.family, "B", 14)
    pdf.set_text_color(*ACCENT)
    pdf.cell(0, 8, fonts.text(title), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_draw_color(*ACCENT)
    pdf.set_line_width(0.4)
    pdf.line(15, pdf.get_y(), pdf.w - 15, pdf.get_y())
    pdf.ln(3)
    pdf.set_text_color(*INK)


def _paragraph(pdf: _PlanPdf, fonts: _Fonts, text: str) -> None:
    pdf.set_font(fonts.family, "", 10.5)
    pdf.multi_cell(0, 5.5, fonts.text(text), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(3)


def _funnel(pdf: _PlanPdf, fonts: _Fonts, steps: Sequence[FunnelStep]) -> None:
    """Centred bars, width by how many applications reached each stage, counts beside them."""
    if not steps:
        return
    bar_height, gap, max_width, centre = 8.5, 1.8, 100.0, 15 + 52.0
    needed = len(steps) * (bar_height + gap) + 10
    if pdf.get_y() + needed > pdf.h - 20:
        pdf.add_page()
    top = pdf.get_y()
    largest = max(steps[0].reached, 1)
    pdf.set_font(fonts.family, "B", 9)
    pdf.set_text_color(*MUTED)
    pdf.set_xy(128, top - 1)
    pdf.cell(0, 5, fonts.text("Stopped at this stage"))
    for index, step in enumerate(steps):
        y = top + 5 + index * (bar_height + gap)
        width = max(max_width * step.reached / largest, 14.0)
        colour = FUNNEL_COLOURS[min(index, len(FUNNEL_COLOURS) - 1)]
        pdf.set_fill_color(*colour)
        pdf.rect(centre - width / 2, y, width, bar_height, style="F", round_corners=True, corner_radius=1.2)
        label = f"{STAGE_LABELS.get(step.stage, step.stage)}  {step.reached}"
        pdf.set_font(fonts.family, "B", 9)
        if pdf.get_string_width(fonts.text(label)) + 4 < width:
            pdf.set_text_color(255, 255, 255)
            pdf.set_xy(centre - width / 2, y)
            pdf.cell(width, bar_height, fonts.text(label), align="C")
        else:
            pdf.set_text_color(*INK)
            pdf.set_xy(centre + width / 2 + 2, y)
            pdf.cell(30, bar_height, fonts.text(label))
        pdf.set_font(fonts.family, "", 9)
        pdf.set_text_color(*INK)
        pdf.set_xy(128, y)
        stopped = f"{step.rejected} rejected · {step.ghosted} no answer" if step.stage != "offer" else ""
        pdf.cell(0, bar_height, fonts.text(stopped))
    pdf.set_y(top + 5 + len(steps) * (bar_height + gap) + 3)
    pdf.set_font(fonts.family, "I", 8)
    pdf.set_text_color(*MUTED)
    pdf.multi_cell(
        0,
        4,
        fonts.text("Bar width: applications that reached each stage (furthest stage reached ≥ that stage)."),
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
    )
    pdf.set_text_color(*INK)
    pdf.ln(2)


def _missing_note(count: int) -> str:
    return (
        f"This computer has no font for {count} of the characters in your plan (for example Chinese, "
        "Japanese or Korean names, or emoji), so they print as “?”. The Markdown, XLSX and CSV downloads "
        "keep every character; installing the fonts named in the README (fonts-noto-cjk, fonts-symbola) "
        "prints them here too."
    )


def _callout(pdf: _PlanPdf, fonts: _Fonts, title: str, sentence: str) -> None:
    """A highlighted box: a bold title over a paragraph."""
    pdf.set_font(fonts.family, "", 10.5)
    text = fonts.text(sentence)
    width = pdf.w - 30 - 10
    lines = len(cast("list[str]", pdf.multi_cell(width, 5.5, text, align="L", dry_run=True, output="LINES")))
    height = 10 + lines * 5.5
    if pdf.get_y() + height > pdf.h - 20:
        pdf.add_page()
    top = pdf.get_y()
    pdf.set_fill_color(*HIGHLIGHT)
    pdf.set_draw_color(*HIGHLIGHT_EDGE)
    pdf.set_line_width(0.5)
    pdf.rect(15, top, pdf.w - 30, height, style="DF", round_corners=True, corner_radius=2)
    pdf.set_xy(20, top + 2.5)
    pdf.set_font(fonts.family, "B", 10.5)
    pdf.cell(0, 5, fonts.text(title), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_x(20)
    pdf.set_font(fonts.family, "", 10.5)
    pdf.multi_cell(width, 5.5, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_y(top + height + 4)


def _plan_table(pdf: _PlanPdf, fonts: _Fonts, items: Sequence[ActionItem]) -> None:
    """One small table per category under its own title; a title never ends a page alone."""
    if not items:
        _paragraph(pdf, fonts, "No actions in the plan yet.")
        return
    known = [c for c in CATEGORIES if any(i.category == c for i in items)]
    others = sorted({i.category for i in items} - set(CATEGORIES))
    for category in known + others:
        if pdf.get_y() > pdf.h - 50:
            pdf.add_page()
        pdf.set_font(fonts.family, "B", 10.5)
        pdf.set_text_color(*ACCENT)
        pdf.cell(0, 6, fonts.text(category.capitalize()), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_text_color(*INK)
        _category_table(pdf, fonts, [i for i in items if i.category == category])
        pdf.ln(3)


def _category_table(pdf: _PlanPdf, fonts: _Fonts, items: Sequence[ActionItem]) -> None:
    pdf.set_font(fonts.family, "", 8.5)
    pdf.set_draw_color(210, 214, 218)
    pdf.set_fill_color(255, 255, 255)
    pdf.set_line_width(0.2)
    with pdf.table(
        col_widths=(7, 53, 78, 22, 20),
        first_row_as_headings=False,
        line_height=4.6,
        padding=1.4,
        cell_fill_color=PALE,
        cell_fill_mode=TableCellFillMode.ROWS,
        text_align=("CENTER", "LEFT", "LEFT", "LEFT", "LEFT"),
        v_align="TOP",
    ) as table:
        for item in items:
            row = table.row()
            row.cell(fonts.text("☑" if item.status == "done" else "☐"), style=FontFace(size_pt=11))
            row.cell(fonts.text(item.title), style=FontFace(emphasis="BOLD"))
            why = item.why + (
                f"\nLinks: {', '.join(link.label for link in item.links)}" if item.links else ""
            )
            row.cell(fonts.text(why))
            row.cell(fonts.text(f"{item.due_on:%a %d %b}"))
            priority = FontFace(emphasis="BOLD", color=PRIORITY_COLOURS.get(item.priority, INK))
            status = "" if item.status == "to do" else f"\n{item.status}"
            row.cell(fonts.text(f"{item.priority} priority{status}"), style=priority)


def _appendix(pdf: _PlanPdf, fonts: _Fonts, emails: Sequence[ActionItem]) -> None:
    pdf.add_page()
    _section_title(pdf, fonts, "Appendix: your email drafts")
    pdf.set_font(fonts.family, "I", 9)
    pdf.set_text_color(*MUTED)
    pdf.multi_cell(
        0,
        4.5,
        fonts.text(
            "Edit each draft before sending. Send the thank-you first; the questions a few days later, "
            "in a separate email."
        ),
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
    )
    pdf.ln(2)
    for item in emails:
        body = fonts.text(item.details.strip())
        pdf.set_font(fonts.family, "", 9.5)
        lines = len(cast("list[str]", pdf.multi_cell(pdf.w - 36, 4.8, body, dry_run=True, output="LINES")))
        if pdf.get_y() + min(lines * 4.8 + 20, 120) > pdf.h - 20:
            pdf.add_page()
        pdf.set_text_color(*ACCENT)
        pdf.set_font(fonts.family, "B", 10.5)
        pdf.multi_cell(0, 5.5, fonts.text(item.title), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_text_color(*MUTED)
        pdf.set_font(fonts.family, "", 9)
        pdf.cell(0, 5, fonts.text(f"Send on {item.due_on:%A %d %B %Y}"), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(1)
        pdf.set_text_color(*INK)
        pdf.set_font(fonts.family, "", 9.5)
        pdf.set_fill_color(*PALE)
        pdf.set_x(18)
        pdf.multi_cell(
            pdf.w - 36, 4.8, body, fill=True, padding=2, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT
        )
        pdf.ln(5)


def _links_appendix(pdf: _PlanPdf, fonts: _Fonts, items: Sequence[ActionItem]) -> None:
    """The full addresses behind the link names in the plan table, to type or click."""
    if pdf.get_y() > pdf.h - 60:
        pdf.add_page()
    _section_title(pdf, fonts, "Links")
    for item in items:
        pdf.set_font(fonts.family, "B", 9.5)
        pdf.set_text_color(*ACCENT)
        pdf.multi_cell(0, 5, fonts.text(item.title), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_text_color(*INK)
        pdf.set_font(fonts.family, "", 8.5)
        for link in item.links:
            pdf.set_x(18)
            pdf.multi_cell(
                pdf.w - 33,
                4.4,
                fonts.text(f"{link.label}: {link.url}"),
                link=link.url,
                align="L",
                new_x=XPos.LMARGIN,
                new_y=YPos.NEXT,
            )
        pdf.ln(2)
