"""Six languages: which one a request gets, translated content shown or marked as English, and
the content translation files loaded into the translation columns."""

import unicodedata
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from careerportal.languages import NOT_YET_TRANSLATED, TRANSLATED_BY_US
from careerportal.translations import files
from careerportal.translations.models import ContentTranslation
from careerportal.translations.services import translations_load
from tests.credentials.factories import CostItemFactory, CredentialFactory
from tests.pages import page_html as raw_page_html

pytestmark = pytest.mark.django_db


def page_html(response) -> str:  # type: ignore[no-untyped-def]
    """The page, its letters composed (Django writes "Tiếng Việt" with combining marks)."""
    return unicodedata.normalize("NFC", raw_page_html(response))


@pytest.mark.parametrize(
    ("cookie", "accept", "path", "expected"),
    [
        ("es", "", "/", "/es/"),  # the #14 complaint: a saved Spanish choice still got English
        ("", "vi,en;q=0.5", "/careers/?q=data", "/vi/careers/?q=data"),
        ("", "zh-CN,zh;q=0.9", "/", "/zh-hans/"),
        ("", "fil", "/credentials/", "/tl/credentials/"),
        ("ar", "ko", "/funding/", "/ar/funding/"),  # the saved choice before the browser's
    ],
)
def test_an_unprefixed_page_goes_to_the_preferred_language(client, cookie, accept, path, expected):
    if cookie:
        client.cookies["django_language"] = cookie
    response = client.get(path, headers={"accept-language": accept} if accept else {})
    assert response.status_code == 302
    assert response["Location"] == expected
    assert "Cookie" in response["Vary"] and "Accept-Language" in response["Vary"]


@pytest.mark.parametrize(
    ("cookie", "accept"),
    [("en", "es"), ("", ""), ("", "en-US,en;q=0.9"), ("", "fr")],
)
def test_english_stays_at_the_unprefixed_address(client, cookie, accept):
    if cookie:
        client.cookies["django_language"] = cookie
    response = client.get("/", headers={"accept-language": accept} if accept else {})
    assert response.status_code == 200
    assert '<html lang="en" dir="ltr"' in response.content.decode()
    assert "Cookie" in response["Vary"]


def test_the_url_prefix_wins_and_the_api_and_forms_are_never_redirected(client):
    client.cookies["django_language"] = "es"
    assert '<html lang="ko"' in client.get("/ko/").content.decode()
    assert client.get("/api/v1/", headers={"accept-language": "es"}).status_code == 200
    assert client.get("/healthz", headers={"accept-language": "es"}).status_code != 302
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert (response.status_code, response["Location"]) == (302, "/")
    assert client.get("/").status_code == 200  # English chosen: saved, and / stays English


def test_the_switcher_offers_every_language_in_its_own_name(client):
    html = page_html(client.get("/"))
    for code, name in [
        ("en", "English"),
        ("es", "Español"),
        ("zh-hans", "简体中文"),
        ("vi", "Tiếng Việt"),
        ("tl", "Tagalog"),
        ("ko", "한국어"),
        ("ar", "العربيّة"),
    ]:
        assert f'<option value="{code}" lang="{code}"' in html
        assert f">{name}</option>" in html


@pytest.mark.parametrize(
    ("prefix", "lang", "direction"),
    [("/ar", "ar", "rtl"), ("/zh-hans", "zh-hans", "ltr"), ("/es", "es", "ltr")],
)
def test_arabic_pages_run_right_to_left(client, prefix, lang, direction):
    html = client.get(f"{prefix}/").content.decode()
    assert f'<html lang="{lang}" dir="{direction}"' in html


def test_content_without_a_translation_is_english_marked_with_its_language_and_a_note(client):
    credential = CredentialFactory(summary_en="Proves you can fix a laptop.", summary_es="")
    CostItemFactory(credential=credential, note_en="Price for US test takers.")
    html = page_html(client.get(f"/vi/credentials/{credential.slug}/"))
    assert '<span lang="en">Proves you can fix a laptop.</span>' in html
    # The note itself is an interface string, in the page's language.
    with translation.override("vi"):
        note = str(NOT_YET_TRANSLATED) % {"language": "Tiếng Việt"}
    assert note != "Not yet translated into Tiếng Việt."
    assert f'<small class="translation-missing">{note}</small>' in html
    assert '<span lang="en">Price for US test takers.</span>' in html
    assert "translation-credit" not in html  # nothing translated by us on this page


