"""StreamField blocks for articles and standard pages (R3.1: text, audio, images, video, graphics)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    alt_text = blocks.CharBlock(
        label=_("alternative text"),
        required=False,
        help_text=_("Describe the image for people who cannot see it; leave empty to use the image title."),
    )
    caption = blocks.CharBlock(label=_("caption"), required=False)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/image.html"


class GalleryBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), required=False)
    images = blocks.ListBlock(CaptionedImageBlock(), label=_("images"), min_num=1)

    class Meta:
        icon = "image"
        label = _("Gallery")
        template = "blocks/gallery.html"


class MediaFileBlock(blocks.StructBlock):
    """A video or audio file from the document library, with a transcript for accessibility."""

    file = DocumentChooserBlock(label=_("file"))
    title = blocks.CharBlock(label=_("title"), required=False)
    transcript = blocks.TextBlock(label=_("transcript"), required=False)


class VideoBlock(MediaFileBlock):
    class Meta:
        icon = "media"
        label = _("Video")
        template = "blocks/video.html"


class AudioBlock(MediaFileBlock):
    class Meta:
        icon = "media"
        label = _("Audio")
        template = "blocks/audio.html"


class AttachedDocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(label=_("title"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "blocks/document.html"


class BodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        label=_("Rich text"),
        features=["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link", "hr", "blockquote"],
    )
    image = CaptionedImageBlock()
    gallery = GalleryBlock()
    video = VideoBlock()
    audio = AudioBlock()
    embed = EmbedBlock(label=_("Embedded media"), icon="media")
    table = TableBlock(label=_("Table"), template="blocks/table.html")
    document = AttachedDocumentBlock()
