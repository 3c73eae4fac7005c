from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from units.models import MemberUnit
from units.provisioning import retire_unit


class Command(BaseCommand):
    help = "Retire a member unit: unpublish its site and take its officers' rights away; delete no content."

    def add_arguments(self, parser):
        parser.add_argument("slug")

    def handle(self, *args, slug, **options):
        unit = MemberUnit.objects.filter(slug=slug).first()
        if unit is None:
            raise CommandError(_("No unit has the slug “%(slug)s”.") % {"slug": slug}, returncode=2)
        retire_unit(unit)
        self.stdout.write(
            _("Retired %(unit)s on %(date)s.") % {"unit": unit.name, "date": f"{unit.retired_at:%Y-%m-%d}"}
        )
