"""Liveness and dependency checks for load balancers and the container HEALTHCHECK (R12.3)."""

import logging

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_cache():
    cache.set("healthz", "ok", 5)
    if cache.get("healthz") != "ok":
        raise RuntimeError("cache did not return the value it was given")


def check_search():
    from elasticsearch import Elasticsearch

    client = Elasticsearch(settings.ELASTICSEARCH_URL, request_timeout=2)
    if not client.ping():
        raise RuntimeError("Elasticsearch did not answer")


def dependency_checks():
    """The checks to run, by name: the database always, the cache and search when configured."""
    checks = {"database": check_database}
    if settings.REDIS_URL:
        checks["cache"] = check_cache
    if settings.ELASTICSEARCH_URL:
        checks["search"] = check_search
    return checks


@never_cache
def healthz(request):
    """200 with {"status": "ok", "checks": {name: "ok"}}, or 503 naming each failed dependency.

    Served outside the language prefixes, on every host (portal and member sites). The answer
    names only the kind of error: details such as host names go to the log, not to the public.
    """
    results = {}
    for name, check in dependency_checks().items():
        try:
            check()
        except Exception as error:  # a health check reports every failure, whatever its kind
            logger.exception("Health check %s failed", name)
            results[name] = f"error: {error.__class__.__name__}"
        else:
            results[name] = "ok"
    healthy = all(result == "ok" for result in results.values())
    return JsonResponse(
        {"status": "ok" if healthy else "error", "checks": results},
        status=200 if healthy else 503,
    )
