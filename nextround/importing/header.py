"""Find the header row of a grid: short distinct text labels above rows that look like data.

Banner rows (a merged title, "Updated 2024-05-01"), blank rows and a header further down are handled;
a grid without any header gets a best guess with low confidence.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from nextround.importing.grid import Grid
from nextround.importing.phrases import words
from nextround.importing.textfiles import value_kinds
from nextround.importing.vocabulary import vocabulary

SCAN_ROWS = 30
BELOW_ROWS = 30
MAX_LABEL_CHARS = 40
MAX_LABEL_WORDS = 6

NO_HEADER = -1  # HeaderGuess.index of a sheet without a header row: every row is data
_NO_HEADER_REASON = (
    "no row looks like a header (the first rows look like data): the columns were read from what they "
    "hold; check what each column was read as"
)
# A cell that opens with a day, with or without a year ("6.15已投", "8月17日投递", "3/14 call"): a
# dated value, never a column's name ("1st interview", "Q2" are names).
_OPENS_WITH_A_DAY = re.compile(r"\d{1,4}\s*[./月-]\s*\d{1,2}(?!\d)")


@dataclass(frozen=True)
class HeaderGuess:
    index: int  # index into grid.rows of the header row, or NO_HEADER
    confidence: float  # 0..1
    reason: str  # e.g. "row 3: 8 text labels, 5 known column names; rows above look like a banner"
    banner_above: bool = False  # the rows above the header look like its title, not like data


@dataclass(frozen=True)
class _Candidate:
    index: int
    score: float
    cells: int
    labels: int
    known: int
    coverage: float
    contrast: float
    repeated: float
    banner: bool


def find_header(grid: Grid, is_known_label: Callable[[str], bool] = lambda _: False) -> HeaderGuess:
    """Score the first rows as header candidates and return the best, with why."""
    rows = grid.head(SCAN_ROWS + BELOW_ROWS + 1)
    if not rows:
        return HeaderGuess(0, 0.0, "the sheet is empty")
    text_kinds = value_kinds([str(c).strip() for row in rows for c in row if isinstance(c, str)])
    kinds = [[None if _blank(c) else _cell_kind(c, text_kinds) for c in row] for row in rows]
    scored = (_score(rows, kinds, i, is_known_label) for i in range(min(SCAN_ROWS, len(rows))))
    candidates = [c for c in scored if c is not None]
    if not candidates:
        if any(any(k is not None for k in row) for row in kinds):
            return HeaderGuess(NO_HEADER, 0.15, _NO_HEADER_REASON)  # every filled row holds a date
        return HeaderGuess(0, 0.0, "no row has any cells")
    best = candidates[0]
    for candidate in candidates[1:]:
        # A later row must clearly beat an earlier one, and know as many column names: data that borrows
        # a header's words ("网上投递✅" holds 投递, applied) may look more unlike the rows below it.
        if candidate.score > best.score + 0.03 and candidate.known >= best.known:
            best = candidate
    return _guess(grid, best, candidates, kinds)


def _guess(
    grid: Grid, best: _Candidate, candidates: list[_Candidate], kinds: list[list[str | None]]
) -> HeaderGuess:
    row_number = int(grid.row_numbers[best.index]) if len(grid.row_numbers) else best.index + 1
    below = kinds[best.index + 1 : best.index + 1 + BELOW_ROWS]
    below_label_share = sum(_label_share(r) for r in below) / len(below) if below else 0.0
    label_share = best.labels / best.cells
    looks_like_data = (
        best.known == 0
        and best.contrast < 0.2
        and (label_share <= below_label_share + 0.05 or best.repeated > 0.3)
    )
    if looks_like_data or label_share < 0.5:
        return HeaderGuess(NO_HEADER, 0.15, _NO_HEADER_REASON)
    confidence = (
        0.3
        + 0.3 * label_share * best.coverage
        + 0.25 * min(1.0, best.known / 3)
        + 0.15 * best.contrast
        - 0.2 * best.repeated
    )
    parts = [f"row {row_number}: {best.labels} text label{'s' if best.labels != 1 else ''}"]
    parts[0] += f", {best.known} known column name{'s' if best.known != 1 else ''}"
    above = [c for c in candidates if c.index < best.index]
    banner = bool(above) and all(c.banner or c.cells <= max(2, best.cells // 3) for c in above)
    if best.index > 0:
        parts.append("rows above look like a banner" if banner else "rows above do not look like a header")
    if best.contrast >= 0.3:
        parts.append("rows below look like data")
    return HeaderGuess(best.index, round(max(0.05, min(1.0, confidence)), 2), "; ".join(parts), banner)


def _score(
    rows: list[list[object]],
    kinds: list[list[str | None]],
    i: int,
    is_known_label: Callable[[str], bool],
) -> _Candidate | None:
    """How header-like row ``i`` is; ``kinds`` holds each cell's kind (None where blank)."""
    row = rows[i]
    cells = [(j, c) for j, c in enumerate(row) if kinds[i][j] is not None]
    if not cells:
        return None
    labels = [(j, str(c).strip()) for j, c in cells if kinds[i][j] == "label"]
    known = sum(1 for _, text in labels if _safe_known(is_known_label, text))
    header_texts = {j: text.casefold() for j, text in labels}
    distinct = len(set(header_texts.values())) / max(1, len(labels))
    below = [
        r
        for r in range(i + 1, min(len(rows), i + 1 + BELOW_ROWS))
        if not _repeats(rows[r], header_texts)  # a header repeated below (two files pasted together)
    ]
    use = Counter(j for r in below for j, kind in enumerate(kinds[r]) if kind is not None)
    threshold = max(1, len(below) // 10)
    data_cols = {j for j, n in use.items() if n >= threshold}
    columns = {j for j, _ in cells}
    coverage = len(columns & data_cols) / len(data_cols) if data_cols else 0.5

    contrasts, repeats = [], []
    for j in header_texts.keys() & data_cols:
        filled = [r for r in below if j < len(rows[r]) and kinds[r][j] is not None]
        dominant = Counter(kinds[r][j] for r in filled).most_common(1)[0][0] if filled else "label"
        contrasts.append(dominant != "label")
        values = (rows[r][j] for r in filled)
        repeats.append(any(isinstance(v, str) and v.strip().casefold() == header_texts[j] for v in values))
    contrast = sum(contrasts) / len(contrasts) if contrasts else 0.0
    repeated = sum(repeats) / len(repeats) if repeats else 0.0

    label_share = len(labels) / len(cells)
    banner = len(cells) == 1 and len(use) >= 2
    score = (
        0.35 * label_share
        + 0.25 * coverage
        + 0.10 * distinct
        + 0.10 * (1.0 - repeated)
        + 0.30 * min(1.0, known / max(2.0, 0.5 * len(cells)))
        + 0.20 * contrast
    )
    if banner:
        score *= 0.3
    if label_share < 0.5:
        score *= 0.5
    if any(kinds[i][j] == "date" for j, _ in cells) and len(cells) > 1:
        return None  # a column's name is never a date: a row holding one is data (or a dated banner)
    return _Candidate(i, score, len(cells), len(labels), known, coverage, contrast, repeated, banner)


def _repeats(row: list[object], header_texts: dict[int, str]) -> bool:
    """The row repeats most of a candidate header's labels in the same columns."""
    if len(header_texts) < 2:
        return False
    same = sum(
        1 for j, text in header_texts.items() if j < len(row) and str(row[j] or "").strip().casefold() == text
    )
    return same >= 0.8 * len(header_texts)


def _safe_known(is_known_label: Callable[[str], bool], text: str) -> bool:
    try:
        return bool(is_known_label(text))
    except Exception:  # a mapper's bug must not stop the import; the label just counts as unknown
        return False


def _blank(cell: object) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def _label_share(kinds: list[str | None]) -> float:
    filled = [k for k in kinds if k is not None]
    return sum(1 for k in filled if k == "label") / len(filled) if filled else 0.0


def _cell_kind(cell: object, text_kinds: dict[str | None, str]) -> str:
    """ "label" for a short text that could name a column; otherwise what the value is."""
    if isinstance(cell, bool):
        return "bool"
    if isinstance(cell, int | float):
        return "number"
    if isinstance(cell, dt.date | dt.time):
        return "date"
    text = str(cell).strip()
    kind = text_kinds.get(text) or "text"  # a cell of another type (a timedelta) reads as text
    if kind != "text":
        return kind
    if text.casefold() in {"true", "false", "yes", "no", "y", "n", "x", "✓", "✔"}:
        return "bool"
    if len(text) > MAX_LABEL_CHARS or len(text.split()) > MAX_LABEL_WORDS:
        return "longtext"
    if sum(ch.isdigit() for ch in text) > len(text) / 2:
        return "number"
    if _OPENS_WITH_A_DAY.match(text) or _told_from_now(text):
        return "date"
    return "label"


def _told_from_now(text: str) -> bool:
    """A time told from now ("3 days ago", "about 1 month ago", "vor 3 Tagen", "3天前", as a job site shows
    when one applied): a dated value, never a column's name."""
    parts = words(text)
    if len(parts) > _MAX_AGO_WORDS:
        return False
    vocab = vocabulary()
    said = f" {' '.join(parts)} "
    return any(f" {word} " in said for word in vocab.ago) and any(word in vocab.durations for word in parts)


_MAX_AGO_WORDS = 6  # "il y a environ 3 jours"
