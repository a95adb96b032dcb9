#!/usr/bin/env python3
"""Writes the seed and hostile inputs of the storage commitment fuzz target (run from this directory; output is
committed). Data sets are implicit VR little endian, as most peers send them."""
import struct

OUT = "StorageCommitmentFuzzTestInputs/requestAndResult/"


def el(group, elem, value, length=None):
    n = len(value) if length is None else length
    return struct.pack("<HHI", group, elem, n) + value


def uid(s):
    b = s.encode()
    return b + b"\0" if len(b) % 2 else b


def item(cls, inst, extra=b"", length=None):
    body = el(8, 0x1150, uid(cls)) + el(8, 0x1155, uid(inst)) + extra
    return struct.pack("<HHI", 0xFFFE, 0xE000, len(body) if length is None else length) + body


def seq(elem, items, undefined=False):
    body = b"".join(items)
    if undefined:
        return struct.pack("<HHI", 8, elem, 0xFFFFFFFF) + body + struct.pack("<HHI", 0xFFFE, 0xE0DD, 0)
    return el(8, elem, body)


def write(name, data):
    with open(OUT + name, "wb") as f:
        f.write(data)


CT = "1.2.840.10008.5.1.4.1.1.2"
write("seed-request", el(8, 0x1195, uid("2.25.1")) + seq(0x1199, [item(CT, "1.2.3.1"), item(CT, "1.2.3.2")]))
write("seed-result-failures", el(8, 0x1195, uid("2.25.1")) + seq(0x1198, [
    item(CT, "1.2.3.9", el(8, 0x1197, struct.pack("<H", 0x0112)))]) + seq(0x1199, [item(CT, "1.2.3.1")],
                                                                              undefined=True))
write("hostile-dotdot-instance", el(8, 0x1195, uid("2.25.1")) + seq(0x1199, [item(CT, "1.2.3/../4")]))
write("hostile-lying-item-length", el(8, 0x1195, uid("2.25.1")) + seq(0x1199, [item(CT, "1.2.3.1",
                                                                                     length=0x7FFFFFF0)]))
write("hostile-unterminated-sequence", el(8, 0x1195, uid("2.25.1"))
      + struct.pack("<HHI", 8, 0x1199, 0xFFFFFFFF) + item(CT, "1.2.3.1"))
write("hostile-failure-reason-as-text", el(8, 0x1195, uid("2.25.1")) + seq(0x1198, [
    item(CT, "1.2.3.9", el(8, 0x1197, b"XXXXXXXX"))]))
