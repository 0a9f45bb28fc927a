"""Where the server may send requests on an organisation's behalf: public addresses
only. An address an organisation chose (its LLM endpoint, later its web sources and
webhooks) must not reach the deployment's own network: loopback, private ranges,
link-local (the cloud metadata service at 169.254.169.254), carrier-grade NAT, reserved
and multicast addresses are refused, unless the operator lists the host as allowed."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Collection
from urllib.parse import urlsplit


class AddressRefused(ValueError):
    """The URL leads somewhere the server may not call; the message says why."""


def check_outbound_url(url: str, *, allowed_hosts: Collection[str]) -> None:
    """Raise AddressRefused unless every address `url`'s host resolves to is public (or
    the host is in `allowed_hosts`, compared without case)."""
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
    except ValueError as exc:  # a bad IPv6 literal
        raise AddressRefused(f"{url!r} is not a valid URL: {exc}") from exc
    if parts.scheme not in ("http", "https") or not host:
        raise AddressRefused(f"{url!r} is not an http(s) URL with a host")
    if host in {h.lower() for h in allowed_hosts}:
        return
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
        resolved = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, ValueError) as exc:
        raise AddressRefused(f"the host {host!r} cannot be resolved") from exc
    for *_, address in resolved:
        if not is_public(str(address[0])):
            raise AddressRefused(
                f"the host {host!r} resolves to {address[0]}, an internal address: the "
                "operator must allow the host to call it"
            )


def is_public(address: str) -> bool:
    """A globally routable unicast address (an IPv4-mapped IPv6 address is judged as
    the IPv4 address it carries)."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast
