from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from django.conf import settings

from tests.home.factories import add_article, translate


class LinkCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.links.append(href)


def links_in(html):
    collector = LinkCollector()
    collector.feed(html)
    return collector.links


def is_portal_host(host):
    domain = settings.PORTAL_DOMAIN
    return host == domain or host.endswith("." + domain)


def crawl(client, start_urls):
    """Visit every internal link reachable from start_urls; return {url: status} and the broken links."""
    seen, queue, statuses, broken = set(start_urls), list(start_urls), {}, []
    while queue:
        url = queue.pop(0)
        parts = urlsplit(url)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        response = client.get(path, HTTP_HOST=parts.hostname)
        statuses[url] = response.status_code
        if response.status_code >= 400:
            broken.append((url, response.status_code))
            continue
        if not response.get("Content-Type", "").startswith("text/html"):
            continue
        for href in links_in(response.content.decode()):
            target = urlsplit(urljoin(url, href))
            if target.scheme not in ("http", "https") or not is_portal_host(target.hostname or ""):
                continue  # mailto:, tel:, external sites
            if target.path.startswith(("/admin/", settings.MEDIA_URL)):
                continue
            absolute = target._replace(fragment="").geturl()
            if absolute not in seen:
                seen.add(absolute)
                queue.append(absolute)
    return statuses, broken


def test_crawl_every_site_in_both_languages(client, content, ward, commune):
    """R3.2, R8.2a: every link reachable from each site's home, in both languages, works (no 404, no 5xx)."""
    translate(content.ward_article, "Ward clean-up day")
    for number in range(20):  # a second page of news
        add_article(content.news, f"Tin số {number}", f"tin-so-{number}")
    hosts = [settings.PORTAL_DOMAIN, ward.hostname, commune.hostname]
    start_urls = [f"http://{host}{prefix}" for host in hosts for prefix in ("/", "/en/")]
    start_urls += ["http://localhost/search/?q=l%E1%BB%85+h%E1%BB%99i", "http://localhost/en/search/?q=festival"]

    statuses, broken = crawl(client, start_urls)

    assert broken == []
    visited = set(statuses)
    for expected in (
        "http://localhost/tin-tuc/khai-mac-le-hoi/",
        "http://localhost/en/tin-tuc/khai-mac-le-hoi/",
        "http://localhost/tin-tuc/?page=2",
        "http://localhost/co-cau-to-chuc/tran-thi-binh/",
        "http://localhost/danh-ba/",
        "http://localhost/gioi-thieu/",
        "http://duc-xuan.localhost/tin-phuong/ra-quan-ve-sinh/",
        "http://duc-xuan.localhost/en/tin-phuong/ra-quan-ve-sinh/",
        f"http://localhost{content.document.url}",
    ):
        assert expected in visited, expected
    assert len(visited) >= 40
