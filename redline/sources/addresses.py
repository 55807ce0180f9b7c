"""Which network addresses fetching may reach: public ones only, unless private ones are allowed.

A host is checked in every form a resolver accepts, before any connection: DNS names (every address they
resolve to), IPv4 written with decimal, hex or octal parts (``2130706433``, ``0x7f.1``, ``0177.0.0.1``),
IPv6 (``[::1]``) and IPv4-mapped IPv6 (``[::ffff:127.0.0.1]``). Over plain HTTP the fetcher then connects
to the exact address checked here, so a name cannot resolve to something else between check and connection.
"""

from __future__ import annotations

import ipaddress
import re
import socket
from collections.abc import Callable, Iterable
from dataclasses import dataclass

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
# host, port -> the addresses a connection may use, in the resolver's order of preference
Resolver = Callable[[str, int], list[str]]

ALLOW_HINT = "use --allow-private to allow"
_KINDS = (
    ("is_unspecified", "unspecified"),
    ("is_loopback", "loopback"),
    ("is_link_local", "link-local"),
    ("is_multicast", "multicast"),
    ("is_reserved", "reserved"),
    ("is_private", "private"),
)
_HEX_RE = re.compile(r"0[xX][0-9a-fA-F]*")
_OCTAL_RE = re.compile(r"0[0-7]+")
_DECIMAL_RE = re.compile(r"[0-9]+")


class Refused(Exception):
    """A host that fetching may not reach; ``problem`` reads like ``loopback address 127.0.0.1``."""

    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem


class Unresolvable(Exception):
    """A host name the resolver does not know."""


@dataclass(frozen=True)
class AddressPolicy:
    """Public addresses are always allowed; private ones when ``allow_private`` or inside ``allow_networks``."""

    allow_private: bool = False
    allow_networks: tuple[IPNetwork, ...] = ()

    @classmethod
    def of(cls, allow_private: bool = False, allow_networks: Iterable[str] = ()) -> AddressPolicy:
        """Build a policy from CIDR strings (``10.1.2.0/24``, ``127.0.0.1``); a bad one raises ValueError."""
        return cls(allow_private, tuple(ipaddress.ip_network(n.strip(), strict=False) for n in allow_networks))

    def problem(self, address: IPAddress) -> str | None:
        """Why ``address`` may not be reached, or None when it may."""
        if self.allow_private:
            return None
        mapped = address.ipv4_mapped if isinstance(address, ipaddress.IPv6Address) else None
        checked: IPAddress = mapped or address
        if any(checked in net or address in net for net in self.allow_networks):
            return None
        return address_problem(checked)

    def addresses(self, host: str, port: int, resolve: Resolver | None = None) -> list[IPAddress]:
        """The checked addresses to connect to for ``host``; [] when any address is allowed (no pinning).

        Raises Refused when the host, or any address it resolves to, may not be reached, and Unresolvable
        when the name does not resolve.
        """
        if self.allow_private:
            return []
        literal = literal_address(host)
        if literal is not None:
            found = [literal]
        else:
            found = [ipaddress.ip_address(a) for a in (resolve or system_resolve)(host, port)]
        for address in found:
            problem = self.problem(address)
            if problem is not None:
                raise Refused(problem)
        return found


def address_problem(address: IPAddress) -> str | None:
    """``loopback address 127.0.0.1`` and the like for a non-public address; None for a public one."""
    for attr, kind in _KINDS:
        if getattr(address, attr):
            return f"{kind} address {address}"
    if not address.is_global:  # e.g. 100.64.0.0/10, shared address space
        return f"non-public address {address}"
    return None


def literal_address(host: str) -> IPAddress | None:
    """The address a host names literally, in any form ``inet_aton`` reads; None for a DNS name."""
    bare = host.strip().removeprefix("[").removesuffix("]")
    try:
        address = ipaddress.ip_address(bare.split("%", 1)[0])  # drop an IPv6 zone id
    except ValueError:
        return _loose_ipv4(bare.rstrip("."))
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


def system_resolve(host: str, port: int) -> list[str]:
    """Every address of ``host`` from the system resolver, duplicates removed, order kept."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as e:
        raise Unresolvable(host) from e
    return list(dict.fromkeys(str(info[4][0]).split("%", 1)[0] for info in infos))


def _loose_ipv4(host: str) -> ipaddress.IPv4Address | None:
    """``2130706433``, ``0x7f.1``, ``0177.0.0.1``: one to four parts, the last filling the remaining bytes."""
    parts = host.split(".")
    if not 1 <= len(parts) <= 4:
        return None
    values = [_part(p) for p in parts]
    if any(v is None for v in values):
        return None
    *head, last = [v for v in values if v is not None]
    if any(v > 255 for v in head) or last >= 256 ** (4 - len(head)):
        return None
    number = 0
    for v in head:
        number = number * 256 + v
    return ipaddress.IPv4Address((number << 8 * (4 - len(head))) | last)


def _part(text: str) -> int | None:
    if _HEX_RE.fullmatch(text):
        return int(text[2:] or "0", 16)
    if _OCTAL_RE.fullmatch(text):
        return int(text, 8)
    if _DECIMAL_RE.fullmatch(text):
        return int(text)
    return None
