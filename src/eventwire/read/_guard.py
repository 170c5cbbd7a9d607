"""Which addresses a fetch may reach, and an httpx transport that holds every connection to it.

``AddressPolicy`` turns a host into the addresses it stands for (numeric forms
such as ``127.1``, ``2130706433``, ``0x7f000001`` and ``[::ffff:127.0.0.1]``
are read as the addresses the system would connect to; names go through the
resolver, by default ``socket.getaddrinfo``) and refuses (``Refused``) when any
of them is loopback, private, link-local, multicast, reserved, unspecified or
otherwise not public, unless it lies in a network of ``[fetch] allow_networks``.
IPv4 addresses embedded in IPv6 ones (mapped, 6to4, NAT64) are judged as IPv4.

``GuardedTransport`` is httpx's own transport whose connections are opened by
``_GuardedBackend``: it resolves the host itself, checks every address and
connects to a checked address, so a name that changes its answer between the
check and the connection (DNS rebinding) cannot slip through. Its streams also
honour a ``Deadline`` shared with the fetcher, so a server that sends one byte
at a time (even in its headers) cannot outlast ``[fetch] deadline``.
"""

from __future__ import annotations

import ipaddress
import re
import socket
import time
from collections.abc import Callable, Iterable
from typing import Any

import httpcore
import httpx

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], list[str]]

_NUMERIC_HOST = re.compile(r"[0-9][0-9a-fA-FxX.]*")
_NAT64 = ipaddress.ip_network("64:ff9b::/96")


class Refused(Exception):
    """A host stands for an address that may not be fetched."""

    def __init__(self, host: str, address: Address, why: str) -> None:
        self.host, self.address, self.why = host, address, why
        super().__init__(f"{host} is {address}, a {why} address")


def system_resolver(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to, as the system would connect (``socket.getaddrinfo``)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def literal_address(host: str) -> Address | None:
    """The address a numeric host stands for (any form ``inet_aton`` reads, or IPv6), else None."""
    host = host.strip("[]")
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        pass
    if _NUMERIC_HOST.fullmatch(host):
        try:
            return ipaddress.IPv4Address(socket.inet_aton(host))
        except OSError:
            return None
    return None


def non_public(address: Address) -> str | None:
    """Why ``address`` is not a public internet address (``"loopback"``, ``"private"``, ...), or None."""
    embedded = _embedded_ipv4(address)
    if embedded is not None:
        return non_public(embedded)
    for why, flag in (("loopback", address.is_loopback), ("unspecified", address.is_unspecified),
                      ("link-local", address.is_link_local), ("multicast", address.is_multicast),
                      ("reserved", address.is_reserved), ("private", address.is_private),
                      ("site-local", getattr(address, "is_site_local", False))):
        if flag:
            return why
    return None if address.is_global else "non-public"


def _embedded_ipv4(address: Address) -> ipaddress.IPv4Address | None:
    if not isinstance(address, ipaddress.IPv6Address):
        return None
    if address.ipv4_mapped or address.sixtofour:
        return address.ipv4_mapped or address.sixtofour
    if address in _NAT64:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


class AddressPolicy:
    """Public addresses, plus the networks the user allows (``[fetch] allow_networks``)."""

    def __init__(self, allow_networks: Iterable[str] = (), resolver: Resolver | None = None) -> None:
        self.allowed = tuple(ipaddress.ip_network(n, strict=False) for n in allow_networks)
        self.resolver = resolver or system_resolver

    def addresses(self, host: str, port: int) -> list[str]:
        """Every address of ``host``, each checked; Refused if one may not be fetched, OSError if none resolve."""
        literal = literal_address(host)
        found = [literal] if literal is not None else [ipaddress.ip_address(a) for a in self.resolver(host, port)]
        for address in found:
            self.check(host, address)
        return [str(address) for address in found]

    def check(self, host: str, address: Address) -> None:
        why = non_public(address)
        if why is not None and not self._allowed(address):
            raise Refused(host, address, why)

    def _allowed(self, address: Address) -> bool:
        candidates = [address] + [a for a in (_embedded_ipv4(address),) if a is not None]
        return any(a in network for a in candidates for network in self.allowed if a.version == network.version)


class Deadline:
    """When the current fetch must be over (``time.monotonic`` seconds), or None between fetches."""

    def __init__(self) -> None:
        self.at: float | None = None

    def start(self, seconds: float) -> None:
        self.at = time.monotonic() + seconds

    def clear(self) -> None:
        self.at = None

    def left(self) -> float | None:
        return None if self.at is None else self.at - time.monotonic()

    def expired(self) -> bool:
        left = self.left()
        return left is not None and left <= 0

    def cap(self, timeout: float | None, error: type[Exception]) -> float | None:
        """``timeout`` shortened to the time left; ``error`` when none is left."""
        left = self.left()
        if left is None:
            return timeout
        if left <= 0:
            raise error("the fetch deadline has passed")
        return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    """A connection whose every read and write ends by the deadline."""

    def __init__(self, stream: httpcore.NetworkStream, deadline: Deadline) -> None:
        self._stream, self._deadline = stream, deadline

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, self._deadline.cap(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, self._deadline.cap(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(self, ssl_context: Any, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore.NetworkStream:
        stream = self._stream.start_tls(ssl_context, server_hostname, self._deadline.cap(timeout, httpcore.ConnectTimeout))
        return _DeadlineStream(stream, self._deadline)

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class _GuardedBackend(httpcore.NetworkBackend):
    """Opens TCP connections only to checked addresses (see the module docstring)."""

    def __init__(self, policy: AddressPolicy, deadline: Deadline) -> None:
        self._policy, self._deadline = policy, deadline
        self._inner = httpcore.SyncBackend()

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                    socket_options: Iterable[Any] | None = None) -> httpcore.NetworkStream:
        try:
            addresses = self._policy.addresses(host, port)
        except OSError as exc:
            raise httpcore.ConnectError(f"{host} could not be resolved ({exc.strerror or exc})") from None
        problem: Exception = httpcore.ConnectError(f"{host} has no address")
        for address in addresses:
            try:
                stream = self._inner.connect_tcp(address, port, self._deadline.cap(timeout, httpcore.ConnectTimeout),
                                                 local_address, socket_options)
            except httpcore.ConnectError as exc:
                problem = exc
                continue
            return _DeadlineStream(stream, self._deadline)
        raise problem

    def connect_unix_socket(self, path: str, timeout: float | None = None,
                            socket_options: Iterable[Any] | None = None) -> httpcore.NetworkStream:
        raise httpcore.ConnectError("eventwire does not fetch over unix sockets")

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


class GuardedTransport(httpx.HTTPTransport):
    """httpx's transport with a connection pool on ``_GuardedBackend``.

    ``HTTPTransport`` takes no network backend, so its pool (the one attribute
    its methods use) is replaced by one built on the guarded backend.
    """

    def __init__(self, policy: AddressPolicy, deadline: Deadline) -> None:
        ssl_context = httpx.create_ssl_context()
        super().__init__(verify=ssl_context)
        self._pool = httpcore.ConnectionPool(ssl_context=ssl_context,
                                             network_backend=_GuardedBackend(policy, deadline))
