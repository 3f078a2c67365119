"""The upload size limit: 20 MB by default, a message in MB naming the field."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from lynchpin.core.errors import Invalid
from lynchpin.core.uploads import check_upload_size, upload_size_message, validate_upload_size


def test_files_up_to_the_limit_pass() -> None:
    assert upload_size_message(20 * 1024 * 1024) is None
    check_upload_size(0)


def test_a_larger_file_is_invalid_naming_the_field() -> None:
    with pytest.raises(Invalid) as raised:
        check_upload_size(20 * 1024 * 1024 + 1, field="script")
    assert "largest accepted is 20.0 MB" in raised.value.message
    assert list(raised.value.fields) == ["script"]


@override_settings(LYNCHPIN_MAX_UPLOAD_BYTES=10)
def test_the_form_validator_follows_the_setting() -> None:
    validate_upload_size(SimpleUploadedFile("a.fountain", b"0123456789"))
    with pytest.raises(ValidationError, match="largest accepted"):
        validate_upload_size(SimpleUploadedFile("a.fountain", b"0123456789!"))
