"""A tiny URLconf for middleware tests: a view that echoes what it received."""

from django.http import JsonResponse
from django.urls import path


def echo(request):
    return JsonResponse(
        {
            "GET": {key: request.GET.getlist(key) for key in request.GET},
            "POST": {key: request.POST.getlist(key) for key in request.POST},
            "FILES": {upload.name: upload.read().decode() for upload in request.FILES.values()},
        }
    )


urlpatterns = [path("echo/", echo)]
