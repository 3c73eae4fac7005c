import re

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.views.defaults import server_error

from home.models import ArticlePage, PortalSettings
from tests.home.factories import add_article, add_section

PORTAL = "localhost"
WARD = "duc-xuan.localhost"


def get(client, path, host=PORTAL):
    response = client.get(path, HTTP_HOST=host)
    assert response.status_code == 200, (path, host, response.status_code)
    return response.content.decode()


def language_link(html, code):
    match = re.search(rf'<a href="([^"]*)" lang="{code}" hreflang="{code}"', html)
    assert match, f"no {code} link in the language switch"
    return match.group(1)


PAGE_PATHS = [
    "/",
    "/tin-tuc/",
    "/tin-tuc/khai-mac-le-hoi/",
    "/tin-tuc/hop-hoi-dong/",
    "/gioi-thieu/",
    "/co-cau-to-chuc/",
    "/co-cau-to-chuc/tran-thi-binh/",
    "/danh-ba/",
    "/en/",
    "/en/tin-tuc/khai-mac-le-hoi/",
]


@pytest.mark.parametrize("path", PAGE_PATHS)
def test_every_page_type_renders_semantically(client, content, path):
    """R3.2, R3.3a: each page type renders with lang, landmarks, a skip link and exactly one h1."""
    html = get(client, path)
    assert re.search(r'<html lang="(vi|en)">', html)
    assert html.count("<h1") == 1
    for landmark in ("<header", "<nav", '<main id="main"', "<footer"):
        assert landmark in html
    assert 'href="#main"' in html
    assert '<label class="visually-hidden" for="site-search">' in html


@pytest.mark.parametrize("host", [PORTAL, WARD])
def test_root_is_vietnamese_and_en_is_english(client, content, host):
    """R3.2: / is Vietnamese, /en/ English, on the portal and on a member site."""
    assert '<html lang="vi">' in get(client, "/", host)
    assert '<html lang="en">' in get(client, "/en/", host)


def test_language_switch_leads_to_the_translation(client, content):
    """R3.2: the switch on a translated article leads to its translation, both ways."""
    html = get(client, "/tin-tuc/khai-mac-le-hoi/")
    assert language_link(html, "en") == "/en/tin-tuc/khai-mac-le-hoi/"
    assert re.search(r'<a href="/tin-tuc/khai-mac-le-hoi/" lang="vi" hreflang="vi" aria-current="true">', html)
    assert '<link rel="alternate" hreflang="en" href="/en/tin-tuc/khai-mac-le-hoi/">' in html

    english = get(client, "/en/tin-tuc/khai-mac-le-hoi/")
    assert "Festival opens" in english
    assert language_link(english, "vi") == "/tin-tuc/khai-mac-le-hoi/"
    assert re.search(r'lang="en" hreflang="en" aria-current="true"', english)


def test_language_switch_without_translation_leads_to_the_other_home(client, content):
    """R3.2: without a translation the switch leads to the home page in that language, of the same site."""
    assert language_link(get(client, "/tin-tuc/hop-hoi-dong/"), "en") == "/en/"
    assert language_link(get(client, "/tin-phuong/ra-quan-ve-sinh/", WARD), "en") == "/en/"
    assert language_link(get(client, "/en/", WARD), "vi") == "/"


def test_language_switch_on_search_keeps_the_query(client, content):
    """R3.2: the switch on the search page leads to the same search in the other language."""
    html = get(client, "/search/?q=l%E1%BB%85+h%E1%BB%99i")
    assert language_link(html, "en") == "/en/search/?q=l%E1%BB%85+h%E1%BB%99i"
    assert '<html lang="en">' in get(client, "/en/search/?q=festival")


def test_every_article_shows_the_reuse_notice(client, content):
    """R16.3: every article names the portal to cite, in the reader's language, from the settings."""
    for path, host in [
        ("/tin-tuc/khai-mac-le-hoi/", PORTAL),
        ("/tin-tuc/hop-hoi-dong/", PORTAL),
        ("/tin-phuong/ra-quan-ve-sinh/", WARD),
    ]:
        html = get(client, path, host)
        assert "reuse-notice" in html
        assert "Cổng Thông tin điện tử thành phố Thử nghiệm" in html.split("reuse-notice", 1)[1]
    english = get(client, "/en/tin-tuc/khai-mac-le-hoi/").split("reuse-notice", 1)[1]
    assert "Test City e-Portal" in english.split("</p>", 1)[0]

    portal_settings = PortalSettings.load()
    portal_settings.portal_name = "Cổng Thông tin điện tử tỉnh Khác"
    portal_settings.save()
    html = get(client, "/tin-tuc/hop-hoi-dong/").split("reuse-notice", 1)[1]
    assert "Cổng Thông tin điện tử tỉnh Khác" in html.split("</p>", 1)[0]
    assert ArticlePage.objects.live().count() == 4


