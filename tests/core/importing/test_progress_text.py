"""Status texts, stage-column headers and stage-column cells: what each says about progress."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from nextround.importing.mapping import header_fields, stage_column_kind
from nextround.importing.progress_text import distinct_statuses, read_text, status_key
from nextround.importing.stage_outcome import Flag, read_flag_cell
from nextround.model import OUTCOMES, STAGES, Stage

# (text, stage, outcome) — English free text and tracker exports (Huntr, Teal, Simplify).
ENGLISH = [
    ("Applied", "applied", "pending"),
    ("APPLIED", "applied", "pending"),
    ("Rejected after phone screen", "screen", "rejected"),
    ("Rejected after final round", "final", "rejected"),
    ("Interview scheduled", "interview", "pending"),
    ("Phone screen", "screen", "pending"),
    ("Ghosted", "applied", "ghosted"),
    ("No response", "applied", "ghosted"),
    ("Offer", "offer", "offer"),
    ("Withdrew after interview", "interview", "withdrawn"),
    # "Applied AI" is a field of work: only the sending reads ("Applied — Applied AI team")
    ("Applied - Applied AI team", "applied", "pending"),
    # an offer declined is an offer received, in any words
    ("Offer but turned down", "offer", "offer"),
    ("Offer declined", "offer", "offer"),
    # the candidate's own end, in an app's status code or a note
    ("CANCELLED_BY_ME", "applied", "withdrawn"),
    ("Declined by candidate", "applied", "withdrawn"),
    ("I cancelled my application", "applied", "withdrawn"),
    ("closed by me", "applied", "withdrawn"),
    ("Unfortunately…", "applied", "rejected"),
    ("no longer under consideration", "applied", "rejected"),
    ("Suspected Ghost Job", "applied", "ghosted"),
    ("Rejection :(", "applied", "rejected"),
    ("reeejected", "applied", "rejected"),
    ("Accepted!", "offer", "offer"),
    ("Negative", "applied", "rejected"),
    ("Negative.", "applied", "rejected"),
    ("Negative (Application rejected)", "applied", "rejected"),
    ("They moved forward with other candidates", "applied", "rejected"),
    ("Position filled", "applied", "rejected"),
    ("Offer declined", "offer", "offer"),
    ("withdrew", "applied", "withdrawn"),
    ("OA sent", "screen", "pending"),
    ("Coding challenge", "screen", "pending"),
    ("Take-home", "screen", "pending"),
    ("Onsite", "final", "pending"),
    ("Final round", "final", "pending"),
    ("Superday", "final", "pending"),
    ("HM interview", "interview", "pending"),
    ("2nd interview", "interview", "pending"),
    ("Interviewing", "interview", "pending"),
    ("Negotiating", "offer", "offer"),
    ("I Withdrew", "applied", "withdrawn"),
    ("Not Selected", "applied", "rejected"),
    ("SCREEN", "screen", "pending"),
    ("REJECTED", "applied", "rejected"),
    ("ongoing", "applied", "pending"),
    ("Not selected for interview", "applied", "rejected"),
    ("Rejected before the onsite", "applied", "rejected"),
    ("Rejected without interview", "applied", "rejected"),
    ("Final result: rejected", "applied", "rejected"),
    ("Ghosted after 2nd interview", "interview", "ghosted"),
    ("Rejected after HM interview, then ghosted", "interview", "rejected"),
    ("Offer rescinded", "offer", "rejected"),
    ("Accepted another offer", "applied", "withdrawn"),
    ("Lost interest after the interview", "interview", "withdrawn"),
    ("Waiting to hear back", "applied", "pending"),
    ("rejcted", "applied", "rejected"),
    ("Intreview", "interview", "pending"),
    ("offfer", "offer", "offer"),
    ("Assessment centre", "final", "pending"),
]
GERMAN = [
    ("Absage", "applied", "rejected"),
    ("abgelehnt", "applied", "rejected"),
    ("Vorstellungsgespräch", "interview", "pending"),
    ("Absage nach Vorstellungsgespräch", "interview", "rejected"),
    ("Zusage", "offer", "offer"),
    ("Beworben", "applied", "pending"),
    ("Telefoninterview", "screen", "pending"),
    ("Keine Rückmeldung", "applied", "ghosted"),
    ("offen", "applied", "pending"),
    ("zurückgezogen", "applied", "withdrawn"),
]
FRENCH = [
    ("refus", "applied", "rejected"),
    ("Candidature non retenue", "applied", "rejected"),
    ("Entretien", "interview", "pending"),
    ("Entretien téléphonique", "screen", "pending"),
    ("Sans réponse", "applied", "ghosted"),
    ("Refusé après entretien final", "final", "rejected"),
]
SPANISH = [
    ("Rechazado", "applied", "rejected"),
    ("Entrevista", "interview", "pending"),
    ("Entrevista telefónica", "screen", "pending"),
    ("Sin respuesta", "applied", "ghosted"),
    ("Postulado", "applied", "pending"),
    ("Rechazado tras la entrevista final", "final", "rejected"),
]
CHINESE = [
    ("已投递", "applied", "pending"),
    ("面试寄", "interview", "rejected"),  # slang: dead at the interview
    ("1面", "interview", "pending"),
    ("视频面（1）", "interview", "pending"),  # video interview
    ("无工资，当苦力，我直接拒绝", "applied", "withdrawn"),  # "I turned it down"
    ("笔试寄", "screen", "rejected"),
    ("简历已寄出，等通知", "applied", "pending"),  # 寄出: mailed, no slang
    ("池子", "applied", "pending"),
    ("一面", "interview", "pending"),
    ("二面", "interview", "pending"),
    ("三面", "interview", "pending"),
    ("终面", "final", "pending"),
    ("HR面", "final", "pending"),
    ("笔试", "screen", "pending"),
    ("测评", "screen", "pending"),
    ("技术面", "interview", "pending"),
    ("挂", "applied", "rejected"),
    ("感谢信", "applied", "rejected"),
    ("未通过", "applied", "rejected"),
    ("一面未通过", "interview", "rejected"),
    ("二面挂了", "interview", "rejected"),
    ("第二次笔试-2022年8月3日", "screen", "pending"),  # a second written test (二次 is a Japanese round)
    ("Offer", "offer", "offer"),
    ("意向书", "offer", "offer"),
    ("简历筛选", "applied", "pending"),
    ("石沉大海", "applied", "ghosted"),
    ("ＯＦＦＥＲ", "offer", "offer"),
    ("筛选", "applied", "pending"),  # the CV is being screened
    ("电面凉", "screen", "rejected"),  # the phone interview "went cold"
    ("笔试终止", "screen", "rejected"),
    ("7月26日投递-8月3日流程终结", "applied", "rejected"),
    ("7月26日投递-7月30日修改意向部门", "applied", "pending"),  # changed the department wanted: no offer
    ("不见了", "applied", "ghosted"),  # "disappeared"
]


# Marks the vocabulary lists are words; a history of steps ends as its last answer says.
MARKS_AND_HISTORIES = [
    ("❌", "applied", "rejected"),
    ("🎉", "offer", "offer"),
    ("一面❌", "interview", "rejected"),
    ("Rejected!!", "applied", "rejected"),
    ("网上投递✅ => 一面❌ => 内推投递✅ => 一面✅ => 二面✅ => 录用评估❌ => Offer✅", "offer", "offer"),
    ("Applied -> phone screen -> rejected", "screen", "rejected"),
    ("Rejected → reapplied → interview", "interview", "rejected"),
]


@pytest.mark.parametrize(
    ("text", "stage", "outcome"), ENGLISH + GERMAN + FRENCH + SPANISH + CHINESE + MARKS_AND_HISTORIES
)
def test_status_texts_read_to_stage_and_outcome(text: str, stage: str, outcome: str) -> None:
    reading = read_text(text)
    assert (reading.stage.label, reading.outcome) == (stage, outcome)
    assert reading.known
    assert not reading.not_applied
    assert reading.rule != ""


@pytest.mark.parametrize(
    "text",
    ["The email does not", "Not provided", "Not provided in the email.", "n/a", "N/A", "-", "unknown", "",
     None, float("nan"), pd.NA, "TBD", "?", "asdfgh", "3", 3, "ARCHIVED", "Final result", "Closed",
     "Offre", "Oferta", "descartado", "disqualified"],
)  # fmt: skip
def test_unreadable_texts_are_not_known(text: object) -> None:
    reading = read_text(text)
    assert not reading.known
    assert (reading.stage, reading.outcome, reading.not_applied) == (Stage.APPLIED, "pending", False)


@pytest.mark.parametrize(
    "text",
    ["SAVED", "Wishlist", "Bookmarked", "Interested", "To apply", "Applying", "not applied yet",
     "Not started", "Ready to Apply", "Draft", "Planned", "Not interested", "Skipped",
     # A job found, not acted on; a choice not to go on; an application never finished.
     "identified", "Lead", "watch", "NICHT WEITER VERFOLGEN", "pulada", "Application incomplete", "Ready",
     "Removed before submission",
     # a posting scored by the candidate (a job-search assistant's "Evaluated"), a choice not to apply
     "Evaluated", "Evaluada", "NO APLICAR", "Do not apply",
     # waiting on someone else before it can go out
     "referral_pending", "needs_manual_submit",
     # a CV or an application made ready, not yet sent
     "✅ Ready to submit", "CV to send",
     # a form filled in for the candidate to send; a row repeating another; a try an apply tool could not make
     "FORM FILLED — PDF attached · You Submit", "DUPLICATE — already APPLIED 2026-08-31 · do not re-submit",
     "BLOCKED — Ashby: applied within past 30 days"],
)  # fmt: skip
def test_saved_wishlist_and_not_pursued_texts_say_never_sent(text: str) -> None:
    reading = read_text(text)
    assert reading.known
    assert reading.not_applied
    assert not reading.says_applied
    assert "not applied" in reading.rule


@pytest.mark.parametrize(
    ("text", "not_applied", "outcome"),
    [("Applied (saved the posting too)", False, "pending"), ("Saved, then phone screen", False, "pending"),
     ("Sent, but not interested any more", False, "withdrawn"), ("never applied", True, "pending"),
     ("did not apply", True, "pending"), ("CV not sent", True, "pending"),
     # a posting that closed before it was sent: no rejection, no application
     ("Posting closed before application - user confirmed", True, "pending"),
     ("Role closed before applying", True, "pending"),
     # a form filled in that still needs sending by hand: "filled" is the form, not the position
     ("filled_needs_manual_submit", True, "pending"),
     ("Will apply once the referral is in - role filled?", True, "pending"),
     ("Applied before the deadline, rejected", False, "rejected")],
)  # fmt: skip
def test_saved_words_do_not_hide_real_progress(text: str, not_applied: bool, outcome: str) -> None:
    reading = read_text(text)
    assert (reading.not_applied, reading.outcome) == (not_applied, outcome)


@pytest.mark.parametrize(
    ("text", "stage", "outcome"),
    [
        ("Had four interviews with them and then they said no", "interview", "rejected"),
        ("Prescreen", "screen", "pending"),  # in a status, the recruiter's pre-screen call
        ("Applied online. Didn't go further than that.", "applied", "rejected"),
        ("The position wasn't available anymore due to headcount issues", "applied", "rejected"),
        ("They gave me a coding quiz", "screen", "pending"),
        ("Interviewed, not extended an offer", "interview", "rejected"),
        ("5 interviews", "interview", "pending"),
        ("rejected after the technical test", "screen", "rejected"),
        ("never heard back so I'm assuming nothing is happening", "applied", "ghosted"),
        ("Interviewed – rejected due to lack of LLM experience", "interview", "rejected"),
        ("2nd round next week", "interview", "pending"),
        ("no interview, just an automatic no", "applied", "pending"),
        ("Previously interviewed in 2024, this time rejected", "applied", "rejected"),
        ("they should begin interviewing next week", "applied", "pending"),
        ("I said no", "applied", "withdrawn"),
        ("offer declined", "offer", "offer"),
        ("position cancelled", "applied", "rejected"),
        ("role filled", "applied", "rejected"),
        ("Followed up", "applied", "pending"),
        ("Background check", "final", "pending"),
        ("R2 done", "interview", "pending"),
        ("Tech round", "interview", "pending"),
        ("Rejected - after HM", "interview", "rejected"),
        ("Req closed", "applied", "rejected"),
        ("Emailed", "applied", "pending"),
        ("Not Responded", "applied", "ghosted"),
        ("I Denied", "applied", "withdrawn"),
        ("App Submission", "applied", "pending"),
        ("Alındı Teyidi (İşlemde)", "applied", "pending"),
        ("Calling me 5/20 at noon to discuss.", "screen", "pending"),
        ("Application not progressed to interview after strong applicant response.", "applied", "rejected"),
        ("Not shortlisted for interview; progressed candidates with more experience", "applied", "rejected"),
        ("We will not be moving forward to the interview stage", "applied", "rejected"),
        ("Progressed to interview with the hiring manager", "interview", "pending"),
        ("Moved forward to the online assessment", "screen", "pending"),
        ("Job expired and no longer taking applications.", "applied", "rejected"),
        # an interview offered is an invitation, not a job offer
        ("Interview offer", "interview", "pending"),
        ("Not Interested (Interview Offer)", "interview", "withdrawn"),
        # a favour offered is no job offer
        ("No vacancy at present, but offered to forward my CV to HR", "applied", "pending"),
        # a stage right after a refusal did not happen, in any language; a new clause starts afresh
        ("Pas retenu pour un entretien", "applied", "rejected"),
        ("niet uitgenodigd voor een gesprek", "applied", "rejected"),
        ("No pasé a la entrevista", "applied", "rejected"),
        ("nicht eingeladen zum Interview", "applied", "rejected"),
        ("Pas retenu après entretien", "interview", "rejected"),
        ("not selected, interview went badly", "interview", "rejected"),
        ("didn't make it to the interview", "applied", "pending"),
        ("No feedback on the interview", "interview", "ghosted"),
        # a refusal that says a step was not passed names a step that took place
        ("Did not pass the technical interview", "interview", "rejected"),
        # a step called off did not take place; an offer called off is an offer lost
        ("They cancelled technical interview in the last minute", "applied", "pending"),
        ("Had a phone screen, then they cancelled the onsite", "screen", "pending"),
        # "not able to move forward to the interview stage": a rejection before the interview
        ("We are not able to move forward to the interview stage at this time.", "applied", "rejected"),
        ("Unable to move forward to the interview stage", "applied", "rejected"),
        # a step answered with a no that ends its clause, as a form's answers read, was not taken
        ("Phone screen: No", "applied", "pending"),
        ("Interview? No", "applied", "pending"),
        ("NYC office/interview No · auth No · sponsorship Yes", "applied", "pending"),
        ("Interview: yes", "interview", "pending"),
        ("Phone screen: no idea yet when", "screen", "pending"),
        # a step still to be set up has not taken place
        ("Need to reschedule initial call", "applied", "pending"),
        ("Will schedule a phone screen next week", "applied", "pending"),
        ("Didn't book the technical interview", "applied", "pending"),
        ("They cancelled the offer", "offer", "rejected"),
        ("Didn't pass the phone screen", "screen", "rejected"),
        ("Не прошёл собеседование", "interview", "rejected"),
        ("Nie przeszedłem rozmowy kwalifikacyjnej", "interview", "rejected"),
        ("No superé la entrevista técnica", "interview", "rejected"),
        ("未通过面试", "interview", "rejected"),
    ],
)
def test_free_text_with_numbers_and_negations(text: str, stage: str, outcome: str) -> None:
    reading = read_text(text)
    assert (reading.stage.label, reading.outcome) == (stage, outcome)


@pytest.mark.parametrize(
    "text",
    [
        "Unfortunately, it didn't work out this time: your profile does not fully match the requirements.",
        "After careful review we have decided to proceed with other candidates whose experience more "
        "closely matches our needs.",
        "It is with regret that we must inform you that we are not able to consider you for the position.",
        "Wir bedauern daher, dass wir Ihre Bewerbung nicht in die letzte Auswahl nehmen konnten.",
        "Wir haben uns entschieden, mit anderen Bewerber:innen fortzufahren.",  # any gender mark
        "haben wir uns entschieden, den Auswahlprozess mit anderen Kandidat*innen fortzusetzen",
        "Wir haben die Position mittlerweile erfolgreich besetzt.",
        "Not hired",
        "Interviewed, but the recruitment of this job posting was canceled.",
        "We have made the difficult decision to decline your application for the role.",
        "we have decided to proceed with individuals whose skills more closely align with the role",
        "We have progressed with candidates whose CV displays a closer alignment.",
        "We have decided to move forward with other candidates.",
        "Dieses Mal erfüllen andere Bewerber:innen die Kriterien besser, daher sagen wir dir heute ab.",
        "Es tut uns leid, dass wir dieses Mal keine bessere Nachricht für Sie haben.",
        "Trotz Ihrer Qualifikation gab es eine Person, die noch ein Stück besser passte.",
    ],
)
def test_what_rejection_emails_say_reads_as_rejected_in_prose(text: str) -> None:
    assert read_text(text, prose=True).outcome == "rejected"


@pytest.mark.parametrize(
    ("text", "stage", "outcome"),
    [
        ("Offered position, declined", "offer", "offer"),  # turning it down is still an offer reached
        ("Got an offer from them after the onsite!", "offer", "offer"),
        ("They offer remote work and a good salary package", "applied", "pending"),
        ("One way video interview request. I declined.", "screen", "withdrawn"),
    ],
)
def test_a_note_names_an_offer_only_in_words_that_mean_nothing_else(
    text: str, stage: str, outcome: str
) -> None:
    reading = read_text(text, note=True)
    assert (reading.stage.label, reading.outcome) == (stage, outcome)


@pytest.mark.parametrize(
    ("text", "stage"),
    [("we met at the office, the technical staff were nice", "applied"),
     ("phone number in the email", "applied"), ("3 days on-site, the rest remote", "applied"),
     ("marked applied per the full evaluation of fit", "applied"),
     ("had a phone screen with Anna", "screen"),
     # an application form's own questions, answered while applying: no screen by the employer
     ("Pre-screen Qs: Eligible to work in Canada -> Yes; Desired salary -> CAD 145,000", "applied"),
     ("Pre-screen (see resume.pdf): work rights? -> Citizen. Application submitted.", "applied"),
     ("answered the screening questions and applied", "applied"),
     # Japanese "一次" (first round) is, in a Chinese sentence, "the first time"
     ('人生的第一次"卖身"契', "applied"), ("一次面接の連絡が来た", "interview"),
     # a stage word right after a verb of taking part in it is a step taken
     ("asked about my visa, got OA, failed", "screen"), ("had a phone call with the recruiter", "screen"),
     ("did the final round on Monday", "final"), ("got the phone number", "applied"),
     ("Completed video assessment on 07/21/2021", "screen"),
     ("had a test drive of their product", "applied"), ("will have a test", "applied"),
     ("never got a phone call", "applied"), ("the test went well", "applied")],
)  # fmt: skip
def test_prose_reads_only_unmistakable_phrases(text: str, stage: str) -> None:
    assert read_text(text, prose=True).stage.label == stage


@pytest.mark.parametrize(
    ("text", "stage", "outcome"),
    [("投", "applied", "pending"), ("拒简历", "applied", "rejected"), ("笔试不过", "screen", "rejected"),
     ("一面不過", "interview", "rejected"), ("我拒了", "applied", "withdrawn"),
     ("婉拒", "applied", "pending")],  # either side's: asked, not read
)  # fmt: skip
def test_a_chinese_status_cells_one_character_words(text: str, stage: str, outcome: str) -> None:
    # "投" (sent), "拒" (turned down), "不过" (did not pass) in a status cell; their longer words decide
    # first (婉拒 politely declined, 我拒了 I said no). In a sentence they are other words.
    reading = read_text(text)
    assert (reading.stage.label, reading.outcome, reading.known) == (stage, outcome, text != "婉拒")
    for sentence in ("投资银行部门", "电面挺顺利，不过还没消息", "有点抗拒"):
        assert read_text(sentence, prose=True).outcome in ("pending", "ghosted")
        assert not read_text(sentence, prose=True).says_applied or "电面" in sentence


@pytest.mark.parametrize(
    ("text", "not_applied"),
    [("正式批已开", True), ("提前批结束，正式批未开", True), ("正式批已开，已投递", False)],
)  # fmt: skip
def test_a_chinese_companys_season_opening_is_no_application(text: str, not_applied: bool) -> None:
    # "the main round has opened" says where the company's hiring stands, not that anything was sent
    reading = read_text(text)
    assert reading.not_applied == not_applied and reading.says_applied != not_applied


@pytest.mark.parametrize(
    ("text", "outcome"),
    [("面得很顺利，拿到了offer", "offer"), ("已拿offer", "offer"), ("base 180k的offer包还不错", "offer"),
     ("onsite还行，最后没给offer", "rejected"), ("没有offer", "rejected"),
     ("offer", "pending")],  # a bare loanword in a sentence is asked about, as in English prose
)  # fmt: skip
def test_chinese_prose_borrows_offer_in_everyday_phrases(text: str, outcome: str) -> None:
    assert read_text(text, prose=True).outcome == outcome


@pytest.mark.parametrize(
    ("text", "stage", "outcome"),
    [("Informational interview", "applied", "pending"), ("Coffee chat", "applied", "pending"),
     ("LinkedIn Connect Request", "applied", "pending"), ("Connection request sent", "applied", "pending"),
     ("Networking", "applied", "pending"), ("Intro sent", "applied", "pending"),
     ("Referral requested", "applied", "pending")],
)  # fmt: skip
def test_networking_is_no_application_yet(text: str, stage: str, outcome: str) -> None:
    # an informational interview is a conversation, not the employer's interview; a connection request or
    # an introduction comes before any application
    reading = read_text(text)
    assert (reading.stage.label, reading.outcome) == (stage, outcome)
    assert reading.not_applied and not reading.says_applied
    assert read_text("Interview after an informational chat").stage.label == "interview"


@pytest.mark.parametrize(
    "word",
    ["writing", "selected", "repeated", "related", "declared", "filed", "interest", "expected", "visual"],
)
def test_typo_tolerance_never_turns_ordinary_words_into_statuses(word: str) -> None:
    assert not read_text(word).known


@pytest.mark.parametrize(
    ("text", "outcome", "rule"),
    [("Inter + Rejec", "rejected", "reject (read from 'rejec')"),
     ("Accep", "offer", "accepted (read from 'accep')"),
     ("Withd", "withdrawn", "withdrew (read from 'withd')")],
)  # fmt: skip
def test_a_status_cut_short_is_read_when_it_begins_one_meaning_only(
    text: str, outcome: str, rule: str
) -> None:
    reading = read_text(text)
    assert (reading.outcome, reading.rule) == (outcome, rule)
    assert reading.stage == Stage.APPLIED or outcome == "offer"  # "inter" begins interview and interested


@pytest.mark.parametrize(
    ("text", "stage", "outcome"), [("ccepted", "offer", "offer"), ("nterview", "interview", "pending")]
)
def test_a_status_missing_its_first_letter_is_read(text: str, stage: str, outcome: str) -> None:
    reading = read_text(text)
    assert (reading.stage.label, reading.outcome) == (stage, outcome)
    assert reading.rule.endswith(f"(read from '{text}')")


def test_words_cut_short_are_not_completed_in_notes() -> None:
    assert not read_text("rejec", note=True).known
    assert not read_text("Inter", note=False).known
    # one letter short of a status word is a word of its own in a sentence: "triage" is no "triagem"
    # (Portuguese: screening), while a letter swapped or lost inside a word is still mended
    assert read_text("Strong fit: duties match SOC triage and IR support", prose=True).stage == Stage.APPLIED
    assert read_text("rejcted after the first interview", prose=True).outcome == "rejected"
    # nor is a word one letter other than a status word: "Endkunde" (end customer) is no "Endrunde"
    reading = read_text("ENDKUNDE: Hoffmann. Profil beim Kunden eingereicht.", prose=True, note=True)
    assert reading.stage == Stage.APPLIED
    assert read_text("reeejected after the phone screen", prose=True).outcome == "rejected"


def test_an_english_word_is_never_mended_into_another_languages_status() -> None:
    # "seed-stage" is no misspelt Swedish "sedd" (seen by the employer, so sent)
    reading = read_text(
        "URL 404 -- apply via email; seed-stage startup, comp undisclosed.", prose=True, note=True
    )
    assert not reading.says_applied and not reading.names_applied


def test_rule_says_which_phrase_decided_and_what_was_mended() -> None:
    assert read_text("Rejected after phone screen").rule == "rejected + phone screen"
    assert read_text("reeejected").rule == "rejected (read from 'reeejected')"
    assert read_text("Not provided").rule == "unreadable: not provided"


def test_a_huge_cell_is_read_in_linear_time_and_only_its_start() -> None:
    long_text = "rejected " + "blah " * 400_000 + "offer"
    reading = read_text(long_text)
    assert reading.outcome == "rejected"  # the start is read; the offer 2 MB later is not


@pytest.mark.parametrize(
    ("text", "key"),
    [("  Rejected  after   phone screen!! ", "rejected after phone screen"), ("Rejection :(", "rejection"),
     ("APPLIED", "applied"), (None, ""), (float("nan"), ""), (2.0, "2"), ("n/a", "n/a"),
     ("Ｏｆｆｅｒ", "offer")],
)  # fmt: skip
def test_status_key(text: object, key: str) -> None:
    assert status_key(text) == key


def test_distinct_statuses_groups_spellings_and_applies_overrides() -> None:
    values = pd.Series(
        [
            "Rejected",
            "rejected.",
            "Rejected",
            "Applied",
            None,
            "",
            "The email does not",
            "Applied",
            "Rejected",
        ]
    )
    table = distinct_statuses(values, {"the email does not": ("applied", "rejected")})
    assert list(table.columns) == [
        "raw", "key", "count", "stage", "outcome", "known", "is_application", "rule", "overridden",
    ]  # fmt: skip
    assert list(table["key"]) == ["rejected", "applied", "the email does not"]
    assert list(table["raw"]) == ["Rejected", "Applied", "The email does not"]
    assert list(table["count"]) == [4, 2, 1]
    assert list(table["outcome"]) == ["rejected", "pending", "rejected"]
    assert list(table["known"]) == [True, True, True]
    assert list(table["overridden"]) == [False, False, True]
    assert table["stage"].dtype == pd.CategoricalDtype(list(STAGES), ordered=True)


def test_distinct_statuses_of_nothing_is_an_empty_table() -> None:
    table = distinct_statuses(pd.Series([None, "", "  "], dtype="object"))
    assert len(table) == 0
    assert "overridden" in table.columns


def test_bad_override_is_refused() -> None:
    with pytest.raises(ValueError, match="status override"):
        distinct_statuses(pd.Series(["x"]), {"x": ("phone", "rejected")})


@pytest.mark.parametrize(
    ("header", "kind"),
    [
        ("Phone Screen", "screen"), ("Recruiter", "screen"), ("HR/ Recruiter Call", "screen"),
        ("Coding Challenge", "screen"), ("OA", "screen"), ("Assessment", "screen"),
        ("Phone", "screen"), ("HR Interview", "screen"), ("Tech", "screen"), ("Tech Exam", "screen"),
        ("Interview", "interview"), ("Hiring Manager", "interview"), ("First", "interview"),
        ("Technical Interview/ Assessment", "interview"), ("1st interview", "interview"),
        ("On-Campus", "interview"), ("Interview Date", "interview"), ("2nd Interview", "interview"),
        ("Onsite", "final"), ("Panel Interview", "final"), ("Final Round", "final"), ("Final", "final"),
        ("Superday", "final"), ("AI面", "screen"), ("二面", "interview"), ("简历通过", "cv_screen"),
        ("CV screen", "cv_screen"), ("Resume Review", "cv_screen"),
        ("Offer", "offer"), ("Offer received", "offer"), ("Job Offer", "offer"), ("Offer Declined", "offer"),
        ("Auto Rejected", "rejected"), ("Rejected", "rejected"), ("No Offer", "rejected"),
        ("In-Progress", "in_progress"), ("Ghosted", "ghosted"), ("Withdrawn", "withdrawn"),
    ],
)  # fmt: skip
def test_stage_column_headers(header: str, kind: str) -> None:
    assert stage_column_kind(header) == kind


@pytest.mark.parametrize(
    "header",
    ["Company", "Status", "Stage", "Result", "Outcome", "Notes", "Date Applied", "Applied Date", "Role name",
     "Interview notes", "Interviewer", "Number of interviews", "Final Result", "Current stage", "Job Title",
     "Location", "Salary", "", "Offer amount", "ONSITE/REMOTE", "Onsite / Hybrid / Remote",
     "Recruiter?", "Recruiter Phone", "First_Respond_Date", "Automated first?", "Tech test type",
     "Job Interview Questions", "Final answer"],
)  # fmt: skip
def test_ordinary_headers_are_not_stage_columns(header: str) -> None:
    assert stage_column_kind(header) is None


@pytest.mark.parametrize(
    ("cell", "value"),
    [
        ("Y", Flag.REACHED), ("yes", Flag.REACHED), ("1", Flag.REACHED), (1, Flag.REACHED),
        (True, Flag.REACHED), ("x", Flag.REACHED), ("✓", Flag.REACHED), ("✔", Flag.REACHED),
        ("passed", Flag.REACHED), ("done", Flag.REACHED), (np.True_, Flag.REACHED),
        ("8/5/2019 & 8/14/2019", Flag.REACHED), ("2019-08-22", Flag.REACHED),
        (dt.datetime(2024, 3, 1, 9, 30), Flag.REACHED), (pd.Timestamp("2024-03-02"), Flag.REACHED),
        (45000, Flag.REACHED), ("8/82019 ", Flag.REACHED), ("8-Jul", Flag.REACHED),
        ("N", Flag.NOT_REACHED), ("no", Flag.NOT_REACHED), (0, Flag.NOT_REACHED), (False, Flag.NOT_REACHED),
        ("n/a", Flag.EMPTY), ("G", Flag.GHOSTED), ("ghosted", Flag.GHOSTED),
        ("rejected", Flag.REJECTED), ("failed", Flag.REJECTED), ("rejected 9/12/2019", Flag.REJECTED),
        ("expired", Flag.WITHDRAWN),
        ("Skip", Flag.NOT_REACHED), ("not started", Flag.NOT_REACHED),  # the step never came
        ("", Flag.EMPTY), (None, Flag.EMPTY), (float("nan"), Flag.EMPTY), ("-", Flag.EMPTY),
        (pd.NaT, Flag.EMPTY),
        ("went well, I think", Flag.UNKNOWN),
        # how long after the application the step came: it came
        ("14 days", Flag.REACHED), ("0 days", Flag.REACHED), ("2 Wochen", Flag.REACHED),
        ("3天", Flag.REACHED), ("days", Flag.UNKNOWN), ("14 people", Flag.UNKNOWN),
    ],
)  # fmt: skip
def test_flag_cells(cell: object, value: Flag) -> None:
    assert read_flag_cell(cell) == value


@given(st.one_of(st.text(max_size=60), st.none(), st.integers(), st.floats(), st.booleans()))
def test_any_text_reads_to_a_valid_reading_and_keys_are_stable(text: object) -> None:
    reading = read_text(text)
    assert reading.outcome in OUTCOMES
    assert isinstance(reading.stage, Stage)
    assert reading.known or reading.outcome == "pending"
    assert status_key(status_key(text)) == status_key(text)
    assert read_text(status_key(text)) == reading


@given(
    st.one_of(
        st.text(max_size=40), st.none(), st.integers(), st.floats(), st.booleans(),
        st.dates(), st.datetimes(), st.sampled_from(["8/5/2019 & 8/14/2019", "1/1/1800", "99/99/2020"]),
    )
)  # fmt: skip
def test_any_flag_cell_reads_to_a_flag(cell: object) -> None:
    assert isinstance(read_flag_cell(cell), Flag)


@pytest.mark.parametrize("text", ["Strong candidate", "Discarded by candidate: comp too low", "candidate"])
def test_an_english_candidate_is_no_french_applied_word(text: str) -> None:
    # "candidaté" folds to "candidate": only its phrases ("j'ai candidaté") say an application went out.
    assert not read_text(text, note=True).says_applied
    assert read_text("J'ai candidaté le 3 mars").says_applied


def test_a_two_sided_word_reads_as_the_candidates_own_only_when_asked_to() -> None:
    alone, yours = read_text("Discarded"), read_text("Discarded", own_side=True)
    assert not alone.known and alone.rule == "unreadable: discarded"
    assert yours.known and yours.not_applied and yours.outcome == "withdrawn" and "yours" in yours.rule
    assert read_text("Descartada", own_side=True).not_applied
    assert read_text("ruled_out", own_side=True).not_applied and not read_text("ruled_out").known
    assert read_text("Eliminated", own_side=True).rule == "unreadable: eliminated"  # most often theirs
    # a mark beside a two-sided word echoes it, and says no more of whose no it was
    marked, marked_yours = read_text("❌ Disqualified"), read_text("❌ Disqualified", own_side=True)
    assert not marked.known and marked.rule == "unreadable: disqualified"
    assert marked_yours.not_applied and not marked_yours.says_applied
    assert read_text("❌ Rejected").outcome == "rejected" and read_text("❌").outcome == "rejected"


@pytest.mark.parametrize(
    ("text", "stage", "outcome", "not_applied"),
    [("PhoneScreen", "screen", "pending", False), ("OfferAccepted", "offer", "offer", False),
     ("NotApplied", "applied", "pending", True), ("InProgress", "applied", "pending", False),
     # a brand written in camel case is read as written first
     ("HackerRank", "screen", "pending", False),
     # a step's number glued to it, as an app names its steps
     ("interview3", "interview", "pending", False), ("Round2", "interview", "pending", False)],
)  # fmt: skip
def test_a_status_in_camel_case_is_read_with_its_words_apart(
    text: str, stage: str, outcome: str, not_applied: bool
) -> None:
    reading = read_text(text)
    assert reading.known and reading.stage.label == stage and reading.outcome == outcome
    assert reading.not_applied == not_applied
    table = distinct_statuses(pd.Series([text, text]))
    assert table.loc[0, "known"] and table.loc[0, "stage"] == stage  # the table of statuses agrees


@pytest.mark.parametrize(
    ("header", "field", "kind"),
    [("DateApplied", "applied_on", None), ("JobTitle", "role", None), ("applicationStatus", "status", None),
     ("PhoneScreen", None, "screen"), ("OfferReceived", None, "offer"), ("InterviewDate", None, "interview"),
     ("LinkedIn Message", "candidate_action", None), ("date_interview1", None, "interview"),
     ("Interview2Date", None, "interview")],
)  # fmt: skip
def test_a_header_in_camel_case_is_read_with_its_words_apart(
    header: str, field: str | None, kind: str | None
) -> None:
    if field is not None:
        assert header_fields(header)[:2] == ((field,), 1.0)
    assert stage_column_kind(header) == kind


def test_an_answer_that_is_no_step_is_read_and_its_negation_is_no_never_sent() -> None:
    assert read_text("Responded").known and not read_text("Responded").not_applied
    assert read_text("has not responded").outcome == "ghosted"
    # "responde" is mended towards "responded": a negated answer must not become "never applied"
    assert not read_text("Follow-up si no responde ~02/10", note=True).says_never_sent


@pytest.mark.parametrize(
    ("text", "outcome", "not_applied"),
    [("Abandoned", "withdrawn", True), ("Applied, then gave up", "withdrawn", False),
     ("流程中止", "rejected", False), ("7月30日投递-8月6日简历结束", "rejected", False)],
)  # fmt: skip
def test_a_process_ended_or_abandoned(text: str, outcome: str, not_applied: bool) -> None:
    reading = read_text(text)
    assert (reading.outcome, reading.not_applied) == (outcome, not_applied)


@pytest.mark.parametrize(
    ("cell", "value"),
    [("probably not", Flag.NOT_REACHED), ("大概无", Flag.NOT_REACHED), ("maybe yes", Flag.REACHED),
     ("vielleicht nein", Flag.NOT_REACHED), ("probably", Flag.UNKNOWN)],
)  # fmt: skip
def test_a_hedged_yes_or_no_in_a_stage_column_is_the_answer(cell: str, value: Flag) -> None:
    assert read_flag_cell(cell) == value


@pytest.mark.parametrize(
    "text",
    [
        "see https://jobs.example.com/applied/123",
        "READY — pack + Jane_Doe_Applied_AI_Engineer.pdf",
        "submit-logs/2026-09-16-acme-applied-ai-blocked.md",
        "offer@acme.example",
    ],
)
def test_an_address_or_a_files_name_says_nothing_of_where_it_stands(text: str) -> None:
    reading = read_text(text)
    assert not reading.says_applied and reading.outcome == "pending" and reading.stage == Stage.APPLIED


@pytest.mark.parametrize(
    ("text", "never_sent"),
    [("did not apply", True), ("unsent", True), ("en hakenut", True), ("Hakematta", True),
     ("Saved", False), ("Tallennettu", False), ("To apply", False)],
)  # fmt: skip
def test_never_sent_in_so_many_words_even_where_the_verb_carries_the_negation(
    text: str, never_sent: bool
) -> None:
    # Finnish negates in the verb: "en hakenut" (I did not apply) says it as plainly as "did not apply",
    # though "en" is no negator (English "en route", Swedish "a"); "Saved" is only not sent yet.
    reading = read_text(text)
    assert reading.not_applied and reading.says_never_sent == never_sent


@pytest.mark.parametrize(
    "text",
    ["Submitted via their portal. We have received your application and will be reviewing it shortly.",
     "Applied 2 May, not reviewed yet", "Application sent; not viewed so far",
     "Applied. Not under review yet"],
)  # fmt: skip
def test_a_step_after_sending_that_has_not_come_yet_still_says_it_was_sent(text: str) -> None:
    # "Reviewing", "viewed", "received" name where an application sent stands: their negation or their
    # future ("will be reviewing") says the employer has not looked yet, not that nothing was sent.
    reading = read_text(text, note=True)
    assert reading.says_applied and not reading.not_applied and not reading.says_never_sent


@pytest.mark.parametrize(
    "text",
    ["will apply next week", "not submitted", "CV not sent", "did not apply",
     "Failed: blocked by a CAPTCHA before submit; no submission occurred", "Could not submit the form",
     "failed to apply (the portal crashed)", "Submission failed"],
)  # fmt: skip
def test_the_act_of_sending_negated_or_to_come_still_says_never_sent(text: str) -> None:
    # an attempt to send that failed sent nothing
    assert read_text(text, note=True).not_applied


@pytest.mark.parametrize(
    ("text", "outcome", "not_applied"),
    [("Failed:captcha-blocked", "pending", True), ("Failed:browser-automation-blocked", "pending", True),
     # a tool's try that ended in an error ("erro": "submit não encontrado") sent nothing
     ("Error", "pending", True), ("erro", "pending", True), ("Fehler", "pending", True),
     ("erreur", "pending", True), ("Application error", "pending", True),
     # failing a step the employer set is their no
     ("Failed the coding test", "rejected", False), ("Failed", "rejected", False),
     ("Rejected after a captcha-free online test", "rejected", False),
     # an error of the site's form, then sent another way
     ("The portal returned a submission error, so the application was sent by email", "pending", False)],
)  # fmt: skip
def test_an_auto_apply_tools_failed_try_is_no_rejection(text: str, outcome: str, not_applied: bool) -> None:
    # "Failed: <why the tool could not send>" is the try that failed: no employer said no
    reading = read_text(text)
    assert (reading.outcome, reading.not_applied) == (outcome, not_applied)


@pytest.mark.parametrize(
    ("text", "stage"),
    [("Discarded 2026-04-28 after recruiter screening. Applied 2026-04-15.", Stage.SCREEN),
     ("Rejected after the final", Stage.FINAL), ("ghosted after the assessment", Stage.SCREEN),
     # with no end, "after" may be a plan: the step is not read as taken
     ("I will decide after the screening", Stage.APPLIED), ("send thanks after the final", Stage.APPLIED)],
)  # fmt: skip
def test_a_note_that_says_it_ended_after_a_step_says_the_step_was_taken(text: str, stage: Stage) -> None:
    # "screening", "final" and "assessment" alone in a sentence mean other things; after the end of an
    # application and "after", they are the step it ended at
    assert read_text(text, note=True).stage == stage


@pytest.mark.parametrize(
    ("text", "outcome"),
    [("Was final rounded, but ultimately rejected", "rejected"), ("final-rounded at two banks", "pending")],
)
def test_final_rounded_in_a_note_is_the_final_round_reached(text: str, outcome: str) -> None:
    # recruiting slang, where "final" alone in a sentence is any last thing
    reading = read_text(text, note=True)
    assert (reading.stage, reading.outcome) == (Stage.FINAL, outcome)


@pytest.mark.parametrize(
    "text", ["Role frozen/canceled by the company after application", "No word since applying"]
)
def test_what_happened_after_applying_says_it_was_sent(text: str) -> None:
    assert read_text(text, note=True).says_applied


def test_a_field_of_work_named_applied_says_nothing_of_sending() -> None:
    for text in ("strong Field CTO / Applied AI fit", "Applied Scientist, Ads", "MSc in Applied Mathematics"):
        assert not read_text(text, note=True).known, text


@pytest.mark.parametrize(
    "text", ["Made an error in my cover letter", "Fehler im Anschreiben", "the portal showed an error"]
)
def test_an_error_in_a_note_is_any_mistake_not_a_try_that_sent_nothing(text: str) -> None:
    assert not read_text(text, note=True).not_applied


@pytest.mark.parametrize(
    ("text", "says_applied", "outcome"),
    [("Expired / no longer accepting applications", False, "rejected"),
     ("Withdrawn - position closed", False, "rejected"),
     ("Expired", True, "withdrawn"),  # alone, the candidate let it expire
     ("I withdrew, then the posting closed", True, "rejected")],
)  # fmt: skip
def test_an_expiry_beside_a_closed_posting_is_the_postings_own(
    text: str, says_applied: bool, outcome: str
) -> None:
    # beside "no longer accepting applications", "Expired" is the posting's: nobody withdrew an
    # application, and nothing says one was sent
    reading = read_text(text, prose=True)
    assert (reading.says_applied, reading.outcome) == (says_applied, outcome)


def test_a_step_named_with_a_failed_submission_says_it_was_sent() -> None:
    # what could not be submitted was the take-home: the application had been sent
    reading = read_text("Could not submit the take-home in time", note=True)
    assert not reading.not_applied and reading.stage > Stage.APPLIED


@pytest.mark.parametrize(
    "text",
    ["（面试时间10月8-12日）|简历挂", "Interview planned for next week; CV rejected",
     "1차 면접 예정 - 서류 탈락", "面接予定 → 書類落ち"],
)  # fmt: skip
def test_a_rejection_of_the_cv_itself_says_no_later_step_was_reached(text: str) -> None:
    # "CV rejected" says where it ended: a later step named beside it was a plan (an interview window,
    # a date set), never reached.
    reading = read_text(text, note=True)
    assert (reading.stage, reading.outcome) == (Stage.APPLIED, "rejected")


def test_a_rejection_of_the_cv_leaves_a_plain_rejection_after_a_step_as_it_was() -> None:
    assert read_text("一面挂").stage == Stage.INTERVIEW
    assert read_text("Phone screen, then rejected").stage == Stage.SCREEN


@pytest.mark.parametrize(
    ("text", "stage", "outcome"),
    [("CV passed", Stage.SCREEN, "pending"), ("Resume screen: passed", Stage.SCREEN, "pending"),
     ("简历通过", Stage.SCREEN, "pending"),  # the same step passed reads alike in every language
     ("서류지원: 합격", Stage.SCREEN, "pending"), ("서류전형 통과", Stage.SCREEN, "pending"),
     ("서류지원: 불합격", Stage.APPLIED, "rejected"),
     ("1차 면접 예정, 서류전형 탈락", Stage.APPLIED, "rejected")],
)  # fmt: skip
def test_passing_the_cv_is_a_screen_reached_in_every_language_and_in_korean_compounds(
    text: str, stage: Stage, outcome: str
) -> None:
    reading = read_text(text)
    assert (reading.stage, reading.outcome) == (stage, outcome)


def test_a_skill_named_like_a_posting_watched_says_nothing_in_a_note() -> None:
    # "monitoring" in a list of skills is no posting kept an eye on; as a status it still is
    note = "Strong match: Python, testing, monitoring, and production web architecture."
    assert not read_text(note, note=True).not_applied
    assert read_text("Monitoring").not_applied
