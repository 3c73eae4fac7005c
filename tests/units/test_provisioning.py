import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from units.models import MemberUnit
from units.provisioning import ProvisioningError, create_unit, provision_unit, retire_unit, slug_from_name

pytestmark = pytest.mark.django_db

PROVISIONED_MODELS = [
    MemberUnit,
    Site,
    Page,
    Collection,
    Group,
    GroupPagePermission,
    GroupCollectionPermission,
    Workflow,
    WorkflowTask,
    WorkflowPage,
    GroupApprovalTask,
]


def counts():
    return {model.__name__: model.objects.count() for model in PROVISIONED_MODELS}


def test_slug_from_name_folds_vietnamese_and_drops_the_kind_word():
    assert slug_from_name("Phường Đức Xuân") == "duc-xuan"
    assert slug_from_name("Xã Nông Thượng") == "nong-thuong"
    assert slug_from_name("Hội Liên hiệp Phụ nữ") == "hoi-lien-hiep-phu-nu"
    assert slug_from_name("Phường") == "phuong"


def test_create_unit_provisions_site_home_pages_collection_groups_and_workflow(ward):
    """R2.1, R7.1b, R16.2: a unit gets its own site at <slug>.<PORTAL_DOMAIN>, home in vi and en, media, groups."""
    ward.refresh_from_db()
    site = ward.site
    assert (site.hostname, site.port, site.site_name) == (
        f"duc-xuan.{settings.PORTAL_DOMAIN}",
        settings.PORTAL_PORT,
        "Phường Đức Xuân",
    )
    home = site.root_page.specific
    assert home._meta.label == settings.MEMBER_HOME_PAGE_MODEL
    assert (home.title, home.depth, home.live, home.locale.language_code) == ("Phường Đức Xuân", 2, True, "vi")
    english = home.get_translation(home.locale.__class__.objects.get(language_code="en"))
    assert (english.title, english.live) == ("Duc Xuan Ward", True)
    assert ward.collection.get_parent() == Collection.get_first_root_node()
    assert ward.editors_group.name == "Phường Đức Xuân: biên tập viên"  # named in the default language
    assert ward.heads_group.name == "Phường Đức Xuân: thủ trưởng đơn vị"
    workflow = home.get_workflow()
    assert workflow == english.get_workflow()
    assert workflow.name == "Phê duyệt của Phường Đức Xuân"
    (task,) = workflow.tasks.specific()
    assert list(task.groups.all()) == [ward.heads_group]


def test_member_sites_serve_their_own_home_page_in_both_languages(ward, client):
    """R7.1b: the member site answers on its host name, / in Vietnamese and /en/ in English."""
    response = client.get("/", headers={"host": ward.hostname})
    assert response.status_code == 200
    assert "Phường Đức Xuân" in response.content.decode()
    response = client.get("/en/", headers={"host": ward.hostname})
    assert response.status_code == 200
    assert "Duc Xuan Ward" in response.content.decode()


def test_provisioning_twice_changes_nothing(ward, commune):
    """R2.1: provisioning is idempotent: a second run creates and grants nothing more."""
    before = counts()
    permissions_before = {
        group.pk: sorted(group.permissions.values_list("codename", flat=True))
        for group in (ward.editors_group, ward.heads_group)
    }
    provision_unit(ward)
    provision_unit(ward)
    provision_unit(commune)
    assert counts() == before
    assert permissions_before == {
        group.pk: sorted(group.permissions.values_list("codename", flat=True))
        for group in (ward.editors_group, ward.heads_group)
    }


@pytest.mark.parametrize(
    ("kind", "name", "slug", "field"),
    [
        ("village", "Phường Mới", "moi", "kind"),
        ("ward", "   ", "moi", "name"),
        ("ward", "Phường Đức Xuân", "duc-xuan", "slug"),
        ("ward", "Phường Khác", "Bad_Slug", "slug"),
        ("ward", "Phường Đức Xuân", None, "slug"),
    ],
)
def test_bad_input_raises_one_message_per_problem_and_changes_nothing(ward, kind, name, slug, field):
    """R2.1: unknown kind, empty name, invalid or taken slug are refused and nothing is created."""
    before = counts()
    with pytest.raises(ProvisioningError) as raised:
        create_unit(kind=kind, name=name, slug=slug)
    assert list(raised.value.message_dict) == [field]
    assert len(raised.value.message_dict[field]) == 1
    assert counts() == before


def test_several_problems_give_several_messages(portal):
    with pytest.raises(ProvisioningError) as raised:
        create_unit(kind="village", name="")
    assert set(raised.value.message_dict) == {"kind", "name"}


def test_retiring_unpublishes_the_site_removes_rights_and_deletes_nothing(ward, client):
    """R16.2: a retired unit's site stops serving and its officers lose their rights; no content is deleted."""
    home = ward.site.root_page
    section = home.add_child(instance=Page(title="Tin tức", slug="tin-tuc"))
    section.save_revision().publish()
    officer = Group.objects.get(pk=ward.editors_group_id).user_set.create(username="officer")
    before = {model.__name__: model.objects.count() for model in (Page, Site, Collection, Group, MemberUnit)}

    retire_unit(ward)
    retire_unit(ward)  # idempotent

    ward.refresh_from_db()
    assert not ward.is_active and ward.retired_at is not None
    assert not Page.objects.descendant_of(home, inclusive=True).live().exists()
    assert not Page.objects.filter(translation_key=home.translation_key, live=True).exists()
    assert client.get("/", headers={"host": ward.hostname}).status_code == 404
    assert client.get("/tin-tuc/", headers={"host": ward.hostname}).status_code == 404
    for group in (ward.editors_group, ward.heads_group):
        assert not group.permissions.exists()
        assert not GroupPagePermission.objects.filter(group=group).exists()
        assert not GroupCollectionPermission.objects.filter(group=group).exists()
    officer.refresh_from_db()
    assert not officer.has_perm("wagtailadmin.access_admin")
    assert {model.__name__: model.objects.count() for model in (Page, Site, Collection, Group, MemberUnit)} == before
    with pytest.raises(ProvisioningError):
        provision_unit(ward)
