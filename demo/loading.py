"""Load a city's demo portal from a data file: units, sections, pages, articles, translations and users.

Nothing here knows about a particular city; ``demo/data/bac-kan.json`` describes Bắc Kạn, and another
file describes another city, or a province and its communes (R2.1, R3.2, R3.3).
"""

import datetime
import json
from collections import Counter
from html import escape

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.test import override_settings
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Collection, Locale
from wagtail.users.models import UserProfile

from core.unicode import nfc
from demo.images import ensure_demo_image
from home.models import (
    ArticlePage,
    LeaderProfilePage,
    Official,
    OfficialsDirectoryPage,
    OrganisationAgency,
    OrganisationPage,
    PortalHomePage,
    SectionPage,
    StandardPage,
)
from home.portal import PortalSetupError, setup_portal
from units.models import MemberUnit
from units.provisioning import ProvisioningError, create_unit, provision_unit
from units.roles import ensure_city_roles

PORTAL = "portal"
UNIT_FIELDS = (
    "name_en",
    "address",
    "phone",
    "fax",
    "email",
    "head_name",
    "head_position",
    "focal_person_name",
    "focal_person_phone",
    "focal_person_email",
)
USER_UNIT_GROUPS = {"editors": "editors_group", "heads": "heads_group"}


class DemoDataError(ValueError):
    """The data file cannot be loaded as it is; the message says where."""


def read_demo_data(path):
    """The data file's content with every string in NFC (R4.1)."""
    try:
        with open(path, encoding="utf-8") as data_file:
            data = json.load(data_file)
    except OSError as error:
        raise DemoDataError(
            _("Cannot read the data file %(path)s: %(error)s.") % {"path": path, "error": error.strerror}
        ) from error
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise DemoDataError(
            _("The data file %(path)s is not valid UTF-8 JSON: %(error)s.") % {"path": path, "error": error}
        ) from error
    if not isinstance(data, dict) or "portal" not in data:
        raise DemoDataError(_("The data file %(path)s has no “portal” entry.") % {"path": path})
    return nfc(data)


def rich_text(paragraphs):
    """Paragraph strings as rich text HTML; a string starting with "## " is a heading."""
    if isinstance(paragraphs, str):
        paragraphs = [paragraphs]
    html = []
    for paragraph in paragraphs:
        if paragraph.startswith("## "):
            html.append(f"<h2>{escape(paragraph[3:], quote=False)}</h2>")
        else:
            html.append(f"<p>{escape(paragraph, quote=False)}</p>")
    return "".join(html)


def body_stream(paragraphs):
    return [{"type": "paragraph", "value": rich_text(paragraphs)}] if paragraphs else []


def ascii_caption(text):
    return text.replace("-", " ").encode("ascii", "ignore").decode("ascii").strip().capitalize()


