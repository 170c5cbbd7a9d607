"""Fetching URLs safely and politely.

``Fetcher.get(url)`` GETs one URL and raises ``FetchError`` with a coded reason:

* only public addresses are reached (``_guard``): the host of the URL and of
  every redirect is resolved and refused (E023) if any address is loopback,
  private, link-local, multicast, reserved or unspecified, unless it lies in
  ``[fetch] allow_networks``; redirects are followed here, at most
  ``[fetch] max_redirects`` (E024), and only to http(s);
* one URL takes at most ``[fetch] deadline`` seconds in all - robots.txt,
  redirects, retries and the body (E025) - on top of the per-read
  ``[fetch] timeout`` (E009);
* the body is read as a stream and cut off past ``[read] max_bytes`` (E005);
  a gzip-encoded body is inflated here within the same limit and
  ``[read] max_compression_ratio`` (E026);
* credentials in the URL (``user:pass@``) are sent, as HTTP basic auth, only to
  the URL's own host, and never appear in ``Fetched.url`` or in a message;
* robots.txt is respected (E014) for every host visited, with one parser per
  host cached for the fetcher's lifetime; transient failures are retried with
  backoff (``[fetch] retries``).

The fetcher owns an ``httpx.Client`` on ``GuardedTransport`` unless one is
injected (tests): an injected client's transport is used as it is, and the URL
checks above still apply (a host the checks cannot resolve is left to it).
"""

from __future__ import annotations

import time
import urllib.robotparser
from collections.abc import Iterator
from dataclasses import dataclass

import httpx

from eventwire.config import Settings
from eventwire.errors import FetchError, InputError
from eventwire.read._common import strip_credentials
from eventwire.read._guard import AddressPolicy, Deadline, GuardedTransport, Refused, Resolver
from eventwire.read._inflate import CorruptStream, Inflater, Limits

_RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
_REDIRECT_STATUS = frozenset({301, 302, 303, 307, 308})
_ROBOTS_MAX_BYTES = 512_000
_CHUNK = 1 << 16


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str
    content: bytes
    content_type: str


@dataclass(frozen=True, slots=True)
class _Target:
    """A URL to fetch: ``url`` without credentials (what is shown), and the credentials for its own host."""

    url: str
    auth: tuple[str, str] | None
    origin: tuple[str, str, int | None]

    @classmethod
    def of(cls, given: str) -> _Target:
        clean = strip_credentials(given)
        try:
            parsed = httpx.URL(given)
        except httpx.InvalidURL as exc:
            raise FetchError("E009", clean, f"not a valid URL ({exc})") from None
        auth = (parsed.username, parsed.password) if parsed.username or parsed.password else None
        return cls(clean, auth, _origin(parsed))

    def auth_for(self, url: httpx.URL) -> tuple[str, str] | None:
        return self.auth if _origin(url) == self.origin else None


def _origin(url: httpx.URL) -> tuple[str, str, int | None]:
    return url.scheme, url.host, url.port


def is_url(text: str) -> bool:
    return text.startswith(("http://", "https://"))


