#!/usr/bin/env python3
"""Copies an .xlsx, changing the text of its parts: the CLI tests make
broken and foreign forms this way.

    xlsx_edit.py IN OUT PART OLD NEW [PART OLD NEW ...]

Each OLD must occur in PART (else exit 1, so a test cannot pass by editing
nothing); every occurrence becomes NEW. Standard library only.
"""
import sys
import zipfile


def main(argv):
    if len(argv) < 6 or (len(argv) - 3) % 3:
        sys.exit("usage: xlsx_edit.py IN OUT PART OLD NEW [PART OLD NEW ...]")
    src, dst, edits = argv[1], argv[2], argv[3:]
    with zipfile.ZipFile(src) as zin:
        parts = {i.filename: zin.read(i.filename) for i in zin.infolist()}
        order = [i.filename for i in zin.infolist()]
    for k in range(0, len(edits), 3):
        part, old, new = edits[k], edits[k + 1].encode(), edits[k + 2].encode()
        if part not in parts or old not in parts[part]:
            sys.exit("xlsx_edit.py: %r not in %s" % (edits[k + 1], part))
        parts[part] = parts[part].replace(old, new)
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for name in order:
            zout.writestr(name, parts[name])


if __name__ == "__main__":
    main(sys.argv)
