"""Which database servers an organisation's data source may reach: public addresses only
(DATA_SOURCES_ALLOWED_HOSTS lets the operator allow hosts of its own network, as
`host` or `host:port`), and never the deployment's own database server, whatever is
allowed. The address checked is the address connected to (no second DNS answer)."""

from __future__ import annotations

import socket
from collections.abc import Collection
from dataclasses import dataclass

from utils.outbound import AddressRefused, checked_addresses, host_allowed


class ServerRefused(ValueError):
    """The data source's server may not be reached; the message says why."""


@dataclass(frozen=True)
class ServerRule:
    allowed_hosts: tuple[str, ...] = ()
    # The deployment's own database servers as (host, port): the platform's DATABASE_URL.
    own_servers: tuple[tuple[str, int], ...] = ()

    def address(self, host: str, port: int) -> str:
        """The address to connect to for `host:port`, or ServerRefused."""
        try:
            addresses = checked_addresses(
                host, port, allowed=host_allowed(host, port, self.allowed_hosts),
                allow_setting="DATA_SOURCES_ALLOWED_HOSTS",
            )  # fmt: skip
        except AddressRefused as exc:
            raise ServerRefused(str(exc)) from exc
        if set(addresses) & _own_addresses(self.own_servers, port):
            raise ServerRefused(
                "this is the service's own database server: it cannot be a data source"
            )
        return addresses[0]


def _own_addresses(servers: Collection[tuple[str, int]], port: int) -> set[str]:
    found: set[str] = set()
    for host, own_port in servers:
        if own_port != port:
            continue
        if host.startswith("/"):  # a Unix socket folder: a server on this machine
            found |= {"127.0.0.1", "::1"}
            continue
        try:
            found |= {str(a[4][0]) for a in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)}
        except (socket.gaierror, UnicodeError):
            continue
    return found
