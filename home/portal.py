"""Setting up the city portal: its Site, home page in both languages, contact details and city roles."""

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page, Site

from home.models import PortalHomePage, PortalSettings
from units.roles import ensure_city_roles

# What Wagtail's first migration creates; replaced by the portal home page.
WAGTAIL_WELCOME_TITLE = "Welcome to your new Wagtail site!"

CONTACT_FIELDS = ("owner", "responsible_person", "licence", "address", "phone", "fax", "email")


class PortalSetupError(ValueError):
    """The portal cannot be set up with the values given."""


def _is_untouched_welcome_page(page):
    return (
        page is not None
        and page.depth == 2
        and page.specific_class is Page
        and page.title == WAGTAIL_WELCOME_TITLE
        and page.numchild == 0
    )


def _portal_home(name, default_site):
    """The vi portal home page: the default site's if it is one, else an existing one, else a new one."""
    default_locale = Locale.get_default()
    if default_site and isinstance(default_site.root_page.specific, PortalHomePage):
        return default_site.root_page.specific
    existing = PortalHomePage.objects.filter(locale=default_locale, depth=2).first()
    if existing:
        return existing
    if default_site and _is_untouched_welcome_page(default_site.root_page):
        welcome = default_site.root_page
        # The site must point elsewhere before its root page can go (Site.root_page is CASCADE).
        home = PortalHomePage(title=name, slug="portal", locale=default_locale)
        Page.get_first_root_node().add_child(instance=home)
        default_site.root_page = home
        default_site.save()
        welcome.delete()
        home.slug = "home"
        home.save_revision().publish()
        home.refresh_from_db()
        return home
    home = PortalHomePage(title=name, slug="home", locale=default_locale)
    Page.get_first_root_node().add_child(instance=home)
    home.save_revision().publish()
    return home


def _english_home(home, name_en):
    locale_en, _created = Locale.objects.get_or_create(language_code="en")
    translation = home.get_translation_or_none(locale_en)
    if translation is None:
        translation = home.copy_for_translation(locale_en)
        translation.title = name_en
        translation.slug = "home-en"
        translation.save_revision().publish()
    elif not translation.live:
        translation.save_revision().publish()
    return translation.specific


@transaction.atomic
def setup_portal(name, name_en, **contact):
    """Make the default Site serve the city portal; safe to run again. Returns the vi PortalHomePage.

    ``contact`` takes the PortalSettings contact fields (R3.3h): owner, responsible_person,
    licence, address, phone, fax, email.
    """
    # Stored text becomes NFC in the pre_save receiver (core.unicode), like every other text.
    name, name_en = (name or "").strip(), (name_en or "").strip()
    if not name:
        raise PortalSetupError(_("The portal needs a Vietnamese name."))
    if not name_en:
        raise PortalSetupError(_("The portal needs an English name."))
    unknown = set(contact) - set(CONTACT_FIELDS)
    if unknown:
        raise PortalSetupError(_("Unknown contact fields: %(fields)s") % {"fields": ", ".join(sorted(unknown))})

    default_site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    home = _portal_home(name, default_site)
    if default_site is None:
        default_site = Site(is_default_site=True)
    default_site.hostname = settings.PORTAL_DOMAIN
    default_site.port = settings.PORTAL_PORT
    default_site.site_name = name
    default_site.root_page = home
    default_site.save()

    _english_home(home, name_en)

    portal_settings = PortalSettings.load()
    portal_settings.portal_name = name
    portal_settings.portal_name_en = name_en
    for field, value in contact.items():
        if value is not None:
            setattr(portal_settings, field, value)
    portal_settings.full_clean()
    portal_settings.save()

    # The English root is a translation of the site root: the cached root paths must learn of it.
    Site.clear_site_root_paths_cache()

    ensure_city_roles()
    # Fresh from the database: publishing works on copies, so the object in hand may be stale.
    return PortalHomePage.objects.get(pk=home.pk)
