from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Core")

    def ready(self):
        from django.db.models.signals import pre_save

        from core.unicode import normalise_instance_text

        # Every model, Wagtail's revisions included, passes through one normaliser (R4.1).
        pre_save.connect(normalise_instance_text, dispatch_uid="core.normalise_instance_text")
