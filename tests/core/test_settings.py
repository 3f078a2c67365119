"""Settings start-up rules: debug runs with no environment; production refuses weak secrets.

The settings module reads the environment once, at import, so each case imports it in a fresh
interpreter with a controlled environment.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from lynchpin.config.security import (
    DEV_SECRET_KEY,
    choose_allowed_hosts,
    choose_secret_key,
    is_strong_secret_key,
)

STRONG_KEY = "k3y-" + "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ"


def _import_settings(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """Import lynchpin.config.settings in a child process with only `env` set (plus PATH)."""
    environ = {"PATH": os.environ.get("PATH", ""), "LYNCHPIN_DATA_DIR": str(tmp_path / "data")}
    environ.update(env)
    code = (
        "import lynchpin.config.settings as s; "
        "print(s.DEBUG, s.DATABASES['default']['ENGINE'], s.TASKS['default']['BACKEND'])"
    )
    return subprocess.run(
        [sys.executable, "-c", code], env=environ, capture_output=True, text=True, check=False
    )


def test_settings_import_with_no_environment_runs_in_debug_on_sqlite(tmp_path: Path) -> None:
    result = _import_settings(tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "True", "django.db.backends.sqlite3", "django_tasks_db.DatabaseBackend"
    ]
    assert (tmp_path / "data").is_dir()


def test_outside_debug_the_default_secret_key_is_refused(tmp_path: Path) -> None:
    result = _import_settings(
        tmp_path, LYNCHPIN_DEBUG="false", LYNCHPIN_ALLOWED_HOSTS="lynchpin.example.com"
    )
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "LYNCHPIN_SECRET_KEY is not set" in result.stderr


def test_outside_debug_a_strong_key_and_hosts_start(tmp_path: Path) -> None:
    result = _import_settings(
        tmp_path,
        LYNCHPIN_DEBUG="false",
        LYNCHPIN_SECRET_KEY=STRONG_KEY,
        LYNCHPIN_ALLOWED_HOSTS="lynchpin.example.com",
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/lynchpin",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[:2] == ["False", "django.db.backends.postgresql"]


def test_a_misspelt_boolean_stops_start_up(tmp_path: Path) -> None:
    result = _import_settings(tmp_path, LYNCHPIN_DEBUG="flase")
    assert result.returncode != 0
    assert "LYNCHPIN_DEBUG='flase'" in result.stderr


def test_an_unknown_task_backend_stops_start_up(tmp_path: Path) -> None:
    result = _import_settings(tmp_path, LYNCHPIN_TASKS_BACKEND="celery")
    assert result.returncode != 0
    assert "LYNCHPIN_TASKS_BACKEND='celery'" in result.stderr


def test_choose_secret_key_rules() -> None:
    assert choose_secret_key("", debug=True) == DEV_SECRET_KEY
    assert choose_secret_key(STRONG_KEY, debug=False) == STRONG_KEY
    with pytest.raises(ImproperlyConfigured, match="not set"):
        choose_secret_key("", debug=False)
    with pytest.raises(ImproperlyConfigured, match="insecure"):
        choose_secret_key(DEV_SECRET_KEY, debug=False)
    with pytest.raises(ImproperlyConfigured, match="insecure"):
        choose_secret_key("short", debug=False)


def test_the_dev_key_never_counts_as_strong() -> None:
    assert not is_strong_secret_key(DEV_SECRET_KEY)
    assert not is_strong_secret_key("a" * 60)  # one distinct character
    assert is_strong_secret_key(STRONG_KEY)


def test_allowed_hosts_are_required_outside_debug() -> None:
    assert choose_allowed_hosts([], debug=True) == ["localhost", "127.0.0.1", "[::1]"]
    assert choose_allowed_hosts(["x.example"], debug=False) == ["x.example"]
    with pytest.raises(ImproperlyConfigured, match="LYNCHPIN_ALLOWED_HOSTS"):
        choose_allowed_hosts([], debug=False)


def test_test_run_uses_a_throwaway_data_dir_and_immediate_tasks() -> None:
    from django.conf import settings

    assert "lynchpin-test-" in str(settings.DATA_DIR)
    assert settings.TASKS["default"]["BACKEND"].endswith("ImmediateBackend")
    assert settings.LYNCHPIN_MAX_UPLOAD_BYTES == 20 * 1024 * 1024
