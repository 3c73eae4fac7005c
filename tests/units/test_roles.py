import pytest
from django.contrib.auth.models import Group
from wagtail.models import GroupCollectionPermission, GroupPagePermission, Locale, Page, Site, Workflow
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from units.models import CityRole
from units.provisioning import create_unit
from units.roles import ensure_city_roles, portal_home_pages

pytestmark = pytest.mark.django_db

ROLE_KEYS = {"board_leader", "board_member", "board_secretary", "centre_editor", "technical_admin"}


def edit_url(page):
    return f"/admin/pages/{page.pk}/edit/"


def refused(response):
    """Wagtail answers a forbidden admin page with 403 or a redirect to the dashboard."""
    return response.status_code == 403 or (response.status_code == 302 and response.url.rstrip("/") == "/admin")


def english(page):
    return page.get_translation(Locale.objects.get(language_code="en"))


def test_city_roles_are_created_once_and_keep_exactly_their_permissions(portal):
    """R16B: ensure_city_roles() is idempotent and puts back exactly the documented permissions."""
    groups = ensure_city_roles()
    assert set(groups) == ROLE_KEYS
    counts = (Group.objects.count(), GroupPagePermission.objects.count(), GroupCollectionPermission.objects.count())
    stray = Page.objects.get(depth=1)
    GroupPagePermission.objects.create(
        group=groups["centre_editor"],
        page=stray,
        permission=groups["board_leader"].page_permissions.first().permission,
    )
    again = ensure_city_roles()
    assert again == groups
    assert counts == (
        Group.objects.count(),
        GroupPagePermission.objects.count(),
        GroupCollectionPermission.objects.count(),
    )
    assert {role.key for role in CityRole.objects.all()} == ROLE_KEYS


def test_city_roles_without_a_portal_yet(db):
    """R16B: the roles can be made before the portal home exists; centre editors then hold no pages."""
    groups = ensure_city_roles()
    assert not GroupPagePermission.objects.filter(group=groups["centre_editor"]).exists()
    assert portal_home_pages() == []


def test_portal_passes_the_board(portal):
    """R6.5: the portal's home pages (vi and en) go through the Board approval workflow of leader and members."""
    workflow = portal.get_workflow()
    assert workflow == english(portal).get_workflow() == Workflow.objects.get(name="Ban Biên tập phê duyệt")
    (task,) = workflow.tasks.specific()
    assert {group.city_role.key for group in task.groups.all()} == {"board_leader", "board_member"}


@pytest.mark.parametrize(
    ("role", "portal_rights", "ward_rights"),
    [
        ("board_leader", {"edit", "publish", "lock"}, {"edit", "publish", "lock"}),
        ("board_member", {"edit", "publish", "lock"}, {"edit", "publish", "lock"}),
        ("board_secretary", {"edit"}, {"edit"}),
        ("centre_editor", {"edit"}, set()),
        ("technical_admin", set(), set()),
        ("ward_editors", set(), {"edit"}),
        ("ward_heads", set(), {"edit", "publish"}),
    ],
)
def test_each_role_edits_and_publishes_exactly_where_it_should(
    portal, ward, make_user, client_for, role, portal_rights, ward_rights
):
    """R16B, R7.1b, R7.2, R10.2: page rights of each role on the portal and on a ward's site, vi and en."""
    group = {"ward_editors": ward.editors_group, "ward_heads": ward.heads_group}.get(role, role)
    user = make_user(role, group)
    client = client_for(user)
    ward_home = ward.site.root_page
    for page, rights in [
        (portal, portal_rights),
        (english(portal), portal_rights),
        (ward_home, ward_rights),
        (english(ward_home), ward_rights),
    ]:
        permissions = page.permissions_for_user(user)
        held = {
            right
            for right, allowed in [
                ("edit", permissions.can_edit()),
                ("publish", permissions.can_publish()),
                ("lock", permissions.can_lock()),
            ]
            if allowed
        }
        assert held == rights, page
        response = client.get(edit_url(page))
        if "edit" in rights:
            assert response.status_code == 200
        else:
            assert refused(response), page


