import sys

from django.apps import apps
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _


class Command(BaseCommand):
    help = _(
        "Exit 0 when the database holds no portal yet (no member unit and no portal home page), 1 otherwise. "
        "`make run` loads the demo data only into an empty database."
    )

    def handle(self, *args, **options):
        # Looked up by label: core serves every app and imports none of them.
        has_units = apps.get_model("units", "MemberUnit").objects.exists()
        has_portal = apps.get_model("home", "PortalHomePage").objects.exists()
        if has_units or has_portal:
            if options["verbosity"] >= 2:
                self.stdout.write(_("The database already holds a portal."))
            sys.exit(1)
        if options["verbosity"] >= 2:
            self.stdout.write(_("The database holds no portal yet."))
