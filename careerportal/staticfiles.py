"""Static files: hashed names (the manifest storage) served with a one-year immutable cache."""

from typing import Any

from whitenoise.middleware import WhiteNoiseMiddleware
from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticFilesMiddleware(WhiteNoiseMiddleware):
    """WhiteNoise, caching files whose name carries a content hash for one year, not ten."""

    FOREVER = 365 * 24 * 60 * 60


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    """Hashed, compressed names; a CSS reference to a file that is not shipped stays as written.

    The vendored USWDS stylesheet names images it does not include (img/hero.jpg); the strict
    storage would refuse the whole collectstatic for them.
    """

    def hashed_name(self, name: str, content: Any = None, filename: str | None = None) -> str:
        try:
            return str(super().hashed_name(name, content, filename))
        except ValueError:
            if content is not None:
                raise
            return name
