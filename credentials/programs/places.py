"""Where programs are: ZIP -> point (Census ZCTA centroids) and distance in miles."""


def program_places_set(*, source: str | None = None, state: str | None = None) -> int:
    """Set latitude/longitude of programs from their ZIP's ZCTA centroid (0 until ZCTAs load)."""
    return 0


def tech_cips() -> tuple[str, ...]:
    """CIP codes the crosswalk ties to tech-family SOC codes (empty until it is loaded)."""
    return ()