def test_technical_admin_manages_users_sites_and_units_but_no_pages(portal, make_user, client_for):
    """R16B, R10.2: technical administrators run users, groups, sites, redirects and units."""
    client = client_for(make_user("tech", "technical_admin"))
    for url in [
        "/admin/users/",
        "/admin/groups/",
        "/admin/sites/",
        "/admin/redirects/",
        "/admin/settings/home/portalsettings/",
        "/admin/snippets/units/memberunit/",
        "/admin/snippets/units/memberunit/add/",
    ]:
        response = client.get(url, follow=True)
        assert response.status_code == 200 and response.request["PATH_INFO"].startswith(url), url
    assert refused(client.get(edit_url(portal)))
    assert refused(client.get("/admin/images/"))


def test_unit_officers_cannot_manage_units_or_users(ward, make_user, client_for):
    """R10.2: a unit's head is refused the units, users and sites admin."""
    client = client_for(make_user("head", ward.heads_group))
    for url in [
        "/admin/snippets/units/memberunit/",
        "/admin/users/",
        "/admin/sites/",
        f"/admin/units/{ward.pk}/retire/",
    ]:
        assert refused(client.get(url)), url


def test_editors_submit_heads_publish(ward, make_user, client_for):
    """R7.2: a unit's editor can only submit for the head's approval; the head publishes."""
    home = ward.site.root_page.specific
    editor = client_for(make_user("editor", ward.editors_group))
    response = editor.get(edit_url(home))
    content = response.content.decode()
    assert 'name="action-submit"' in content
    assert 'name="action-publish"' not in content

    data = nested_form_data(
        {"title": "Phường Đức Xuân mới", "slug": home.slug, "intro": rich_text(""), "comments": inline_formset([])}
    )
    data["action-publish"] = "publish"
    editor.post(edit_url(home), data)
    home.refresh_from_db()
    assert home.title == "Phường Đức Xuân"  # the live title did not change

    head = client_for(make_user("head", ward.heads_group))
    assert 'name="action-publish"' in head.get(edit_url(home)).content.decode()
    head.post(edit_url(home), data)
    home.refresh_from_db()
    assert home.title == "Phường Đức Xuân mới"
    assert Site.objects.get(pk=ward.site_id).root_page_id == home.pk


def test_a_unit_created_before_the_portal_gets_its_own_groups(db):
    """R2.1: provisioning does not depend on the portal or the city roles."""
    unit = create_unit(kind="commune", name="Xã Dương Quang")
    assert unit.slug == "duong-quang"
    assert unit.site.root_page.live


def test_unit_submissions_are_approved_by_the_unit_head_and_portal_ones_by_the_board(
    portal, ward, make_user, client_for
):
    """R7.2, R6.5: a ward editor's submission waits for the ward's head; the portal's for the Board."""
    home = ward.site.root_page.specific
    editor = make_user("editor", ward.editors_group)
    head = make_user("head", ward.heads_group)
    board_member = make_user("member", "board_member")
    secretary = make_user("secretary", "board_secretary")
    data = nested_form_data(
        {"title": "Phường Đức Xuân (sửa)", "slug": home.slug, "intro": rich_text(""), "comments": inline_formset([])}
    )
    data["action-submit"] = "submit"
    assert client_for(editor).post(edit_url(home), data).status_code == 302
    home.refresh_from_db()
    task_state = home.current_workflow_task_state
    task = task_state.task.specific
    assert home.title == "Phường Đức Xuân"  # not published yet
    assert "approve" in [action for action, *_rest in task.get_actions(home, head)]
    assert task.get_actions(home, editor) == []
    assert task.get_actions(home, secretary) == []

    portal_task = portal.get_workflow().tasks.get().specific
    assert "approve" in [action for action, *_rest in portal_task.get_actions(portal, board_member)]
    assert portal_task.get_actions(portal, head) == []
    assert portal_task.get_actions(portal, secretary) == []
