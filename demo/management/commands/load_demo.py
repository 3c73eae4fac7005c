import os
import secrets
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from demo.loading import DemoDataError, load_demo, read_demo_data

DEFAULT_DATA_FILE = Path(__file__).resolve().parents[2] / "data" / "bac-kan.json"
PRODUCTION_SETTINGS = "settings.production"
TEST_SETTINGS = "settings.test"


def demo_data_allowed():
    """Demo data and its known password belong on developers' machines and in tests, never in production.

    Refused with the production settings module, and with any settings where DEBUG is off except the tests'.
    """
    module = os.environ.get("DJANGO_SETTINGS_MODULE", "")
    if module == PRODUCTION_SETTINGS:
        return False
    return settings.DEBUG or module == TEST_SETTINGS


class Command(BaseCommand):
    help = (
        "Load a demo city portal from a data file (default: Bắc Kạn): units and their member sites, sections, "
        "articles, pages, English translations and one user per role. Safe to run again; never in production."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--data",
            default=str(DEFAULT_DATA_FILE),
            help="The JSON data file describing the city (default: %(default)s).",
        )
        parser.add_argument(
            "--password", help="The dev-only password to give every demo user (default: a new random one)."
        )

    def handle(self, *args, **options):
        if not demo_data_allowed():
            raise CommandError(
                _(
                    "Refusing to load demo data: settings %(module)s have DEBUG off or are the production settings. "
                    "Demo users have a known password; use settings.dev on a developer's machine."
                )
                % {"module": os.environ.get("DJANGO_SETTINGS_MODULE", "")},
                returncode=2,
            )
        password = options["password"] or secrets.token_urlsafe(12)
        try:
            data = read_demo_data(options["data"])
            loader = load_demo(data, password)
        except DemoDataError as error:
            raise CommandError(
                _("Demo data not loaded, nothing changed: %(error)s") % {"error": error}, returncode=2
            ) from error

        self.stdout.write(_("Loaded %(file)s") % {"file": options["data"]})
        what, created, present = _("what"), _("created"), _("already present")
        width = max(len(kind) for kind in [what, *loader.tally])
        self.stdout.write(f"{what:<{width}}  {created:>8}  {present:>16}")
        for kind, counts in loader.tally.items():
            self.stdout.write(f"{kind:<{width}}  {counts['created']:>8}  {counts['present']:>16}")

        self.stdout.write("")
        self.stdout.write(self.style.WARNING(_("Demo users (development only; passwords are reset on every run):")))
        name_width = max(len(username) for username, _role in loader.users)
        for username, role in loader.users:
            self.stdout.write(f"  {username:<{name_width}}  {password}  {role}")
        port = "" if settings.PORTAL_PORT == 80 else f":{settings.PORTAL_PORT}"
        self.stdout.write("")
        self.stdout.write(_("Portal: http://%(host)s%(port)s/") % {"host": settings.PORTAL_DOMAIN, "port": port})
        self.stdout.write(
            _("Member sites: http://<slug>.%(host)s%(port)s/ (e.g. %(example)s)")
            % {"host": settings.PORTAL_DOMAIN, "port": port, "example": next(iter(loader.units), "")}
        )
