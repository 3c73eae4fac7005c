"""load_demo refuses production settings and bad data files, and then changes nothing (kept apart from the
module that loads the demo once, so that these tests start from an empty database)."""

import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from demo.management.commands.load_demo import demo_data_allowed
from home.models import PortalHomePage
from units.models import MemberUnit

BASE_DIR = Path(settings.BASE_DIR)


def run_load_demo(**options):
    call_command("load_demo", password="demo-test-password", stdout=StringIO(), **options)


@pytest.mark.django_db
def test_load_demo_rejects_bad_data_and_changes_nothing(tmp_path):
    """Bad input: a unit of an unknown kind exits 2 naming the unit, and nothing is created."""
    data = {
        "portal": {"name": "Cổng Thông tin điện tử thành phố Thử nghiệm", "name_en": "Test City Portal"},
        "units": [
            {"slug": "phuong-mot", "kind": "ward", "name": "Phường Một"},
            {"slug": "so-hai", "kind": "province_office", "name": "Sở Hai"},
        ],
    }
    data_file = tmp_path / "city.json"
    data_file.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(CommandError) as refused:
        run_load_demo(data=str(data_file))
    assert refused.value.returncode == 2
    assert "so-hai" in str(refused.value) and "province_office" in str(refused.value)
    assert not MemberUnit.objects.exists()
    assert not PortalHomePage.objects.exists()

    with pytest.raises(CommandError) as missing:
        run_load_demo(data=str(tmp_path / "missing.json"))
    assert missing.value.returncode == 2


@pytest.mark.django_db
def test_load_demo_refuses_production_settings(monkeypatch, settings):
    """R10.4: demo users with a known password never reach production: the command exits 2 and changes nothing."""
    monkeypatch.setenv("DJANGO_SETTINGS_MODULE", "settings.production")
    with pytest.raises(CommandError) as refused:
        run_load_demo()
    assert refused.value.returncode == 2
    assert "settings.production" in str(refused.value)
    assert not MemberUnit.objects.exists()

    monkeypatch.setenv("DJANGO_SETTINGS_MODULE", "settings.dev")
    settings.DEBUG = False
    assert not demo_data_allowed()
    settings.DEBUG = True
    assert demo_data_allowed()


def test_load_demo_exits_2_under_production_settings(tmp_path):
    """R10.4: run as a process with the production settings, load_demo exits with status 2 and a message."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "settings.production",
        "SECRET_KEY": "test-only",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'never-created.sqlite3'}",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "load_demo"], cwd=BASE_DIR, env=env, capture_output=True, text=True
    )
    assert result.returncode == 2
    assert "Từ chối nạp dữ liệu mẫu" in result.stderr  # Vietnamese, the default language
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "never-created.sqlite3").exists()
