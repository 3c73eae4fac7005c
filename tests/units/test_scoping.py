"""A unit's officers see, edit, choose and search only their own unit's pages, images and documents (R10.2)."""

import json

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page

from units.models import MemberUnit
from units.scoping import units_for_user

pytestmark = pytest.mark.django_db

OTHER = "Nông Thượng"  # every title of the commune's content carries it
OWN = "Đức Xuân"
# The commune's page, image and document. Site and workflow names (the public names of units) may appear in
# the filters of listings; the content of another unit may not.
OTHER_CONTENT = ("Tin Nông Thượng", "Ảnh Nông Thượng", "Văn bản Nông Thượng")


def shows_other_content(html):
    return any(title in html for title in OTHER_CONTENT)


def text(response):
    """The page's text; choosers answer with JSON holding the HTML."""
    if response.get("Content-Type", "").startswith("application/json"):
        return json.dumps(response.json(), ensure_ascii=False)
    return response.content.decode()


def refused(response):
    return response.status_code in (403, 404) or (response.status_code == 302 and response.url.rstrip("/") == "/admin")


@pytest.fixture
def content(ward, commune, make_user):
    """A page, image and document in the ward and in the commune, with a lock and a submission on the commune's."""
    author = make_user("commune-editor", commune.editors_group)
    boss = make_user("root", superuser=True)
    made = {}
    for key, unit, label in [("own", ward, OWN), ("other", commune, OTHER)]:
        page = unit.site.root_page.add_child(instance=Page(title=f"Tin {label}", slug="tin"))
        page.save_revision(user=boss).publish(user=boss)
        image = get_image_model().objects.create(
            title=f"Ảnh {label}", file=get_test_image_file(), collection=unit.collection
        )
        document = get_document_model().objects.create(
            title=f"Văn bản {label}", file=ContentFile(b"noi dung", name="van-ban.txt"), collection=unit.collection
        )
        made[key] = {"page": page, "image": image, "document": document}
    other_page = made["other"]["page"]
    other_page.locked, other_page.locked_by = True, boss
    other_page.save()
    workflow = commune.site.root_page.get_workflow()
    workflow.start(Page.objects.get(pk=made["other"]["page"].pk), author)
    return made


@pytest.fixture(params=["editors_group", "heads_group"])
def officer(request, ward, make_user, client_for):
    """One of the ward's officers: an editor, or its head (the most rights a unit has)."""
    user = make_user("ward-officer", getattr(ward, request.param))
    return user, client_for(user)


def test_units_for_user(ward, commune, make_user):
    """R7.1b: officers act for their own units; superusers and the Board for all."""
    assert list(units_for_user(make_user("e", ward.editors_group))) == [ward]
    assert list(units_for_user(make_user("h", ward.heads_group, commune.editors_group)).order_by("slug")) == [
        ward,
        commune,
    ]
    assert set(units_for_user(make_user("b", "board_member"))) == set(MemberUnit.objects.filter(is_active=True))
    assert set(units_for_user(make_user("s", superuser=True))) == {ward, commune}
    assert not units_for_user(make_user("c", "centre_editor")).exists()


def test_officer_is_refused_other_units_page_image_and_document(content, officer):
    """R10.2: editing another unit's page, image or document is refused; their own is allowed."""
    _user, client = officer
    for key, check in [("own", lambda r: r.status_code == 200), ("other", refused)]:
        made = content[key]
        assert check(client.get(f"/admin/pages/{made['page'].pk}/edit/")), key
        assert check(client.get(f"/admin/images/{made['image'].pk}/")), key
        assert check(client.get(f"/admin/documents/edit/{made['document'].pk}/")), key


