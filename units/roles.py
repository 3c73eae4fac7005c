"""City-wide roles of the Editorial Board and the focal centre as Wagtail groups (R16B, R13, R6.5).

``ensure_city_roles()`` sets each group to exactly these permissions (extra ones are removed):

====================  =========================================  ==================================  ==============
Role (group name)     Pages                                      Images and documents                Other
====================  =========================================  ==================================  ==============
Board leader          add, change, publish, lock on the tree     add, change, choose in every        admin access;
(Trưởng Ban Biên      root, i.e. every site; approves the        collection (root collection)        approves "Board
tập)                  portal's "Board approval" task                                                 approval"
Board member          same as the board leader                   same                                same
(Thành viên BBT)
Board secretary       add, change on the tree root: receives     add, change, choose in every        admin access
(Thư ký BBT)          and edits submissions, never publishes     collection
Centre editor         add, change on the portal's home pages     add, change, choose from the root   admin access
(Biên tập viên TT     (default site root and its translations)   collection down (the Centre is the
VH-TT-TT)             only, no publish                           focal unit receiving media, R13.3)
Technical admin       none                                       none                                admin access;
(Quản trị kỹ thuật)                                                                                  users, groups,
                                                                                                     sites,
                                                                                                     redirects,
                                                                                                     portal
                                                                                                     settings,
                                                                                                     member units
====================  =========================================  ==================================  ==============

The portal's home pages get the "Board approval" workflow, whose one task is approved by the board leader and
members: everything submitted on the city portal passes the Board first (R6.5).
"""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext, gettext_noop
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

from units.models import CityRole

BOARD_LEADER = CityRole.Key.BOARD_LEADER
BOARD_MEMBER = CityRole.Key.BOARD_MEMBER
BOARD_SECRETARY = CityRole.Key.BOARD_SECRETARY
CENTRE_EDITOR = CityRole.Key.CENTRE_EDITOR
TECHNICAL_ADMIN = CityRole.Key.TECHNICAL_ADMIN

# Roles that act for every unit (see units.scoping).
BOARD_ROLES = (BOARD_LEADER, BOARD_MEMBER, BOARD_SECRETARY)

GROUP_NAMES = {
    BOARD_LEADER: gettext_noop("Editorial Board leader"),
    BOARD_MEMBER: gettext_noop("Editorial Board member"),
    BOARD_SECRETARY: gettext_noop("Editorial Board secretary"),
    CENTRE_EDITOR: gettext_noop("Editor of the Culture, Sports and Media Centre"),
    TECHNICAL_ADMIN: gettext_noop("Technical administrator"),
}
BOARD_APPROVAL = gettext_noop("Board approval")

# Adding, changing and choosing images and documents: a unit's officers in its collection, the city roles in all.
MEDIA_PERMISSIONS = (
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
)
ACCESS_ADMIN = [("wagtailadmin", "access_admin")]

# role: (page permissions, where: "tree" or "portal" or None, collection permissions, model permissions)
ROLE_PERMISSIONS = {
    BOARD_LEADER: (("add_page", "change_page", "publish_page", "lock_page"), "tree", MEDIA_PERMISSIONS, ACCESS_ADMIN),
    BOARD_MEMBER: (("add_page", "change_page", "publish_page", "lock_page"), "tree", MEDIA_PERMISSIONS, ACCESS_ADMIN),
    BOARD_SECRETARY: (("add_page", "change_page"), "tree", MEDIA_PERMISSIONS, ACCESS_ADMIN),
    CENTRE_EDITOR: (("add_page", "change_page"), "portal", MEDIA_PERMISSIONS, ACCESS_ADMIN),
    TECHNICAL_ADMIN: (
        (),
        None,
        (),
        ACCESS_ADMIN
        + [
            ("auth", "add_user"),
            ("auth", "change_user"),
            ("auth", "delete_user"),
            ("auth", "add_group"),
            ("auth", "change_group"),
            ("auth", "delete_group"),
            ("wagtailcore", "add_site"),
            ("wagtailcore", "change_site"),
            ("wagtailredirects", "add_redirect"),
            ("wagtailredirects", "change_redirect"),
            ("wagtailredirects", "delete_redirect"),
            ("home", "change_portalsettings"),
            ("units", "add_memberunit"),
            ("units", "change_memberunit"),
            ("units", "view_memberunit"),
        ],
    ),
}


