"""Render the follow-up and feedback-request emails from ``email_templates.toml``.

Drafts are plain text (never HTML); ``to_eml`` wraps one in an RFC 5322 message a mail client opens.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from email.message import EmailMessage
from email.policy import SMTP
from functools import lru_cache
from typing import Final, Literal

from nextround.followups.candidates import FollowUpCandidate
from nextround.model import STAGES, Stage
from nextround.resources import read_typed
from nextround.skills.vocabulary import in_sentence

Tone = Literal["short", "warm", "formal"]
TONES: Final[tuple[str, ...]] = ("short", "warm", "formal")
DEFAULT_FEEDBACK_DELAY_DAYS: Final = 4
SIGNATURE_PLACEHOLDER: Final = "[Your name]"


@dataclass(frozen=True)
class EmailDraft:
    kind: Literal["follow-up", "feedback request"]
    company: str
    role: str
    subject: str
    body: str
    send_on: date | None = None
    to_name: str | None = None


@dataclass(frozen=True)
class FollowUpTemplate:
    label: str
    subject: str
    greeting_named: str
    greeting_team: str
    greeting_anonymous: str
    thanks_after_contact: str
    thanks_no_contact: str
    reconnect_named: str
    reconnect_team: str
    body: str


@dataclass(frozen=True)
class FeedbackTemplate:
    label: str
    subject: str
    greeting_named: str
    greeting_team: str
    greeting_anonymous: str
    questions: tuple[str, ...]
    body: str
    area_by_stage: dict[str, str]


@dataclass(frozen=True)
class EmailTemplates:
    follow_up: dict[str, FollowUpTemplate]  # by tone
    feedback_request: FeedbackTemplate


@lru_cache(maxsize=1)
def email_templates() -> EmailTemplates:
    """The templates, parsed once per process."""
    return read_typed("email_templates.toml", EmailTemplates)


def tone_labels() -> dict[str, str]:
    """Tone id -> label shown to the user."""
    return {tone: email_templates().follow_up[tone].label for tone in TONES}


def feedback_questions(area: str) -> tuple[str, ...]:
    return tuple(q.format(area=area) for q in email_templates().feedback_request.questions)


def render_follow_up(candidate: FollowUpCandidate, tone: str = "warm", sender_name: str = "") -> EmailDraft:
    """The polite first email after a rejection: thanks, understanding, interest; no request."""
    if tone not in TONES:
        raise ValueError(f"unknown tone {tone!r}; expected one of {', '.join(TONES)}")
    template = email_templates().follow_up[tone]
    values = _common_values(candidate, template, sender_name)
    # Conversations are mentioned only where a screen or interview is on record.
    values["the_conversations"] = "our call" if candidate.stage_reached == "screen" else "our conversations"
    thanks = template.thanks_after_contact if candidate.had_contact else template.thanks_no_contact
    values["thanks"] = thanks.format(**values)
    spoke = candidate.contact_name and candidate.had_contact
    reconnect = template.reconnect_named if spoke else template.reconnect_team
    values["reconnect"] = reconnect.format(**values)
    return EmailDraft(
        kind="follow-up",
        company=candidate.company,
        role=candidate.role,
        subject=_one_line(template.subject.format(**values)),
        body=_tidy(template.body.format(**values)),
        to_name=candidate.contact_name,
    )


def render_feedback_request(
    candidate: FollowUpCandidate,
    area: str,
    sender_name: str = "",
    send_on: date | None = None,
) -> EmailDraft:
    """The later email with the specific questions, the last one about ``area``."""
    template = email_templates().feedback_request
    values = _common_values(candidate, template, sender_name)
    values["area"] = area
    values["questions"] = "\n".join(f"{n}. {q}" for n, q in enumerate(feedback_questions(area), start=1))
    return EmailDraft(
        kind="feedback request",
        company=candidate.company,
        role=candidate.role,
        subject=_one_line(template.subject.format(**values)),
        body=_tidy(template.body.format(**values)),
        send_on=send_on,
        to_name=candidate.contact_name,
    )


def wants_feedback_request(candidate: FollowUpCandidate) -> bool:
    """Only where someone at the company met the applicant (a screen or later)."""
    return candidate.had_contact


def feedback_send_on(follow_up_on: date, delay_days: int = DEFAULT_FEEDBACK_DELAY_DAYS) -> date:
    return follow_up_on + timedelta(days=max(0, delay_days))


def feedback_area(
    candidate: FollowUpCandidate,
    top_gaps: Sequence[str] = (),
    diagnosis_stage: str | None = None,
) -> str:
    """What to ask about: a top skill gap this role asked for, else the first top gap, else the
    stage where to act first (the diagnosis), else the stage this application reached."""
    asked_for = (candidate.required_skills or "").casefold()
    for gap in top_gaps:
        if gap and re.search(rf"(?<!\w){re.escape(gap.casefold())}(?!\w)", asked_for):
            return in_sentence(gap)
    if top_gaps:
        return in_sentence(top_gaps[0])
    by_stage = email_templates().feedback_request.area_by_stage
    if diagnosis_stage in STAGES:
        return by_stage[diagnosis_stage]
    return by_stage[Stage[candidate.stage_reached.upper()].label]


def to_text(draft: EmailDraft) -> str:
    """The draft as a plain-text file: subject line, blank line, body."""
    return f"Subject: {draft.subject}\n\n{draft.body}"


def to_eml(draft: EmailDraft, to_address: str = "", from_address: str = "") -> bytes:
    """An .eml file (plain text only, UTF-8) a mail client opens as a draft to edit and send."""
    message = EmailMessage(policy=SMTP)
    message["Subject"] = draft.subject
    if to_address:
        message["To"] = to_address
    if from_address:
        message["From"] = from_address
    message["X-Unsent"] = "1"  # Outlook and Thunderbird open it as an unsent draft
    message.set_content(draft.body, subtype="plain", charset="utf-8")
    return message.as_bytes()


def _common_values(
    candidate: FollowUpCandidate, template: FollowUpTemplate | FeedbackTemplate, sender_name: str
) -> dict[str, str]:
    company, role = candidate.company, candidate.role
    values = {
        "company": company or "your company",
        "the_role": f"the {role} role" if role else "the role",
        "the_position": f"the {role} position" if role else "the position",
        "role_at_company": f"{role} at {company}"
        if role and company
        else (role or company or "my application"),
        "contact_name": candidate.contact_name or "",
        "signature": sender_name.strip() or SIGNATURE_PLACEHOLDER,
    }
    if candidate.contact_name:
        greeting = template.greeting_named
    else:
        greeting = template.greeting_team if company else template.greeting_anonymous
    values["contact_greeting"] = greeting.format(**values)
    return values


def _one_line(text: str) -> str:
    """A header value: a line break in a company name must not end the Subject header."""
    return " ".join(text.split())


def _tidy(text: str) -> str:
    return re.sub(r"[ \t]+\n", "\n", text).strip() + "\n"
