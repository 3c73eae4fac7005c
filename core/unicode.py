"""Unicode NFC normalisation (R4.1, TCVN 6909:2001): the one mechanism every text passes through."""

import unicodedata

from django.db import models
from wagtail.fields import StreamField


def nfc(value):
    """Return value with every string in it (nested lists, tuples and dicts too) in NFC."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, dict):
        return {nfc(key): nfc(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(nfc(item) for item in value)
    return value


def normalise_instance_text(sender, instance, raw=False, **kwargs):
    """pre_save receiver: store text, JSON and StreamField content of any model in NFC."""
    if raw:
        return
    for field in instance._meta.concrete_fields:
        value = getattr(instance, field.attname, None)
        if value is None:
            continue
        if isinstance(field, StreamField):
            raw_data = list(value.raw_data)
            normalised = nfc(raw_data)
            if normalised != raw_data:
                setattr(instance, field.attname, normalised)
        elif isinstance(field, (models.CharField, models.TextField, models.JSONField)):
            normalised = nfc(value)
            if normalised != value:
                setattr(instance, field.attname, normalised)
