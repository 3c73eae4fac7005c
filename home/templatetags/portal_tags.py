"""What every public page shows: the language switch, the site's unit, the portal's name and link."""

from django import template
from django.conf import settings
from django.urls import Resolver404, resolve, translate_url
from django.utils import translation
from wagtail.models import Locale, Page, Site

from home.models import PortalSettings, shown_children
from units.models import MemberUnit

register = template.Library()

LANGUAGE_HOME_PATHS = {"vi": "/", "en": "/en/"}


def _current_site(request):
    if not hasattr(request, "_portal_site"):
        request._portal_site = Site.find_for_request(request)
    return request._portal_site


def _locales(request):
    """Every content locale by language code, fetched once per request."""
    if not hasattr(request, "_portal_locales"):
        request._portal_locales = {locale.language_code: locale for locale in Locale.objects.all()}
    return request._portal_locales


def _active_locale(request):
    return _locales(request).get(translation.get_language()) or Locale.get_active()


def _home_of_language(request, site, locale):
    """The URL of site's home page in locale, or that language's root path when it has none."""
    if site is not None and locale is not None:
        root = site.root_page
        home = root if root.locale_id == locale.pk else root.get_translation_or_none(locale)
        if home is not None and home.live:
            return home.get_url(request)
    return LANGUAGE_HOME_PATHS.get(locale.language_code if locale else None, "/")


def _view_path_in_language(request, language_code):
    """The current path of a non-page view (e.g. search) in another language, or None."""
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return None
    if match.url_name == "wagtail_serve":
        return None  # a page path that did not match a page (404): no translation to lead to
    translated = translate_url(request.path, language_code)
    if request.GET:
        translated = f"{translated}?{request.GET.urlencode()}"
    return translated


@register.simple_tag(takes_context=True)
def language_links(context):
    """One entry per language: its code, name, URL and whether it is the active one (R3.2).

    On a page the URL leads to the page's live translation where one exists, otherwise to that
    language's home page of the same site; on other views (search) to the same view in that language.
    """
    request = context.get("request")
    if request is None:
        return []
    page = context.get("page")
    page = page if isinstance(page, Page) else None
    site = _current_site(request)
    translations = {}
    if page is not None:
        for translated in page.get_translations(inclusive=True).live().select_related("locale"):
            translations[translated.locale.language_code] = translated
    locales = _locales(request)
    active = translation.get_language()
    links = []
    for code, name in settings.LANGUAGES:
        if code in translations:
            url = translations[code].get_url(request)
        else:
            view_path = None if page is not None else _view_path_in_language(request, code)
            url = view_path or _home_of_language(request, site, locales.get(code))
        links.append({"code": code, "name": name, "url": url, "is_current": code == active})
    return links


@register.simple_tag(takes_context=True)
def site_unit(context):
    """The member unit whose site is being viewed, or None on the portal."""
    request = context.get("request")
    if request is None:
        return None
    if not hasattr(request, "_portal_site_unit"):
        site = _current_site(request)
        request._portal_site_unit = MemberUnit.objects.filter(site=site).first() if site else None
    return request._portal_site_unit


@register.simple_tag(takes_context=True)
def portal_home_url(context):
    """The portal's home page in the active language, with its host (member sites link back to it)."""
    request = context.get("request")
    if request is not None and hasattr(request, "_portal_home_url"):
        return request._portal_home_url
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    url = "/"
    if site is not None:
        locale = _active_locale(request) if request else Locale.get_active()
        root = site.root_page
        home = (root if root.locale_id == locale.pk else root.get_translation_or_none(locale)) or root
        # The full URL: from a member site, the portal is another host.
        url = home.get_full_url(request)
    if request is not None:
        request._portal_home_url = url
    return url


@register.simple_tag
def portal_name(portal_settings=None):
    """The portal's name in the active language, e.g. for the reuse notice (R16.3)."""
    portal_settings = portal_settings or PortalSettings.load()
    if translation.get_language() == "en" and portal_settings.portal_name_en:
        return portal_settings.portal_name_en
    return portal_settings.portal_name


@register.filter
def localised_name(unit):
    """A member unit's name in the active language, falling back to the Vietnamese name."""
    if unit is None:
        return ""
    if translation.get_language() == "en" and unit.name_en:
        return unit.name_en
    return unit.name


@register.simple_tag(takes_context=True)
def site_home(context):
    """The current site's home page in the active language, or None."""
    request = context.get("request")
    if request is None:
        return None
    if not hasattr(request, "_portal_site_home"):
        site = _current_site(request)
        home = None
        if site is not None:
            locale = _active_locale(request)
            root = site.root_page
            home = root if root.locale_id == locale.pk else root.get_translation_or_none(locale)
        request._portal_site_home = home
    return request._portal_site_home


@register.simple_tag(takes_context=True)
def menu_pages(context):
    """The live pages shown in the menu under the current site's home page."""
    home = site_home(context)
    if home is None:
        return Page.objects.none()
    return shown_children(home.get_children()).in_menu()
