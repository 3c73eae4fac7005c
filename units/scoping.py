"""Which member units a user acts for: the one place the admin asks (R7.1b, R10.2, R16.2)."""

from django.db.models import Q
from wagtail.models import Page

from units.models import CityRole, MemberUnit
from units.roles import BOARD_ROLES, portal_home_pages


def city_role_keys(user):
    """The city roles the user plays; fetched once per user object, i.e. once per request, as several admin
    hooks ask (Wagtail caches its explorable root on the user the same way)."""
    if not user.is_authenticated or not user.is_active:
        return frozenset()
    if not hasattr(user, "_city_role_keys"):
        user._city_role_keys = frozenset(CityRole.objects.filter(group__user=user).values_list("key", flat=True))
    return user._city_role_keys


def is_board(user):
    """Superusers and the Editorial Board (leader, members, secretary) act for every unit."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or bool(city_role_keys(user) & set(BOARD_ROLES))


def officer_units(user):
    """Active units whose editors or heads group the user is in (board membership aside)."""
    if not user.is_authenticated or not user.is_active:
        return MemberUnit.objects.none()
    return (
        MemberUnit.objects.filter(Q(editors_group__user=user) | Q(heads_group__user=user), is_active=True)
        .distinct()
        .select_related("site__root_page")
    )


def provisioned_officer_units(user):
    """The user's officer units that have a site, as a list fetched once per user object (one request)."""
    if not user.is_authenticated or not user.is_active:
        return []
    if not hasattr(user, "_provisioned_officer_units"):
        user._provisioned_officer_units = [unit for unit in officer_units(user) if unit.site_id]
    return user._provisioned_officer_units


def units_for_user(user):
    """Units the user may act for: all active ones for superusers and the Board, else their own."""
    if is_board(user):
        return MemberUnit.objects.filter(is_active=True).select_related("site__root_page")
    return officer_units(user)


def is_unit_officer(user):
    """True for a unit's officers who hold no city-wide role: the users the admin scopes to their units."""
    return bool(provisioned_officer_units(user)) and not user.is_superuser and not city_role_keys(user)


def unit_home_pages(units):
    """The home pages (every locale) of the given units' sites."""
    homes = [unit.site.root_page for unit in units if unit.site_id]
    return Page.objects.filter(translation_key__in=[home.translation_key for home in homes])


def pages_visible_to_officer(user):
    """Pages a unit officer may see or choose: their units' sites and the city portal's public pages.

    Linking from a ward's article to the city portal's announcements is legitimate, so the portal's pages stay
    choosable; other units' pages never are.
    """
    query = Q(pk__in=[])
    for home in [*unit_home_pages(provisioned_officer_units(user)), *portal_home_pages()]:
        query |= Q(path__startswith=home.path)
    return Page.objects.filter(query)
