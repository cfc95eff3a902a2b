#!/usr/bin/env python3
"""Copies an .xlsx, ending each named part with one XML comment of MIB
mebibytes: a small file that inflates to huge parts, which the tests of
the reader's time bounds use.

    xlsx_comment.py IN OUT MIB PART [PART ...]

Each PART must be in IN (else exit 1, so a test cannot pass by making a
harmless file). Standard library only.
"""
import sys
import zipfile


def main(argv):
    if len(argv) < 5:
        sys.exit("usage: xlsx_comment.py IN OUT MIB PART [PART ...]")
    src, dst, mib, names = argv[1], argv[2], float(argv[3]), argv[4:]
    with zipfile.ZipFile(src) as zin:
        order = [i.filename for i in zin.infolist()]
        parts = {name: zin.read(name) for name in order}
    comment = b"<!--" + b"x" * int(mib * (1 << 20)) + b"-->"
    for name in names:
        if name not in parts:
            sys.exit("xlsx_comment.py: no part %s" % name)
        parts[name] += comment
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zout:
        for name in order:
            zout.writestr(name, parts[name])


if __name__ == "__main__":
    main(sys.argv)
