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


def check_outbound_url(
    url: str,
    *,
    allowed_hosts: Collection[str],
    require_https: bool = False,
    allow_setting: str | None = None,
) -> None:
    """Raise AddressRefused unless every address `url`'s host resolves to is public (or
    the host is in `allowed_hosts`, compared without case)."""
    public_addresses(url, allowed_hosts=allowed_hosts, require_https=require_https,
                     allow_setting=allow_setting)  # fmt: skip


def public_addresses(
    url: str,
    *,
    allowed_hosts: Collection[str],
    require_https: bool = False,
    allow_setting: str | None = None,
) -> tuple[list[str], int]:
    """The addresses `url`'s host resolves to and the port, once every address is found
    public (any, for an allowed host). `require_https`: plain http only to an allowed host
    (a local receiver in tests). `allow_setting` names the setting in the refusal."""
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as exc:  # a bad IPv6 literal, a port that is no number
        raise AddressRefused(f"{url!r} is not a valid URL: {exc}") from exc
    if parts.scheme not in ("http", "https") or not host:
        raise AddressRefused(f"{url!r} is not an http(s) URL with a host")
    allowed = host_allowed(host, port, allowed_hosts)
    if require_https and parts.scheme != "https" and not allowed:
        listed = f" (plain http only to a host listed in {allow_setting})" if allow_setting else ""
        raise AddressRefused(f"{url!r} must be an https:// URL{listed}")
    return checked_addresses(host, port, allowed=allowed, allow_setting=allow_setting), port


def host_allowed(host: str, port: int, allowed_hosts: Collection[str]) -> bool:
    """Whether the operator listed the host: `name` for all its ports, `name:port` (or
    `[v6]:port`) for that port only; names without case."""
    host = host.lower().strip("[]")
    for entry in allowed_hosts:
        entry = entry.strip().lower()
        name, port_given = entry, None
        if entry.startswith("["):  # [::1] or [::1]:8080
            name, _, rest = entry[1:].partition("]")
            port_given = rest[1:] if rest.startswith(":") else None
        elif entry.count(":") == 1:  # name:port (a bare IPv6 address has several)
            name, port_given = entry.split(":")
        if name == host and (port_given is None or port_given == str(port)):
            return True
    return False


def checked_addresses(host: str, port: int, *, allowed: bool,
                      allow_setting: str | None = None) -> list[str]:  # fmt: skip
    """The addresses `host` resolves to, each public unless the host is `allowed`."""
    try:
        resolved = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, ValueError) as exc:
        raise AddressRefused(f"the host {host!r} cannot be resolved") from exc
    addresses = [str(address[0]) for *_, address in resolved]
    for address in [] if allowed else addresses:
        if not is_public(address):
            who = f"{allow_setting} lets the operator allow it" if allow_setting else (
                "the operator must allow the host to call it")  # fmt: skip
            raise AddressRefused(
                f"the host {host!r} resolves to {address}, an internal address ({who})"
            )
    return addresses


def is_public(address: str) -> bool:
    """A globally routable unicast address (an IPv4-mapped IPv6 address is judged as
    the IPv4 address it carries)."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast
