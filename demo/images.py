"""Demo pictures drawn with Pillow, so that loading the demo needs no network and no binary files."""

import hashlib
from io import BytesIO

from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from PIL import ImageDraw, ImageFont
from wagtail.images import get_image_model

# Muted colours that read well behind white text.
PALETTE = ["#1f5f8b", "#2e7d32", "#8d4b2f", "#6a1b9a", "#00695c", "#b0412e", "#37474f", "#9e6a03"]
SIZE = (800, 450)


def draw_demo_picture(key, caption, size=SIZE):
    """A JPEG gradient in a colour chosen from key, with an ASCII caption (the bundled font lacks Vietnamese)."""
    digest = hashlib.sha1(key.encode("utf-8")).digest()
    base = PALETTE[digest[0] % len(PALETTE)]
    red, green, blue = (int(base[i : i + 2], 16) for i in (1, 3, 5))
    width, height = size
    picture = PillowImage.new("RGB", size, base)
    draw = ImageDraw.Draw(picture)
    for y in range(0, height, 6):
        shade = y / height * 0.45
        colour = tuple(int(channel * (1 - shade)) for channel in (red, green, blue))
        draw.rectangle([0, y, width, y + 6], fill=colour)
    draw.ellipse([width - 260, -120, width + 120, 260], fill=tuple(min(255, c + 40) for c in (red, green, blue)))
    font = ImageFont.load_default(size=max(18, height // 14))
    small = ImageFont.load_default(size=max(12, height // 24))
    draw.text((40, height - 130), caption[:48], fill="white", font=font)
    draw.text((40, height - 70), "Demo image", fill="#e0e0e0", font=small)
    buffer = BytesIO()
    picture.save(buffer, format="JPEG", quality=80)
    buffer.seek(0)
    return buffer


def ensure_demo_image(title, key, caption, collection, size=SIZE):
    """The image of that title in that collection, drawn and saved if missing. Returns (image, created)."""
    image_model = get_image_model()
    existing = image_model.objects.filter(title=title, collection=collection).first()
    if existing is not None:
        return existing, False
    image = image_model(title=title, collection=collection)
    image.file = ImageFile(draw_demo_picture(key, caption, size), name=f"{key}.jpg")
    image._set_image_file_metadata()
    image.save()
    return image, True
