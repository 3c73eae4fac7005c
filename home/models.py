from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.blocks import BodyBlock
from units.models import MemberUnit

NEWS_ON_HOME_PAGE = 10
ARTICLES_PER_SECTION_PAGE = 20


def latest_articles(queryset, limit=NEWS_ON_HOME_PAGE):
    """Live articles, newest first, with what a news list renders fetched up front."""
    return (
        queryset.live()
        .public()
        .select_related("featured_image", "supplying_unit")
        .prefetch_related("featured_image__renditions")
        .order_by("-publication_date", "-pk")[:limit]
    )


def shown_children(queryset):
    """Live children of the page being shown; only their own view restrictions can hide them.

    The shown page's restrictions, and its ancestors', already apply to it, so the join replaces
    Page.public() and the query of every restriction in the tree that it costs.
    """
    return queryset.live().filter(view_restrictions__isnull=True)


def unit_of_site_containing(page):
    """The member unit whose site holds page, in any language, or None (the portal's own pages).

    A site's root is a depth-2 page; its translations (the /en/ tree) share its translation_key,
    so the depth-2 ancestor identifies the site whatever the page's locale. Works before the
    page's first save too, as soon as it has a place in the tree.
    """
    if not page.path or page.depth is None or page.depth < 2:
        return None
    site_root_path = page.path[: Page.steplen * 2]
    site_root_keys = Page.objects.filter(path=site_root_path).values("translation_key")
    return MemberUnit.objects.filter(site__root_page__translation_key__in=site_root_keys).first()


class BaseHomePage(Page):
    """What every site's home page shows: an introduction, its latest news and its sections."""

    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["latest_news"] = latest_articles(ArticlePage.objects.descendant_of(self))
        context["sections"] = shown_children(self.get_children()).in_menu().type(SectionPage)
        return context