def test_translated_content_is_shown_and_the_page_says_who_translated_it(client):
    credential = CredentialFactory(
        summary_en="Proves you can fix a laptop.", summary_vi="Chứng minh bạn sửa được máy tính."
    )
    html = page_html(client.get(f"/vi/credentials/{credential.slug}/"))
    assert '<p class="usa-intro">Chứng minh bạn sửa được máy tính.</p>' in html
    assert '<span lang="en">Proves' not in html
    with translation.override("vi"):
        credit = str(TRANSLATED_BY_US)
    assert f'<p class="translation-credit">{credit}</p>' in html
    english = page_html(client.get(f"/credentials/{credential.slug}/"))
    assert '<p class="usa-intro">Proves you can fix a laptop.</p>' in english
    assert "translation-missing" not in english and "translation-credit" not in english


def test_the_glossary_marks_words_not_yet_translated(client, tmp_path, monkeypatch):
    # The shipped Korean file translates every word: leave WIOA out of a copy of it.
    from pathways import glossary

    shipped = (files.TRANSLATIONS_DIR / "ko.csv").read_text(encoding="utf-8").splitlines()
    kept = [line for line in shipped if not line.startswith("glossary.term,wioa,")]
    assert len(kept) < len(shipped)
    (tmp_path / "ko.csv").write_text("\n".join(kept) + "\n", encoding="utf-8")
    monkeypatch.setattr(files, "TRANSLATIONS_DIR", tmp_path)
    glossary._glossary.cache_clear()
    try:
        html = page_html(client.get("/ko/glossary/"))
    finally:
        glossary._glossary.cache_clear()
    assert '<div class="glossary-entry" id="wioa" lang="en">' in html
    assert 'class="translation-missing" lang="ko"' in html
    assert '<div class="glossary-entry" id="pell" lang="en">' not in html


HEADER = "model,key,field,source,text,translated_by\n"


def test_the_loader_fills_current_rows_keeps_stale_ones_and_reports_bad_lines(
    tmp_path, monkeypatch
):
    monkeypatch.setattr(files, "TRANSLATIONS_DIR", tmp_path)
    credential = CredentialFactory(slug="a-plus", summary_en="Fix computers.", notes_en="New text.")
    first = CostItemFactory(credential=credential, note_en="Exam fee.")
    CostItemFactory(credential=credential, note_en="Retake fee.")
    (tmp_path / "ko.csv").write_text(
        HEADER
        + "credentials.credential,a-plus,summary,Fix computers.,컴퓨터를 고칩니다.,portal team\n"
        + "credentials.credential,a-plus,notes,Old text.,옛 글.,portal team\n"
        + "credentials.costitem,a-plus:2,note,Retake fee.,재시험 비용.,portal team\n"
        + "credentials.nothing,a-plus,summary,x,y,portal team\n"
        + "credentials.credential,no-such,summary,x,y,portal team\n"
        + "credentials.credential,a-plus,colour,x,y,portal team\n"
        + "credentials.costitem,a-plus:1,note,Exam fee.,,portal team\n"
        + "credentials.credential,a-plus,summary,Fix computers.,again,portal team\n",
        encoding="utf-8",
    )
    credential.notes_ko = "옛 글."  # loaded before the English changed
    credential.save()
    report = translations_load("ko")
    assert (report.filled, report.stale) == (2, 1)
    assert report.errors == [
        "ko.csv, line 5: unknown model 'credentials.nothing' (one of: alliance.award, "
        "alliance.certificationdecision, alliance.convening, alliance.hiringstandard, "
        "alliance.member, credentials.costitem, credentials.credential, "
        "credentials.outcomereport, glossary.term, pathways.fundingapplystep, "
        "pathways.fundingfact, pathways.fundingsource, pathways.occupation, pathways.pathway, "
        "pathways.pathwaystep, pathways.skill).",
        "ko.csv, line 6: no credentials.credential has the key 'no-such'.",
        "ko.csv, line 7: credentials.credential has no translated field 'colour' (one of: "
        "duration_note, renewal_rule, prerequisites, price_notes, notes, summary, description).",
        "ko.csv, line 8: text is empty.",
        "ko.csv, line 9: credentials.credential a-plus summary was already given on line 2.",
    ]
    credential.refresh_from_db()
    first.refresh_from_db()
    assert credential.summary_ko == "컴퓨터를 고칩니다."
    assert credential.notes_ko == ""  # stale: the page shows the English, marked
    assert credential.cost_items.order_by("pk")[1].note_ko == "재시험 비용."
    assert first.note_ko in ("", None)
    stale = ContentTranslation.objects.get(model="credentials.credential", field="notes")
    assert (stale.language, stale.source, stale.text) == ("ko", "Old text.", "옛 글.")
    assert ContentTranslation.objects.count() == 3


