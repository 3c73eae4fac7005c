"""Provisioning member units: each gets a site, home pages, a collection, two groups and a workflow (R7.1b, R16.2).

Slugs derived from a name drop the kind word that starts it ("Phường", "Xã", ...) and fold Vietnamese to
ASCII, so "Phường Đức Xuân" becomes ``duc-xuan`` and the member site answers at ``duc-xuan.<PORTAL_DOMAIN>``.
"""

import re
import unicodedata

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from units.models import MemberUnit, UnitKind, slug_validator
from units.roles import MEDIA_PERMISSIONS

# Kind words that open a unit's name and add nothing to its host name.
NAME_PREFIXES = ("phường", "xã", "thị trấn")

EDITOR_PAGE_ACTIONS = ("add_page", "change_page")
HEAD_PAGE_ACTIONS = ("add_page", "change_page", "publish_page")


class ProvisioningError(ValidationError):
    """Bad input for creating or provisioning a unit; one localised message per problem, keyed by field."""


def slug_from_name(name):
    """Fold a Vietnamese name to an ASCII host-name label: "Phường Đức Xuân" -> "duc-xuan"."""
    text = name.strip().lower()
    for prefix in NAME_PREFIXES:
        if text.startswith(prefix + " ") and len(text) > len(prefix) + 1:
            text = text[len(prefix) + 1 :]
            break
    text = text.replace("đ", "d")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:63].strip("-")


def validate_unit_input(kind, name, slug=None, instance=None):
    """Check what identifies a unit; return (kind, name, slug) cleaned or raise ProvisioningError.

    The admin form and the command both call this, so they show the same messages.
    """
    errors = {}
    name = (name or "").strip()
    slug = (slug or "").strip()
    if kind not in UnitKind.values:
        errors["kind"] = gettext("Unknown unit kind “%(kind)s”. Choose one of: %(kinds)s.") % {
            "kind": kind,
            "kinds": ", ".join(UnitKind.values),
        }
    if not name:
        errors["name"] = gettext("Enter the unit's name.")
    if not slug and name:
        slug = slug_from_name(name)
        if not slug:
            errors["slug"] = gettext("No slug can be made from this name; enter one, e.g. duc-xuan.")
    if slug:
        taken = MemberUnit.objects.filter(slug=slug)
        if instance is not None and instance.pk:
            taken = taken.exclude(pk=instance.pk)
        try:
            slug_validator(slug)
        except ValidationError as error:
            errors["slug"] = error.messages[0]
        else:
            hostname = f"{slug}.{settings.PORTAL_DOMAIN}"
            own_site_id = instance.site_id if instance is not None else None
            if taken.exists() or Site.objects.filter(hostname=hostname).exclude(pk=own_site_id).exists():
                errors["slug"] = gettext("The slug “%(slug)s” is already taken by another unit or site.") % {
                    "slug": slug
                }
    if errors:
        raise ProvisioningError(errors)
    return kind, name, slug


def create_unit(kind, name, slug=None, **fields):
    """Create a member unit and provision it in one transaction; on bad input change nothing (R2.1, R7.1b)."""
    kind, name, slug = validate_unit_input(kind, name, slug)
    unit = MemberUnit(kind=kind, name=name, slug=slug, **fields)
    try:
        unit.full_clean(exclude=["kind", "name", "slug"])
    except ValidationError as error:
        raise ProvisioningError(error.message_dict) from error
    with transaction.atomic():
        unit.save()
        provision_unit(unit)
    return unit


def provision_unit(unit):
    """Give the unit its site, home pages (vi, en), collection, groups and approval workflow; idempotent.

    Editors add and change pages in the unit's home subtrees (both locales), which lets them submit for
    moderation but not publish; heads also publish and approve the unit's workflow (R7.1b, R7.2, R16.2).
    """
    if not unit.is_active:
        raise ProvisioningError(gettext("The unit “%(unit)s” is retired; it cannot be provisioned.") % {"unit": unit})
    with transaction.atomic(), translation.override(settings.LANGUAGE_CODE):
        home = _ensure_home(unit)
        homes = [home, _ensure_english_home(unit, home)]
        unit.site = _ensure_site(unit, home)
        unit.collection = _ensure_collection(unit)
        unit.editors_group = _ensure_group(unit, unit.editors_group, gettext("%(unit)s: editors"))
        unit.heads_group = _ensure_group(unit, unit.heads_group, gettext("%(unit)s: heads"))
        MemberUnit.objects.filter(pk=unit.pk).update(
            site=unit.site,
            collection=unit.collection,
            editors_group=unit.editors_group,
            heads_group=unit.heads_group,
        )
        for group, actions in ((unit.editors_group, EDITOR_PAGE_ACTIONS), (unit.heads_group, HEAD_PAGE_ACTIONS)):
            grant_admin_access(group)
            for page in homes:
                grant_page_permissions(group, page, actions)
            grant_collection_permissions(group, unit.collection, MEDIA_PERMISSIONS)
        _ensure_workflow(unit, homes)
    return unit


