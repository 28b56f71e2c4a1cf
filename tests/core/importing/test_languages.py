"""Each language the importer reads proves itself on a small tracker written in it.

A tracker (tests/fixtures/languages/<code>.csv) is what a job seeker in that country keeps: native column
names, month names in the dates, a stage column with that language's yes/no words, statuses from "sent" to
"offer", a row not applied to yet, and a note that says in words, with a number, how far it got ("two
interviews, then they said no"). The German and French files use ";" as Excel there saves them.

The expectations below are what a careful human reads in each sheet, not what any importer happens to
output. The words come from data/languages/<code>.toml; every language file there has a tracker here.
"""

from __future__ import annotations

import csv
import io
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pandas as pd
import pytest

from nextround.importing import SourceFile, import_files
from nextround.importing.vocabulary import vocabulary
from nextround.resources import data_path

ROOT = Path(__file__).resolve().parents[3]
LANGUAGES_DIR = data_path("languages")
FIXTURES_DIR = ROOT / "tests" / "fixtures" / "languages"

NOT_APPLIED = None  # saved / to apply: reported as skipped, never counted
Reading = tuple[str, str, str] | None  # (applied date, furthest stage, outcome)


@dataclass(frozen=True)
class Tracker:
    code: str
    columns: dict[str, str]  # header as the job seeker wrote it -> the field it holds
    rows: dict[str, Reading]  # company -> what a careful human reads in that row, in sheet order

    def data(self) -> bytes:
        return (FIXTURES_DIR / f"{self.code}.csv").read_bytes()

    def applied(self) -> dict[str, tuple[str, str, str]]:
        return {company: reading for company, reading in self.rows.items() if reading is not NOT_APPLIED}