def test_explorer_never_lists_another_units_page(content, officer, ward):
    """R10.2: asking the explorer for another unit's page leads to the officer's own home page."""
    _user, client = officer
    response = client.get(f"/admin/pages/{content['other']['page'].pk}/")
    assert response.status_code == 302
    assert response.url == f"/admin/pages/{ward.site.root_page_id}/"
    root_listing = client.get("/admin/pages/1/")
    if root_listing.status_code == 302:
        root_listing = client.get(root_listing.url)
    assert not shows_other_content(text(root_listing))
    assert f"/admin/pages/{content['other']['page'].get_parent().pk}/" not in text(root_listing)
    assert OWN in text(client.get(response.url))


@pytest.mark.parametrize(
    "url",
    [
        "/admin/pages/search/?q={q}",
        "/admin/images/?q={q}",
        "/admin/images/",
        "/admin/documents/?q={q}",
        "/admin/documents/",
        "/admin/choose-page/search/?q={q}",
        "/admin/images/chooser/",
        "/admin/images/chooser/results/?q={q}",
        "/admin/documents/chooser/",
        "/admin/documents/chooser/results/?q={q}",
        "/admin/reports/site-history/",
        "/admin/reports/workflow/",
        "/admin/reports/workflow_tasks/",
    ],
)
def test_officer_finds_nothing_of_other_units(content, officer, make_user, client_for, url):
    """R10.2: admin search, listings, choosers, reports and the explorer show nothing of another unit.

    The same request by a superuser does show the other unit's content, so each check can fail.
    """
    _user, client = officer
    for q in ("Nông", "Tin"):
        response = client.get(url.format(q=q))
        assert response.status_code == 200
        assert not shows_other_content(text(response)), (url, q)
    superuser = client_for(make_user("admin", superuser=True))
    assert shows_other_content(text(superuser.get(url.format(q="Nông")))), url


@pytest.mark.parametrize("url", ["/admin/choose-page/", "/admin/api/main/pages/?child_of=root&for_explorer=1"])
def test_officer_is_not_offered_another_units_home_page(content, officer, make_user, client_for, url):
    """R10.2: the page chooser and the sidebar explorer, opened at the tree root, leave out other units' sites."""
    _user, client = officer
    html = text(client.get(url))
    assert "Xã Nông Thượng" not in html
    assert "Phường Đức Xuân" in html
    assert "Xã Nông Thượng" in text(client_for(make_user("admin", superuser=True)).get(url))


def test_officer_sees_their_own_content_in_search_and_choosers(content, officer):
    """R7.1b: the officer's own unit's content is found where the other unit's is not."""
    _user, client = officer
    for url in [
        "/admin/pages/search/?q=Tin",
        "/admin/images/",
        "/admin/documents/",
        "/admin/choose-page/search/?q=Tin",
        "/admin/images/chooser/",
        "/admin/documents/chooser/",
    ]:
        assert OWN in text(client.get(url)), url


def test_page_chooser_keeps_the_portals_public_pages(portal, content, officer):
    """R10.2: linking to the city portal stays possible; the chooser offers it but not another unit."""
    _user, client = officer
    content_root = text(client.get("/admin/choose-page/"))
    assert portal.title in content_root
    assert "Phường Đức Xuân" in content_root
    assert "Xã Nông Thượng" not in content_root


@pytest.mark.parametrize(
    "url", ["/admin/reports/locked/", "/admin/reports/aging-pages/", "/admin/reports/page-types-usage/"]
)
def test_reports_over_other_units_are_refused_or_empty(content, officer, url):
    """R10.2: locked pages, aging pages and page types usage never show another unit's pages to an officer."""
    _user, client = officer
    response = client.get(url)
    assert refused(response) or (response.status_code == 200 and not shows_other_content(text(response)))
    if url.endswith("page-types-usage/"):
        assert refused(response)  # it counts every site's pages: Wagtail cannot scope it
        assert "page-types-usage" not in text(client.get("/admin/"))


def test_board_member_still_sees_every_report(content, make_user, client_for):
    """R16B: scoping concerns unit officers only; the Board keeps the install-wide reports."""
    client = client_for(make_user("board", "board_member"))
    assert client.get("/admin/reports/page-types-usage/").status_code == 200
    assert shows_other_content(text(client.get("/admin/choose-page/search/?q=Nông")))
