from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from units.provisioning import ProvisioningError, create_unit, provision_unit, validate_unit_input


class MemberUnitForm(WagtailAdminModelForm):
    """Validates through the provisioning service, so the admin shows the command's messages (R2.1)."""

    # Not required here: validate_unit_input() says what is missing, in the same words as the command.
    name = forms.CharField(label=_("name (Vietnamese)"), max_length=255, required=False)
    slug = forms.CharField(
        label=_("slug"),
        max_length=63,
        required=False,
        help_text=_("The member site answers at <slug>.<portal domain>. Left empty, it is made from the name."),
    )

    def clean(self):
        cleaned_data = super().clean()
        if "kind" in self.errors:
            return cleaned_data
        try:
            kind, name, slug = validate_unit_input(
                cleaned_data.get("kind"), cleaned_data.get("name"), cleaned_data.get("slug"), instance=self.instance
            )
        except ProvisioningError as error:
            self.add_error(None, error)
        else:
            cleaned_data.update(kind=kind, name=name, slug=slug)
        return cleaned_data

    def save(self, commit=True):
        if self.instance.pk is None:
            # A new unit is created and provisioned by the one service the command uses too.
            fields = {name: value for name, value in self.cleaned_data.items() if name in self._meta.fields}
            self.instance = create_unit(**fields)
            return self.instance
        unit = super().save(commit=commit)
        if commit and unit.is_active:
            # Keep the site's host name and name in step with the unit.
            provision_unit(unit)
        return unit
