"""Admin for member units, and the hooks that keep each unit's officers inside their own site (R7.1b, R10.2).

What Wagtail already scopes by itself, and tests/units/test_scoping.py proves: the explorer, page editing and
admin page search (page permissions), image and document listings, search and choosers (collection
permissions), the site history, aging pages, locked pages and workflow reports. What these hooks add: the page
chooser (Wagtail lets anyone choose any page), the page types usage report (counts and last edited pages of the
whole install), and the officer's landing on their own site.
"""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from laces.components import Component
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.site_summary import PagesSummaryItem
from wagtail.admin.ui.sidebar import PageExplorerMenuItem as PageExplorerMenuItemComponent
from wagtail.admin.wagtail_hooks import ExplorerMenuItem
from wagtail.admin.widgets import ListingButton
from wagtail.models import Page
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from units import views
from units.forms import MemberUnitForm
from units.models import MemberUnit
from units.scoping import is_unit_officer, pages_visible_to_officer, provisioned_officer_units, unit_home_pages


class MemberUnitViewSet(SnippetViewSet):
    """Member units: only superusers and technical administrators hold the model permissions to manage them."""

    model = MemberUnit
    icon = "group"
    menu_label = _("Member units")
    menu_name = "member-units"
    add_to_admin_menu = True
    menu_order = 250
    list_display = ["name", "kind", "slug", "parent", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name", "name_en", "slug"]
    edit_handler = ObjectList(
        [
            FieldPanel("kind"),
            FieldRowPanel([FieldPanel("name"), FieldPanel("name_en")]),
            FieldPanel("slug"),
            FieldPanel("parent"),
            FieldPanel("sort_order"),
            MultiFieldPanel(
                [FieldPanel("address"), FieldPanel("phone"), FieldPanel("fax"), FieldPanel("email")],
                heading=_("Contacts"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("head_name"),
                    FieldPanel("head_position"),
                    FieldPanel("focal_person_name"),
                    FieldPanel("focal_person_phone"),
                    FieldPanel("focal_person_email"),
                ],
                heading=_("Head and focal person (R16.1)"),
            ),
        ],
        base_form_class=MemberUnitForm,
    )


register_snippet(MemberUnitViewSet)


@hooks.register("register_admin_urls")
def register_unit_urls():
    return [path("units/<int:pk>/retire/", views.retire, name="units_retire")]


@hooks.register("register_snippet_listing_buttons")
def retire_button(snippet, user, next_url=None):
    if isinstance(snippet, MemberUnit) and snippet.is_active and views.user_can_manage_units(user):
        yield ListingButton(_("Retire"), reverse("units_retire", args=[snippet.pk]), icon_name="warning", priority=90)


@hooks.register("construct_page_chooser_queryset")
def scope_page_chooser(pages, request):
    """A unit's officers choose pages of their own site and of the city portal, never another unit's."""
    if is_unit_officer(request.user):
        return pages.filter(pk__in=pages_visible_to_officer(request.user).values("pk"))
    return pages


@hooks.register("construct_reports_menu")
def hide_install_wide_reports(request, menu_items):
    if is_unit_officer(request.user):
        menu_items[:] = [item for item in menu_items if item.name != "page-types-usage"]


class UnitPanel(Component):
    """The dashboard panel of an officer's own member site: where to edit, add news and view it live."""

    name = "member_unit"
    order = 50
    template_name = "units/unit_panel.html"

    def __init__(self, units):
        self.units = units

    def get_context_data(self, parent_context=None):
        return {"units": self.units}


@hooks.register("construct_homepage_panels")
def add_unit_panel(request, panels):
    if request.user.is_superuser:
        return
    units = provisioned_officer_units(request.user)
    if units:
        panels.insert(0, UnitPanel(units))


class UnitPagesSummaryItem(PagesSummaryItem):
    """The dashboard's page count of the officer's own sites, not of the whole install."""

    def get_context_data(self, parent_context):
        units = provisioned_officer_units(self.request.user)
        return {
            "root_page": units[0].site.root_page,
            "total_pages": sum(
                Page.objects.descendant_of(home, inclusive=True).count() for home in unit_home_pages(units)
            ),
            "site_name": ", ".join(unit.site.site_name for unit in units),
        }


@hooks.register("construct_homepage_summary_items")
def count_the_officers_own_pages(request, summary_items):
    if not is_unit_officer(request.user):
        return
    for index, item in enumerate(summary_items):
        if type(item) is PagesSummaryItem:
            summary_items[index] = UnitPagesSummaryItem(request)


class UnitExplorerMenuItem(ExplorerMenuItem):
    """The Pages menu opening at the officer's own home page.

    Officers hold rights on their vi and en home pages, so Wagtail's explorable root would be the tree root.
    """

    def start_page_id(self, request):
        units = provisioned_officer_units(request.user)
        return units[0].site.root_page_id if units else None

    def get_context(self, request):
        context = super().get_context(request)
        if start_page_id := self.start_page_id(request):
            context["start_page_id"] = start_page_id
        return context

    def render_component(self, request):
        start_page_id = self.start_page_id(request)
        if start_page_id is None:
            return super().render_component(request)
        return PageExplorerMenuItemComponent(
            self.name, self.label, self.url, start_page_id, icon_name=self.icon_name, classname=self.classname
        )


@hooks.register("construct_main_menu")
def open_explorer_at_unit_home(request, menu_items):
    if request.user.is_superuser or not is_unit_officer(request.user):
        return
    for index, item in enumerate(menu_items):
        if item.name == "explorer" and not isinstance(item, UnitExplorerMenuItem):
            menu_items[index] = UnitExplorerMenuItem(
                item.label, item.url, name=item.name, icon_name=item.icon_name, order=item.order
            )
