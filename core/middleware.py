from core.unicode import nfc


class UnicodeNFCMiddleware:
    """Normalise submitted form and query data to NFC before any view reads it (R4.1)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.GET = self._normalised(request.GET)
        if request.method == "POST" and not request.content_type.startswith("application/json"):
            request.POST = self._normalised(request.POST)
        return self.get_response(request)

    @staticmethod
    def _normalised(querydict):
        copy = querydict.copy()
        for key in list(copy.keys()):
            values = copy.getlist(key)
            normalised = [nfc(v) for v in values]
            if normalised != values or nfc(key) != key:
                del copy[key]
                copy.setlist(nfc(key), normalised)
        copy._mutable = False
        return copy
