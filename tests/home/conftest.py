from types import SimpleNamespace

import pytest
from django.core.cache import cache
from django.utils import timezone

from home.models import (
    LeaderProfilePage,
    Official,
    OfficialsDirectoryPage,
    OrganisationAgency,
    OrganisationPage,
    PortalSettings,
    StandardPage,
)
from tests.home.factories import (
    add_article,
    add_child,
    add_section,
    body_with_every_block,
    make_document,
    make_image,
    translate,
)


@pytest.fixture(autouse=True)
def _fresh_cache():
    # Wagtail caches the sites' root paths; a test must not see another test's sites.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def portal_contact(portal):
    portal_settings = PortalSettings.load()
    portal_settings.owner = "Ủy ban nhân dân thành phố Thử nghiệm"
    portal_settings.address = "Số 1 đường Trường Chinh"
    portal_settings.phone = "0209 3870 000"
    portal_settings.fax = "0209 3870 001"
    portal_settings.email = "cong@thunghiem.gov.vn"
    portal_settings.save()
    return portal_settings


@pytest.fixture
def content(portal, ward, portal_contact):
    """A portal and a ward site with every page type, in Vietnamese and partly in English."""
    image = make_image("Ảnh cầu")
    document = make_document("Kế hoạch năm", "ke-hoach.pdf")
    video = make_document("Phim", "phim.mp4")
    audio = make_document("Bản tin", "ban-tin.mp3")
    now = timezone.now()

    news = add_section(portal, "Tin tức", "tin-tuc")
    article = add_article(
        news,
        "Khai mạc lễ hội",
        "khai-mac-le-hoi",
        sapo="Lễ hội mùa xuân được khai mạc.",
        body=body_with_every_block(image, document, video, audio),
        featured_image=image,
        author="Nguyễn Văn An",
        source="Báo Bắc Kạn",
        source_url="https://baobackan.example/bai-viet",
        publication_date=now,
    )
    article.tags.add("lễ hội")
    article.save_revision().publish()
    untranslated = add_article(news, "Họp hội đồng", "hop-hoi-dong", publication_date=now - timezone.timedelta(days=1))
    intro = add_child(
        portal,
        StandardPage(title="Giới thiệu", slug="gioi-thieu", intro="Lịch sử và văn hóa.", show_in_menus=True),
    )
    organisation = OrganisationPage(title="Cơ cấu tổ chức", slug="co-cau-to-chuc", show_in_menus=True)
    organisation.agencies = [
        OrganisationAgency(name="Văn phòng HĐND-UBND", functions_and_duties="<p>Tham mưu tổng hợp.</p>"),
        OrganisationAgency(name=ward.name, unit=ward, functions_and_duties="<p>Quản lý địa bàn.</p>"),
    ]
    add_child(portal, organisation)
    leader = add_child(
        organisation,
        LeaderProfilePage(
            title="Trần Thị Bình",
            slug="tran-thi-binh",
            position="Chủ tịch UBND thành phố",
            photo=image,
            biography="<p>Sinh năm 1970.</p>",
            duties="<p>Phụ trách chung.</p>",
        ),
    )
    directory = OfficialsDirectoryPage(title="Danh bạ cán bộ", slug="danh-ba", show_in_menus=True)
    directory.officials = [
        Official(
            name="Lê Văn Cường",
            position="Chánh Văn phòng",
            unit_name="Văn phòng HĐND-UBND",
            phone="0209 3870 111",
            fax="0209 3870 112",
            email="cuong@thunghiem.gov.vn",
        ),
        Official(name="Hoàng Thị Dung", position="Chủ tịch UBND phường", unit=ward, email="dung@ducxuan.gov.vn"),
    ]
    add_child(portal, directory)

    english_article = translate(article, "Festival opens", sapo="The spring festival opened.")

    ward_home = ward.site.root_page.specific
    ward_news = add_section(ward_home, "Tin phường", "tin-phuong")
    ward_article = add_article(
        ward_news, "Phường ra quân vệ sinh", "ra-quan-ve-sinh", sapo="Ngày chủ nhật xanh.", publication_date=now
    )
    return SimpleNamespace(
        image=image,
        document=document,
        news=news,
        article=article,
        english_article=english_article,
        untranslated=untranslated,
        intro=intro,
        organisation=organisation,
        leader=leader,
        directory=directory,
        ward_home=ward_home,
        ward_news=ward_news,
        ward_article=ward_article,
    )
