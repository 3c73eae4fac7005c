# Production image: gunicorn serving the portal and every member site; static files by WhiteNoise.
#   docker build -t cong-ttdt .
# Configuration comes from the environment at run time (see README.md and docker-compose.yml).

FROM python:3.11-slim-bookworm AS build
RUN apt-get update \
    && apt-get install -y --no-install-recommends build-essential libpq-dev gettext \
    && rm -rf /var/lib/apt/lists/*
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1 PATH=/venv/bin:$PATH
RUN python -m venv /venv
COPY requirements.txt /app/requirements.txt
RUN pip install -r /app/requirements.txt
WORKDIR /app
COPY . /app
# The key below exists only for these two build commands; the running image requires its own SECRET_KEY.
RUN DJANGO_SETTINGS_MODULE=settings.production SECRET_KEY=build-only-not-a-secret \
        sh -c 'python manage.py collectstatic --noinput -v 0 \
            && if [ -n "$(find . -name "*.po" -print -quit)" ]; then python manage.py compilemessages -v 0; fi'

FROM python:3.11-slim-bookworm
RUN apt-get update \
    && apt-get install -y --no-install-recommends libpq5 \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --user-group --uid 10001 --home-dir /app portal
COPY --from=build /venv /venv
# Code stays owned by root, read-only for the app; only media and var are writable.
COPY --from=build /app /app
RUN mkdir -p /app/media /app/var && chown portal:portal /app/media /app/var
WORKDIR /app
ENV PATH=/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=settings.production \
    MEDIA_ROOT=/app/media \
    PORT=8000 \
    WEB_CONCURRENCY=3
USER portal
EXPOSE 8000
# /healthz checks the database, and the cache and search when configured; Host must be an allowed host.
HEALTHCHECK --interval=30s --timeout=10s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request as u; u.urlopen(u.Request(f\"http://127.0.0.1:{os.environ['PORT']}/healthz\", headers={'Host': os.environ.get('PORTAL_DOMAIN', 'localhost')}), timeout=8)"]
# Workers: WEB_CONCURRENCY (gunicorn reads it); more options through GUNICORN_CMD_ARGS.
CMD ["sh", "-c", "exec gunicorn settings.wsgi --bind 0.0.0.0:${PORT} --access-logfile -"]
