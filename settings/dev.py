from .base import *  # noqa: F403
from .base import os

DEBUG = os.environ.get("DEBUG", "1") == "1"
# A fixed key is acceptable only on a developer's machine.
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-insecure-key"