TRACKERS: tuple[Tracker, ...] = (
    Tracker(
        "en",
        {
            "Company": "company",
            "Job Title": "role",
            "Date Applied": "applied_on",
            "Status": "status",
            "Interview": "stage_column",
            "Notes": "notes",
        },
        {
            "Acme": ("2025-03-14", "applied", "pending"),
            "Globex": ("2025-02-03", "applied", "rejected"),
            "Initech": ("2025-01-27", "interview", "rejected"),
            "Hooli": ("2025-02-18", "interview", "pending"),
            "Stark": ("2025-01-16", "offer", "offer"),
            "Umbrella": NOT_APPLIED,
            "Wayne": ("2025-01-20", "applied", "ghosted"),
            "Wonka": ("2025-01-13", "interview", "rejected"),  # "Had two interviews, then they said no"
            "Tyrell": ("2025-02-21", "screen", "pending"),
        },
    ),
    Tracker(
        "de",
        {
            "Firma": "company",
            "Stelle": "role",
            "Beworben am": "applied_on",
            "Status": "status",
            "Telefoninterview": "stage_column",
            "Vorstellungsgespräch": "stage_column",
            "Notizen": "notes",
        },
        {
            "Siemens": ("2025-03-14", "applied", "pending"),  # 14. März 2025
            "Zalando": ("2025-02-03", "applied", "rejected"),  # 3. Feb. 2025
            "Bosch": ("2025-01-27", "interview", "rejected"),  # Absage nach dem Zweitgespräch
            "SAP": ("2025-02-18", "interview", "pending"),
            "Allianz": ("2025-01-16", "offer", "offer"),
            "Delivery Hero": NOT_APPLIED,  # noch bewerben
            "Lidl": ("2025-01-20", "applied", "ghosted"),
            "Deutsche Bahn": (
                "2025-01-13",
                "interview",
                "rejected",
            ),  # "Zwei Vorstellungsgespräche, dann ... Absage"
            "Otto": ("2025-02-21", "screen", "pending"),  # Telefoninterview = WAHR
        },
    ),
    Tracker(
        "fr",
        {
            "Entreprise": "company",
            "Poste": "role",
            "Date de candidature": "applied_on",
            "Statut": "status",
            "Entretien": "stage_column",
            "Commentaires": "notes",
        },
        {
            "Capgemini": ("2025-01-03", "applied", "pending"),  # 3 janv. 2025
            "Decathlon": ("2025-03-14", "applied", "rejected"),
            "BNP Paribas": ("2025-02-27", "interview", "rejected"),  # Refus après entretien
            "Doctolib": ("2025-02-17", "interview", "pending"),
            "L'Oréal": ("2025-01-15", "offer", "offer"),  # Proposition d'embauche reçue
            "Criteo": NOT_APPLIED,  # À postuler
            "Orange": ("2025-01-20", "applied", "ghosted"),
            "Thales": (
                "2025-01-13",
                "interview",
                "rejected",
            ),  # "J'ai eu deux entretiens puis ils m'ont dit non"
            "Michelin": ("2025-02-21", "screen", "pending"),
        },
    ),
    Tracker(
        "es",
        {
            "Empresa": "company",
            "Puesto": "role",
            "Fecha": "applied_on",
            "Estado": "status",
            "Entrevista": "stage_column",
            "Notas": "notes",
        },
        {
            "Inditex": ("2025-03-14", "applied", "pending"),  # 14 de marzo de 2025
            "Telefónica": ("2025-02-03", "applied", "rejected"),
            "BBVA": ("2025-01-27", "interview", "rejected"),  # Rechazado tras entrevista
            "Glovo": ("2025-02-18", "interview", "pending"),
            "Iberdrola": ("2025-01-16", "offer", "offer"),
            "Cabify": NOT_APPLIED,  # Por aplicar
            "Mercadona": ("2025-01-20", "applied", "ghosted"),  # Sin respuesta
            "Repsol": (
                "2025-01-13",
                "interview",
                "rejected",
            ),  # "Tuve dos entrevistas y luego me dijeron que no"
            "Santander": ("2025-02-21", "screen", "pending"),
        },
    ),
    Tracker(
        "pt",
        {
            "Empresa": "company",
            "Vaga": "role",
            "Data da candidatura": "applied_on",
            "Status": "status",
            "Entrevista": "stage_column",
            "Observações": "notes",
        },
        {
            "Nubank": ("2025-03-05", "applied", "pending"),  # 5 de março de 2025
            "Itaú": ("2025-02-14", "applied", "rejected"),  # 14 fev 2025
            "Ambev": ("2025-01-27", "interview", "rejected"),  # Reprovado na entrevista com o gestor
            "iFood": ("2025-02-18", "interview", "pending"),
            "Natura": ("2025-01-16", "offer", "offer"),  # Proposta recebida
            "Magalu": NOT_APPLIED,  # Vaga salva
            "Stone": ("2025-01-20", "applied", "ghosted"),  # Sem retorno
            "Vale": (
                "2025-01-13",
                "interview",
                "rejected",
            ),  # "Fiz duas entrevistas e depois disseram que não"
            "Embraer": ("2025-02-21", "screen", "pending"),
        },
    ),
    Tracker(
        "it",
        {
            "Azienda": "company",
            "Posizione": "role",
            "Data candidatura": "applied_on",
            "Stato": "status",
            "Colloquio": "stage_column",
            "Note": "notes",
        },
        {
            "Eni": ("2025-03-14", "applied", "pending"),  # 14 marzo 2025
            "Enel": ("2025-02-03", "applied", "rejected"),
            "Luxottica": ("2025-01-27", "interview", "rejected"),  # Rifiutato dopo il colloquio
            "Ferrero": ("2025-02-18", "interview", "pending"),
            "Intesa Sanpaolo": ("2025-01-16", "offer", "offer"),  # Proposta di assunzione
            "Pirelli": NOT_APPLIED,  # Da candidare
            "Barilla": ("2025-01-20", "applied", "ghosted"),
            "Generali": (
                "2025-01-13",
                "interview",
                "rejected",
            ),  # "Ho fatto due colloqui e poi mi hanno detto di no"
            "Leonardo": ("2025-02-21", "screen", "pending"),
        },
    ),
    Tracker(
        "nl",
        {
            "Bedrijf": "company",
            "Functie": "role",
            "Sollicitatiedatum": "applied_on",
            "Status": "status",
            "Gesprek": "stage_column",
            "Opmerkingen": "notes",
        },
        {
            "ING": ("2025-03-14", "applied", "pending"),  # 14 maart 2025
            "Philips": ("2025-02-03", "applied", "rejected"),
            "ASML": ("2025-01-27", "interview", "rejected"),  # Afgewezen na tweede gesprek
            "Booking.com": ("2025-02-18", "interview", "pending"),
            "Adyen": ("2025-01-16", "offer", "offer"),
            "Coolblue": NOT_APPLIED,  # Nog solliciteren
            "Heineken": ("2025-01-20", "applied", "ghosted"),
            "Rabobank": ("2025-01-13", "interview", "rejected"),  # "Twee gesprekken gehad en toen ... nee"
            "bol": ("2025-02-21", "screen", "pending"),
        },
    ),
    Tracker(
        "pl",
        {
            "Firma": "company",
            "Stanowisko": "role",
            "Data aplikacji": "applied_on",
            "Status": "status",
            "Rozmowa kwalifikacyjna": "stage_column",
            "Uwagi": "notes",
        },
        {
            "Allegro": ("2025-01-03", "applied", "pending"),  # 3 stycznia 2025 (genitive)
            "PKO BP": ("2025-03-14", "applied", "rejected"),  # 14 marca 2025
            "CD Projekt": ("2025-02-27", "interview", "rejected"),  # Odrzucony po rozmowie
            "InPost": ("2025-02-18", "interview", "pending"),
            "Orlen": ("2025-01-16", "offer", "offer"),
            "mBank": NOT_APPLIED,  # Do wysłania
            "LPP": ("2025-01-20", "applied", "ghosted"),  # Brak odpowiedzi
            "Comarch": ("2025-01-13", "interview", "rejected"),  # "Po dwóch rozmowach powiedzieli nie"
            "Asseco": ("2025-02-21", "screen", "pending"),
        },
    ),
    Tracker(
        "tr",
        {
            "Şirket": "company",
            "Pozisyon": "role",
            "Başvuru Tarihi": "applied_on",
            "Durum": "status",
            "Mülakat": "stage_column",
            "Notlar": "notes",
        },
        {
            "Turkcell": ("2025-03-14", "applied", "pending"),  # 14 Mart 2025
            "Trendyol": ("2025-02-03", "applied", "rejected"),  # 3 Şubat 2025
            "Arçelik": ("2025-01-27", "interview", "rejected"),  # Mülakattan sonra olumsuz
            "Getir": ("2025-02-18", "interview", "pending"),
            "Garanti BBVA": ("2025-01-16", "offer", "offer"),  # Teklif aldım
            "Koç Holding": NOT_APPLIED,  # Başvurulacak
            "Hepsiburada": ("2025-01-20", "applied", "ghosted"),  # Dönüş yok
            "Aselsan": ("2025-01-13", "interview", "rejected"),  # "İki mülakattan sonra hayır dediler"
            "THY": ("2025-02-21", "screen", "pending"),
        },
    ),
    Tracker(
        "zh",
        {
            "公司名称": "company",
            "岗位": "role",
            "投递时间": "applied_on",
            "当前状态": "status",
            "面试": "stage_column",
            "备注": "notes",
        },
        {
            "字节跳动": ("2025-03-14", "applied", "pending"),  # 已投递
            "腾讯": ("2025-02-03", "applied", "rejected"),  # 简历挂
            "阿里巴巴": ("2025-01-27", "interview", "rejected"),  # 二面挂
            "美团": ("2025-02-18", "interview", "pending"),  # 一面
            "华为": ("2025-01-16", "offer", "offer"),  # 意向书
            "京东": NOT_APPLIED,  # 待投递
            "百度": ("2025-01-20", "applied", "ghosted"),  # 无回复 / 石沉大海
            "网易": ("2025-01-13", "interview", "rejected"),  # "两轮面试之后还是挂了"
            "小米": ("2025-02-21", "screen", "pending"),  # 笔试
        },
    ),
    Tracker(
        "ja",
        {
            "会社名": "company",
            "職種": "role",
            "応募日": "applied_on",
            "ステータス": "status",
            "面接": "stage_column",
            "備考": "notes",
        },  # in the 面接 column ○ (maru) is yes, × (batsu) no
        {
            "トヨタ自動車": ("2025-03-14", "applied", "pending"),  # 書類選考中
            "ソニー": ("2025-02-03", "applied", "rejected"),  # お祈り
            "楽天": ("2025-01-27", "interview", "rejected"),  # 二次面接で不採用
            "メルカリ": ("2025-02-18", "interview", "pending"),  # 一次面接
            "三菱商事": ("2025-01-16", "offer", "offer"),  # 内定
            "リクルート": NOT_APPLIED,  # 応募予定
            "サイバーエージェント": ("2025-01-20", "applied", "ghosted"),  # 連絡なし
            "任天堂": ("2025-01-13", "interview", "rejected"),  # "面接を2回受けたが、最終的に不採用"
            "日立製作所": ("2025-02-21", "screen", "pending"),  # Webテスト受検
        },
    ),
    Tracker(
        "sv",
        {
            "Företag": "company",
            "Tjänst": "role",
            "Ansökningsdatum": "applied_on",
            "Status": "status",
            "Intervju": "stage_column",
            "Anteckningar": "notes",
        },
        {
            "Spotify": ("2025-03-14", "applied", "pending"),  # 14 mars 2025
            "Volvo Cars": ("2025-02-03", "applied", "rejected"),  # Avslag
            "Ericsson": ("2025-01-27", "interview", "rejected"),  # Avslag efter intervju
            "Klarna": ("2025-02-18", "interview", "pending"),
            "IKEA": ("2025-01-16", "offer", "offer"),  # Erbjudande
            "H&M": NOT_APPLIED,  # Ska söka
            "Scania": ("2025-01-20", "applied", "ghosted"),  # Inget svar
            "SEB": ("2025-01-13", "interview", "rejected"),  # "Två intervjuer och sedan sa de nej"
            "Northvolt": ("2025-02-21", "screen", "pending"),  # Telefonintervju
        },
    ),
    Tracker(
        "fi",
        {
            "Yritys": "company",
            "Tehtävä": "role",
            "Hakupäivä": "applied_on",
            "Tila": "status",
            "Haastattelu": "stage_column",
            "Muistiinpanot": "notes",
        },
        {
            "Nokia": ("2025-03-14", "applied", "pending"),  # 14. maaliskuuta 2025
            "Kone": ("2025-02-03", "applied", "rejected"),  # Hylätty
            "Supercell": ("2025-01-27", "interview", "rejected"),  # Hylätty toisen haastattelun jälkeen
            "Wolt": ("2025-02-18", "interview", "pending"),  # Haastattelu sovittu
            "Fiskars": ("2025-01-16", "offer", "offer"),  # Työtarjous hyväksytty
            "Finnair": NOT_APPLIED,  # Tallennettu
            "Neste": ("2025-01-20", "applied", "ghosted"),  # Ei vastausta
            "Rovio": ("2025-01-13", "interview", "rejected"),  # "Kaksi haastattelua ja sitten he sanoivat ei"
            "Reaktor": ("2025-02-21", "screen", "pending"),  # Puhelinhaastattelu
        },
    ),
    Tracker(
        "ko",
        {
            "회사명": "company",
            "직무": "role",
            "지원일": "applied_on",
            "상태": "status",
            "면접": "stage_column",
            "비고": "notes",
        },  # in the 면접 column 예 is yes, 아니오 no
        {
            "네이버": ("2025-03-14", "applied", "pending"),  # 2025년 3월 14일, 지원 완료
            "카카오": ("2025-02-03", "applied", "rejected"),  # 서류 탈락
            "삼성전자": ("2025-01-27", "interview", "rejected"),  # 2차 면접 탈락
            "쿠팡": ("2025-02-18", "interview", "pending"),  # 1차 면접 예정
            "토스": ("2025-01-16", "offer", "offer"),  # 최종 합격
            "우아한형제들": NOT_APPLIED,  # 지원 예정
            "현대자동차": ("2025-01-20", "applied", "ghosted"),  # 연락 없음 / 무소식
            "LG전자": ("2025-01-13", "interview", "rejected"),  # "면접 두 번 보고 결국 탈락"
            "SK하이닉스": ("2025-02-21", "screen", "pending"),  # 코딩테스트
        },
    ),
    Tracker(
        "ru",
        {
            "Компания": "company",
            "Вакансия": "role",
            "Дата отклика": "applied_on",
            "Статус": "status",
            "Собеседование": "stage_column",
            "Комментарий": "notes",
        },
        {
            "Яндекс": ("2025-03-14", "applied", "pending"),  # 14 марта 2025 г. (genitive, year word)
            "Сбер": ("2025-02-03", "applied", "rejected"),  # 3 фев. 2025, Отказ
            "Т-Банк": ("2025-01-27", "interview", "rejected"),  # Отказ после собеседования
            "Ozon": ("2025-02-18", "interview", "pending"),  # Приглашение на собеседование
            "VK": ("2025-01-16", "offer", "offer"),  # Оффер
            "Авито": NOT_APPLIED,  # Хочу откликнуться
            "Лаборатория Касперского": ("2025-01-20", "applied", "ghosted"),  # Нет ответа
            "МТС": (
                "2025-01-13",
                "interview",
                "rejected",
            ),  # "Было два собеседования, потом сказали, что нет"
            "Wildberries": ("2025-02-21", "screen", "pending"),  # Тестовое задание
        },
    ),
)

