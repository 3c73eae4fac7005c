import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import Locale, Page, Site

from home.models import PortalHomePage, PortalSettings
from home.portal import PortalSetupError, setup_portal


@pytest.mark.django_db
def test_setup_portal_replaces_the_welcome_page_and_serves_both_languages(settings):
    """R3.2: the default site serves the portal home in Vietnamese, with a live English translation."""
    assert Page.objects.filter(depth=2, title="Welcome to your new Wagtail site!").exists()

    home = setup_portal("Cổng Thông tin điện tử thành phố A", "City A e-Portal", phone="0209 000", email="a@a.gov.vn")

    assert not Page.objects.filter(title="Welcome to your new Wagtail site!").exists()
    site = Site.objects.get(is_default_site=True)
    assert site.root_page.specific == home
    assert (site.hostname, site.port, site.site_name) == (
        settings.PORTAL_DOMAIN,
        settings.PORTAL_PORT,
        "Cổng Thông tin điện tử thành phố A",
    )
    assert isinstance(home, PortalHomePage) and home.live and home.locale == Locale.get_default()
    english = home.get_translation(Locale.objects.get(language_code="en"))
    assert english.live and english.title == "City A e-Portal"
    portal_settings = PortalSettings.load()
    assert portal_settings.portal_name == "Cổng Thông tin điện tử thành phố A"
    assert portal_settings.portal_name_en == "City A e-Portal"
    assert (portal_settings.phone, portal_settings.email) == ("0209 000", "a@a.gov.vn")


@pytest.mark.django_db
def test_setup_portal_twice_changes_nothing():
    first = setup_portal("Cổng A", "Portal A")
    pages, sites = Page.objects.count(), Site.objects.count()
    revisions = list(Page.objects.values_list("pk", "latest_revision_id"))

    second = setup_portal("Cổng A", "Portal A")

    assert second.pk == first.pk
    assert (Page.objects.count(), Site.objects.count()) == (pages, sites)
    assert list(Page.objects.values_list("pk", "latest_revision_id")) == revisions


@pytest.mark.django_db
def test_setup_portal_creates_the_city_roles():
    from units.roles import ensure_city_roles

    setup_portal("Cổng A", "Portal A")
    roles = ensure_city_roles()
    assert roles and all(group.pk for group in roles.values())


@pytest.mark.django_db
def test_setup_portal_refuses_an_empty_name():
    with pytest.raises(PortalSetupError):
        setup_portal("  ", "Portal A")
    assert not PortalHomePage.objects.exists()


@pytest.mark.django_db
def test_setup_portal_command(capsys):
    call_command("setup_portal", "--name", "Cổng B", "--name-en", "Portal B", "--address", "Số 2")
    home = Site.objects.get(is_default_site=True).root_page.specific
    assert isinstance(home, PortalHomePage) and home.title == "Cổng B"
    assert PortalSettings.load().address == "Số 2"
    assert "Cổng B" in capsys.readouterr().out


@pytest.mark.django_db
def test_setup_portal_command_exits_2_on_empty_name():
    with pytest.raises(CommandError) as raised:
        call_command("setup_portal", "--name", "", "--name-en", "Portal B")
    assert raised.value.returncode == 2
    assert str(raised.value) == "Cổng cần có tên tiếng Việt."  # the default language
    assert not PortalHomePage.objects.exists()


@pytest.mark.django_db
def test_setup_portal_command_exits_2_on_a_bad_email():
    with pytest.raises(CommandError) as raised:
        call_command("setup_portal", "--name", "Cổng B", "--name-en", "Portal B", "--email", "not-an-email")
    assert raised.value.returncode == 2
    assert "email" in str(raised.value)
    assert not PortalHomePage.objects.exists()
