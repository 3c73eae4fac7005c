from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QaConfig(AppConfig):
    """Citizens' questions, petitions and feedback (R3.3k, R8.1f); built by its own issue."""

    name = "qa"
    verbose_name = _("Questions and answers")