def test_article_shows_author_and_source(client, content):
    """R6.3: republished material names its author and links its source."""
    html = get(client, "/tin-tuc/khai-mac-le-hoi/")
    assert '<dd class="author">Nguyễn Văn An</dd>' in html
    assert '<a href="https://baobackan.example/bai-viet" rel="external noopener">Báo Bắc Kạn</a>' in html


def test_article_shows_its_parts(client, content):
    """R3.1: sapo, featured image, every body block, publication date and tags are rendered."""
    html = get(client, "/tin-tuc/khai-mac-le-hoi/")
    assert '<p class="sapo">Lễ hội mùa xuân được khai mạc.</p>' in html
    assert "<time datetime=" in html
    assert html.count("<img") >= 3  # featured, image block, gallery
    assert 'alt="Cầu Bắc Kạn"' in html and "Chú thích ảnh" in html
    assert "<video controls" in html and "<audio controls" in html and "Lời thoại" in html
    assert "<caption>Số liệu</caption>" in html and '<th scope="col"' in html
    assert f'href="{content.document.url}"' in html and "Văn bản kèm theo" in html
    assert "<h2>Tiêu đề phụ</h2>" in html
    assert "<li>lễ hội</li>" in html


def test_supplying_unit_is_recorded_when_an_article_is_created_on_a_member_site(content, ward):
    """R7.2: an article created on a member site records that unit as its supplier, in both languages."""
    assert content.ward_article.supplying_unit == ward
    english_home = content.ward_home.get_translation(content.english_article.locale)
    english_news = add_section(english_home.specific, "Ward news", "ward-news")
    english_article = add_article(english_news, "Clean-up day", "clean-up-day")
    assert english_article.supplying_unit == ward
    # The portal's own articles have no member unit; a unit chosen by hand is kept.
    assert content.article.supplying_unit is None
    chosen = add_article(content.news, "Tin do phường gửi", "tin-do-phuong-gui", supplying_unit=ward)
    assert chosen.supplying_unit == ward


def test_article_shows_its_supplying_unit(client, content):
    """R7.2: readers see which unit supplied an article."""
    html = get(client, "/tin-phuong/ra-quan-ve-sinh/", WARD)
    assert '<dd class="supplying-unit">Phường Đức Xuân</dd>' in html


def test_portal_home_shows_member_site_news(client, content):
    """R3.3n, R8.2a: the portal home lists member sites' latest news, naming the unit."""
    html = get(client, "/")
    own, member = html.split('id="member-news"', 1)
    assert "Khai mạc lễ hội" in own and "Phường ra quân vệ sinh" not in own
    assert "Phường ra quân vệ sinh" in member
    assert '<span class="unit">Phường Đức Xuân</span>' in member
    assert 'href="http://duc-xuan.localhost/tin-phuong/ra-quan-ve-sinh/"' in member


def test_member_home_shows_only_its_own_news(client, content):
    """R3.3n: a member site's home shows its own news and not the portal's."""
    html = get(client, "/", WARD)
    assert "Phường ra quân vệ sinh" in html
    assert "Khai mạc lễ hội" not in html and "Họp hội đồng" not in html


def test_officials_directory(client, content):
    """R3.3g: name, position, unit, phone/fax and official email, in a table with headers."""
    html = get(client, "/danh-ba/")
    assert "<caption>" in html
    assert html.count('<th scope="col">') == 5
    assert '<th scope="row">Lê Văn Cường</th>' in html
    for text in ("Chánh Văn phòng", "Văn phòng HĐND-UBND", "0209 3870 111", "0209 3870 112", "Phường Đức Xuân"):
        assert text in html
    assert '<a href="mailto:cuong@thunghiem.gov.vn">cuong@thunghiem.gov.vn</a>' in html


def test_leader_profile(client, content):
    """R3.3a: a leader's photo, position, short biography and duties."""
    html = get(client, "/co-cau-to-chuc/tran-thi-binh/")
    assert '<p class="position">Chủ tịch UBND thành phố</p>' in html
    assert "Sinh năm 1970." in html and "Phụ trách chung." in html
    assert 'class="profile-photo"' in html and 'alt="Trần Thị Bình"' in html


