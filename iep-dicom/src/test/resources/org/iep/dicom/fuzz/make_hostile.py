#!/usr/bin/env python3
"""Writes the hand-made hostile inputs of the Part 10 fuzz target (run from this directory; output is committed)."""
import struct

OUT = "Part10ReaderFuzzTestInputs/readWriteAndRewrite/"


def el(group, elem, vr, value, length=None):
    """Explicit VR little endian element; length overrides the true length (to lie)."""
    n = len(value) if length is None else length
    head = struct.pack("<HH", group, elem) + vr.encode()
    if vr in ("OB", "OW", "OF", "SQ", "UT", "UN", "UC", "UR", "OD", "OL", "OV", "SV", "UV"):
        return head + b"\0\0" + struct.pack("<I", n) + value
    return head + struct.pack("<H", n) + value


def meta(ts=b"1.2.840.10008.1.2.1\0", group_length=None):
    body = (el(2, 1, "OB", b"\0\1") + el(2, 2, "UI", b"1.2.840.10008.5.1.4.1.1.7\0")
            + el(2, 3, "UI", b"1.2.3.4\0") + el(2, 0x10, "UI", ts))
    gl = len(body) if group_length is None else group_length
    return b"\0" * 128 + b"DICM" + el(2, 0, "UL", struct.pack("<I", gl)) + body


def write(name, data):
    with open(OUT + "hostile-" + name, "wb") as f:
        f.write(data)


write("lying-group-length", meta(group_length=0xFFFFFFF0) + el(0x10, 0x10, "PN", b"A^B "))
write("huge-element-length", meta() + el(0x10, 0x10, "PN", b"A^B ") + el(0x0009, 0x1010, "OB", b"\1\2", 0xFFFFFFF0))
write("huge-sequence-length", meta() + el(0x0008, 0x1140, "SQ", b"", 0x7FFFFFF0))
nest = b""
for _ in range(3000):
    nest += el(0x0008, 0x1140, "SQ", b"", 0xFFFFFFFF) + struct.pack("<HHI", 0xFFFE, 0xE000, 0xFFFFFFFF)
write("deep-nesting", meta() + nest)
image = (el(0x28, 2, "US", struct.pack("<H", 3)) + el(0x28, 8, "IS", b"2147483647")
         + el(0x28, 0x10, "US", struct.pack("<H", 65535)) + el(0x28, 0x11, "US", struct.pack("<H", 65535))
         + el(0x28, 0x100, "US", struct.pack("<H", 16)) + el(0x7FE0, 0x10, "OW", b"\0\0\0\0"))
write("rows-columns-overflow", meta() + image)
write("undefined-length-text", meta() + el(0x10, 0x10, "UT", b"abc", 0xFFFFFFFF))
write("truncated-mid-value", (meta() + el(0x10, 0x10, "LO", b"ABCDEFGH"))[:-3])
write("odd-length-everywhere", meta() + el(0x10, 0x10, "PN", b"ABC") + el(0x10, 0x20, "LO", b"X"))
write("deflated-garbage", meta(b"1.2.840.10008.1.2.1.99\0") + b"\xff" * 64)
write("item-outside-sequence", meta() + struct.pack("<HHI", 0xFFFE, 0xE000, 8) + b"\0" * 8)
write("encapsulated-huge-fragment", meta(b"1.2.840.10008.1.2.4.50\0") + el(0x7FE0, 0x10, "OB", b"", 0xFFFFFFFF)
      + struct.pack("<HHI", 0xFFFE, 0xE000, 0) + struct.pack("<HHI", 0xFFFE, 0xE000, 0xFFFFFFF0) + b"\xff\xd8")
