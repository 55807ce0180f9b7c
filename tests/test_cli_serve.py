"""`redline serve`: serves the dashboard in the foreground; exact one-line errors."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner

from redline.cli import main


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_cli_serve_prints_url_and_serves(sqlite_url: str) -> None:
    port = free_port()
    env = {**os.environ, "REDLINE_API_TOKEN": ""}
    proc = subprocess.Popen([sys.executable, "-m", "redline", "serve", "--db", sqlite_url, "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert line == f"redline dashboard on {sqlite_url}: http://127.0.0.1:{port}/  (Ctrl+C to stop)\n"
        for _ in range(100):
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/", timeout=2)
                break
            except httpx.ConnectError:
                import time

                time.sleep(0.1)
        assert response.status_code == 200
        assert "No briefs stored yet" in response.text
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=20)


def test_cli_serve_missing_extra_names_the_install_command(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "uvicorn", None)
    result = CliRunner().invoke(main, ["serve", "--db", "sqlite:///:memory:"])
    assert result.exit_code == 2
    assert result.output == "Error: redline serve: the web extra is not installed (pip install 'redline[web]')\n"


def test_cli_serve_bad_store_is_one_line(tmp_path: Path) -> None:
    db = tmp_path / "missing" / "x.db"
    result = CliRunner().invoke(main, ["serve", "--db", f"sqlite:///{db}"])
    assert result.exit_code == 2
    assert result.output == f"Error: {db}: directory does not exist\n"
