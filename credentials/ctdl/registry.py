"""Pull records from a Credential Registry search endpoint, page by page, into ctdl_load."""

import json
from collections.abc import Callable
from typing import Any
from urllib.request import Request, urlopen

from django.conf import settings

from .load import CtdlError, LoadResult, ctdl_load

PAGE_SIZE = 100
MAX_PAGES = 1000

Post = Callable[[str, str, dict[str, Any]], Any]


def _post(url: str, api_key: str, body: dict[str, Any]) -> Any:
    """One search request; the answer is JSON data (never run)."""
    if not url.startswith(("http://", "https://")):
        raise CtdlError(f"CREDENTIAL_REGISTRY_SEARCH_URL must be an http(s) URL, not {url!r}.")
    request = Request(  # noqa: S310 (http(s) only, checked above)
        url,
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json", "Authorization": f"ApiToken {api_key}"},
        method="POST",
    )
    with urlopen(request, timeout=120) as response:  # noqa: S310
        return json.loads(response.read().decode("utf-8-sig"))


def registry_sync(*, post: Post = _post) -> LoadResult:
    """Every page of the configured search, loaded in one transaction (upsert by CTID)."""
    url = settings.CREDENTIAL_REGISTRY_SEARCH_URL
    api_key = settings.CREDENTIAL_REGISTRY_API_KEY
    if not url or not api_key:
        raise CtdlError(
            "Set CREDENTIAL_REGISTRY_SEARCH_URL and CREDENTIAL_REGISTRY_API_KEY to sync the "
            "registry."
        )
    try:
        query = json.loads(settings.CREDENTIAL_REGISTRY_QUERY)
    except json.JSONDecodeError as error:
        raise CtdlError(f"CREDENTIAL_REGISTRY_QUERY is not JSON ({error}).") from error
    documents: list[tuple[str, Any]] = []
    skip = 0
    for _page in range(MAX_PAGES):
        answer = post(url, api_key, {"Query": query, "Skip": skip, "Take": PAGE_SIZE})
        data = answer.get("data") if isinstance(answer, dict) else None
        if not isinstance(data, list):
            raise CtdlError(f"{url}: the answer has no data list (keys: {list(answer)[:6]}).")
        if data:
            documents.append((f"{url}#skip={skip}", data))
        skip += len(data)
        total = (answer.get("extra") or {}).get("TotalResults")
        if len(data) < PAGE_SIZE or (isinstance(total, int) and skip >= total):
            break
    if not documents:
        raise CtdlError(f"{url}: the search found no records.")
    return ctdl_load(documents=documents)
