import unicodedata

import pytest
from django.contrib.auth import get_user_model
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from home.models import ArticlePage, Official, OfficialsDirectoryPage, StandardPage
from tests.home.factories import add_article, add_child, add_section


def nfd(text):
    return unicodedata.normalize("NFD", text)


def is_nfc(text):
    return unicodedata.is_normalized("NFC", text)


TITLE = "Tổng kết công tác năm của phường Đức Xuân"
SAPO = "Hội nghị đánh giá kết quả thực hiện nhiệm vụ"
PARAGRAPH = "Đồng chí Chủ tịch phát biểu chỉ đạo hội nghị"


def test_nfd_article_is_stored_as_nfc(portal):
    """R4.1: an article typed in NFD (title, sapo, StreamField text) is stored in NFC."""
    assert nfd(TITLE) != TITLE
    section = add_section(portal, nfd("Tin tức"), "tin-tuc")
    article = add_article(
        section,
        nfd(TITLE),
        "tong-ket",
        sapo=nfd(SAPO),
        author=nfd("Nguyễn Văn Ánh"),
        body=[("paragraph", f"<p>{nfd(PARAGRAPH)}</p>")],
    )
    stored = ArticlePage.objects.get(pk=article.pk)
    assert stored.title == TITLE and stored.sapo == SAPO and stored.author == "Nguyễn Văn Ánh"
    assert PARAGRAPH in stored.body.raw_data[0]["value"]
    assert is_nfc(stored.get_latest_revision().content["title"])
    section.refresh_from_db()
    assert section.title == "Tin tức"


def test_nfd_in_other_page_types_is_stored_as_nfc(portal):
    """R4.1: standard pages and the officials directory (inline rows too) store NFC."""
    standard = add_child(portal, StandardPage(title=nfd("Lịch sử"), slug="lich-su", intro=nfd("Vùng đất cổ")))
    directory = OfficialsDirectoryPage(title=nfd("Danh bạ"), slug="danh-ba")
    directory.officials = [Official(name=nfd("Lê Thị Hằng"), position=nfd("Phó Chủ tịch"))]
    add_child(portal, directory)
    standard.refresh_from_db()
    assert (standard.title, standard.intro) == ("Lịch sử", "Vùng đất cổ")
    official = Official.objects.get()
    assert (official.name, official.position) == ("Lê Thị Hằng", "Phó Chủ tịch")


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser("editor", "editor@example.gov.vn", "secret-password")


def test_nfd_posted_through_the_admin_edit_form_is_stored_as_nfc(client, portal, editor):
    """R4.1: NFD typed into the Wagtail admin edit form (fields and StreamField) is stored and published as NFC."""
    section = add_section(portal, "Tin tức", "tin-tuc")
    article = add_article(section, "Bài cũ", "bai-cu")
    client.force_login(editor)
    data = nested_form_data(
        {
            "title": nfd(TITLE),
            "slug": "bai-cu",
            "sapo": nfd(SAPO),
            "featured_image": "",
            "body": streamfield([("paragraph", rich_text(f"<p>{nfd(PARAGRAPH)}</p>"))]),
            "author": nfd("Trần Văn Đức"),
            "source": "",
            "source_url": "",
            "supplying_unit": "",
            "publication_date": "2025-03-01 09:00",
            "tags": nfd('"lễ hội", ủy ban'),
            "seo_title": "",
            "search_description": "",
            "go_live_at": "",
            "expire_at": "",
            "comments": inline_formset([]),
            "action-publish": "action-publish",
        }
    )
    response = client.post(f"/admin/pages/{article.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    stored = ArticlePage.objects.get(pk=article.pk)
    assert stored.title == TITLE and stored.sapo == SAPO and stored.author == "Trần Văn Đức"
    assert PARAGRAPH in stored.body.raw_data[0]["value"]
    assert sorted(tag.name for tag in stored.tags.all()) == ["lễ hội", "ủy ban"]
    assert is_nfc(str(stored.get_latest_revision().content))