class PortalHomePage(BaseHomePage):
    """The city portal's home page: its own news and the latest news of member sites (R3.3n)."""

    class Meta:
        verbose_name = _("portal home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        member_articles = ArticlePage.objects.filter(locale_id=self.locale_id).not_descendant_of(self)
        context["member_news"] = latest_articles(member_articles)
        return context


class MemberHomePage(BaseHomePage):
    """A member site's home page (R7.1b): the unit's own news and sections."""

    class Meta:
        verbose_name = _("member site home page")


class SectionPage(Page):
    """A section (chuyên mục) listing its articles, newest first, a page at a time."""

    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.PortalHomePage", "home.MemberHomePage", "home.SectionPage"]
    subpage_types = [
        "home.ArticlePage",
        "home.SectionPage",
        "home.StandardPage",
        "home.LeaderProfilePage",
        "home.OrganisationPage",
        "home.OfficialsDirectoryPage",
    ]

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = (
            shown_children(ArticlePage.objects.child_of(self))
            .select_related("featured_image", "supplying_unit")
            .prefetch_related("featured_image__renditions")
            .order_by("-publication_date", "-pk")
        )
        context["articles"] = Paginator(articles, ARTICLES_PER_SECTION_PAGE).get_page(request.GET.get("page"))
        context["subpages"] = shown_children(self.get_children()).not_type(ArticlePage)
        return context


class ArticlePageTag(TaggedItemBase):
    content_object = ParentalKey("home.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items")


class ArticlePage(Page):
    """A news article (tin bài), naming its author and source when republished (R6.3)."""

    sapo = models.TextField(_("lead"), help_text=_("One or two sentences shown under the title and in lists."))
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    featured_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("featured image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    publication_date = models.DateTimeField(_("publication date"), default=timezone.now, db_index=True)
    author = models.CharField(_("author"), max_length=255, blank=True)
    source = models.CharField(
        _("source"), max_length=255, blank=True, help_text=_("Required when the article is republished.")
    )
    source_url = models.URLField(_("source URL"), blank=True)
    supplying_unit = models.ForeignKey(
        MemberUnit,
        verbose_name=_("supplying unit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
        help_text=_("The unit answerable for this content; the unit of the site when left empty."),
    )
    tags = ClusterTaggableManager(through=ArticlePageTag, blank=True, verbose_name=_("tags"))

    content_panels = Page.content_panels + [
        FieldPanel("sapo"),
        FieldPanel("featured_image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("author"), FieldPanel("source"), FieldPanel("source_url"), FieldPanel("supplying_unit")],
            heading=_("Author and source"),
        ),
        FieldPanel("publication_date"),
        FieldPanel("tags"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("sapo"),
        index.SearchField("body"),
        index.SearchField("author"),
        index.FilterField("publication_date"),
    ]
    parent_page_types = ["home.SectionPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    def save(self, *args, **kwargs):
        # R7.2: record which unit supplied the content, from the site it is published on.
        if self.supplying_unit_id is None:
            self.supplying_unit = unit_of_site_containing(self)
        super().save(*args, **kwargs)


class StandardPage(Page):
    """Introduction, history, culture, relics, tourism, economy and similar pages (R3.3a)."""

    intro = models.TextField(_("lead"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["home.PortalHomePage", "home.MemberHomePage", "home.SectionPage", "home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")


class LeaderProfilePage(Page):
    """A city leader's profile: photo, position, short biography and duties (R3.3a)."""

    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    position = models.CharField(_("position"), max_length=255)
    biography = RichTextField(_("short biography"), blank=True)
    duties = RichTextField(_("duties"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("position"),
        FieldPanel("photo"),
        FieldPanel("biography"),
        FieldPanel("duties"),
    ]
    search_fields = Page.search_fields + [index.SearchField("position"), index.SearchField("biography")]
    parent_page_types = ["home.SectionPage", "home.OrganisationPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("leader profile")
        verbose_name_plural = _("leader profiles")


class OrganisationPage(Page):
    """The organisation chart with the functions and duties of each agency (R3.3a)."""

    intro = RichTextField(_("structure"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), InlinePanel("agencies", label=_("agencies"))]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["home.PortalHomePage", "home.MemberHomePage", "home.SectionPage"]
    subpage_types = ["home.LeaderProfilePage"]

    class Meta:
        verbose_name = _("organisation page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["agencies"] = self.agencies.select_related("unit")
        context["leaders"] = (
            shown_children(LeaderProfilePage.objects.child_of(self))
            .select_related("photo")
            .prefetch_related("photo__renditions")
        )
        return context


class OrganisationAgency(Orderable):
    page = ParentalKey(OrganisationPage, on_delete=models.CASCADE, related_name="agencies")
    name = models.CharField(_("agency"), max_length=255)
    unit = models.ForeignKey(
        MemberUnit, verbose_name=_("member unit"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    functions_and_duties = RichTextField(_("functions and duties"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("unit"), FieldPanel("functions_and_duties")]

    class Meta(Orderable.Meta):
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")


class OfficialsDirectoryPage(Page):
    """Contact details of competent officials (R3.3g)."""

    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), InlinePanel("officials", label=_("officials"))]
    parent_page_types = ["home.PortalHomePage", "home.MemberHomePage", "home.SectionPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("officials directory")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["officials"] = self.officials.select_related("unit")
        return context


class Official(Orderable):
    page = ParentalKey(OfficialsDirectoryPage, on_delete=models.CASCADE, related_name="officials")
    name = models.CharField(_("name"), max_length=255)
    position = models.CharField(_("position"), max_length=255)
    unit = models.ForeignKey(
        MemberUnit, verbose_name=_("unit"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    unit_name = models.CharField(
        _("unit name"), max_length=255, blank=True, help_text=_("For a body that is not a member unit.")
    )
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    fax = models.CharField(_("fax"), max_length=50, blank=True)
    email = models.EmailField(_("official email"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("position"),
        FieldPanel("unit"),
        FieldPanel("unit_name"),
        FieldPanel("phone"),
        FieldPanel("fax"),
        FieldPanel("email"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("official")
        verbose_name_plural = _("officials")


@register_setting(icon="site")
class PortalSettings(BaseGenericSetting):
    """The portal's own identity and contact details (R3.3h), shown in every footer."""

    portal_name = models.CharField(_("portal name (Vietnamese)"), max_length=255, blank=True)
    portal_name_en = models.CharField(_("portal name (English)"), max_length=255, blank=True)
    owner = models.CharField(_("managing body"), max_length=255, blank=True)
    responsible_person = models.CharField(_("person responsible"), max_length=255, blank=True)
    licence = models.CharField(_("licence"), max_length=255, blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    fax = models.CharField(_("fax"), max_length=50, blank=True)
    email = models.EmailField(_("email"), blank=True)

    panels = [
        FieldPanel("portal_name"),
        FieldPanel("portal_name_en"),
        FieldPanel("owner"),
        FieldPanel("responsible_person"),
        FieldPanel("licence"),
        FieldPanel("address"),
        FieldPanel("phone"),
        FieldPanel("fax"),
        FieldPanel("email"),
    ]

    class Meta:
        verbose_name = _("portal contact details")
