"""Close a listening socket without resetting the connections queued on it (Linux).

When the last descriptor of a listening socket closes, the kernel resets every connection in
its backlog: handshakes it completed for clients that, from their side, are connected and may
have sent their request. A stopping worker takes the backlog first (``worker.py``), but under
load new connections keep arriving until the very close: between the last ``accept`` and the
``close`` a few were still reset (0 to 2 in each stop of 32 clients).

So, on a stop of the whole server, the listening socket first stops taking new connections
while it keeps the ones it has: a classic BPF filter drops every bare SYN (a new handshake),
and lets through everything else (the last ACK of a handshake under way, which then joins the
backlog). A client whose SYN is dropped sends it again a second later, and then finds the port
closed: refused, which it knows to retry, never reset. Only a stop of the whole server may do
this: the socket is shared with every worker, and on a reload (SIGHUP) the new workers go on
accepting from it. The master closes its own descriptors before it tells the workers to stop,
and keeps them on a reload: that is how a worker tells the two apart (``master_holds``).
"""

from __future__ import annotations

import ctypes
import os
import socket
import sys

# setsockopt(SOL_SOCKET, SO_ATTACH_FILTER): Linux's, absent from Python's socket module.
SO_ATTACH_FILTER = 26
# Classic BPF opcodes (linux/filter.h) of the program below.
_LD_B_ABS, _JSET_K, _RET_K = 0x30, 0x45, 0x06
_SYN, _ACK = 0x02, 0x10
_TCP_FLAGS = 13  # the flags' byte in the TCP header, where a TCP socket's filter starts


class _Instruction(ctypes.Structure):
    _fields_ = [
        ("code", ctypes.c_uint16),
        ("jt", ctypes.c_uint8),
        ("jf", ctypes.c_uint8),
        ("k", ctypes.c_uint32),
    ]


class _Program(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.POINTER(_Instruction))]


# Drop a segment with SYN and without ACK (a new handshake); keep everything else.
_DROP_BARE_SYN = (
    (_LD_B_ABS, 0, 0, _TCP_FLAGS),  # A = the TCP flags
    (_JSET_K, 0, 2, _SYN),  # no SYN: keep
    (_JSET_K, 1, 0, _ACK),  # SYN and ACK: keep
    (_RET_K, 0, 0, 0),  # a bare SYN: drop
    (_RET_K, 0, 0, 0xFFFFFFFF),  # keep, whole
)


def refuse_new_connections(sock: socket.socket) -> bool:
    """Make ``sock`` drop new handshakes and keep its backlog; False where that cannot be done."""
    if not sys.platform.startswith("linux"):
        return False
    instructions = (_Instruction * len(_DROP_BARE_SYN))(
        *(_Instruction(*step) for step in _DROP_BARE_SYN)
    )
    program = _Program(len(_DROP_BARE_SYN), instructions)
    try:
        sock.setsockopt(socket.SOL_SOCKET, SO_ATTACH_FILTER, bytes(program))
    except OSError:
        return False
    return True


def master_holds(pid: int, sock: socket.socket) -> bool:
    """Tell whether process ``pid`` has ``sock`` open; True when that cannot be told.

    Read from /proc/<pid>/fd, whose links name a socket by its inode: "socket:[123]".
    """
    try:
        name = f"socket:[{os.fstat(sock.fileno()).st_ino}]"
        folder = f"/proc/{pid}/fd"
        return any(_link(f"{folder}/{fd}") == name for fd in os.listdir(folder))
    except OSError:
        return True


def _link(path: str) -> str:
    try:
        return os.readlink(path)
    except OSError:
        return ""  # closed meanwhile
