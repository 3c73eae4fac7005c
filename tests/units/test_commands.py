import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Page, Site

from units.models import MemberUnit

pytestmark = pytest.mark.django_db

BASE_DIR = Path(__file__).resolve().parents[2]


def state():
    return (MemberUnit.objects.count(), Site.objects.count(), Page.objects.count())


def test_provision_unit_command_creates_and_reports(portal, capsys):
    """R2.1: the command creates and provisions a unit and says what it made."""
    call_command("provision_unit", kind="commune", name="Xã Dương Quang", name_en="Duong Quang Commune")
    out = capsys.readouterr().out
    unit = MemberUnit.objects.get(slug="duong-quang")
    assert unit.site.root_url in out
    assert unit.editors_group.name in out and unit.heads_group.name in out


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"kind": "village", "name": "Xã Mới"}, "Unknown unit kind “village”."),
        ({"kind": "ward", "name": "   "}, "Enter the unit's name."),
        ({"kind": "ward", "name": "Phường Khác", "slug": "duc-xuan"}, "The slug “duc-xuan” is already taken"),
        ({"kind": "ward", "name": "Phường Đức Xuân"}, "The slug “duc-xuan” is already taken"),
        ({"kind": "ward", "name": "Phường Mới", "parent": "nowhere"}, "No unit has the slug “nowhere”"),
    ],
)
def test_bad_input_exits_2_with_a_message_and_changes_nothing(ward, options, message):
    """R2.1: unknown kind, empty name, taken slug: exit status 2, a clear message, nothing changed."""
    before = state()
    with translation.override("en"), pytest.raises(CommandError) as raised:
        call_command("provision_unit", **options)
    assert raised.value.returncode == 2
    assert message in str(raised.value)
    assert state() == before


def test_retire_unit_command(ward, capsys):
    """R16.2: retiring from the command line; an unknown slug exits 2."""
    call_command("retire_unit", "duc-xuan")
    ward.refresh_from_db()
    assert not ward.is_active
    with pytest.raises(CommandError) as raised:
        call_command("retire_unit", "nowhere")
    assert raised.value.returncode == 2


def test_command_line_shows_messages_in_vietnamese_without_a_traceback():
    """R2.1: run for real, bad input exits 2 with messages in the default language (vi), never a traceback."""
    result = subprocess.run(
        [sys.executable, "manage.py", "provision_unit", "--kind", "village", "--name", " "],
        cwd=BASE_DIR,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "settings.test"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    with translation.override("vi"):
        assert gettext("Enter the unit's name.") in result.stderr
        assert (gettext("Unknown unit kind “%(kind)s”. Choose one of: %(kinds)s.") % {"kind": "village", "kinds": ""})[
            :20
        ] in result.stderr
