"""Builders for the public-side tests: images, documents, sections, articles and translations."""

import json

from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale

from home.models import ArticlePage, SectionPage


def make_image(title="Ảnh thử", collection=None):
    image = Image(title=title, file=get_test_image_file(filename="test.png"))
    if collection is not None:
        image.collection = collection
    image.save()
    return image


def make_document(title="Tài liệu thử", filename="tai-lieu.pdf", content=b"%PDF-1.4 test", collection=None):
    document = Document(title=title, file=ContentFile(content, name=filename))
    if collection is not None:
        document.collection = collection
    document.save()
    return document


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def add_child(parent, page):
    parent.add_child(instance=page)
    return publish(page)


def add_section(parent, title, slug, show_in_menus=True, **fields):
    return add_child(parent, SectionPage(title=title, slug=slug, show_in_menus=show_in_menus, **fields))


def body_with_every_block(image, document, video, audio):
    """StreamField data using every block type but embed (which would need the network)."""
    return json.dumps(
        [
            {"type": "paragraph", "value": "<h2>Tiêu đề phụ</h2><p>Đoạn văn <b>đậm</b>.</p>"},
            {"type": "image", "value": {"image": image.pk, "alt_text": "Cầu Bắc Kạn", "caption": "Chú thích ảnh"}},
            {
                "type": "gallery",
                "value": {
                    "title": "Bộ ảnh",
                    "images": [{"image": image.pk, "alt_text": "Ảnh một", "caption": "Một"}],
                },
            },
            {"type": "video", "value": {"file": video.pk, "title": "Phim tư liệu", "transcript": "Lời thoại"}},
            {"type": "audio", "value": {"file": audio.pk, "title": "Bản tin", "transcript": "Lời đọc"}},
            {
                "type": "table",
                "value": {
                    "data": [["Chỉ tiêu", "Giá trị"], ["Dân số", "45.000"]],
                    "first_row_is_table_header": True,
                    "first_col_is_header": False,
                    "table_caption": "Số liệu",
                },
            },
            {"type": "document", "value": {"document": document.pk, "title": "Văn bản kèm theo"}},
        ]
    )


def add_article(section, title, slug, sapo="Tóm tắt bài viết.", **fields):
    return add_child(section, ArticlePage(title=title, slug=slug, sapo=sapo, **fields))


def translate(page, title=None, **fields):
    """Copy page into English (parents become aliases when untranslated) and publish the copy."""
    english = page.copy_for_translation(Locale.objects.get(language_code="en"), copy_parents=True).specific
    english.title = title or page.title
    for name, value in fields.items():
        setattr(english, name, value)
    return publish(english)
