"""Channel (source) reading: aliases in several languages, job URLs, empty values."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nextround.importing.channels import (
    channel_from_url,
    channel_names,
    channels_from_urls,
    read_channel,
    read_channels,
)

CANONICAL = (
    "Referral",
    "LinkedIn",
    "Company website",
    "Job board",
    "Recruiter / agency",
    "Careers fair / campus",
    "Networking",
    "Cold outreach",
    "Other",
    "Unknown",
)


@pytest.mark.parametrize(
    ("value", "channel"),
    [
        ("Referral", "Referral"),
        ("referred by a friend", "Referral"),
        ("Employee referral (Anna)", "Referral"),
        ("Referral via LinkedIn", "Referral"),
        ("内部推荐", "Referral"),
        ("内推", "Referral"),
        ("Empfehlung", "Referral"),
        ("Cooptation", "Referral"),
        ("LinkedIn", "LinkedIn"),
        ("linkedin easy apply", "LinkedIn"),
        ("LI", "LinkedIn"),
        ("Company website", "Company website"),
        ("Careers page", "Company website"),
        ("官网投递", "Company website"),
        ("Karriereseite", "Company website"),
        ("Greenhouse", "Company website"),
        ("Workday", "Company website"),
        ("Indeed", "Job board"),
        ("via Glassdoor", "Job board"),
        ("Handshake", "Job board"),
        ("Stepstone", "Job board"),
        ("XING", "Job board"),
        ("招聘软件投递", "Job board"),
        ("小程序投递", "Job board"),
        ("Boss直聘", "Job board"),
        ("Recruiter", "Recruiter / agency"),
        ("Recruiter reached out on LinkedIn", "Recruiter / agency"),
        ("Hays", "Recruiter / agency"),
        ("猎头", "Recruiter / agency"),
        ("Career fair", "Careers fair / campus"),
        ("线下招聘会投递", "Careers fair / campus"),
        ("UF College Fair", "Careers fair / campus"),
        ("Networking event", "Networking"),
        ("Alumni network", "Networking"),
        ("Cold email to CTO", "Cold outreach"),
        ("Initiativbewerbung", "Cold outreach"),
        ("candidature spontanée", "Cold outreach"),
        ("其他", "Other"),
        ("Saw a poster on the bus", "Other"),
        ("", "Unknown"),
        ("   ", "Unknown"),
        ("N/A", "Unknown"),
        ("-", "Unknown"),
    ],
)
def test_aliases_read_to_canonical_channels(value: str, channel: str) -> None:
    assert read_channel(value) == channel


@pytest.mark.parametrize("missing", [None, float("nan"), pd.NA])
def test_missing_values_are_unknown(missing: object) -> None:
    assert read_channel(missing) == "Unknown"


@pytest.mark.parametrize(
    ("url", "channel"),
    [
        ("https://job-boards.greenhouse.io/roadie/jobs/8431926002", "Company website"),
        (
            "https://jobs.ashbyhq.com/webAI/d4d6bcde-2c73-4c56-b41c-841e405dda9e/application",
            "Company website",
        ),
        ("https://jobs.lever.co/acme/123", "Company website"),
        ("https://acme.wd5.myworkdayjobs.com/en-US/External/job/123", "Company website"),
        ("https://jobs.smartrecruiters.com/Acme/123", "Company website"),
        ("https://bostonscientific.eightfold.ai/careers/job/563602808549558", "Company website"),
        ("https://nio.jobs.feishu.cn/campus/position/application", "Company website"),
        ("https://careers.acme.com/job/1", "Company website"),
        ("https://acme.com/careers/data-analyst", "Company website"),
        ("https://www.linkedin.com/jobs/view/3812345678", "LinkedIn"),
        ("linkedin.com/jobs/view/3812345678", "LinkedIn"),
        ("https://uk.indeed.com/viewjob?jk=abc", "Job board"),
        ("https://www.glassdoor.com/job-listing/x", "Job board"),
        ("https://app.joinhandshake.com/jobs/1", "Job board"),
        ("https://www.stepstone.de/stellenangebote--x", "Job board"),
    ],
)
def test_urls_imply_a_channel(url: str, channel: str) -> None:
    assert channel_from_url(url) == channel
    assert read_channel(url) == channel


@pytest.mark.parametrize(
    "value", [None, "", "https://example.com/about", "not a url", "Indeed", 42, "https://", "http://[::1"]
)
def test_urls_that_imply_nothing_give_none(value: object) -> None:
    assert channel_from_url(value) is None


def test_a_lookalike_host_is_not_the_site() -> None:
    assert channel_from_url("https://notlinkedin.com/jobs/1") is None
    assert channel_from_url("https://linkedin.com.evil.example/jobs/1") is None


def test_without_a_source_column_the_channel_is_read_from_each_link() -> None:
    urls = pd.Series(
        [
            "https://www.linkedin.com/jobs/view/1",
            None,
            "https://example.com/careers",
            "https://www.linkedin.com/jobs/view/1",
        ],
        dtype="str",
    )
    assert channels_from_urls(urls, len(urls)).tolist() == [
        "LinkedIn",
        "Unknown",
        "Company website",
        "LinkedIn",
    ]
    assert channels_from_urls(None, 3).tolist() == ["Unknown"] * 3


def test_the_canonical_names_are_the_ones_promised() -> None:
    assert set(channel_names()) == set(CANONICAL)


def test_read_channels_keeps_index_and_reads_each_value() -> None:
    values = pd.Series(["内推", None, "Indeed", "内推", "https://jobs.lever.co/x/1"], index=[5, 6, 7, 8, 9])
    out = read_channels(values)
    assert list(out.index) == [5, 6, 7, 8, 9]
    assert out.tolist() == ["Referral", "Unknown", "Job board", "Referral", "Company website"]
    assert out.dtype == "str"


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=60), st.none(), st.integers(), st.floats()))
def test_read_channel_never_raises_and_stays_canonical(value: object) -> None:
    assert read_channel(value) in CANONICAL


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_channel_from_url_never_raises(value: str) -> None:
    assert channel_from_url(value) in (None, *CANONICAL)
