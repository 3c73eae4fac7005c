"""Unicode NFC normalisation (R4.1, TCVN 6909:2001): the one mechanism every text passes through.

Vietnamese text typed on some keyboards or pasted from some word processors arrives decomposed
(NFD: a base letter followed by combining marks). Stored that way it looks the same but fails
search, sorting and uniqueness checks. Text enters the system by two roads, and both are covered:

- every HTTP request: ``UnicodeNFCMiddleware`` normalises query strings, form fields and upload
  file names before any view (admin, public forms, search) reads them;
- every model save: the ``pre_save`` receiver below normalises text, JSON and StreamField values
  of any model (pages, revisions, snippets, images, documents, users, imports through the ORM).

``QuerySet.update()``, ``bulk_create()`` and raw SQL bypass signals: callers that use them on
user-supplied text pass it through ``nfc()`` themselves.
"""

import json
import unicodedata
from functools import cache

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from wagtail.fields import StreamField


def nfc(value):
    """Return value with every string in it (nested lists, tuples and dicts too) in NFC."""
    if isinstance(value, str):
        # is_normalized is a fast scan; most text is already NFC and is returned as is.
        return value if unicodedata.is_normalized("NFC", value) else unicodedata.normalize("NFC", value)
    if isinstance(value, dict):
        return {nfc(key): nfc(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(nfc(item) for item in value)
    return value


def nfc_json(value):
    """nfc() for JSON data, also reaching into strings that hold JSON text themselves.

    Wagtail stores a page's StreamField inside its revision's JSON as JSON text whose non-ASCII
    characters are \\u-escaped, which hides NFD from a plain nfc(); drafts and previews read it.
    """
    if isinstance(value, str):
        value = nfc(value)
        if "\\u" not in value or not value.startswith(("[", "{")):
            return value
        try:
            embedded = json.loads(value)
        except ValueError:
            return value
        normalised = nfc_json(embedded)
        return value if normalised == embedded else json.dumps(normalised, cls=DjangoJSONEncoder)
    if isinstance(value, dict):
        return {nfc(key): nfc_json(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(nfc_json(item) for item in value)
    return value


@cache
def text_fields(model):
    """The concrete fields of model that can hold text: char, text, JSON and StreamField."""
    return tuple(
        field
        for field in model._meta.concrete_fields
        if isinstance(field, (models.CharField, models.TextField, models.JSONField, StreamField))
    )


def normalise_instance_text(sender, instance, raw=False, update_fields=None, **kwargs):
    """pre_save receiver: store the text, JSON and StreamField content of any model in NFC (R4.1)."""
    if raw:  # loaddata stores fixtures exactly as written
        return
    loaded = instance.__dict__
    for field in text_fields(sender):
        # A deferred field is neither loaded nor saved; reading it would cost a query.
        if field.attname not in loaded or (update_fields is not None and field.name not in update_fields):
            continue
        value = loaded[field.attname]
        if value is None:
            continue
        if isinstance(field, StreamField):
            raw_data = list(value.raw_data)
            normalised = nfc(raw_data)
            if normalised != raw_data:
                setattr(instance, field.attname, normalised)
        else:
            normalised = nfc_json(value) if isinstance(field, models.JSONField) else nfc(value)
            if normalised != value:
                setattr(instance, field.attname, normalised)