def test_organisation_page(client, content):
    """R3.3a: the organisation chart lists each agency with its functions and duties, and the leaders."""
    html = get(client, "/co-cau-to-chuc/")
    assert "Văn phòng HĐND-UBND" in html and "Tham mưu tổng hợp." in html
    assert "Quản lý địa bàn." in html
    assert 'href="/co-cau-to-chuc/tran-thi-binh/"' in html


def test_portal_contact_details_in_every_footer(client, content):
    """R3.3h: the portal's contact details are in the footer of the portal and of member sites."""
    for path, host in [("/", PORTAL), ("/tin-tuc/", PORTAL), ("/", WARD), ("/en/", WARD)]:
        footer = get(client, path, host).split('<footer class="site-footer">', 1)[1]
        for text in ("Số 1 đường Trường Chinh", "0209 3870 000", "0209 3870 001", "cong@thunghiem.gov.vn"):
            assert text in footer


def test_member_site_footer_shows_the_unit_contacts_and_links_to_the_portal(client, content, ward):
    """R16.1, R3.3h: a member site's footer gives its unit's contacts and a link back to the portal."""
    ward.address = "Tổ 1, phường Đức Xuân"
    ward.phone = "0209 111 222"
    ward.email = "ducxuan@thunghiem.gov.vn"
    ward.head_name = "Phạm Văn Em"
    ward.focal_person_name = "Đỗ Thị Gấm"
    ward.save()
    footer = get(client, "/", WARD).split('<footer class="site-footer">', 1)[1]
    for text in ("Tổ 1, phường Đức Xuân", "0209 111 222", "ducxuan@thunghiem.gov.vn", "Phạm Văn Em", "Đỗ Thị Gấm"):
        assert text in footer
    assert 'href="http://localhost/"' in footer
    english_footer = get(client, "/en/", WARD).split('<footer class="site-footer">', 1)[1]
    assert "Duc Xuan Ward" in english_footer and 'href="http://localhost/en/"' in english_footer
    assert "Test City e-Portal" in english_footer


def test_section_pagination(client, content):
    """A section lists its articles a page at a time, with accessible pagination."""
    for number in range(25):
        add_article(content.news, f"Tin số {number}", f"tin-so-{number}")
    first = get(client, "/tin-tuc/")
    assert first.count('class="article-card') == 20
    assert '<nav class="pagination" aria-label="' in first
    assert '<a href="?page=2" rel="next">' in first
    assert '<a href="?page=1" aria-current="page">' in first
    second = get(client, "/tin-tuc/?page=2")
    assert second.count('class="article-card') == 7
    assert '<a href="?page=1" rel="prev">' in second
    assert '<a href="?page=2" aria-current="page">' in second
    assert 'rel="next"' not in second
    assert client.get("/tin-tuc/?page=abc", HTTP_HOST=PORTAL).status_code == 200


def count_queries(client, path, host=PORTAL):
    client.get(path, HTTP_HOST=host)  # warm per-process caches (site root paths, content types, renditions)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path, HTTP_HOST=host).status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "path", ["/", "/en/", "/tin-tuc/", "/tin-tuc/hop-hoi-dong/", "/tin-tuc/khai-mac-le-hoi/", "/danh-ba/"]
)
def test_queries_do_not_grow_with_the_number_of_articles(client, content, path):
    """Pages cost a bounded number of queries, whatever the number of articles (at most 20 for a plain article)."""
    add_article(content.ward_news, "Tin phường có ảnh", "tin-phuong-co-anh", featured_image=content.image)
    before = count_queries(client, path)
    for number in range(30):
        add_article(content.news, f"Tin thêm {number}", f"tin-them-{number}", featured_image=content.image)
    add_article(content.ward_news, "Tin phường thêm", "tin-phuong-them", featured_image=content.image)
    assert count_queries(client, path) == before
    # The article using every block type pays one query per kind of chosen object (images, documents).
    assert before <= (24 if path == "/tin-tuc/khai-mac-le-hoi/" else 20)


def test_not_found_page(client, content):
    response = client.get("/khong-co-trang-nay/", HTTP_HOST=PORTAL)
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="vi">' in html and html.count("<h1") == 1
    assert language_link(html, "en") == "/en/"
    english = client.get("/en/no-such-page/", HTTP_HOST=PORTAL).content.decode()
    assert '<html lang="en">' in english


def test_server_error_page_needs_no_request_context(db):
    html = render_to_string("500.html")
    assert '<html lang="' in html and html.count("<h1") == 1
    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