BY_CODE = {tracker.code: tracker for tracker in TRACKERS}
APPLIED_ROWS = [(tracker, company) for tracker in TRACKERS for company in tracker.applied()]


def row_id(tracker: Tracker, company: str) -> str:
    stage, outcome = tracker.rows[company][1:]  # type: ignore[index]
    return f"{tracker.code}-row{list(tracker.rows).index(company) + 2}-{stage}-{outcome}"


@cache
def imported(code: str):
    return import_files([SourceFile(f"tracker_{code}.csv", BY_CODE[code].data())])


def applications(code: str) -> pd.DataFrame:
    return imported(code).applications.set_index("company")


@pytest.mark.parametrize("tracker", TRACKERS, ids=lambda t: t.code)
def test_fixture_matches_its_expectations(tracker: Tracker):
    text = tracker.data().decode("utf-8")
    rows = list(csv.reader(io.StringIO(text), delimiter=";" if tracker.code in ("de", "fr") else ","))
    assert rows[0] == list(tracker.columns)
    assert [row[0] for row in rows[1:]] == list(tracker.rows)


@pytest.mark.parametrize("tracker", TRACKERS, ids=lambda t: t.code)
def test_native_headers_are_mapped_to_their_fields(tracker: Tracker):
    mapping = {m.column: m.field for m in imported(tracker.code).report.mapping}
    assert {header: mapping.get(header) for header in tracker.columns} == tracker.columns


