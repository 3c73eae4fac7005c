import pytest
from django.core.management import call_command
from wagtail.models import Page

from home.models import PortalHomePage

pytestmark = pytest.mark.django_db


def test_a_fresh_database_holds_no_portal():
    """`make run` loads the demo data only into an empty database: a migrated one is empty (exit 0)."""
    call_command("portal_is_empty")


def test_a_database_with_a_portal_home_page_is_not_empty():
    Page.get_first_root_node().add_child(instance=PortalHomePage(title="Cổng thử", slug="cong-thu"))

    with pytest.raises(SystemExit) as exit_info:
        call_command("portal_is_empty")

    assert exit_info.value.code == 1
