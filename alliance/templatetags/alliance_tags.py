"""Template helpers for Alliance pages."""

from django import template

register = template.Library()


@register.filter
def lines(text: str) -> list[str]:
    """Split a one-item-per-line field into its non-empty items."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


@register.filter
def split_example(line: str) -> tuple[str, str]:
    """'Type: example question' -> ('Type', 'example question'); no colon -> ('', line)."""
    head, sep, tail = line.partition(":")
    return (head.strip(), tail.strip()) if sep else ("", line.strip())


@register.filter
def get_item(mapping: dict, key: str):  # type: ignore[no-untyped-def,type-arg]
    return (mapping or {}).get(key)
