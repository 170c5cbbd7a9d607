"""The web page in headless Chromium: the events from the API appear in the list and on the map."""

from __future__ import annotations

import shutil
import subprocess

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Debian chromium not installed (.ci/run installs it)")

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--virtual-time-budget=8000"]


def _chromium(tmp_path, *args):
    cmd = [CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=90)


def test_page_lists_events_and_draws_markers(server, tmp_path):
    dom = _chromium(tmp_path, "--dump-dom", server + "/").stdout
    assert 'data-id="ev-a"' in dom and 'data-id="ev-b"' in dom
    assert 'data-id="ev-c"' not in dom                  # background hidden by default
    assert "2 events" in dom
    assert dom.count("leaflet-interactive") >= 2        # two markers on the map
    assert "Shelling/artillery/missile attack" in dom


def test_page_screenshot_is_rendered(server, tmp_path):
    shot = tmp_path / "page.png"
    _chromium(tmp_path, f"--screenshot={shot}", "--window-size=1200,800", server + "/")
    assert shot.exists() and shot.stat().st_size > 10_000
