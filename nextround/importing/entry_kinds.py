"""Which entries of an outreach log are applications.

Some people log every contact with employers, not only applications: a column such as "Type" or
"activity_type" says what each entry is ("Job Application", "Cold Email", "LinkedIn Connection",
"Coffee chat", "Career fair"). Such a column is read only when its values say so: most of its cells
name a kind of entry (``[entry_kinds]`` in ``data/languages``), some an application and some not. A
"Type" column of "Full-time" and "Internship" is something else and is left alone.

An entry that is not an application is left out of the counts, and the user is asked about it, unless
the employer took it to an interview or further: a cold e-mail that led to an interview became an
application.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from typing import Final

import numpy as np
import pandas as pd

from nextround.importing.cells import distinct_values
from nextround.importing.stage_outcome import cell_labels
from nextround.importing.vocabulary import vocabulary

APPLICATION: Final = "application"
NOT_APPLICATION: Final = "not_application"
KIND_SHARE: Final = 0.6  # of a column's filled cells that must name a kind of entry


@lru_cache(maxsize=4096)
def entry_kind(text: str) -> str | None:
    """What one cell says its entry is: APPLICATION, NOT_APPLICATION, or None when it names neither.

    The longest phrase decides ("Open Role Application" is an application, "Direct Role Outreach" is
    not); between phrases of one length, the application (the row stays counted).
    """
    hits = vocabulary().entry_kinds.find(text, overlapping=True)
    if not hits:
        return None
    longest = max(len(hit.phrase) for hit in hits)
    kinds = {kind for hit in hits if len(hit.phrase) == longest for kind in hit.labels}
    return APPLICATION if APPLICATION in kinds else NOT_APPLICATION


def names_entry_kinds(texts: Sequence[str]) -> bool:
    """Whether a column's cells (as texts) say what kind of entry each row is: most of them name a kind,
    and they name both applications and something else."""
    counts = Counter(texts)
    kinds: Counter[str | None] = Counter()
    for text, count in counts.items():
        kinds[entry_kind(text)] += count
    named = kinds[APPLICATION] + kinds[NOT_APPLICATION]
    return bool(kinds[APPLICATION] and kinds[NOT_APPLICATION]) and named >= KIND_SHARE * len(texts)


def not_applications(values: pd.Series) -> tuple[np.ndarray, pd.Categorical]:
    """Per row: whether its cell says the entry is not an application, and "header: cell" where it does
    (missing elsewhere), for the rows left out and the question."""
    codes, uniques = distinct_values(values)
    said_not = np.array(
        [isinstance(u, str) and entry_kind(u) == NOT_APPLICATION for u in uniques.tolist()], dtype=bool
    )
    rows = np.append(said_not, False)[codes]  # a missing cell (code -1) says nothing
    return rows, cell_labels(str(values.name), codes, uniques.tolist(), rows)