class DemoLoader:
    """One run of the loader; ``tally`` counts what was created and what was already present, by kind."""

    def __init__(self, data, password, now=None):
        self.data = data
        self.password = password
        self.now = timezone.localtime(now or timezone.now())
        self.tally = {}
        self.units = {}
        self.homes = {}
        self.users = []
        self.english = None
        # What is being loaded, for error messages.
        self.item = "portal"

    def count(self, kind, created):
        self.tally.setdefault(kind, Counter())["created" if created else "present"] += 1

    def load(self):
        try:
            # Translations were never public under the Vietnamese slugs they were copied with: no redirects
            # from those. Wagtail creates redirects on commit, so the override encloses the transaction.
            with override_settings(WAGTAILREDIRECTS_AUTO_CREATE=False), transaction.atomic():
                self.load_portal()
                self.load_units()
                self.load_sections()
                self.load_standard_pages()
                self.load_organisation()
                self.load_officials_directory()
                self.load_articles()
                self.load_users()
        except KeyError as error:
            raise DemoDataError(
                _("%(item)s: the field %(field)s is missing.") % {"item": self.item, "field": error}
            ) from error
        except ValidationError as error:
            raise DemoDataError(
                _("%(item)s: %(error)s") % {"item": self.item, "error": "; ".join(error.messages)}
            ) from error
        return self

    # Portal and units

    def load_portal(self):
        spec = self.data["portal"]
        existed = PortalHomePage.objects.exists()
        try:
            home = setup_portal(spec.get("name"), spec.get("name_en"), **spec.get("contact", {}))
        except PortalSetupError as error:
            raise DemoDataError(_("portal: %(error)s") % {"error": error}) from error
        except ValidationError as error:
            raise DemoDataError(_("portal contact: %(error)s") % {"error": "; ".join(error.messages)}) from error
        self.count("portal", not existed)
        self.english = Locale.objects.get(language_code="en")
        self.homes[PORTAL] = home
        self.portal_collection = Collection.get_first_root_node()

    def load_units(self):
        for order, spec in enumerate(self.data.get("units", []), start=1):
            slug = spec.get("slug")
            self.item = f"unit {slug}"
            parent = None
            if spec.get("parent"):
                parent = self.units.get(spec["parent"])
                if parent is None:
                    raise DemoDataError(
                        _("unit %(unit)s: its parent “%(parent)s” must be listed before it.")
                        % {"unit": slug, "parent": spec["parent"]}
                    )
            unit = MemberUnit.objects.filter(slug=slug).first() if slug else None
            try:
                if unit is None:
                    fields = {field: spec[field] for field in UNIT_FIELDS if field in spec}
                    unit = create_unit(
                        spec.get("kind"), spec.get("name"), slug=slug, parent=parent, sort_order=order, **fields
                    )
                    self.count("units", True)
                elif not unit.is_active:
                    # A retired unit keeps its unpublished site as it is: nothing is added to it.
                    self.count("units (retired, left alone)", False)
                    self.units[unit.slug] = unit
                    continue
                else:
                    provision_unit(unit)
                    self.count("units", False)
            except ProvisioningError as error:
                raise DemoDataError(
                    _("unit %(unit)s: %(error)s")
                    % {"unit": slug or spec.get("name"), "error": "; ".join(error.messages)}
                ) from error
            self.units[unit.slug] = unit
            self.homes[unit.slug] = unit.site.root_page.specific

    # Pages

    def find_child(self, parent, slug):
        return parent.get_children().filter(slug=slug).specific().first()

    def add_page(self, kind, parent, page):
        """Add page under parent and publish it; return the existing child of that slug instead if there is one."""
        existing = self.find_child(parent, page.slug)
        if existing is not None:
            self.count(kind, False)
            return existing, False
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.count(kind, True)
        return page, True

    def translate(self, kind, page, title, slug=None, **fields):
        """The English translation of page, copied and published if missing (R3.2); its parent's comes first."""
        existing = page.get_translation_or_none(self.english)
        if existing is not None:
            self.count(kind, False)
            return existing.specific
        if page.get_parent().get_translation_or_none(self.english) is None:
            raise DemoDataError(
                _("“%(page)s” cannot be translated before the page above it has an English title.")
                % {"page": page.title}
            )
        translation = page.copy_for_translation(self.english)
        translation.title = title
        translation.slug = slug or page.slug
        for field, value in fields.items():
            setattr(translation, field, value)
        translation.save_revision().publish()
        self.count(kind, True)
        return translation

    def is_retired(self, site_key):
        return site_key in self.units and site_key not in self.homes

    def section(self, site_key, path):
        """The section at a slug path ("tin-tuc-su-kien/chinh-tri") under a site's home."""
        page = self.homes.get(site_key)
        if page is None:
            raise DemoDataError(
                _("“%(site)s” is neither “%(portal)s” nor a unit listed in the data file.")
                % {"site": site_key, "portal": PORTAL}
            )
        for slug in path.split("/"):
            page = self.find_child(page, slug)
            if page is None:
                raise DemoDataError(_("%(site)s: there is no section “%(path)s”.") % {"site": site_key, "path": path})
        return page

    def add_section(self, home, spec, intro=""):
        self.item = f"section {spec.get('slug')}"
        section, _created = self.add_page(
            "sections",
            home,
            SectionPage(
                title=spec["title"],
                slug=spec["slug"],
                intro=intro or rich_text(spec.get("intro", [])),
                show_in_menus=home.depth == 2,
            ),
        )
        if spec.get("title_en"):
            self.translate(
                "sections (English)",
                section,
                spec["title_en"],
                spec.get("slug_en"),
                intro=rich_text(spec.get("intro_en", [])),
            )
        for child in spec.get("children", []):
            self.add_section(section, child)
        return section

    def load_sections(self):
        for spec in self.data["portal"].get("sections", []):
            self.add_section(self.homes[PORTAL], spec)
        for unit_spec in self.data.get("units", []):
            home = self.homes.get(unit_spec["slug"])
            if home is None:
                continue
            for spec in self.data.get("member_sections", []):
                # The member site's "about" section shows the unit's own introduction, when it has one.
                intro = rich_text(unit_spec.get("introduction", [])) if spec["slug"] == "gioi-thieu" else ""
                self.add_section(home, spec, intro=intro)

    def load_standard_pages(self):
        for spec in self.data.get("standard_pages", []):
            self.item = f"standard page {spec.get('slug')}"
            if self.is_retired(spec.get("site", PORTAL)):
                continue
            parent = self.section(spec.get("site", PORTAL), spec["section"])
            page, _created = self.add_page(
                "standard pages",
                parent,
                StandardPage(
                    title=spec["title"], slug=spec["slug"], intro=spec.get("intro", ""), body=body_stream(spec["body"])
                ),
            )
            english = spec.get("en")
            if english:
                self.translate(
                    "standard pages (English)",
                    page,
                    english["title"],
                    english.get("slug"),
                    intro=english.get("intro", ""),
                    body=body_stream(english.get("body", [])),
                )

    def load_organisation(self):
        spec = self.data.get("organisation")
        if not spec:
            return
        self.item = "organisation"
        parent = self.section(spec.get("site", PORTAL), spec["section"])
        agencies = []
        for agency in spec.get("agencies", []):
            unit = self.unit(agency["unit"]) if agency.get("unit") else None
            agencies.append(
                OrganisationAgency(
                    name=agency.get("name") or unit.name,
                    unit=unit,
                    functions_and_duties=rich_text(agency.get("functions_and_duties", [])),
                )
            )
        page = OrganisationPage(title=spec["title"], slug=spec["slug"], intro=rich_text(spec.get("intro", [])))
        page.agencies = agencies
        organisation, _created = self.add_page("organisation pages", parent, page)
        for leader in spec.get("leaders", []):
            photo, created = ensure_demo_image(
                f"Ảnh minh họa: {leader['name']}",
                f"leader-{leader['slug']}",
                ascii_caption(leader["slug"]),
                self.portal_collection,
                size=(360, 480),
            )
            self.count("images", created)
            self.add_page(
                "leader profiles",
                organisation,
                LeaderProfilePage(
                    title=leader["name"],
                    slug=leader["slug"],
                    position=leader["position"],
                    photo=photo,
                    biography=rich_text(leader.get("biography", [])),
                    duties=rich_text(leader.get("duties", [])),
                ),
            )

    def load_officials_directory(self):
        spec = self.data.get("officials_directory")
        if not spec:
            return
        self.item = "officials_directory"
        parent = self.section(spec.get("site", PORTAL), spec["section"])
        page = OfficialsDirectoryPage(title=spec["title"], slug=spec["slug"], intro=rich_text(spec.get("intro", [])))
        page.officials = [
            Official(
                name=official["name"],
                position=official["position"],
                unit=self.unit(official["unit"]) if official.get("unit") else None,
                unit_name=official.get("unit_name", ""),
                phone=official.get("phone", ""),
                fax=official.get("fax", ""),
                email=official.get("email", ""),
            )
            for official in spec.get("officials", [])
        ]
        self.add_page("officials directories", parent, page)

    def unit(self, slug):
        try:
            return self.units[slug]
        except KeyError:
            raise DemoDataError(_("“%(unit)s” is not a unit listed in the data file.") % {"unit": slug}) from None

    # Articles

    def publication_date(self, spec):
        hour, minute = (int(part) for part in spec.get("time", "08:00").split(":"))
        day = self.now.date() - datetime.timedelta(days=int(spec.get("days_ago", 0)))
        return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))

    def load_articles(self):
        for spec in self.data.get("articles", []):
            self.item = f"article {spec.get('slug')}"
            site_key = spec.get("unit", PORTAL)
            if self.is_retired(site_key):
                continue
            section = self.section(site_key, spec["section"])
            article = self.find_child(section, spec["slug"])
            if article is not None:
                self.count("articles", False)
                if spec.get("image"):
                    self.count("images", False)
            else:
                article = self.add_article(spec, site_key, section)
            english = spec.get("en")
            if english:
                self.translate(
                    "articles (English)",
                    article,
                    english["title"],
                    english.get("slug"),
                    sapo=english["sapo"],
                    body=body_stream(english.get("body", [])),
                )

    def add_article(self, spec, site_key, section):
        unit = self.units.get(site_key)
        featured_image = None
        if spec.get("image"):
            collection = unit.collection if unit else self.portal_collection
            caption = ascii_caption(spec.get("en", {}).get("title") or spec["slug"])
            featured_image, created = ensure_demo_image(spec["title"], spec["slug"], caption, collection)
            self.count("images", created)
        when = self.publication_date(spec)
        article = ArticlePage(
            title=spec["title"],
            slug=spec["slug"],
            sapo=spec["sapo"],
            body=body_stream(spec["body"]),
            author=spec.get("author", ""),
            source=spec.get("source", ""),
            source_url=spec.get("source_url", ""),
            publication_date=when,
            featured_image=featured_image,
            supplying_unit=unit,
        )
        article.tags.add(*spec.get("tags", []))
        article, _created = self.add_page("articles", section, article)
        # Dated as the news it tells, not as the moment the demo was loaded.
        ArticlePage.objects.filter(pk=article.pk).update(first_published_at=when, last_published_at=when)
        return article

    # Users

    def load_users(self):
        user_model = get_user_model()
        roles = ensure_city_roles()
        for spec in self.data.get("users", []):
            self.item = f"user {spec.get('username')}"
            user = user_model.objects.filter(username=spec["username"]).first()
            created = user is None
            if created:
                user = user_model(username=spec["username"])
            user.first_name = spec.get("first_name", "")
            user.last_name = spec.get("last_name", "")
            user.email = spec.get("email", "")
            user.is_staff = user.is_superuser = bool(spec.get("superuser"))
            # Every run prints the password it set, so the printed one always works.
            user.set_password(self.password)
            user.save()
            profile = UserProfile.get_for_user(user)
            if not profile.preferred_language:
                profile.preferred_language = "vi"
                profile.save(update_fields=["preferred_language"])
            role = "superuser" if spec.get("superuser") else ""
            if spec.get("role"):
                if spec["role"] not in roles:
                    raise DemoDataError(
                        _("user %(user)s: unknown role “%(role)s”.") % {"user": user.username, "role": spec["role"]}
                    )
                user.groups.add(roles[spec["role"]])
                role = spec["role"]
            if spec.get("unit"):
                group_field = USER_UNIT_GROUPS.get(spec.get("unit_group", "editors"))
                if group_field is None:
                    raise DemoDataError(
                        _("user %(user)s: unit_group must be “editors” or “heads”.") % {"user": user.username}
                    )
                user.groups.add(getattr(self.unit(spec["unit"]), group_field))
                role = f"{spec['unit']} {spec.get('unit_group', 'editors')}"
            self.count("users", created)
            self.users.append((user.username, role))


def load_demo(data, password, now=None):
    """Load the demo data described by data (see read_demo_data); idempotent. Returns the finished DemoLoader."""
    return DemoLoader(data, password, now=now).load()
