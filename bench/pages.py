"""SQL queries and render time of the public pages, as a section grows (issue 2 acceptance).

Builds a portal with member sites and one section, fills the section with articles, and for the
portal home, a member site's home, the section index (first and a middle page) and an article
prints the SQL queries of one request and the median time of several, at each article count.
Queries per page must not grow with the number of articles (aim: at most 20 per page).

    .venv/bin/python bench/pages.py [--articles 100 1000] [--requests 20]

It works on a throwaway test database created by Django's test utilities (in-memory SQLite, or
test_<name> on PostgreSQL when DATABASE_URL points there) and a temporary media folder: it never
touches var/portal.sqlite3. Exit status: 0, or 1 when some page's queries grow with the article count.
"""

import argparse
import os
import re
import statistics
import sys
import tempfile
import time
import warnings
from collections import Counter
from datetime import timedelta
from io import BytesIO
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings.test")

import django  # noqa: E402

QUERY_BUDGET = 20
IMAGE_POOL = 20
MEMBER_UNITS = 3
ARTICLES_PER_MEMBER_SITE = 5


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[100, 1000], help="article counts to measure")
    parser.add_argument("--requests", type=int, default=20, help="timed requests per page (median reported)")
    parser.add_argument("--show-queries", action="store_true", help="print the SQL of every page")
    args = parser.parse_args()
    if any(count < 1 for count in args.articles) or args.requests < 1:
        parser.error("article counts and --requests must be positive")
    return args


def make_images(count):
    from django.core.files.images import ImageFile
    from PIL import Image as PILImage
    from wagtail.images import get_image_model

    images = []
    for number in range(count):
        buffer = BytesIO()
        PILImage.new("RGB", (800, 520), (number * 12 % 256, 90, 140)).save(buffer, "PNG")
        images.append(
            get_image_model().objects.create(
                title=f"Ảnh minh hoạ {number + 1}", file=ImageFile(buffer, name=f"bench-{number + 1}.png")
            )
        )
    return images


def add_articles(section, count, images, start=0):
    """Add count published articles under section, each with a featured image, body and tags."""
    from django.utils import timezone

    from home.models import ArticlePage

    now = timezone.now()
    for number in range(start, start + count):
        image = images[number % len(images)]
        article = ArticlePage(
            title=f"Tin bài số {number + 1}: Phường Đức Xuân ra quân vệ sinh môi trường",
            slug=f"tin-bai-{number + 1}",
            sapo="Sáng nay, cán bộ và nhân dân trong phường cùng ra quân dọn dẹp đường phố.",
            body=[
                ("paragraph", "<p>Hoạt động nhằm hưởng ứng phong trào xanh – sạch – đẹp.</p>"),
                ("image", {"image": image, "alt_text": "", "caption": "Ra quân"}),
            ],
            featured_image=image,
            author="Phóng viên",
            publication_date=now - timedelta(minutes=number),
        )
        article.tags.add("môi trường", "phường Đức Xuân")
        section.add_child(instance=article)


def build_portal(images):
    """The portal with a news section, and member sites each holding a few articles of their own."""
    from home.models import SectionPage
    from home.portal import setup_portal
    from units.provisioning import create_unit

    portal_home = setup_portal(name="Cổng Thông tin điện tử thành phố Thử nghiệm", name_en="Test City e-Portal")
    section = portal_home.add_child(instance=SectionPage(title="Tin tức", slug="tin-tuc", show_in_menus=True))
    member_homes = []
    for number in range(MEMBER_UNITS):
        unit = create_unit(kind="ward", name=f"Phường Thử nghiệm {number + 1}", slug=f"phuong-{number + 1}")
        member_home = unit.site.root_page.specific
        member_section = member_home.add_child(
            instance=SectionPage(title="Tin hoạt động", slug="tin-hoat-dong", show_in_menus=True)
        )
        add_articles(member_section, ARTICLES_PER_MEMBER_SITE, images)
        member_homes.append((unit.site.hostname, member_home))
    return portal_home, section, member_homes


