import json
import unicodedata

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.http import JsonResponse
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import Collection, Page

from core.middleware import UnicodeNFCMiddleware
from core.unicode import nfc, nfc_json
from home.models import ArticlePage, SectionPage

NAME = "Phường Đức Xuân"
NFD_NAME = unicodedata.normalize("NFD", NAME)


def is_nfc(text):
    return unicodedata.is_normalized("NFC", text)


def test_the_test_input_is_decomposed():
    assert NFD_NAME != NAME
    assert not is_nfc(NFD_NAME)
    assert nfc(NFD_NAME) == NAME


def test_nfc_reaches_nested_structures():
    """R4.1: strings inside dicts (keys too), lists and tuples come back NFC; other values unchanged."""
    value = {NFD_NAME: [NFD_NAME, (NFD_NAME, 3)], "n": None, "x": 1.5, "ok": NAME}

    assert nfc(value) == {NAME: [NAME, (NAME, 3)], "n": None, "x": 1.5, "ok": NAME}
    assert isinstance(nfc(value)[NAME][1], tuple)


def test_nfc_json_reaches_json_text_with_escaped_characters():
    """R4.1: StreamField JSON embedded as \\u-escaped text (as in revisions) is normalised too."""
    embedded = json.dumps([{"type": "paragraph", "value": NFD_NAME}])
    assert "\\u" in embedded

    normalised = nfc_json({"body": embedded, "title": NFD_NAME})

    assert json.loads(normalised["body"]) == [{"type": "paragraph", "value": NAME}]
    assert normalised["title"] == NAME
    assert nfc_json({"body": "[not json \\u"}) == {"body": "[not json \\u"}


@pytest.mark.django_db
def test_model_save_stores_nfc():
    """R4.1: NFD text saved through any model (here a Wagtail collection) is stored as NFC."""
    collection = Collection.get_first_root_node().add_child(name=NFD_NAME)

    assert Collection.objects.filter(pk=collection.pk).values_list("name", flat=True).get() == NAME


@pytest.mark.django_db
def test_saving_a_partly_loaded_instance_loads_nothing_more():
    """R4.1: deferred fields are skipped, so the receiver costs no query; loaded ones are normalised."""
    collection = Collection.get_first_root_node().add_child(name="Ảnh")
    partial = Collection.objects.only("pk").get(pk=collection.pk)
    partial.name = NFD_NAME

    with CaptureQueriesContext(connection) as queries:
        partial.save(update_fields=["name"])

    assert len(queries) == 1
    assert Collection.objects.get(pk=collection.pk).name == NAME


@pytest.fixture
def section(db):
    return Page.get_first_root_node().add_child(instance=SectionPage(title="Tin tức", slug="tin-tuc"))


def test_page_streamfield_and_revision_store_nfc(section):
    """R4.1: a page's title, text and StreamField body, and its draft revision, are stored as NFC."""
    article = ArticlePage(
        title=NFD_NAME,
        slug="duc-xuan",
        sapo=NFD_NAME,
        body=[("paragraph", f"<p>{NFD_NAME}</p>")],
    )
    section.add_child(instance=article)

    stored = ArticlePage.objects.get(pk=article.pk)
    assert stored.title == NAME
    assert stored.sapo == NAME
    assert stored.body.raw_data[0]["value"] == f"<p>{NAME}</p>"

    stored.body = [("paragraph", f"<p>{NFD_NAME} mới</p>")]
    revision = stored.save_revision()
    revision.refresh_from_db()
    body = json.loads(revision.content["body"])
    assert body[0]["value"] == f"<p>{NAME} mới</p>"
    assert is_nfc(revision.as_object().body.raw_data[0]["value"])


def echo(request):
    return JsonResponse(
        {
            "GET": dict(request.GET.lists()),
            "POST": dict(request.POST.lists()),
            "FILES": {upload.name: upload.read().decode() for upload in request.FILES.values()},
        }
    )


def through_middleware(request):
    return json.loads(UnicodeNFCMiddleware(echo)(request).content)


def test_middleware_normalises_query_string_keys_and_values():
    """R4.1: search and filter queries reach views in NFC."""
    request = RequestFactory().get("/", {"q": NFD_NAME, NFD_NAME: [NFD_NAME, "b"]})

    assert through_middleware(request)["GET"] == {"q": [NAME], NAME: [NAME, "b"]}


def test_middleware_normalises_urlencoded_form():
    """R4.1: form fields (admin and public forms) reach views in NFC."""
    request = RequestFactory().post("/", f"name={NFD_NAME}&name=a", content_type="application/x-www-form-urlencoded")

    assert through_middleware(request)["POST"] == {"name": [NAME, "a"]}


def test_middleware_keeps_uploaded_files_and_normalises_their_names():
    """R4.1: a multipart upload keeps its file and content; its name and the other fields become NFC."""
    upload = SimpleUploadedFile(f"{NFD_NAME}.txt", "nội dung".encode(), content_type="text/plain")
    request = RequestFactory().post("/", {"title": NFD_NAME, "file": upload})

    received = through_middleware(request)

    assert received["POST"] == {"title": [NAME]}
    assert received["FILES"] == {f"{NAME}.txt": "nội dung"}


def test_middleware_leaves_json_bodies_to_the_view():
    """A JSON body stays readable as sent; what the view stores is normalised on save."""
    payload = json.dumps({"name": NFD_NAME})
    request = RequestFactory().post("/", payload, content_type="application/json")
    response = UnicodeNFCMiddleware(lambda request: JsonResponse({"body": request.body.decode()}))(request)

    assert json.loads(response.content)["body"] == payload


@pytest.mark.urls("tests.core.urls")
def test_middleware_is_installed_for_every_request(client):
    """R4.1: through the full middleware stack, GET, POST and uploads reach a view in NFC."""
    upload = SimpleUploadedFile(f"{NFD_NAME}.txt", b"abc")

    received = client.post(f"/echo/?q={NFD_NAME}", {"name": NFD_NAME, "file": upload}).json()

    assert received == {"GET": {"q": [NAME]}, "POST": {"name": [NAME]}, "FILES": {f"{NAME}.txt": "abc"}}


@pytest.mark.django_db
def test_admin_form_stores_nfc(admin_client):
    """R4.1: NFD typed into an admin form is stored as NFC."""
    root = Collection.get_first_root_node()

    response = admin_client.post("/admin/collections/add/", {"name": NFD_NAME, "parent": root.pk})

    assert response.status_code == 302
    assert Collection.objects.filter(name=NAME).exists()
