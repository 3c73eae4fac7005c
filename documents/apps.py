from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    """Legal documents and drafts for comment (R3.3e, R3.3l); built by its own issue."""

    name = "documents"
    verbose_name = _("Legal documents")