def measure(client, url, host, requests):
    """(queries of one request, median milliseconds, the SQL of that request) after a warm-up request."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    warm_up = client.get(url, HTTP_HOST=host)
    if warm_up.status_code != 200:
        raise SystemExit(f"{host}{url} answered {warm_up.status_code}")
    with CaptureQueriesContext(connection) as queries:
        client.get(url, HTTP_HOST=host)
    # Read now: the next request resets the connection's query log that the context reads from.
    statements = [query["sql"] for query in queries.captured_queries]
    timings = []
    for _ in range(requests):
        started = time.perf_counter()
        client.get(url, HTTP_HOST=host)
        timings.append((time.perf_counter() - started) * 1000)
    return len(statements), statistics.median(timings), statements


def repeated_queries(statements):
    """SQL that ran more than once in a request, literals replaced, most frequent first."""
    shapes = Counter(re.sub(r"\b\d+\b|'[^']*'", "?", sql) for sql in statements)
    return [(count, shape) for shape, count in shapes.most_common() if count > 1]


def main():
    args = parse_args()
    django.setup()
    # WhiteNoise warns that static files were not collected; pages render without them.
    warnings.filterwarnings("ignore", "No directory at", UserWarning)

    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import override_settings, setup_test_environment, teardown_test_environment

    from home.models import ARTICLES_PER_SECTION_PAGE

    setup_test_environment(debug=False)
    old_database_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    media = tempfile.TemporaryDirectory(prefix="bench-media-")
    rows = []
    try:
        with override_settings(MEDIA_ROOT=media.name):
            started = time.perf_counter()
            images = make_images(IMAGE_POOL)
            portal_home, section, member_homes = build_portal(images)
            print(f"Portal with {MEMBER_UNITS} member sites built in {time.perf_counter() - started:.1f} s")
            client = Client()
            host = settings.PORTAL_DOMAIN
            member_host, _member_home = member_homes[0]
            built = 0
            for count in sorted(set(args.articles)):
                started = time.perf_counter()
                add_articles(section, count - built, images, start=built)
                built = count
                print(f"Section filled to {count} articles in {time.perf_counter() - started:.1f} s")
                section.refresh_from_db()
                article = section.get_children().live().last().specific
                middle = max(2, -(-count // ARTICLES_PER_SECTION_PAGE) // 2)
                pages = [
                    ("portal home", host, portal_home.url),
                    ("member site home", member_host, "/"),
                    ("section, page 1", host, section.url),
                    (f"section, page {middle}", host, f"{section.url}?page={middle}"),
                    ("article", host, article.url),
                ]
                for name, page_host, url in pages:
                    queries, median, statements = measure(client, url, page_host, args.requests)
                    rows.append((count, name, queries, median, statements))
    finally:
        connection.creation.destroy_test_db(old_database_name, verbosity=0)
        teardown_test_environment()
        media.cleanup()

    print()
    print(f"{'articles':>8}  {'page':<20} {'queries':>7}  {'median ms':>9}")
    for count, name, queries, median, _statements in rows:
        print(f"{count:>8}  {name:<20} {queries:>7}  {median:>9.1f}")

    exit_status = 0
    by_page = {}
    for count, name, queries, _median, statements in rows:
        by_page.setdefault(name.split(",")[0], []).append((count, queries))
        if args.show_queries:
            print(f"\n{name} at {count} articles: {queries} queries")
            for sql in statements:
                print(f"  {sql[:240]}")
        elif queries > QUERY_BUDGET:
            print(f"\n{name} at {count} articles: {queries} queries (budget {QUERY_BUDGET}); repeated:")
            for repeat, shape in repeated_queries(statements) or [(0, "(none)")]:
                print(f"  {repeat:>3}x {shape[:240]}")
    print()
    for name, counts in by_page.items():
        query_counts = [queries for _count, queries in counts]
        if len(set(query_counts)) > 1 and max(query_counts) > query_counts[0]:
            exit_status = 1
            print(f"GROWS: {name}: queries {query_counts} at {[count for count, _ in counts]} articles")
    if exit_status == 0:
        print("Queries do not grow with the number of articles.")
    over_budget = sorted({name for _count, name, queries, _m, _s in rows if queries > QUERY_BUDGET})
    if over_budget:
        print(f"Over the budget of {QUERY_BUDGET} queries: {'; '.join(over_budget)}")
    else:
        print(f"Every page within the budget of {QUERY_BUDGET} queries.")
    return exit_status


if __name__ == "__main__":
    sys.exit(main())
