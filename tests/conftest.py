import pytest
from django.conf import settings
from django.utils import translation


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _default_language():
    """Every test starts in the default language (vi), as a request without preferences would."""
    with translation.override(settings.LANGUAGE_CODE):
        yield


@pytest.fixture
def portal(db):
    """The city portal: its home page in vi and en on the default site, and the city roles."""
    from home.portal import setup_portal

    return setup_portal(name="Cổng Thông tin điện tử thành phố Thử nghiệm", name_en="Test City e-Portal")


@pytest.fixture
def ward(portal):
    from units.provisioning import create_unit

    return create_unit(kind="ward", name="Phường Đức Xuân", name_en="Duc Xuan Ward", slug="duc-xuan")


@pytest.fixture
def commune(portal):
    from units.provisioning import create_unit

    return create_unit(kind="commune", name="Xã Nông Thượng", name_en="Nong Thuong Commune", slug="nong-thuong")
