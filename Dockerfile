# The portal image: gunicorn for the web, the same image for the Celery worker and beat.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    VAR_DIR=/var/lib/portal

WORKDIR /app
COPY pyproject.toml ./
RUN pip install . && rm -rf build *.egg-info
COPY . .
RUN useradd --system --home /var/lib/portal portal \
    && mkdir -p /var/lib/portal && chown portal /var/lib/portal \
    && SECRET_KEY=build-only DATABASE_URL=postgres://build@localhost/build \
       python manage.py collectstatic --noinput
USER portal
EXPOSE 8000
CMD ["gunicorn", "careerportal.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
