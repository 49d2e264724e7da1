"""Which addresses the fetcher may connect to, and the one name lookup per request.

An address is judged by the address it reaches. IPv6 has several ways of carrying an IPv4
address (``::ffff:127.0.0.1`` mapped, ``::ffff:0:127.0.0.1`` translated, ``::127.0.0.1``
compatible, ``64:ff9b::7f00:1`` NAT64, ``2002:7f00:1::`` 6to4): such an address is refused
when the IPv4 address inside it is. Site-local (``fec0::/10``, deprecated but still routed by
some networks), the local-use NAT64 prefix (``64:ff9b:1::/48``), loopback, private,
link-local, shared (carrier-grade NAT), reserved and multicast addresses are refused too.

A name is looked up once per request (:func:`resolve`), with a time limit; the fetcher then
connects to the address approved here and to no other (``ingest.transport``), so a DNS server
that answers differently a moment later (DNS rebinding) cannot redirect the connection.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
from collections.abc import Callable

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
# (host, port) -> the addresses the name resolves to, as text; replaced in tests.
Resolver = Callable[[str, int], list[str]]

_TRANSLATED = ipaddress.ip_network("::ffff:0:0:0/96")  # SIIT (RFC 6145)
_COMPATIBLE = ipaddress.ip_network("::/96")  # deprecated IPv4-compatible (RFC 4291)
_NAT64 = ipaddress.ip_network("64:ff9b::/96")  # well-known NAT64 prefix (RFC 6052)
_NAT64_LOCAL = ipaddress.ip_network("64:ff9b:1::/48")  # local-use NAT64 (RFC 8215)


def embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address carries (mapped, translated, compatible, NAT64 or
    6to4), or None."""
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    low = ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    if address in _TRANSLATED or address in _NAT64:
        return low
    if address in _COMPATIBLE and int(address) > 1:  # :: and ::1 are themselves, not IPv4
        return low
    return None


def refusal(address: IPAddress) -> str | None:
    """Why ``address`` must not be connected to (a few words), or None when it is public."""
    if isinstance(address, ipaddress.IPv6Address):
        if address.is_site_local:
            return "site-local"
        if address in _NAT64_LOCAL:
            return "local-use NAT64"
        inner = embedded_ipv4(address)
        if inner is not None:
            reason = refusal(inner)
            return None if reason is None else f"carries {inner}, {reason}"
    if address.is_multicast:
        return "multicast"
    if not address.is_global:
        return "not a public address"
    return None


def parse_address(text: str) -> IPAddress:
    """An address as getaddrinfo gives it (an IPv6 zone such as ``%eth0`` dropped)."""
    return ipaddress.ip_address(text.split("%", 1)[0])


def system_resolver(host: str, port: int) -> list[str]:
    """The addresses ``host`` resolves to (the system's resolver, TCP)."""
    infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def resolve(host: str, port: int, timeout: float, resolver: Resolver) -> list[str]:
    """``resolver(host, port)`` within ``timeout`` seconds (the system's resolver has no
    limit of its own: it runs in a helper thread, abandoned when too slow); a literal
    address is its own answer. Raises OSError when the name does not resolve in time."""
    try:
        return [str(parse_address(host))]
    except ValueError:
        pass
    answer: list[list[str]] = []
    failure: list[BaseException] = []

    def look_up() -> None:
        try:
            answer.append(resolver(host, port))
        except (OSError, UnicodeError, ValueError) as exc:
            failure.append(exc)

    helper = threading.Thread(target=look_up, name=f"resolve {host}", daemon=True)
    helper.start()
    helper.join(timeout)
    if failure:
        raise OSError(str(failure[0])) from failure[0]
    if not answer:
        raise OSError(f"no answer within {timeout:g} s")
    if not answer[0]:
        raise OSError("no address")
    return answer[0]


__all__ = ["Resolver", "embedded_ipv4", "parse_address", "refusal", "resolve",
           "system_resolver"]
