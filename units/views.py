from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from units.models import MemberUnit
from units.provisioning import retire_unit


def user_can_manage_units(user):
    """Superusers and technical administrators (who hold units.change_memberunit) manage units."""
    return user.is_superuser or user.has_perm("units.change_memberunit")


def retire(request, pk):
    """Confirm, then retire a unit: its site stops serving and its officers lose their rights."""
    if not user_can_manage_units(request.user):
        raise PermissionDenied
    unit = get_object_or_404(MemberUnit, pk=pk)
    index_url = reverse("wagtailsnippets_units_memberunit:list")
    if request.method == "POST":
        retire_unit(unit, user=request.user)
        messages.success(request, _("The unit “%(unit)s” is retired; its site is unpublished.") % {"unit": unit})
        return redirect(index_url)
    return TemplateResponse(request, "units/retire_confirm.html", {"unit": unit, "index_url": index_url})
