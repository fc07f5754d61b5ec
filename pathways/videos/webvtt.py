"""Check a WebVTT captions file (https://www.w3.org/TR/webvtt1/): every problem names its line."""

import re

from django.utils.translation import gettext as _

MAX_BYTES = 1_000_000
_HEADER = re.compile(r"^WEBVTT(?:[ \t].*)?$")
_TIME = r"(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})"
_TIMING = re.compile(rf"^{_TIME}[ \t]+-->[ \t]+{_TIME}(?:[ \t]+.*)?$")
_LOOKS_LIKE_TIME = re.compile(r"^\s*\d+:\d")


class WebVTTError(ValueError):
    """A captions file that is not WebVTT; the message names the line."""

    def __init__(self, line: int, problem: str) -> None:
        self.line = line
        super().__init__(_("Line %(line)s: %(problem)s") % {"line": line, "problem": problem})


def _seconds(hours: str | None, minutes: str, seconds: str, millis: str) -> float:
    return int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds) + int(millis) / 1000


def _blocks(lines: list[str], start: int) -> list[tuple[int, list[str]]]:
    """The blocks after the header, each with the index of its first line."""
    blocks: list[tuple[int, list[str]]] = []
    current: list[str] = []
    first = start
    for index in range(start, len(lines)):
        if lines[index].strip():
            if not current:
                first = index
            current.append(lines[index])
        elif current:
            blocks.append((first, current))
            current = []
    if current:
        blocks.append((first, current))
    return blocks


def webvtt_check(data: bytes) -> int:
    """The number of cues in a valid WebVTT file; WebVTTError for the first problem."""
    if len(data) > MAX_BYTES:
        raise WebVTTError(
            1, _("the file is larger than 1 MB; captions for a short video are smaller.")
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise WebVTTError(line, _("the file must be UTF-8 text.")) from None
    lines = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if not _HEADER.match(lines[0]):
        raise WebVTTError(1, _("a WebVTT file starts with the word WEBVTT."))
    header_end = next((i for i, line in enumerate(lines) if not line.strip()), len(lines))
    for index in range(1, header_end):
        if "-->" in lines[index]:
            raise WebVTTError(
                index + 1, _("leave a blank line after WEBVTT, before the first cue.")
            )
    cues = 0
    last_start = 0.0
    for first, block in _blocks(lines, header_end):
        head = block[0]
        if re.match(r"^NOTE(?:[ \t]|$)", head):
            continue
        if head in ("STYLE", "REGION"):
            if cues:
                raise WebVTTError(
                    first + 1, _("STYLE and REGION blocks come before the first cue.")
                )
            continue
        # A first line that begins like a time is a timing (however wrong), not a cue's name.
        timing_at = 0 if "-->" in head or _LOOKS_LIKE_TIME.match(head) else 1
        if timing_at >= len(block) or not _LOOKS_LIKE_TIME.match(block[timing_at]):
            raise WebVTTError(
                first + 1 + min(timing_at, len(block) - 1),
                _("expected a cue timing such as “00:00:01.000 --> 00:00:04.000”."),
            )
        timing = _TIMING.match(block[timing_at].strip())
        line = first + timing_at + 1
        if timing is None:
            raise WebVTTError(
                line,
                _(
                    "“%(text)s” is not a cue timing: write it as 00:00:01.000 --> 00:00:04.000 "
                    "(hours may be left out; three digits after the dot)."
                )
                % {"text": block[timing_at].strip()[:80]},
            )
        start = _seconds(*timing.groups()[:4])
        end = _seconds(*timing.groups()[4:])
        if end <= start:
            raise WebVTTError(line, _("the cue ends before it starts."))
        if start < last_start:
            raise WebVTTError(
                line, _("the cue starts before the one above it: put cues in time order.")
            )
        last_start = start
        text_lines = block[timing_at + 1 :]
        if not text_lines:
            raise WebVTTError(line, _("the cue has no caption text."))
        for offset, caption in enumerate(text_lines, start=1):
            if "-->" in caption:
                raise WebVTTError(line + offset, _("leave a blank line between cues."))
        cues += 1
    if not cues:
        raise WebVTTError(len(lines), _("the file has no captions (no cue)."))
    return cues
