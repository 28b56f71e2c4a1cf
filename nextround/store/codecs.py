"""Each remembered part of a search as JSON and back, typed: what is read back is checked as strictly
as what the app itself would make (a status outside the list, a date that is not one, a wrong shape:
the part is refused, never half-read).

``encode(name, value)`` and ``decode(name, body)`` work by the part's name in ``CODECS``.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Final, cast

import pandas as pd

from nextround.action_items import (
    CATEGORIES,
    PRIORITIES,
    STATUSES,
    ActionItem,
    Category,
    Link,
    Priority,
    Status,
)
from nextround.analysis.stats import Rate
from nextround.editing import RowKey
from nextround.ghosting import GhostingPolicy
from nextround.history.changes import RATES, NewAnswer, RateMove, SinceLastTime
from nextround.importing import ImportOptions
from nextround.settings import AnalysisSettings

Json = Any


class CodecError(ValueError):
    """A remembered part does not have the shape this version of Next Round writes."""


@dataclass(frozen=True)
class Codec:
    encode: Callable[[Any], Json]
    decode: Callable[[Json], Any]


# -- checked reading -----------------------------------------------------------------------------------


def _str(value: Json) -> str:
    if not isinstance(value, str):
        raise CodecError(f"expected text, got {type(value).__name__}")
    return value


def _optional_str(value: Json) -> str | None:
    return None if value is None else _str(value)


def _int(value: Json) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise CodecError(f"expected a whole number, got {type(value).__name__}")
    return value


def _bool(value: Json) -> bool:
    if not isinstance(value, bool):
        raise CodecError(f"expected true or false, got {type(value).__name__}")
    return value


def _list(value: Json) -> list[Json]:
    if not isinstance(value, list):
        raise CodecError(f"expected a list, got {type(value).__name__}")
    return value


def _dict(value: Json) -> dict[str, Json]:
    if not isinstance(value, dict):
        raise CodecError(f"expected an object, got {type(value).__name__}")
    return value


def _one_of(value: Json, allowed: Sequence[str]) -> str:
    text = _str(value)
    if text not in allowed:
        raise CodecError(f"'{text}' is not one of {', '.join(allowed)}")
    return text


def _date(value: Json) -> date:
    try:
        return date.fromisoformat(_str(value))
    except ValueError:
        raise CodecError(f"'{value}' is not a date") from None


def _str_list(value: Json) -> list[str]:
    return [_str(v) for v in _list(value)]


def _str_map(value: Json) -> dict[str, str]:
    return {_str(k): _str(v) for k, v in _dict(value).items()}


# -- the parts -----------------------------------------------------------------------------------------


def encode_items(items: Sequence[ActionItem] | None) -> Json:
    if items is None:
        return None
    return [
        {
            "key": i.key,
            "title": i.title,
            "why": i.why,
            "category": i.category,
            "due_on": i.due_on.isoformat(),
            "priority": i.priority,
            "links": [[link.label, link.url] for link in i.links],
            "status": i.status,
            "details": i.details,
        }
        for i in items
    ]


def decode_items(value: Json) -> list[ActionItem] | None:
    if value is None:
        return None
    out = []
    for raw in _list(value):
        item = _dict(raw)
        links = []
        for link in _list(item["links"]):
            label, url = _list(link)
            links.append(Link(_str(label), _str(url)))
        out.append(
            ActionItem(
                key=_str(item["key"]),
                title=_str(item["title"]),
                why=_str(item["why"]),
                category=cast(Category, _one_of(item["category"], CATEGORIES)),
                due_on=_date(item["due_on"]),
                priority=cast(Priority, _one_of(item["priority"], PRIORITIES)),
                links=tuple(links),
                status=cast(Status, _one_of(item["status"], STATUSES)),
                details=_str(item["details"]),
            )
        )
    return out


def encode_settings(settings: AnalysisSettings) -> Json:
    # The as-of date is not kept: the sample sets it to its own last day; a real search is read as of today.
    return {
        "days_after_applying": settings.ghosting.days_after_applying,
        "days_after_contact": settings.ghosting.days_after_contact,
        "count_ghosting_as_rejection": settings.count_ghosting_as_rejection,
    }


def decode_settings(value: Json) -> AnalysisSettings:
    raw = _dict(value)
    return AnalysisSettings(
        ghosting=GhostingPolicy(_int(raw["days_after_applying"]), _int(raw["days_after_contact"])),
        count_ghosting_as_rejection=_bool(raw["count_ghosting_as_rejection"]),
    )


def encode_options(options: ImportOptions) -> Json:
    return {
        "sheet": options.sheet,
        "date_order": options.date_order,
        "column_overrides": dict(options.column_overrides),
        "status_overrides": {k: list(v) for k, v in options.status_overrides.items()},
        "keep_sensitive": options.keep_sensitive,
        "answers": dict(options.answers),
    }


def decode_options(value: Json) -> ImportOptions:
    raw = _dict(value)
    overrides: dict[str, tuple[str, str]] = {}
    for key, pair in _dict(raw["status_overrides"]).items():
        stage, outcome = _list(pair)
        overrides[_str(key)] = (_str(stage), _str(outcome))
    return ImportOptions(
        sheet=_optional_str(raw["sheet"]),
        date_order=cast(Any, _one_of(raw["date_order"], ("auto", "dmy", "mdy"))),
        column_overrides=_str_map(raw["column_overrides"]),
        status_overrides=overrides,
        keep_sensitive=_bool(raw["keep_sensitive"]),
        answers=_str_map(raw["answers"]),
    )


def _cell(value: object) -> Json:
    """A corrected cell as JSON: dates as ISO text (``apply_edits`` reads them back), missing as null."""
    if value is None or value is pd.NaT or (isinstance(value, float) and not math.isfinite(value)):
        return None
    if isinstance(value, datetime | date | pd.Timestamp):
        return value.isoformat()
    if isinstance(value, bool | int | float | str):
        return value
    return str(value)


def encode_edits(edits: Mapping[RowKey, Mapping[str, object]]) -> Json:
    return [
        [file, row, {column: _cell(v) for column, v in changes.items()}]
        for (file, row), changes in edits.items()
    ]


def decode_edits(value: Json) -> dict[RowKey, dict[str, object]]:
    out: dict[RowKey, dict[str, object]] = {}
    for entry in _list(value):
        file, row, changes = _list(entry)
        cells = _dict(changes)
        for cell in cells.values():
            if cell is not None and not isinstance(cell, bool | int | float | str):
                raise CodecError("a corrected cell is not a plain value")
        out[(_str(file), _int(row))] = cells
    return out


def encode_pasted(pasted: Mapping[RowKey, str]) -> Json:
    return [[file, row, text] for (file, row), text in pasted.items()]


def decode_pasted(value: Json) -> dict[RowKey, str]:
    out: dict[RowKey, str] = {}
    for entry in _list(value):
        file, row, text = _list(entry)
        out[(_str(file), _int(row))] = _str(text)
    return out


def decode_reflections(value: Json) -> dict[str, dict[str, bool | str]]:
    out: dict[str, dict[str, bool | str]] = {}
    for key, answers in _dict(value).items():
        checked: dict[str, bool | str] = {}
        for item, answer in _dict(answers).items():
            if not isinstance(answer, bool | str):
                raise CodecError("a reflection answer is neither ticked nor text")
            checked[_str(item)] = answer
        out[_str(key)] = checked
    return out


def _rate(value: Json) -> Rate:
    count, denominator = _list(value)
    return Rate.of(_int(count), _int(denominator))


def encode_since(since: SinceLastTime) -> Json:
    return {
        "since": since.since.isoformat(),
        "previous_label": since.previous_label,
        "previous_applications": since.previous_applications,
        "applications": since.applications,
        "new_applications": since.new_applications,
        "new_with_answer": since.new_with_answer,
        "gone": since.gone,
        "answers": [[a.company, a.role, a.before, a.after] for a in since.answers],
        "answers_total": since.answers_total,
        "rates": [
            [m.metric, [m.before.count, m.before.denominator], [m.after.count, m.after.denominator]]
            for m in since.rates
        ],
        "plan_done": list(since.plan_done),
    }


def decode_since(value: Json) -> SinceLastTime:
    raw = _dict(value)
    answers = []
    for entry in _list(raw["answers"]):
        company, role, before, after = _list(entry)
        answers.append(NewAnswer(_str(company), _str(role), _str(before), _str(after)))
    rates = []
    for entry in _list(raw["rates"]):
        metric, before, after = _list(entry)
        rates.append(RateMove(_one_of(metric, RATES), _rate(before), _rate(after)))
    return SinceLastTime(
        since=_date(raw["since"]),
        previous_label=_str(raw["previous_label"]),
        previous_applications=_int(raw["previous_applications"]),
        applications=_int(raw["applications"]),
        new_applications=_int(raw["new_applications"]),
        new_with_answer=_int(raw["new_with_answer"]),
        gone=_int(raw["gone"]),
        answers=tuple(answers),
        answers_total=_int(raw["answers_total"]),
        rates=tuple(rates),
        plan_done=tuple(_str_list(raw["plan_done"])),
    )


def _identity(value: Json) -> Json:
    return value


CODECS: Final[Mapping[str, Codec]] = {
    "label": Codec(_identity, _str),
    "settings": Codec(encode_settings, decode_settings),
    "profile": Codec(list, lambda v: tuple(_str_list(v))),
    "pasted": Codec(encode_pasted, decode_pasted),
    "chosen_actions": Codec(encode_items, lambda v: decode_items(_list(v))),
    "plan": Codec(encode_items, decode_items),
    "plan_dismissed": Codec(sorted, lambda v: set(_str_list(v))),
    "followed_up": Codec(sorted, lambda v: set(_str_list(v))),
    "drafts": Codec(dict, _str_map),
    "draft_versions": Codec(dict, lambda v: {_str(k): _int(n) for k, n in _dict(v).items()}),
    "reflections": Codec(_identity, decode_reflections),
    "followup_tone": Codec(_identity, _str),
    "followup_sender": Codec(_identity, _str),
    "followup_delay": Codec(_identity, _int),
    "import_options": Codec(encode_options, decode_options),
    "cell_edits": Codec(encode_edits, decode_edits),
    "upload_token": Codec(_identity, _optional_str),
    "search_token": Codec(_identity, _optional_str),
    "merge_base_label": Codec(_identity, _str),
    "since_last_time": Codec(encode_since, decode_since),  # a checkpoint's changes, not a session key
}


def encode(name: str, value: object) -> str:
    """The part ``name`` as JSON text (keys sorted: the same value always gives the same text)."""
    return json.dumps(CODECS[name].encode(value), sort_keys=True, ensure_ascii=False, allow_nan=False)


def decode(name: str, body: str) -> Any:
    """The part ``name`` read back; ``CodecError`` when it is not what this version writes."""
    try:
        return CODECS[name].decode(json.loads(body))
    except CodecError:
        raise
    except (ValueError, KeyError, TypeError) as error:
        raise CodecError(f"the part '{name}' cannot be read ({error})") from None