class Fetcher:
    """GETs URLs for the readers; see the module docstring for what it refuses and why."""

    def __init__(self, settings: Settings, client: httpx.Client | None = None,
                 resolver: Resolver | None = None) -> None:
        self.settings = settings.fetch
        self.max_bytes = settings.read.max_bytes
        self.limits = Limits(settings.read.max_bytes, settings.read.max_compression_ratio, "max_bytes")
        self.policy = AddressPolicy(self.settings.allow_networks, resolver)
        self.deadline = Deadline()
        self._own = client is None
        self.client = client or httpx.Client(
            transport=GuardedTransport(self.policy, self.deadline), timeout=self.settings.timeout,
            follow_redirects=False, headers={"User-Agent": self.settings.user_agent})
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}

    def close(self) -> None:
        if self._own:
            self.client.close()

    def get(self, url: str) -> Fetched:
        """The response to ``url`` after redirects; FetchError (E005, E009, E014, E023-E026) otherwise."""
        target = _Target.of(url)
        self.deadline.start(self.settings.deadline)
        try:
            status, fetched = self._get_with_retries(target)
        finally:
            self.deadline.clear()
        if fetched is None:
            raise FetchError("E009", target.url, f"HTTP {status}")
        return fetched

    # -- attempts -----------------------------------------------------------------
    def _get_with_retries(self, target: _Target) -> tuple[int, Fetched | None]:
        attempts = self.settings.retries + 1
        for attempt in range(attempts):
            try:
                status, fetched = self._follow(target, self.max_bytes, robots=self.settings.respect_robots)
            except httpx.TimeoutException:
                self._check_deadline(target)
                problem = f"timed out after {self.settings.timeout:g}s"
            except httpx.HTTPError as exc:
                problem = f"{exc.__class__.__name__}: {str(exc)[:120]}"
            else:
                if status not in _RETRY_STATUS or attempt == attempts - 1:
                    return status, fetched
                problem = f"HTTP {status}"
            if attempt < attempts - 1:
                self._pause(min(0.25 * 2**attempt, 2.0), target)
        raise FetchError("E009", target.url, f"{problem} ({attempts} attempt{'s' * (attempts > 1)})")

    def _pause(self, seconds: float, target: _Target) -> None:
        left = self.deadline.left()
        time.sleep(max(min(seconds, left if left is not None else seconds), 0))
        self._check_deadline(target)

    def _check_deadline(self, target: _Target) -> None:
        if self.deadline.expired():
            raise FetchError("E025", target.url, f"more than {self.settings.deadline:g}s ([fetch] deadline)")

    # -- one attempt: the redirect chain ----------------------------------------------
    def _follow(self, target: _Target, cap: int, *, robots: bool) -> tuple[int, Fetched | None]:
        """GET ``target`` and the redirects it leads to, each checked; the final status and body."""
        url = httpx.URL(target.url)
        for hop in range(self.settings.max_redirects + 1):
            self._check_address(url, target, hop)
            if robots and not self._robots_allow(url, target):
                raise FetchError("E014", target.url, f"it redirects to {url}" if hop else "")
            try:
                with self._stream(url, target) as response:
                    location = response.headers.get("location") if response.status_code in _REDIRECT_STATUS else None
                    if location is None:
                        return response.status_code, self._body(response, target, cap)
            except Refused as refused:  # the name changed its answer since _check_address
                raise _refusal(refused, url, target, hop) from None
            url = _redirect_target(url, location, target)
        raise FetchError("E024", target.url, f"more than {self.settings.max_redirects} redirects")

    def _check_address(self, url: httpx.URL, target: _Target, hop: int) -> None:
        """E023 when the URL's host stands for an address that may not be fetched (see ``_guard``)."""
        try:
            self.policy.addresses(url.raw_host.decode("ascii"), url.port or (443 if url.scheme == "https" else 80))
        except Refused as refused:
            raise _refusal(refused, url, target, hop) from None
        except (OSError, ValueError, UnicodeError):
            pass  # unresolvable here: the transport resolves (and checks) again, or fails to connect

    def _stream(self, url: httpx.URL, target: _Target):  # noqa: ANN202 - httpx's stream context manager
        return self.client.stream("GET", url, auth=target.auth_for(url), follow_redirects=False,
                                  headers={"Accept-Encoding": "gzip"}, timeout=self.settings.timeout)

    def _body(self, response: httpx.Response, target: _Target, cap: int) -> Fetched | None:
        """The body (None for HTTP errors), read as a stream within ``cap`` bytes and the deadline."""
        if response.status_code >= 400:
            return None
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > cap:
            raise FetchError("E005", target.url, f"the server announces {declared} bytes > {cap} ([read] max_bytes)")
        if response.is_stream_consumed:  # built in memory (an injected mock transport): already decoded
            chunks: Iterator[bytes] = iter((response.content,))
            decoder = _BodyDecoder("", target.url, self.limits)
        else:
            chunks = response.iter_raw(_CHUNK)
            decoder = _BodyDecoder(response.headers.get("content-encoding", ""), target.url,
                                   Limits(cap, self.limits.max_ratio, self.limits.setting))
        body = bytearray()
        for raw in chunks:
            self._check_deadline(target)
            for piece in decoder.feed(raw):
                body += piece
                if len(body) > cap:
                    raise FetchError("E005", target.url, f"more than {cap} bytes ([read] max_bytes)")
        decoder.finish()
        return Fetched(str(response.url), bytes(body), response.headers.get("content-type", ""))

    # -- robots.txt ---------------------------------------------------------------------
    def _robots_allow(self, url: httpx.URL, target: _Target) -> bool:
        root = f"{url.scheme}://{url.netloc.decode('ascii')}"
        if root not in self._robots:
            self._robots[root] = self._load_robots(root, target)
        parser = self._robots[root]
        return parser is None or parser.can_fetch(self.settings.user_agent, str(url))

    def _load_robots(self, root: str, page: _Target) -> urllib.robotparser.RobotFileParser | None:
        """The host's robots.txt; None (allow) when it is missing, unreachable or refused."""
        robots = _Target(f"{root}/robots.txt", page.auth, page.origin)
        try:
            status, fetched = self._follow(robots, _ROBOTS_MAX_BYTES, robots=False)
        except FetchError as err:
            if err.code == "E025":
                raise FetchError("E025", page.url, err.message.partition(": ")[2]) from None
            return None
        except httpx.HTTPError:
            self._check_deadline(page)
            return None
        parser = urllib.robotparser.RobotFileParser()
        if status in (401, 403):
            parser.disallow_all = True
        elif fetched is None:
            return None
        else:
            parser.parse(fetched.content.decode("utf-8", "replace").splitlines())
        return parser


