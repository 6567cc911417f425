"""``dyad serve`` as a user runs it: a subprocess serving a store on 127.0.0.1."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_serve_command_serves_the_store(web_store_dir: Path) -> None:
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "dyad", "serve", "--store", str(web_store_dir), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        info = None
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                info = httpx.get(f"http://127.0.0.1:{port}/api/info", timeout=2).json()
                break
            except httpx.HTTPError:
                time.sleep(0.2)
        assert info is not None, proc.stderr.read() if proc.poll() is not None else "server did not answer"
        assert info["counts"]["documents"] == 4 and info["token_required"] is False
        page = httpx.get(f"http://127.0.0.1:{port}/")
        assert page.status_code == 200 and "<main" in page.text
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_serve_refuses_a_missing_store(tmp_path: Path) -> None:
    r = subprocess.run([sys.executable, "-m", "dyad", "serve", "--store", str(tmp_path / "nothing"), "--port", "1"],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode != 0
    assert "no dyad store" in r.stderr and "Traceback" not in r.stderr
    assert not (tmp_path / "nothing").exists()
