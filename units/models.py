from django.contrib.auth.models import Group
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Collection, Site


class UnitKind(models.TextChoices):
    """The bodies a city or provincial portal integrates (R2.1)."""

    PARTY_COMMITTEE = "party_committee", _("Party Committee")
    PEOPLES_COUNCIL = "peoples_council", _("People's Council")
    PEOPLES_COMMITTEE = "peoples_committee", _("People's Committee")
    FATHERLAND_FRONT = "fatherland_front", _("Fatherland Front")
    MASS_ORGANISATION = "mass_organisation", _("Mass organisation")
    DEPARTMENT = "department", _("Department or office")
    MEDIA_CENTRE = "media_centre", _("Culture, Sports and Media Centre")
    WARD = "ward", _("Ward")
    COMMUNE = "commune", _("Commune")


slug_validator = RegexValidator(
    r"^[a-z0-9]+(?:-[a-z0-9]+)*$",
    _("Use lower-case letters without diacritics, digits and single hyphens, e.g. duc-xuan."),
)


class MemberUnit(models.Model):
    """A body whose member site the portal integrates (R2.1, R3.3n), with its contacts (R16.1)."""

    name = models.CharField(_("name (Vietnamese)"), max_length=255)
    name_en = models.CharField(_("name (English)"), max_length=255, blank=True)
    kind = models.CharField(_("kind"), max_length=32, choices=UnitKind.choices)
    slug = models.SlugField(
        _("slug"),
        max_length=63,
        unique=True,
        validators=[slug_validator],
        help_text=_("The member site answers at <slug>.<portal domain>."),
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    address = models.CharField(_("address"), max_length=255, blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    fax = models.CharField(_("fax"), max_length=50, blank=True)
    email = models.EmailField(_("official email"), blank=True)
    head_name = models.CharField(_("unit head"), max_length=255, blank=True)
    head_position = models.CharField(_("position of the unit head"), max_length=255, blank=True)
    focal_person_name = models.CharField(_("focal person"), max_length=255, blank=True)
    focal_person_phone = models.CharField(_("focal person's phone"), max_length=50, blank=True)
    focal_person_email = models.EmailField(_("focal person's email"), blank=True)
    sort_order = models.PositiveIntegerField(_("order"), default=0)

    is_active = models.BooleanField(_("active"), default=True, editable=False)
    retired_at = models.DateTimeField(_("retired at"), null=True, blank=True, editable=False)

    # What provisioning created; kept so that renaming a unit never orphans them.
    site = models.OneToOneField(
        Site, verbose_name=_("site"), null=True, blank=True, editable=False, on_delete=models.SET_NULL
    )
    collection = models.OneToOneField(
        Collection,
        verbose_name=_("collection"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
    )
    editors_group = models.OneToOneField(
        Group,
        verbose_name=_("editors group"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="unit_as_editors",
    )
    heads_group = models.OneToOneField(
        Group,
        verbose_name=_("heads group"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="unit_as_heads",
    )

    class Meta:
        verbose_name = _("member unit")
        verbose_name_plural = _("member units")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    @property
    def hostname(self):
        from django.conf import settings

        return f"{self.slug}.{settings.PORTAL_DOMAIN}"


class CityRole(models.Model):
    """Which auth group plays each city-wide role (R16B, R13); kept so renaming a group breaks nothing."""

    class Key(models.TextChoices):
        BOARD_LEADER = "board_leader", _("Board leader")
        BOARD_MEMBER = "board_member", _("Board member")
        BOARD_SECRETARY = "board_secretary", _("Board secretary")
        CENTRE_EDITOR = "centre_editor", _("Centre editor")
        TECHNICAL_ADMIN = "technical_admin", _("Technical administrator")

    key = models.CharField(_("role"), max_length=32, choices=Key.choices, unique=True)
    group = models.OneToOneField(Group, verbose_name=_("group"), on_delete=models.CASCADE, related_name="city_role")

    class Meta:
        verbose_name = _("city role")
        verbose_name_plural = _("city roles")

    def __str__(self):
        return self.get_key_display()
