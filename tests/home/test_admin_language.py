import pytest
from django.contrib.auth import get_user_model
from wagtail.users.models import UserProfile


@pytest.fixture
def officer(db):
    return get_user_model().objects.create_superuser("officer", "officer@example.gov.vn", "secret-password")


def test_admin_is_vietnamese_by_default(client, portal, officer):
    """R3.2: the admin speaks Vietnamese to officers (Vietnamese is the default language)."""
    client.force_login(officer)
    html = client.get("/admin/").content.decode()
    assert '<html lang="vi"' in html
    assert "Trang tổng quan" in html  # Wagtail's own Vietnamese for "Dashboard"


def test_admin_follows_the_officers_language_preference(client, portal, officer):
    """R3.2: an officer who prefers English gets the admin in English; one who prefers Vietnamese, in Vietnamese."""
    profile = UserProfile.get_for_user(officer)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(officer)
    html = client.get("/admin/").content.decode()
    assert '<html lang="en"' in html and "Dashboard" in html and "Trang tổng quan" not in html

    profile.preferred_language = "vi"
    profile.save()
    assert "Trang tổng quan" in client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
