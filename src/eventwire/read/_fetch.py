"""Fetching URLs politely: timeouts, retries with backoff, a user agent, robots.txt.

``Fetcher`` wraps one ``httpx.Client`` (injected in tests, or made from
``settings.fetch``) and caches one robots.txt parser per host for its lifetime.
"""

from __future__ import annotations

import time
import urllib.robotparser
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from eventwire.config import Settings
from eventwire.errors import FetchError

_RETRY_STATUS = frozenset({429, 500, 502, 503, 504})


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str
    content: bytes
    content_type: str


def is_url(text: str) -> bool:
    return text.startswith(("http://", "https://"))


class Fetcher:
    """GETs URLs for the readers; raises FetchError (E009, E014, E005) with the URL."""

    def __init__(self, settings: Settings, client: httpx.Client | None = None) -> None:
        self.settings = settings.fetch
        self.max_bytes = settings.read.max_bytes
        self._own = client is None
        self.client = client or httpx.Client(
            timeout=self.settings.timeout, follow_redirects=True,
            headers={"User-Agent": self.settings.user_agent})
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}

    def close(self) -> None:
        if self._own:
            self.client.close()

    def get(self, url: str) -> Fetched:
        if self.settings.respect_robots and not self._allowed(url):
            raise FetchError("E014", url)
        status, fetched = self._get_with_retries(url)
        if fetched is None:
            raise FetchError("E009", url, f"HTTP {status}")
        return fetched

    def _get_with_retries(self, url: str) -> tuple[int, Fetched | None]:
        attempts = max(self.settings.retries, 0) + 1
        for attempt in range(attempts):
            try:
                status, fetched = self._get_once(url)
            except httpx.TimeoutException:
                problem = f"timed out after {self.settings.timeout:g}s"
            except httpx.HTTPError as exc:
                problem = f"{exc.__class__.__name__}: {str(exc)[:120]}"
            else:
                if status not in _RETRY_STATUS or attempt == attempts - 1:
                    return status, fetched
                problem = f"HTTP {status}"
            if attempt < attempts - 1:
                time.sleep(min(0.25 * 2**attempt, 2.0))
        raise FetchError("E009", url, f"{problem} ({attempts} attempt{'s' * (attempts > 1)})")

    def _get_once(self, url: str) -> tuple[int, Fetched | None]:
        """One GET, streamed so that a body over ``read.max_bytes`` is cut off early (E005)."""
        with self.client.stream("GET", url, timeout=self.settings.timeout) as response:
            if response.status_code >= 400:
                return response.status_code, None
            body = bytearray()
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) > self.max_bytes:
                    raise FetchError("E005", url, f"more than {self.max_bytes} bytes")
            ctype = response.headers.get("content-type", "")
            return response.status_code, Fetched(str(response.url), bytes(body), ctype)

    def _allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        root = f"{parts.scheme}://{parts.netloc}"
        if root not in self._robots:
            self._robots[root] = self._load_robots(root)
        parser = self._robots[root]
        return parser is None or parser.can_fetch(self.settings.user_agent, url)

    def _load_robots(self, root: str) -> urllib.robotparser.RobotFileParser | None:
        """The host's robots.txt; None (allow) when it is missing or unreachable."""
        try:
            response = self.client.get(f"{root}/robots.txt", timeout=self.settings.timeout)
        except httpx.HTTPError:
            return None
        parser = urllib.robotparser.RobotFileParser()
        if response.status_code in (401, 403):
            parser.disallow_all = True
        elif response.status_code >= 400:
            return None
        else:
            parser.parse(response.text.splitlines())
        return parser
