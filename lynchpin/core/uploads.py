"""The upload size limit (settings.LYNCHPIN_MAX_UPLOAD_BYTES, 20 MB by default).

Django bounds only the part of a request held in memory; a file may be any size on disk, so
every form and API endpoint that accepts a file checks it here: forms with the
`validate_upload_size` validator, services and API code with `check_upload_size`.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError

from lynchpin.core.errors import Invalid

__all__ = ["check_upload_size", "max_upload_bytes", "upload_size_message", "validate_upload_size"]


def max_upload_bytes() -> int:
    """The largest accepted upload, in bytes."""
    return int(settings.LYNCHPIN_MAX_UPLOAD_BYTES)


def upload_size_message(size: int) -> str | None:
    """A message for a file of `size` bytes that is too large, or None when it fits."""
    limit = max_upload_bytes()
    if size <= limit:
        return None
    megabytes = 1_048_576
    return (
        f"The file is {size / megabytes:.1f} MB; "
        f"the largest accepted is {limit / megabytes:.1f} MB."
    )


def check_upload_size(size: int, *, field: str = "file") -> None:
    """Raise Invalid (naming `field`) when `size` bytes is over the limit."""
    message = upload_size_message(size)
    if message:
        raise Invalid(message, fields={field: [message]})


def validate_upload_size(upload: Any) -> None:
    """Form-field validator: raise ValidationError when the uploaded file is over the limit."""
    message = upload_size_message(int(upload.size))
    if message:
        raise ValidationError(message, code="file_too_large")