@pytest.mark.parametrize("tracker", TRACKERS, ids=lambda t: t.code)
def test_applied_dates_are_the_dates_written(tracker: Tracker):
    table = applications(tracker.code)
    read = {company: table.loc[company, "applied_on"] for company in tracker.applied()}
    assert read == {company: pd.Timestamp(reading[0]) for company, reading in tracker.applied().items()}


@pytest.mark.parametrize("tracker", TRACKERS, ids=lambda t: t.code)
def test_rows_not_applied_to_yet_are_reported_not_counted(tracker: Tracker):
    report = imported(tracker.code).report
    not_applied = [company for company, reading in tracker.rows.items() if reading is NOT_APPLIED]
    assert report.applications == len(tracker.applied())
    assert [s.row for s in report.skipped] == [
        list(tracker.rows).index(c) + 2 for c in not_applied
    ]  # row 1: header
    assert report.rows_read == report.applications + len(report.skipped)
    assert not set(applications(tracker.code).index) & set(not_applied)


@pytest.mark.parametrize(
    ("tracker", "company"), APPLIED_ROWS, ids=[row_id(tracker, company) for tracker, company in APPLIED_ROWS]
)
def test_each_row_reads_its_furthest_stage_and_outcome(tracker: Tracker, company: str):
    reading = applications(tracker.code).loc[company]
    _, stage, outcome = tracker.rows[company]  # type: ignore[misc]
    assert (str(reading["stage_reached"]), str(reading["outcome"])) == (stage, outcome)


