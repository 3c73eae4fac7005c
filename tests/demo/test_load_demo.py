import unicodedata
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils.html import escape
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, Revision, Site

from home.models import (
    ArticlePage,
    LeaderProfilePage,
    OfficialsDirectoryPage,
    OrganisationPage,
    PortalHomePage,
    PortalSettings,
    SectionPage,
    StandardPage,
)
from tests.home.test_crawl import crawl
from units.models import MemberUnit, UnitKind
from units.roles import ensure_city_roles

PASSWORD = "demo-test-password"
WARDS = {
    "Phường Đức Xuân",
    "Phường Nguyễn Thị Minh Khai",
    "Phường Phùng Chí Kiên",
    "Phường Sông Cầu",
    "Phường Huyền Tụng",
    "Phường Xuất Hóa",
}
COMMUNES = {"Xã Dương Quang", "Xã Nông Thượng"}
MASS_ORGANISATIONS = {"Đoàn TNCS", "Hội Liên hiệp Phụ nữ", "Hội Nông dân", "Hội Cựu chiến binh", "Liên đoàn Lao động"}
DEPARTMENTS = {"Văn phòng HĐND - UBND", "Phòng Văn hóa và Thông tin", "Phòng Tài chính - Kế hoạch"}
BASE_DIR = Path(settings.BASE_DIR)


def run_load_demo(*args, **options):
    out = StringIO()
    call_command("load_demo", *args, password=PASSWORD, stdout=out, **options)
    return out.getvalue()


