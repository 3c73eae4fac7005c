"""load_demo knows no city: a province with its communes after the 2025 two-tier reform loads from its own file."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from home.models import ArticlePage, PortalSettings, SectionPage
from units.models import MemberUnit, UnitKind

PROVINCE = {
    "portal": {
        "name": "Cổng Thông tin điện tử tỉnh Thử nghiệm",
        "name_en": "Test Province e-Government Portal",
        "contact": {"owner": "Ủy ban nhân dân tỉnh Thử nghiệm", "email": "portal@example.gov.vn"},
        "sections": [{"slug": "tin-tuc", "title": "Tin tức", "title_en": "News", "slug_en": "news"}],
    },
    "member_sections": [{"slug": "tin-hoat-dong", "title": "Tin hoạt động"}],
    "units": [
        {"slug": "ubnd-tinh", "kind": "peoples_committee", "name": "Ủy ban nhân dân tỉnh Thử nghiệm"},
        {"slug": "an-binh", "kind": "commune", "parent": "ubnd-tinh", "name": "Xã An Bình", "name_en": "An Binh"},
        {"slug": "hoa-lac", "kind": "ward", "parent": "ubnd-tinh", "name": "Phường Hòa Lạc", "name_en": "Hoa Lac"},
    ],
    "articles": [
        {
            "section": "tin-tuc",
            "slug": "khai-truong-trung-tam-phuc-vu-hanh-chinh-cong",
            "title": "Khai trương Trung tâm Phục vụ hành chính công",
            "sapo": "Trung tâm tiếp nhận hồ sơ của người dân toàn tỉnh.",
            "body": ["Trung tâm bắt đầu hoạt động từ hôm nay."],
            "days_ago": 2,
            "en": {"slug": "public-service-centre-opens", "title": "Public service centre opens", "sapo": "It opens."},
        },
        {
            "unit": "an-binh",
            "section": "tin-hoat-dong",
            "slug": "hop-dan-thon",
            "title": "Xã An Bình họp dân các thôn",
            "sapo": "Các thôn họp dân cuối năm.",
            "body": ["Người dân góp ý về đường giao thông."],
        },
    ],
    "users": [{"username": "an-binh.editor", "unit": "an-binh", "unit_group": "editors"}],
}


@pytest.mark.django_db
def test_load_demo_loads_a_province_and_its_communes_from_another_file(tmp_path):
    """R2.1, R3.2: the same code deploys another portal, a province whose communes answer to it directly."""
    data_file = tmp_path / "province.json"
    data_file.write_text(json.dumps(PROVINCE, ensure_ascii=False), encoding="utf-8")
    call_command("load_demo", data=str(data_file), password="x-test-password", stdout=StringIO())

    assert PortalSettings.load().portal_name == "Cổng Thông tin điện tử tỉnh Thử nghiệm"
    province = MemberUnit.objects.get(kind=UnitKind.PEOPLES_COMMITTEE)
    assert set(province.children.values_list("slug", flat=True)) == {"an-binh", "hoa-lac"}
    assert not MemberUnit.objects.filter(name__contains="Bắc Kạn").exists()
    assert SectionPage.objects.filter(slug="news", locale__language_code="en").get().live
    assert ArticlePage.objects.live().filter(locale__language_code="vi").count() == 2
    assert ArticlePage.objects.live().get(locale__language_code="en").title == "Public service centre opens"
    commune_article = ArticlePage.objects.get(slug="hop-dan-thon")
    assert commune_article.supplying_unit.slug == "an-binh"
    assert commune_article.get_site() == MemberUnit.objects.get(slug="an-binh").site
