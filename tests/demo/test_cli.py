"""``lynchpin demo``, ``serve`` and ``worker`` as a person runs them (one subprocess each).

The demo runs once per test module into a temporary LYNCHPIN_DATA_DIR (a fresh SQLite
file, as on a new checkout); the other tests reuse that database. DATABASE_URL is removed
from the children's environment except where a test sets it, so a PostgreSQL run of the
suite never writes demo users into a real database.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from http.cookiejar import CookieJar
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest

from lynchpin.core.roles import Role

SCRIPT = Path(sys.executable).with_name("lynchpin")
REPO = Path(__file__).resolve().parents[2]


def _env(data_dir: Path, **extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items()
           if key not in ("DATABASE_URL", "LYNCHPIN_TASKS_BACKEND")}
    env.update(LYNCHPIN_DATA_DIR=str(data_dir), **extra)
    return env


def _run(*args: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    command = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-m", "lynchpin.cli"]
    return subprocess.run([*command, *args], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=300, check=False)


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("demo-data")


#: The logins each data directory's last demo run printed (each xdist worker has its own).
LATEST: dict[Path, dict[str, str]] = {}


def _table_logins(output: str) -> dict[str, str]:
    """username -> password from the demo's table (rows ``│ label │ username │ password │``)."""
    rows = re.findall(r"│ [^│]+ │ ([a-z_]+)\s*│ ([A-Za-z0-9_-]{16})\s*│", output)
    return dict(rows)


@pytest.fixture(scope="module")
def first_run(demo_dir: Path) -> dict[str, Any]:
    """``lynchpin demo --no-serve --json`` on a fresh data directory, with a DATABASE_URL
    that must be ignored."""
    env = _env(demo_dir, DATABASE_URL="postgres://nobody@127.0.0.1:1/nowhere")
    result = _run("demo", "--no-serve", "--json", env=env, cwd=demo_dir)
    assert result.returncode == 0, result.stderr
    assert ("lynchpin: note: the demo ignores DATABASE_URL and uses SQLite in "
            "LYNCHPIN_DATA_DIR\n") in result.stderr
    document = json.loads(result.stdout)
    LATEST[demo_dir] = {user["username"]: user["password"] for user in document["users"]}
    return document


def test_json_is_exactly_the_url_and_one_user_per_role(first_run: dict[str, Any],
                                                       demo_dir: Path) -> None:
    assert set(first_run) == {"url", "users"}
    assert first_run["url"] == "http://127.0.0.1:8000"
    users = first_run["users"]
    assert [user["role"] for user in users] == [role.value for role in Role]
    assert all(set(user) == {"role", "username", "password"} for user in users)
    assert len({user["password"] for user in users}) == len(users)
    assert all(len(user["password"]) >= 12 for user in users)
    assert (demo_dir / "lynchpin.sqlite3").is_file()


def test_second_run_prints_the_table_with_new_passwords(first_run: dict[str, Any],
                                                        demo_dir: Path) -> None:
    result = _run("demo", "--no-serve", "--port", "8123", env=_env(demo_dir, COLUMNS="200"),
                  cwd=demo_dir)
    assert result.returncode == 0, result.stderr
    for role in Role:
        assert re.search(rf"│ {re.escape(str(role.label))}\s*│ {role.value}\s*│", result.stdout)
    logins = _table_logins(result.stdout)
    assert list(logins) == [user["username"] for user in first_run["users"]]
    assert not set(logins.values()) & {user["password"] for user in first_run["users"]}
    assert "Open http://127.0.0.1:8123/ and log in" in result.stdout
    LATEST[demo_dir] = logins


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def server(demo_dir: Path, first_run: dict[str, Any]) -> Iterator[str]:
    """``lynchpin serve --port N`` on the demo database; its address."""
    port = _free_port()
    command = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-m", "lynchpin.cli"]
    process = subprocess.Popen([*command, "serve", "--port", str(port)], cwd=demo_dir,
                               env=_env(demo_dir), stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_for(url, process)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)


def _wait_for(url: str, process: subprocess.Popen[str]) -> None:
    for _ in range(300):
        if process.poll() is not None:
            raise AssertionError(f"serve exited: {process.stdout.read() if process.stdout else ''}")
        try:
            with urllib.request.urlopen(f"{url}/healthz", timeout=2) as response:
                if response.read() == b"ok":
                    return
        except (urllib.error.URLError, OSError):
            time.sleep(0.1)
    raise AssertionError(f"no answer from {url}/healthz")


def test_serve_lets_the_demo_producer_log_in(server: str, demo_dir: Path) -> None:
    producer = {"username": "producer", "password": LATEST[demo_dir]["producer"]}
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
    with opener.open(f"{server}/accounts/login/") as response:
        page = response.read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert token is not None
    form = {"username": producer["username"], "password": producer["password"],
            "csrfmiddlewaretoken": token.group(1), "next": "/productions/"}
    request = urllib.request.Request(f"{server}/accounts/login/", data=urlencode(form).encode(),
                                     headers={"Referer": f"{server}/accounts/login/"})
    with opener.open(request) as response:
        assert response.url == f"{server}/productions/"
        assert "The Night Ferry" in response.read().decode()


def test_serve_refuses_a_database_without_migrations(tmp_path: Path) -> None:
    result = _run("serve", "--port", str(_free_port()), env=_env(tmp_path), cwd=tmp_path)
    assert result.returncode == 2
    assert re.fullmatch(r"lynchpin: error: the database lacks \d+ migration\(s\): run "
                        r"`lynchpin serve --migrate` \(or `lynchpin demo` for the demo "
                        r"production\)\n", result.stderr)


def test_worker_batch_runs_and_exits(demo_dir: Path, first_run: dict[str, Any]) -> None:
    result = _run("worker", "--batch", env=_env(demo_dir), cwd=demo_dir)
    assert result.returncode == 0, result.stderr


def test_worker_refuses_the_immediate_backend(tmp_path: Path) -> None:
    result = _run("worker", env=_env(tmp_path, LYNCHPIN_TASKS_BACKEND="immediate"),
                  cwd=tmp_path)
    assert result.returncode == 2
    assert "nothing for a worker to do" in result.stderr


def test_bad_setting_is_one_line_and_exit_2(tmp_path: Path) -> None:
    result = _run("demo", "--no-serve", env=_env(tmp_path, LYNCHPIN_DEBUG="maybe"), cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("lynchpin: error: environment variable LYNCHPIN_DEBUG=")
    assert result.stderr.count("\n") == 1
