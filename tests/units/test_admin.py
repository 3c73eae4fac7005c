import json
import re

import pytest
from wagtail.models import Page, Site
from wagtail.users.models import UserProfile

from units.models import MemberUnit

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/snippets/units/memberunit/add/"
LIST_URL = "/admin/snippets/units/memberunit/"


def unit_form(**values):
    data = {
        "kind": "ward",
        "name": "Phường Sông Cầu",
        "name_en": "Song Cau Ward",
        "slug": "",
        "parent": "",
        "sort_order": "0",
        "address": "Số 1 đường Hùng Vương",
        "phone": "",
        "fax": "",
        "email": "",
        "head_name": "",
        "head_position": "",
        "focal_person_name": "",
        "focal_person_phone": "",
        "focal_person_email": "",
    }
    data.update(values)
    return data


def field_errors(response, field):
    return [str(message) for message in response.context["form"].errors.get(field, [])]


@pytest.fixture
def manager(portal, make_user, client_for):
    """A technical administrator whose admin speaks English, so messages are compared in English."""
    user = make_user("tech", "technical_admin")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return client_for(user)


def test_creating_a_unit_in_the_admin_provisions_it(manager):
    """R2.1, R7.1b: a unit created in the admin gets its site, home pages, collection and groups."""
    response = manager.post(ADD_URL, unit_form())
    assert response.status_code == 302
    unit = MemberUnit.objects.get(slug="song-cau")
    assert unit.site.hostname.startswith("song-cau.")
    assert unit.site.root_page.title == "Phường Sông Cầu"
    assert unit.site.root_page.get_translations().get().title == "Song Cau Ward"
    assert unit.collection and unit.editors_group and unit.heads_group
    assert unit.address == "Số 1 đường Hùng Vương"


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        ({"name": "  "}, "name", "Enter the unit's name."),
        ({"slug": "duc-xuan"}, "slug", "The slug “duc-xuan” is already taken by another unit or site."),
        ({"name": "Phường Đức Xuân"}, "slug", "The slug “duc-xuan” is already taken by another unit or site."),
        ({"slug": "Sông Cầu"}, "slug", "Use lower-case letters without diacritics, digits and single hyphens"),
    ],
)
def test_admin_form_shows_the_commands_errors_and_keeps_what_was_typed(ward, manager, values, field, message):
    """R2.1: bad input shows a field error, the same as the command's, and the form keeps the typed values."""
    before = (MemberUnit.objects.count(), Site.objects.count(), Page.objects.count())
    response = manager.post(ADD_URL, unit_form(**values))
    assert response.status_code == 200
    errors = field_errors(response, field)
    assert len(errors) == 1 and errors[0].startswith(message)
    html = response.content.decode()
    assert 'value="Số 1 đường Hùng Vương"' in html
    assert 'value="Song Cau Ward"' in html
    if values.get("slug"):
        assert f'value="{values["slug"]}"' in html
    assert before == (MemberUnit.objects.count(), Site.objects.count(), Page.objects.count())


def test_retire_action_in_the_admin(ward, manager):
    """R16.2: the units listing offers Retire; confirming it unpublishes the site and keeps the content."""
    retire_url = f"/admin/units/{ward.pk}/retire/"
    assert retire_url in manager.get(LIST_URL).content.decode()
    assert manager.get(retire_url).status_code == 200
    response = manager.post(retire_url)
    assert response.status_code == 302, response
    assert response.url == LIST_URL
    ward.refresh_from_db()
    assert not ward.is_active
    assert not ward.site.root_page.live
    assert Page.objects.filter(pk=ward.site.root_page_id).exists()


def test_officer_lands_on_their_own_site(ward, commune, make_user, client_for):
    """R16.2: the dashboard shows the officer's member site, and the Pages menu opens at its home page."""
    home = ward.site.root_page
    client = client_for(make_user("officer", ward.editors_group))
    html = client.get("/admin/").content.decode()
    assert "Phường Đức Xuân" in html
    assert f"/admin/pages/{home.pk}/" in html
    assert f"/admin/pages/{home.pk}/add_subpage/" in html
    assert "Xã Nông Thượng" not in html
    assert explorer_start_page(html) == home.pk
    # The page count is of the officer's own site (vi and en home pages), not of the whole install.
    summary = re.search(r'<a href="/admin/pages/(\d+)/">\s*(\d+) ', html)
    assert summary is not None and summary.groups() == (str(home.pk), "2")


def test_superuser_keeps_wagtails_explorer(ward, make_user, client_for):
    client = client_for(make_user("root", ward.editors_group, superuser=True))
    html = client.get("/admin/").content.decode()
    assert explorer_start_page(html) == Page.get_first_root_node().pk


def explorer_start_page(html):
    props = json.loads(re.search(r'id="wagtail-sidebar-props"[^>]*>(.*?)</script>', html, re.S).group(1))
    (main_menu,) = [module for module in props["modules"] if module["_type"] == "wagtail.sidebar.MainMenuModule"]
    (explorer,) = [item for item in main_menu["_args"][0] if item["_args"][0]["name"] == "explorer"]
    return explorer["_args"][1]


def test_editing_a_unit_keeps_its_site_in_step(ward, commune, manager):
    """R2.1: renaming a unit or changing its slug moves its site; a taken slug is refused on edit too."""
    edit_url = f"/admin/snippets/units/memberunit/edit/{ward.pk}/"
    response = manager.post(edit_url, unit_form(name="Phường Đức Xuân", slug="nong-thuong", kind="ward"))
    assert field_errors(response, "slug") == ["The slug “nong-thuong” is already taken by another unit or site."]
    response = manager.post(edit_url, unit_form(name="Phường Đức Xuân mới", slug="duc-xuan-moi", kind="ward"))
    assert response.status_code == 302
    ward.refresh_from_db()
    assert (ward.site.hostname.split(".")[0], ward.site.site_name) == ("duc-xuan-moi", "Phường Đức Xuân mới")
    assert Site.objects.filter(pk=ward.site_id).count() == 1
