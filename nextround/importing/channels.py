"""Read the channel an application went through ("via Indeed", "内推", a job URL) as a canonical name.

The vocabulary is data (``data/channels.toml``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

import numpy as np
import pandas as pd

from nextround.importing.cells import distinct_texts, repeated_text, take_text
from nextround.importing.phrases import PhraseIndex, normalise
from nextround.resources import load_toml

CHANNELS_FILE = "channels.toml"
_URL_START = re.compile(r"^(?:[a-z][a-z0-9+.-]*://|www\.)", re.I)
_BARE_HOST = re.compile(r"^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:[/:?#]\S*)?$", re.I)
# A host like careers.acme.com or jobs.acme.com is one employer's own careers site.
_CAREERS_HOST = re.compile(r"^(?:careers?|jobs|karriere|carrieres|empleo|talent|apply|recruiting)\.", re.I)
_CAREERS_PATH = re.compile(r"/(?:careers?|karriere|jobs?/apply)(?:/|$)", re.I)


@dataclass(frozen=True)
class _Channels:
    names: tuple[str, ...]
    phrases: PhraseIndex
    exact: dict[str, str]
    domains: tuple[tuple[str, str], ...]
    empty_values: frozenset[str]
    unknown: str
    other: str


@lru_cache(maxsize=1)
def _channels() -> _Channels:
    data = load_toml(CHANNELS_FILE)
    exact: dict[str, str] = {}
    domains: list[tuple[str, str]] = []
    # File order settles a phrase claimed twice: the earlier channel keeps it.
    for entry in data["channel"]:
        for value in (entry["name"], *entry["exact"]):
            exact.setdefault(normalise(value), entry["name"])
        domains.extend((domain.lower(), entry["name"]) for domain in entry["domains"])
    return _Channels(
        names=(*(entry["name"] for entry in data["channel"]), data["other"], data["unknown"]),
        phrases=PhraseIndex(
            (phrase, entry["name"]) for entry in data["channel"] for phrase in entry["phrases"]
        ),
        exact=exact,
        domains=tuple(sorted(domains, key=lambda item: len(item[0]), reverse=True)),
        empty_values=frozenset(normalise(v) for v in data["empty_values"]),
        unknown=data["unknown"],
        other=data["other"],
    )


def channel_names() -> tuple[str, ...]:
    """Every name ``read_channel`` can return, "Other" and "Unknown" last."""
    return _channels().names


def channel_from_url(url: object) -> str | None:
    """The channel a job URL implies (linkedin.com -> LinkedIn, greenhouse.io -> Company website), or None."""
    text = url.strip() if isinstance(url, str) else ""
    if not text:
        return None
    if not _URL_START.match(text):
        if not _BARE_HOST.match(text):
            return None
        text = "https://" + text
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    host = (parts.hostname or "").lower().removeprefix("www.")
    if not host:
        return None
    for domain, name in _channels().domains:
        if host == domain or host.endswith("." + domain):
            return name
    if _CAREERS_HOST.match(host) or _CAREERS_PATH.search(parts.path):
        return "Company website"
    return None


@lru_cache(maxsize=65536)
def _read(raw: str) -> str:
    channels = _channels()
    text = normalise(raw.strip())
    if text in channels.empty_values or not any(ch.isalnum() for ch in text):
        return channels.unknown
    if text in channels.exact:
        return channels.exact[text]
    from_url = channel_from_url(raw)
    if from_url is not None:
        return from_url
    found = channels.phrases.find(text)
    if not found:
        return channels.other
    # Longest phrase wins; among equals the channel listed first ("referral via LinkedIn" is a referral).
    return max(found, key=lambda hit: (len(hit.phrase), -channels.names.index(hit.labels[0]))).labels[0]


def read_channel(text: object) -> str:
    """Canonical channel for one value; "Unknown" when empty, "Other" when nothing matches."""
    if text is None or text is pd.NA or (isinstance(text, float) and np.isnan(text)):
        return _channels().unknown
    return _read(str(text))


def read_channels(values: pd.Series) -> pd.Series:
    """``read_channel`` for every value (raw cells or text), read once per distinct value; same index,
    "str" dtype."""
    codes, texts = distinct_texts(values)
    names = [read_channel(text) for text in texts]
    return take_text(names, codes, values.index, missing=_channels().unknown)


def channels_from_urls(urls: pd.Series | None, rows: int) -> pd.Series:
    """The channel of each application read from its link, for a file with no source column
    ("Unknown" where there is no link, or none at all); read once per distinct link."""
    unknown = _channels().unknown
    if urls is None:
        return repeated_text(unknown, rows)
    codes, texts = distinct_texts(urls)
    names = [(channel_from_url(text) if text else None) or unknown for text in texts]
    return take_text(names, codes, urls.index, missing=unknown)
