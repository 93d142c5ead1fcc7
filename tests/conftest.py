"""Every test runs against its own data home, in a fixed width, without colour, and with no network."""

from __future__ import annotations

import socket

import pytest
from typer.testing import CliRunner


class NetworkBlocked(RuntimeError):
    pass


def _blocked(*args, **kwargs):
    raise NetworkBlocked("numretire tests must not touch the network")


@pytest.fixture(autouse=True)
def _no_network(monkeypatch):
    monkeypatch.setattr(socket.socket, "connect", _blocked)
    monkeypatch.setattr(socket.socket, "connect_ex", _blocked)
    monkeypatch.setattr(socket, "create_connection", _blocked)
    monkeypatch.setattr(socket, "getaddrinfo", _blocked)


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    path = tmp_path / "home"
    monkeypatch.setenv("NUMRETIRE_HOME", str(path))
    for var in ("NUMRETIRE_LANG", "NUMRETIRE_TODAY", "LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.setenv("NUMRETIRE_TODAY", "2026-11-24")
    return path


class Run:
    """Run the CLI in-process: run("status", "--json") -> result (exit_code, stdout, stderr)."""

    def __init__(self) -> None:
        self.runner = CliRunner()

    def __call__(self, *args: str, input: str | None = None, code: int | None = 0):
        from numretire.cli import app

        result = self.runner.invoke(app, list(args), input=input)
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception
        if code is not None:
            assert result.exit_code == code, (result.exit_code, result.stdout, result.stderr)
        return result

    def json(self, *args: str, code: int | None = 0):
        import json

        result = self(*args, "--json", code=code)
        return json.loads(result.stdout)


@pytest.fixture
def run():
    return Run()


@pytest.fixture
def retiring(run):
    """A profile for +86 138 1234 5678 with a new number and a cancellation date."""
    run("init", "13812345678", "--new", "13987654321", "--cancel-on", "2026-12-31", "--label", "main")
    return run