def test_a_file_without_the_columns_is_refused_whole(tmp_path, monkeypatch):
    monkeypatch.setattr(files, "TRANSLATIONS_DIR", tmp_path)
    (tmp_path / "ar.csv").write_text("model,key,text\nx,y,z\n", encoding="utf-8")
    report = translations_load("ar")
    assert report.errors == ["ar.csv: the header lacks the column(s) field, source, translated_by."]


def test_the_translation_status_page_is_for_staff_only(client, django_user_model):
    assert client.get("/staff/translations/").status_code == 302  # to the sign-in
    user = django_user_model.objects.create_user("member", password="pw-Secret-1")
    client.force_login(user)
    assert client.get("/staff/translations/").status_code == 302


def test_the_translation_status_page_counts_strings_and_fields(
    client, django_user_model, tmp_path, monkeypatch
):
    monkeypatch.setattr(files, "TRANSLATIONS_DIR", tmp_path)
    CredentialFactory(slug="a-plus", summary_en="Fix computers.", summary_vi="Sửa máy tính.")
    CredentialFactory(slug="net-plus", summary_en="Run networks.")
    CredentialFactory(slug="sec-plus", summary_en="Keep data safe.")
    (tmp_path / "vi.csv").write_text(
        HEADER + "credentials.credential,net-plus,summary,Run networks (old).,Mạng.,portal team\n",
        encoding="utf-8",
    )
    translations_load("vi")
    staff = django_user_model.objects.create_user("staff", password="pw-Secret-1", is_staff=True)
    client.force_login(staff)
    html = page_html(client.get("/staff/translations/"))
    assert "<h1>Translation status</h1>" in html
    row = html[html.index("<code>credentials.credential</code> summary") :].split("</tr>")[0]
    cells = row.split("<td>")[1:]
    # Languages in settings order: es, zh-hans, vi, ...
    assert cells[2].startswith("1 of 3, 1 stale, 2 missing")
    es_catalog = html[html.index('<th scope="row">Spanish</th>') :].split("</tr>")[0]
    assert "<td>100%</td>" in es_catalog


@pytest.mark.parametrize(
    ("language", "wage", "price", "share"),
    [
        ("en", "$124,910", "$5,250.50", "12.5"),
        ("es", "$124,910", "$5,250.50", "12.5"),  # as in the US (es-US), not "124 910"
        ("zh-hans", "$124,910", "$5,250.50", "12.5"),
        ("vi", "$124.910", "$5.250,50", "12,5"),
        ("tl", "$124,910", "$5,250.50", "12.5"),
        ("ko", "$124,910", "$5,250.50", "12.5"),
        ("ar", "$124,910", "$5,250.50", "12.5"),
    ],
)
def test_numbers_and_money_have_one_style_per_language(language, wage, price, share):
    from careerportal.numbers import amount, usd

    with translation.override(language):
        assert usd(124910) == usd(Decimal("124910.00")) == wage
        assert usd("5250.5", decimals=2) == price
        assert amount(12.5, decimals=1) == share


def test_a_spanish_page_writes_every_price_the_same_way(client):
    credential = CredentialFactory(slug="a-plus")
    CostItemFactory(credential=credential, amount_min_usd=Decimal("124910.00"))
    CostItemFactory(credential=credential, amount_min_usd=Decimal("5250"))
    html = page_html(client.get("/es/credentials/a-plus/"))
    assert "$124,910" in html and "$5,250" in html and "$130,160" in html
    assert "124\xa0910" not in html and "124 910" not in html


