"""Freed memory kept for the next step of an import instead of being handed back to the system.

A large import allocates and frees hundreds of row-sized arrays; by default glibc hands each freed block
back, and the kernel finds and zeroes the same pages again for the next one (a third of a million-row
import's time, ~40,000 page faults). With blocks under 32 MB taken from the heap and up to 256 MB of
free heap kept, the memory (the process's own peak anyway) is reused instead. Linux with glibc only.
"""

from __future__ import annotations

import ctypes
import functools
import sys

_M_TRIM_THRESHOLD = -1  # free heap kept before it is returned to the system (glibc's malloc.h)
_M_MMAP_THRESHOLD = -3  # blocks at least this large are mapped and unmapped one by one
_KEEP_FREE_BYTES = 256 << 20
_MAP_FROM_BYTES = 32 << 20  # glibc's largest allowed value on 64-bit systems


@functools.cache
def keep_freed_memory() -> bool:
    """Ask glibc to keep freed memory for reuse (once per process); True when it agreed."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        mallopt = ctypes.CDLL(None).mallopt  # the C library this process already runs on
    except (OSError, AttributeError):
        return False
    mallopt.argtypes, mallopt.restype = (ctypes.c_int, ctypes.c_int), ctypes.c_int
    return bool(mallopt(_M_MMAP_THRESHOLD, _MAP_FROM_BYTES)) and bool(
        mallopt(_M_TRIM_THRESHOLD, _KEEP_FREE_BYTES)
    )