def retire_unit(unit, user=None):
    """Unpublish the unit's site and take its officers' rights away; delete no content; idempotent.

    The officers stay in their groups (a record of who served) but the groups hold no rights any more.
    """
    with transaction.atomic():
        if unit.site_id:
            home = unit.site.root_page
            for tree_root in [home, *home.get_translations()]:
                live_pages = Page.objects.descendant_of(tree_root, inclusive=True).live().specific()
                for page in live_pages:
                    # Whoever may retire a unit may unpublish its site; the user is only recorded in the log.
                    UnpublishPageAction(page, user=user).execute(skip_permission_checks=True)
        for group in (unit.editors_group, unit.heads_group):
            if group is not None:
                GroupPagePermission.objects.filter(group=group).delete()
                GroupCollectionPermission.objects.filter(group=group).delete()
                group.permissions.remove(_admin_access_permission())
        if unit.is_active:
            unit.is_active = False
            unit.retired_at = timezone.now()
            unit.save(update_fields=["is_active", "retired_at"])
    return unit


def grant_admin_access(group):
    group.permissions.add(_admin_access_permission())


def grant_page_permissions(group, page, codenames):
    for codename in codenames:
        permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def grant_collection_permissions(group, collection, permissions):
    for app_label, codename in permissions:
        permission = Permission.objects.get(content_type__app_label=app_label, codename=codename)
        GroupCollectionPermission.objects.get_or_create(group=group, collection=collection, permission=permission)


def _admin_access_permission():
    return Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")


def _ensure_home(unit):
    if unit.site_id and unit.site.root_page_id:
        return unit.site.root_page.specific
    home_model = apps.get_model(settings.MEMBER_HOME_PAGE_MODEL)
    root = Page.get_first_root_node()
    locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    slug = unit.slug
    while root.get_children().filter(slug=slug).exists():
        slug = f"{slug}-site"
    home = home_model(title=unit.name, slug=slug, locale=locale)
    root.add_child(instance=home)
    home.save_revision().publish()
    return home


def _ensure_english_home(unit, home):
    locale = Locale.objects.get(language_code="en")
    english = home.get_translation_or_none(locale)
    if english is None:
        english = home.copy_for_translation(locale)
        english.title = unit.name_en or unit.name
        english.save_revision().publish()
    return english


def _ensure_site(unit, home):
    site = unit.site
    if site is None:
        site = Site.objects.filter(hostname=unit.hostname, port=settings.PORTAL_PORT).first() or Site(
            hostname=unit.hostname, port=settings.PORTAL_PORT
        )
    wanted = {"hostname": unit.hostname, "port": settings.PORTAL_PORT, "site_name": unit.name, "root_page": home}
    if site.pk is None or any(getattr(site, field) != value for field, value in wanted.items()):
        for field, value in wanted.items():
            setattr(site, field, value)
        site.save()
    return site


def _ensure_collection(unit):
    if unit.collection_id:
        return unit.collection
    return Collection.get_first_root_node().add_child(name=unit.name)


def _ensure_group(unit, group, name_pattern):
    if group is not None:
        return group
    name = name_pattern % {"unit": unit.name}
    # A group of that name serving another unit or a city role is never shared.
    if (
        Group.objects.filter(name=name)
        .filter(Q(unit_as_editors__isnull=False) | Q(unit_as_heads__isnull=False) | Q(city_role__isnull=False))
        .exists()
    ):
        name = name_pattern % {"unit": f"{unit.name} ({unit.slug})"}
    group, _created = Group.objects.get_or_create(name=name)
    return group


def _ensure_workflow(unit, homes):
    existing = WorkflowPage.objects.filter(page__in=homes).select_related("workflow").first()
    if existing is not None:
        workflow = existing.workflow
    else:
        workflow = Workflow.objects.create(name=gettext("%(unit)s approval") % {"unit": unit.name})
        task = GroupApprovalTask.objects.create(name=gettext("Approval by the head of %(unit)s") % {"unit": unit.name})
        task.groups.set([unit.heads_group])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    for page in homes:
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
    return workflow