def portal_home_pages():
    """The city portal's home page and its translations, or [] while the portal is not set up.

    The portal home is the default site's root page once it is a real home (not Wagtail's bare welcome page).
    """
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None or site.root_page.specific_class in (None, Page):
        return []
    home = site.root_page
    return [home, *home.get_translations()]


def role_group(key):
    """The group playing a city role, or None before ensure_city_roles() has run."""
    role = CityRole.objects.filter(key=key).select_related("group").first()
    return role.group if role else None


def ensure_city_roles():
    """Create or update the city roles' groups with exactly their permissions; idempotent (R16B, R13, R6.5)."""
    with transaction.atomic(), translation.override(settings.LANGUAGE_CODE):
        portal_homes = portal_home_pages()
        tree_root = Page.get_first_root_node()
        root_collection = Collection.get_first_root_node()
        groups = {}
        for key, (page_codenames, where, media, model_permissions) in ROLE_PERMISSIONS.items():
            group = _role_group(key)
            pages = {"tree": [tree_root], "portal": portal_homes, None: []}[where]
            _set_page_permissions(group, pages, page_codenames)
            _set_collection_permissions(group, root_collection if media else None, media)
            group.permissions.set(_permissions(model_permissions))
            groups[key.value] = group
        _ensure_board_workflow([groups[BOARD_LEADER], groups[BOARD_MEMBER]], portal_homes)
    return groups


def _role_group(key):
    name = gettext(GROUP_NAMES[key])
    role = CityRole.objects.filter(key=key).select_related("group").first()
    if role is None:
        group, _created = Group.objects.get_or_create(name=name)
        role = CityRole.objects.create(key=key, group=group)
    elif role.group.name != name and not Group.objects.filter(name=name).exists():
        # Follow the translation of the role's name once the catalogue has it.
        role.group.name = name
        role.group.save(update_fields=["name"])
    return role.group


def _permissions(pairs):
    query = Q(pk__in=[])
    for app_label, codename in pairs:
        query |= Q(content_type__app_label=app_label, codename=codename)
    return list(Permission.objects.filter(query))


def _set_page_permissions(group, pages, codenames):
    wanted = {
        (page.pk, permission.pk)
        for page in pages
        for permission in _permissions([("wagtailcore", codename) for codename in codenames])
    }
    existing = {(gpp.page_id, gpp.permission_id): gpp.pk for gpp in GroupPagePermission.objects.filter(group=group)}
    GroupPagePermission.objects.filter(pk__in=[pk for pair, pk in existing.items() if pair not in wanted]).delete()
    GroupPagePermission.objects.bulk_create(
        [
            GroupPagePermission(group=group, page_id=page_id, permission_id=perm_id)
            for page_id, perm_id in wanted
            if (page_id, perm_id) not in existing
        ]
    )


def _set_collection_permissions(group, collection, pairs):
    wanted = {(collection.pk, permission.pk) for permission in _permissions(pairs)} if collection else set()
    existing = {
        (gcp.collection_id, gcp.permission_id): gcp.pk for gcp in GroupCollectionPermission.objects.filter(group=group)
    }
    GroupCollectionPermission.objects.filter(
        pk__in=[pk for pair, pk in existing.items() if pair not in wanted]
    ).delete()
    GroupCollectionPermission.objects.bulk_create(
        [
            GroupCollectionPermission(group=group, collection_id=collection_id, permission_id=perm_id)
            for collection_id, perm_id in wanted
            if (collection_id, perm_id) not in existing
        ]
    )


def _ensure_board_workflow(board_groups, portal_homes):
    names = {gettext(BOARD_APPROVAL), BOARD_APPROVAL}
    task = GroupApprovalTask.objects.filter(name__in=names).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=gettext(BOARD_APPROVAL))
    task.groups.set(board_groups)
    workflow = Workflow.objects.filter(name__in=names).first()
    if workflow is None:
        workflow = Workflow.objects.create(name=gettext(BOARD_APPROVAL))
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for page in portal_homes:
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
    return workflow
