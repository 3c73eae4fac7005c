import socket

import pytest
from django.db import DatabaseError

from core import views

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_optional_services(settings):
    settings.REDIS_URL = ""
    settings.ELASTICSEARCH_URL = ""


@pytest.mark.parametrize("host", ["localhost", "duc-xuan.localhost", "127.0.0.1"])
def test_healthz_reports_the_database_ok_on_every_host(client, host):
    """R12.3: /healthz answers 200 on the portal's and every member site's host, naming what it checked."""
    response = client.get("/healthz", HTTP_HOST=host, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok"}}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_answers_503_naming_the_failed_database(client, monkeypatch):
    """R12.3: a failing dependency turns /healthz into 503 and names it."""

    def broken_database():
        raise DatabaseError("connection refused by db.internal")

    monkeypatch.setattr(views, "check_database", broken_database)

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {"status": "error", "checks": {"database": "error: DatabaseError"}}
    assert "db.internal" not in response.content.decode()


def test_healthz_checks_the_cache_when_redis_is_configured(client, settings):
    """R12.3: with REDIS_URL set, the cache is checked too (here the test cache)."""
    settings.REDIS_URL = "redis://127.0.0.1:6379/0"

    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json()["checks"] == {"database": "ok", "cache": "ok"}


def test_healthz_names_a_cache_that_loses_what_it_was_given(client, settings):
    settings.REDIS_URL = "redis://127.0.0.1:6379/0"
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["checks"] == {"database": "ok", "cache": "error: RuntimeError"}


def redis_is_reachable():
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
    except OSError:
        return False
    return True


@pytest.mark.skipif(not redis_is_reachable(), reason="no Redis server on 127.0.0.1:6379")
def test_healthz_checks_a_real_redis_cache(client, settings):
    """R12.3: against the local Redis server, through django-redis as configured in production."""
    settings.REDIS_URL = "redis://127.0.0.1:6379/15"
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": settings.REDIS_URL,
            "KEY_PREFIX": "portal-tests",
        }
    }

    response = client.get("/healthz")

    assert response.json()["checks"] == {"database": "ok", "cache": "ok"}
    assert response.status_code == 200


def test_healthz_names_unreachable_search(client, settings):
    """R12.3: with ELASTICSEARCH_URL set, search is checked; nothing listens on port 9 here."""
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["checks"]["database"] == "ok"
    assert response.json()["checks"]["search"].startswith("error: ")
