from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from home.portal import CONTACT_FIELDS, PortalSetupError, setup_portal


class Command(BaseCommand):
    help = "Make the default site serve the city portal, in Vietnamese and English; safe to run again."

    def add_arguments(self, parser):
        parser.add_argument("--name", required=True, help="The portal's Vietnamese name.")
        parser.add_argument("--name-en", required=True, help="The portal's English name.")
        for field in CONTACT_FIELDS:
            parser.add_argument(f"--{field.replace('_', '-')}", dest=field, help=f"Portal contact detail: {field}.")

    def handle(self, *args, **options):
        contact = {field: options[field] for field in CONTACT_FIELDS if options.get(field) is not None}
        try:
            home = setup_portal(options["name"], options["name_en"], **contact)
        except PortalSetupError as error:
            raise CommandError(str(error), returncode=2) from error
        except ValidationError as error:
            messages = "; ".join(f"{field}: {' '.join(errors)}" for field, errors in error.message_dict.items())
            raise CommandError(messages, returncode=2) from error
        self.stdout.write(
            _("The portal “%(title)s” is served at %(url)s") % {"title": home.title, "url": home.full_url}
        )
