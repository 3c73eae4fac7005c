from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from units.models import MemberUnit, UnitKind
from units.provisioning import ProvisioningError, create_unit


class Command(BaseCommand):
    help = "Create a member unit and provision its site, home pages, collection, groups and workflow (R7.1b)."

    def add_arguments(self, parser):
        parser.add_argument("--kind", required=True, help=", ".join(UnitKind.values))
        parser.add_argument("--name", required=True, help="Vietnamese name, e.g. 'Phường Đức Xuân'")
        parser.add_argument("--slug", default="", help="host name label; made from the name when left out")
        parser.add_argument("--name-en", default="", help="English name")
        parser.add_argument("--parent", default="", help="slug of the parent unit")

    def handle(self, *args, **options):
        fields = {"name_en": options["name_en"].strip()}
        if options["parent"]:
            fields["parent"] = MemberUnit.objects.filter(slug=options["parent"]).first()
            if fields["parent"] is None:
                raise CommandError(
                    _("No unit has the slug “%(slug)s” to be the parent.") % {"slug": options["parent"]}, returncode=2
                )
        try:
            unit = create_unit(options["kind"], options["name"], options["slug"], **fields)
        except ProvisioningError as error:
            raise CommandError("\n".join(error.messages), returncode=2) from error
        self._report(unit)

    def _report(self, unit):
        lines = [
            _("Unit: %(unit)s (%(kind)s, slug %(slug)s)")
            % {"unit": unit.name, "kind": unit.get_kind_display(), "slug": unit.slug},
            _("Site: %(url)s") % {"url": unit.site.root_url},
            _("Home page: %(title)s (id %(id)s) and its English translation")
            % {"title": unit.site.root_page.title, "id": unit.site.root_page_id},
            _("Collection: %(name)s") % {"name": unit.collection.name},
            _("Groups: %(editors)s; %(heads)s") % {"editors": unit.editors_group.name, "heads": unit.heads_group.name},
        ]
        self.stdout.write("\n".join(lines))