@pytest.mark.parametrize("rows", [1, 6])
def test_the_translation_status_page_costs_the_same_queries_for_one_row_or_many(
    client, django_user_model, django_assert_num_queries, rows
):
    for number in range(rows):
        credential = CredentialFactory(summary_en=f"Summary {number}.")
        CostItemFactory(credential=credential, note_en="Fee.")
    staff = django_user_model.objects.create_user("staff", password="pw-Secret-1", is_staff=True)
    client.force_login(staff)
    # The session and its user (2); every ContentTranslation record (1); the rows of each of the
    # 15 translated models, with the parents their keys name joined in (15); the rows of each of
    # the 6 models whose authors write their own versions (5); the header's account menu, the
    # user's memberships (1).
    with django_assert_num_queries(25):
        assert client.get("/staff/translations/").status_code == 200


def test_ctdl_language_maps_carry_every_language():
    from credentials.ctdl.export import langmap
    from credentials.ctdl.load import lang_value

    credential = CredentialFactory(summary_en="Fix.", summary_zh_hans="修理。", summary_ar="إصلاح.")
    assert langmap(credential, "summary") == {"en": "Fix.", "zh-hans": "修理。", "ar": "إصلاح."}
    assert lang_value({"en-US": "Fix.", "zh-Hans": "修理。"}, "zh-hans") == "修理。"
    assert lang_value({"en-US": "Fix."}, "en") == "Fix."


def test_occupations_are_found_by_their_translated_title():
    from pathways.search import occupation_search
    from tests.credentials.factories import OccupationFactory

    developer = OccupationFactory(
        title_en="Software Developers", title_vi="Nhà phát triển phần mềm"
    )
    assert developer.pk in [
        h.occupation_id for h in occupation_search(q="phát triển", language="vi")
    ]
    assert developer.pk in [h.occupation_id for h in occupation_search(q="software", language="vi")]


def test_the_sheet_lists_what_to_translate_and_the_loader_reads_it_back(tmp_path, monkeypatch):
    import csv
    import io

    from django.core.management import call_command

    monkeypatch.setattr(files, "TRANSLATIONS_DIR", tmp_path)
    CredentialFactory(slug="a-plus", summary_en="Fix computers.")
    CredentialFactory(slug="formula", summary_en="=1+1 is not run by a spreadsheet.")
    out = io.StringIO()
    call_command("translation_sheet", "tl", "--model", "credentials.credential", stdout=out)
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert rows[0] == ["model", "key", "field", "source", "text", "translated_by"]
    assert ["credentials.credential", "a-plus", "summary", "Fix computers.", "", ""] in rows
    quoted = "'=1+1 is not run by a spreadsheet."  # neutralised for the translator's spreadsheet
    assert ["credentials.credential", "formula", "summary", quoted, "", ""] in rows
    # A translator fills the text and who translated it; the loader takes the file as it is.
    filled = [
        [*row[:4], "Ayusin ang mga computer.", "portal team (not professional)"]
        for row in rows[1:]
        if row[2] == "summary"
    ]
    with (tmp_path / "tl.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([rows[0], *filled])
    out = io.StringIO()
    call_command("load_translations", "--language", "tl", "--strict", stdout=out)
    assert "translations tl: 2 fields filled, 0 stale" in out.getvalue()
    again = io.StringIO()
    call_command("translation_sheet", "tl", "--missing", "--model", "credentials.credential",
                 stdout=again)  # fmt: skip
    assert "a-plus,summary" not in again.getvalue()


def test_the_loader_refuses_an_unknown_language_and_is_strict_when_asked(tmp_path, monkeypatch):
    from django.core.management import CommandError, call_command

    monkeypatch.setattr(files, "TRANSLATIONS_DIR", tmp_path)
    with pytest.raises(CommandError, match="unknown language"):
        call_command("load_translations", "--language", "fr")
    (tmp_path / "ko.csv").write_text(HEADER + "credentials.credential,x,summary,a,b,c\n")
    with pytest.raises(CommandError, match="1 rows skipped"):
        call_command("load_translations", "--language", "ko", "--strict")


def test_a_stale_row_leaves_a_text_it_did_not_put_there(tmp_path, monkeypatch):
    monkeypatch.setattr(files, "TRANSLATIONS_DIR", tmp_path)
    credential = CredentialFactory(slug="a-plus", summary_en="New.", summary_es="Nuevo.")
    (tmp_path / "es.csv").write_text(
        HEADER + "credentials.credential,a-plus,summary,Old.,Viejo.,x\n"
    )
    assert translations_load("es").stale == 1
    credential.refresh_from_db()
    assert credential.summary_es == "Nuevo."  # the sample data's current Spanish stays
