"""Private, loopback and other non-public targets are refused before any connection, in every spelling."""

from __future__ import annotations

import ipaddress

import pytest

from redline.errors import FetchError
from redline.sources.addresses import AddressPolicy, Refused, literal_address
from redline.sources.web import HttpFetcher


def no_dns(host: str, port: int) -> list[str]:
    raise AssertionError(f"{host} was looked up: a literal address must be checked without DNS")


@pytest.mark.parametrize("host, address", [
    ("2130706433", "127.0.0.1"),
    ("0x7f.1", "127.0.0.1"),
    ("0x7f000001", "127.0.0.1"),
    ("0177.0.0.1", "127.0.0.1"),
    ("127.1", "127.0.0.1"),
    ("10.0.0.1", "10.0.0.1"),
    ("[::1]", "::1"),
    ("[::ffff:127.0.0.1]", "127.0.0.1"),
    ("[::ffff:7f00:1]", "127.0.0.1"),
    ("169.254.169.254", "169.254.169.254"),
])
def test_addresses_literal_forms(host: str, address: str) -> None:
    assert literal_address(host) == ipaddress.ip_address(address)


@pytest.mark.parametrize("host", ["example.org", "256.1.1.1", "1.2.3.4.5", "0x", "news.0x7f"])
def test_addresses_names_are_not_literals(host: str) -> None:
    assert literal_address(host) is None or host == "0x"


@pytest.mark.parametrize("url, problem", [
    ("http://2130706433/", "loopback address 127.0.0.1"),
    ("http://0x7f.1/", "loopback address 127.0.0.1"),
    ("http://0177.0.0.1/", "loopback address 127.0.0.1"),
    ("http://[::1]/", "loopback address ::1"),
    ("http://[::ffff:127.0.0.1]/", "loopback address 127.0.0.1"),
    ("http://10.0.0.1/", "private address 10.0.0.1"),
    ("http://192.168.1.20:8080/admin", "private address 192.168.1.20"),
    ("http://169.254.169.254/latest/meta-data/", "link-local address 169.254.169.254"),
    ("http://[fe80::1]/", "link-local address fe80::1"),
    ("http://224.0.0.1/", "multicast address 224.0.0.1"),
    ("http://0.0.0.0/", "unspecified address 0.0.0.0"),
    ("http://240.0.0.1/", "reserved address 240.0.0.1"),
    ("http://100.64.0.1/", "non-public address 100.64.0.1"),
])
def test_addresses_fetcher_refuses_before_connecting(url: str, problem: str) -> None:
    with HttpFetcher(resolve=no_dns, retries=0) as fetcher, pytest.raises(FetchError) as err:
        fetcher.fetch(url)
    assert str(err.value) == f"{url}: refused: {problem} (use --allow-private to allow)"


def test_addresses_every_address_of_a_name_is_checked() -> None:
    policy = AddressPolicy()
    with pytest.raises(Refused) as err:
        policy.addresses("mixed.example", 80, lambda host, port: ["93.184.215.14", "10.1.2.3"])
    assert err.value.problem == "private address 10.1.2.3"


def test_addresses_public_name_is_pinned_to_its_checked_addresses() -> None:
    policy = AddressPolicy()
    found = policy.addresses("news.example", 443, lambda host, port: ["93.184.215.14", "2606:2800:21f:cb07::1"])
    assert [str(a) for a in found] == ["93.184.215.14", "2606:2800:21f:cb07::1"]


def test_addresses_allowed_network_lifts_only_that_network() -> None:
    policy = AddressPolicy.of(allow_networks=["10.1.2.0/24"])
    assert [str(a) for a in policy.addresses("10.1.2.7", 80, no_dns)] == ["10.1.2.7"]
    with pytest.raises(Refused):
        policy.addresses("10.1.3.7", 80, no_dns)


def test_addresses_allow_private_skips_the_check() -> None:
    assert AddressPolicy(allow_private=True).addresses("127.0.0.1", 80, no_dns) == []


def test_addresses_unresolvable_name_is_one_line() -> None:
    with HttpFetcher(retries=0) as fetcher, pytest.raises(FetchError) as err:
        fetcher.fetch("http://no-such-host.invalid/a")
    assert str(err.value) == "http://no-such-host.invalid/a: cannot resolve the host name 'no-such-host.invalid'"


def test_addresses_other_schemes_are_refused() -> None:
    with HttpFetcher() as fetcher, pytest.raises(FetchError) as err:
        fetcher.fetch("file:///etc/passwd")
    assert str(err.value) == "file:///etc/passwd: not an http or https URL"
