"""Loaded at start-up by any Python that has this folder on PYTHONPATH (the offline test's kernels).

Every connection or name lookup for a host that is not this machine fails at once, before anything is
sent, and is written to the file named by OFFLINE_GUARD_LOG, so the test can say exactly what tried to
reach the network. Loopback stays open: the kernel talks to Jupyter over it.
"""
import ipaddress
import os
import socket

_LOG = os.environ.get("OFFLINE_GUARD_LOG", "")
_LOCAL_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost", ""}


def _is_local(host) -> bool:
    if isinstance(host, bytes):
        host = host.decode(errors="replace")
    if not isinstance(host, str) or host in _LOCAL_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False


def _refuse(what):
    if _LOG:
        with open(_LOG, "a", encoding="utf-8") as log:
            log.write(f"{what}\n")
    raise OSError(f"network access blocked by the offline test: {what}")


_connect, _connect_ex, _getaddrinfo = socket.socket.connect, socket.socket.connect_ex, socket.getaddrinfo


def connect(self, address):
    if isinstance(address, tuple) and not _is_local(address[0]):
        _refuse(address)
    return _connect(self, address)


def connect_ex(self, address):
    if isinstance(address, tuple) and not _is_local(address[0]):
        _refuse(address)
    return _connect_ex(self, address)


def getaddrinfo(host, *args, **kwargs):
    if not _is_local(host):
        _refuse(f"name lookup {host!r}")
    return _getaddrinfo(host, *args, **kwargs)


socket.socket.connect = connect
socket.socket.connect_ex = connect_ex
socket.getaddrinfo = getaddrinfo
