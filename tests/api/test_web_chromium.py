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


OFFLINE = "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"   # no name but the server's resolves


def _csp_violations(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if "Content Security Policy" in line]


def test_page_runs_offline_under_its_csp(server, tmp_path):
    run = _chromium(tmp_path, OFFLINE, "--enable-logging=stderr", "--v=0", "--dump-dom", server + "/")
    assert 'data-id="ev-a"' in run.stdout
    assert _csp_violations(run.stderr) == []


@pytest.mark.parametrize("page, rendered", [
    ("/docs", 'data-path="/api/events"'),                         # Swagger UI drew the operations
    ("/redoc", 'data-section-id="operation/events_api_events_get"'),
])
def test_docs_render_offline_under_the_csp(server, tmp_path, page, rendered):
    run = _chromium(tmp_path, OFFLINE, "--enable-logging=stderr", "--v=0", "--dump-dom", server + page)
    assert rendered in run.stdout
    # all the CSP ever has to stop is ReDoc's footer logo, which ReDoc asks of its CDN
    assert all("cdn.redoc.ly/redoc/logo-mini.svg" in v for v in _csp_violations(run.stderr))
