from core.unicode import nfc


class UnicodeNFCMiddleware:
    """Normalise query strings, form fields and upload file names to NFC before any view reads them (R4.1).

    Views, and CsrfViewMiddleware.process_view, see only the normalised data (the CSRF token is
    ASCII, so it is unchanged). Uploaded files stay in request.FILES, untouched but for their names.
    JSON bodies are left to the views that parse them, and to the pre_save receiver, which
    normalises whatever is stored.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.GET:
            request.GET = self._normalised(request.GET)
        if request.method == "POST" and request.content_type in (
            "application/x-www-form-urlencoded",
            "multipart/form-data",
        ):
            request.POST = self._normalised(request.POST)
            for _field_name, uploads in request.FILES.lists():
                for upload in uploads:
                    upload.name = nfc(upload.name)
        return self.get_response(request)

    @staticmethod
    def _normalised(querydict):
        """A copy of querydict with keys and values in NFC, or querydict itself when it already is."""
        pairs = list(querydict.lists())
        normalised = [(nfc(key), [nfc(value) for value in values]) for key, values in pairs]
        if normalised == pairs:
            return querydict
        copy = querydict.copy()
        copy.clear()
        for key, values in normalised:
            for value in values:
                copy.appendlist(key, value)
        copy._mutable = False
        return copy