def database_counts():
    user_model = get_user_model()
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "units": MemberUnit.objects.count(),
        "sites": Site.objects.count(),
        "collections": Collection.objects.count(),
        "images": get_image_model().objects.count(),
        "users": user_model.objects.count(),
        "groups": user_model.groups.field.related_model.objects.count(),
    }


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The Bắc Kạn demo loaded once for this module, rolled back afterwards; yields the command's output and counts."""
    media_root = tmp_path_factory.mktemp("demo-media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media_root), transaction.atomic():
        output = run_load_demo()
        yield {"output": output, "counts": database_counts()}
        transaction.set_rollback(True)
    cache.clear()
    Site.clear_site_root_paths_cache()


@pytest.mark.django_db
def test_load_demo_loads_every_unit_of_the_regulation(demo):
    """R2.1, R3.3n: every body the regulation names is a provisioned member unit, with the real wards and communes."""
    units = MemberUnit.objects.all()
    kinds = set(units.values_list("kind", flat=True))
    assert kinds == set(UnitKind.values)
    assert set(units.filter(kind=UnitKind.WARD).values_list("name", flat=True)) == WARDS
    assert set(units.filter(kind=UnitKind.COMMUNE).values_list("name", flat=True)) == COMMUNES
    names = list(units.values_list("name", flat=True))
    for expected in MASS_ORGANISATIONS | DEPARTMENTS:
        assert any(expected in name for name in names), expected
    assert units.filter(kind=UnitKind.MEDIA_CENTRE, name__startswith="Trung tâm Văn hóa, Thể thao").exists()

    peoples_committee = units.get(kind=UnitKind.PEOPLES_COMMITTEE)
    for unit in units.filter(kind__in=[UnitKind.DEPARTMENT, UnitKind.MEDIA_CENTRE, UnitKind.WARD, UnitKind.COMMUNE]):
        assert unit.parent == peoples_committee, unit
    for unit in units:
        assert unit.name_en and unit.email and unit.phone and unit.head_name and unit.focal_person_name, unit
        assert unit.site.hostname == f"{unit.slug}.{settings.PORTAL_DOMAIN}"
        assert unit.site.root_page.live
        assert unit.collection and unit.editors_group and unit.heads_group


@pytest.mark.django_db
def test_load_demo_loads_vietnamese_articles_across_sections_and_units(demo):
    """R3.3b, R6.3, R4.1: at least 60 live Vietnamese articles on the portal and several member sites."""
    articles = ArticlePage.objects.live().filter(locale__language_code="vi")
    assert articles.count() >= 60
    portal = PortalHomePage.objects.get(locale__language_code="vi")
    assert articles.descendant_of(portal).count() >= 30
    member_sites = {article.get_site().pk for article in articles.not_descendant_of(portal)}
    assert len(member_sites) >= 5
    assert articles.values("path").count() == articles.count()
    assert len({article.get_parent().pk for article in articles}) >= 10
    assert articles.exclude(source="").exclude(source_url="").exists()
    assert articles.exclude(featured_image=None).exists()
    assert len({article.publication_date.month for article in articles}) >= 2
    for article in articles:
        assert article.sapo and article.author and article.body.raw_data and article.tags.exists(), article.slug
        assert unicodedata.is_normalized("NFC", article.title + article.sapo + str(article.body.raw_data))

    news = SectionPage.objects.get(locale__language_code="vi", slug="tin-tuc-su-kien")
    assert {child.title for child in news.get_children()} >= {"Chính trị", "Kinh tế", "Văn hóa - Xã hội"}


@pytest.mark.django_db
def test_load_demo_loads_introduction_leaders_officials_and_contacts(demo):
    """R3.3a, R3.3g, R3.3h: city introduction pages, leader profiles, the organisation, officials and contacts."""
    introduction = StandardPage.objects.live().filter(locale__language_code="vi")
    assert introduction.count() >= 5
    organisation = OrganisationPage.objects.live().get(locale__language_code="vi")
    assert organisation.agencies.filter(unit__kind=UnitKind.PEOPLES_COMMITTEE).exists()
    assert all(agency.functions_and_duties for agency in organisation.agencies.all())
    leaders = LeaderProfilePage.objects.live().child_of(organisation)
    assert leaders.count() >= 3
    assert all(leader.position and leader.photo_id and leader.duties for leader in leaders)

    directory = OfficialsDirectoryPage.objects.live().get(locale__language_code="vi")
    assert directory.officials.count() >= 10
    for official in directory.officials.all():
        assert official.name and official.position and official.phone and official.email
        assert official.unit_id or official.unit_name

    contacts = PortalSettings.load()
    assert contacts.portal_name == "Cổng Thông tin điện tử thành phố Bắc Kạn"
    assert contacts.portal_name_en == "Bac Kan City e-Government Portal"
    assert contacts.owner and contacts.address and contacts.phone and contacts.email


@pytest.mark.django_db
def test_load_demo_translates_home_sections_and_articles_into_english(demo, client):
    """R3.2: the portal and member homes, translated articles' sections and 8+ articles are live in English."""
    portal = PortalHomePage.objects.get(locale__language_code="vi")
    assert portal.get_translations().get(locale__language_code="en").live
    for unit in MemberUnit.objects.all():
        english_home = unit.site.root_page.get_translations().get(locale__language_code="en")
        assert english_home.live
    english_articles = ArticlePage.objects.live().filter(locale__language_code="en")
    assert english_articles.count() >= 8
    for article in english_articles:
        section = article.get_parent()
        assert section.live and section.locale.language_code == "en"
        source = article.get_translations().get(locale__language_code="vi")
        assert source.get_parent().get_translations().filter(pk=section.pk).exists()
        assert article.title != source.title and article.sapo != source.specific.sapo

    article = english_articles.first()
    _site_id, _root_url, path = article.get_url_parts()
    assert path.startswith("/en/")
    response = client.get(path, HTTP_HOST=settings.PORTAL_DOMAIN)
    assert response.status_code == 200
    assert escape(article.title) in response.content.decode()


@pytest.mark.django_db
def test_load_demo_creates_one_user_per_role(demo):
    """R16B, R10.2: a user per city role, a ward editor, a ward head and a superuser, with the printed password."""
    user_model = get_user_model()
    for key, group in ensure_city_roles().items():
        users = group.user_set.all()
        assert users.count() == 1, key
        assert users.get().check_password(PASSWORD)
    ward = MemberUnit.objects.get(slug="duc-xuan")
    assert ward.editors_group.user_set.get().check_password(PASSWORD)
    assert ward.heads_group.user_set.get().check_password(PASSWORD)
    admin = user_model.objects.get(username="admin")
    assert admin.is_superuser and admin.check_password(PASSWORD)
    assert PASSWORD in demo["output"]


@pytest.mark.django_db
def test_load_demo_twice_creates_nothing_new(demo):
    """R2.1: running load_demo again adds no page, revision, unit, image, user or group; it says all were present."""
    output = run_load_demo()
    assert database_counts() == demo["counts"]
    for line in output.splitlines():
        if line.startswith(("articles ", "units ", "sections ", "users ")):
            created = line.split()[-2]
            assert created == "0", line


@pytest.mark.django_db
def test_load_demo_leaves_a_retired_unit_alone(demo):
    """R2.1: after a unit is retired, loading the demo again neither fails nor republishes its site."""
    from units.provisioning import retire_unit

    ward = MemberUnit.objects.get(slug="song-cau")
    retire_unit(ward)
    before = database_counts()
    output = run_load_demo()
    assert database_counts() == before
    assert "retired" in output
    assert not Page.objects.descendant_of(ward.site.root_page, inclusive=True).live().exists()


@pytest.mark.django_db
def test_every_link_of_every_demo_site_works_in_both_languages(demo, client):
    """R3.2, R3.3n, R8.2a: from each demo site's home, vi and en, every internal link works (no 404, no 5xx)."""
    hosts = [settings.PORTAL_DOMAIN, *(unit.hostname for unit in MemberUnit.objects.all())]
    start_urls = [f"http://{host}{prefix}" for host in hosts for prefix in ("/", "/en/")]

    statuses, broken = crawl(client, start_urls)

    assert broken == []
    unreached = [article.full_url for article in ArticlePage.objects.live() if article.full_url not in statuses]
    assert unreached == []
