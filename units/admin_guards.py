"""Two admin views Wagtail gives no hook to scope, guarded for a unit's officers (R10.2).

Officers hold rights on their vi and en home pages, whose only common ancestor is the tree root, so Wagtail's
explorable root for them is the tree root. Two views then reach beyond their units:

- the explorer listing of any page below the root shows that page's title and breadcrumbs: officers asking for
  a page they cannot explore are sent to their own home page instead;
- the page types usage report counts and links pages of every site: officers are refused it (its menu item is
  hidden in units.wagtail_hooks).
"""

from django.shortcuts import redirect
from wagtail.admin.views.pages.listing import ExplorableIndexView
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.models import Page
from wagtail.permissions import policy_registry

from units.scoping import is_unit_officer, provisioned_officer_units


def install():
    explore = ExplorableIndexView.get
    page_types_usage_permission = PageTypesUsageReportView.user_has_any_permission

    def scoped_explore(view, request, parent_page_id=None):
        user = request.user
        if parent_page_id and is_unit_officer(user):
            explorable = policy_registry.get_by_type(Page).explorable_instances(user)
            if not explorable.filter(pk=parent_page_id).exclude(depth=1).exists():
                home_id = provisioned_officer_units(user)[0].site.root_page_id
                if home_id != int(parent_page_id):
                    return redirect("wagtailadmin_explore", home_id)
        return explore(view, request, parent_page_id)

    def scoped_page_types_usage_permission(view, permissions):
        if is_unit_officer(view.request.user):
            return False
        return page_types_usage_permission(view, permissions)

    ExplorableIndexView.get = scoped_explore
    PageTypesUsageReportView.user_has_any_permission = scoped_page_types_usage_permission