def _redirect_target(current: httpx.URL, location: str, target: _Target) -> httpx.URL:
    """Where a redirect leads (relative to ``current``), without credentials or fragment; only http(s)."""
    try:
        url = current.join(strip_credentials(location.strip())).copy_with(fragment=None)
    except (httpx.InvalidURL, ValueError) as exc:
        raise FetchError("E009", target.url, f"the server redirects to an invalid address ({exc})") from None
    if url.scheme not in ("http", "https"):
        raise FetchError("E009", target.url, f"the server redirects to a {url.scheme or 'relative'}: address, "
                                             "which is not fetched")
    return url


def _refusal(refused: Refused, url: httpx.URL, target: _Target, hop: int) -> InputError:
    via = f"it redirects to {url}, and " if hop else ""
    literal = refused.host.strip("[]") == str(refused.address)
    where = f"{refused.address}" if literal else f"{refused.host} resolves to {refused.address}, which"
    return FetchError("E023", target.url, f"{via}{where} is {refused.why}")


class _BodyDecoder:
    """Raw body chunks to content: as they are, or inflated (gzip, deflate) within ``limits``."""

    def __init__(self, encoding: str, source: str, limits: Limits) -> None:
        self.encoding = encoding.strip().lower()
        self.source = source
        if self.encoding not in ("", "identity", "gzip", "x-gzip", "deflate"):
            raise FetchError("E009", source, f"the server sent an unsupported Content-Encoding {self.encoding!r}")
        self._inflater = Inflater(limits, source, auto=True) if self.encoding not in ("", "identity") else None

    def feed(self, raw: bytes) -> Iterator[bytes]:
        if self._inflater is None:
            if raw:
                yield raw
            return
        try:
            yield from self._inflater.feed(raw)
        except CorruptStream as exc:
            raise FetchError("E009", self.source, f"the {self.encoding} body is damaged: {exc}") from None

    def finish(self) -> None:
        """E009 when a compressed body was cut off."""
        if self._inflater is not None and self._inflater.consumed:
            try:
                self._inflater.finish()
            except CorruptStream as exc:
                raise FetchError("E009", self.source, f"the {self.encoding} body is damaged: {exc}") from None