def test_every_language_file_has_a_tracker_here():
    assert {path.stem for path in LANGUAGES_DIR.glob("*.toml")} - {"common"} == set(BY_CODE)


@pytest.mark.parametrize("tracker", TRACKERS, ids=lambda t: t.code)
def test_language_file_uses_the_tables_and_keys_of_english(tracker: Tracker):
    english = tomllib.loads((LANGUAGES_DIR / "en.toml").read_text(encoding="utf-8"))
    language = tomllib.loads((LANGUAGES_DIR / f"{tracker.code}.toml").read_text(encoding="utf-8"))
    assert language["language"] == tracker.code
    tables = {name for name, value in english.items() if isinstance(value, dict)}
    own = {name for name, value in language.items() if isinstance(value, dict)}
    assert own <= tables, f"tables unknown to en.toml: {sorted(own - tables)}"
    assert {"headers", "stage_headers", "statuses", "flags", "grammar", "numbers", "months"} <= own
    for table in own - {"numbers"}:  # [numbers] is keyed by the words themselves
        unknown = set(language[table]) - set(english[table])
        assert not unknown, f"[{table}] keys unknown to en.toml: {sorted(unknown)}"
    assert set(language["months"]) == {str(month) for month in range(1, 13)}
    assert all(isinstance(value, int) for value in language["numbers"].values())


@pytest.mark.parametrize("table", ["statuses", "stage_headers", "entry_kinds"])
def test_no_phrase_means_two_things_in_two_languages(table: str):
    # A header may name several fields (the values decide); a status, a stage column's name or a kind of
    # entry must mean one thing, or a text would read differently depending on which file listed it.
    phrases = getattr(vocabulary(), table).phrases
    assert {phrase: labels for phrase, labels in phrases.items() if len(set(labels)) > 1} == {}


def test_every_passing_word_is_in_a_refusal_it_turns():
    # a passing word does something only inside a negated refusal ("did not pass"): one in none is dead data
    vocab = vocabulary()
    refusals = [
        phrase
        for phrase, labels in vocab.statuses.phrases.items()
        if "rejected" in labels and any(word in vocab.negators for word in phrase.split())
    ]
    used = {word for phrase in refusals for word in phrase.split()}
    assert vocab.passing and vocab.passing <= used, sorted(vocab.passing - used)
