from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UnitsConfig(AppConfig):
    name = "units"
    verbose_name = _("Member units")

    def ready(self):
        from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView

        from units.scoping import is_unit_officer

        # The page types usage report counts and links pages of every site, and Wagtail offers no hook to
        # scope it; a unit's officers are refused it (its menu item is hidden in wagtail_hooks).
        install_wide_permission = PageTypesUsageReportView.user_has_any_permission

        def user_has_any_permission(view, permissions):
            if is_unit_officer(view.request.user):
                return False
            return install_wide_permission(view, permissions)

        PageTypesUsageReportView.user_has_any_permission = user_has_any_permission
