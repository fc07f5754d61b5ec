"""Static files: hashed names (the manifest storage) served with a one-year immutable cache."""

from whitenoise.middleware import WhiteNoiseMiddleware


class StaticFilesMiddleware(WhiteNoiseMiddleware):
    """WhiteNoise, caching files whose name carries a content hash for one year, not ten."""

    FOREVER = 365 * 24 * 60 * 60
