#!/usr/bin/env python3
"""Fills cells of a flat OpenDocument spreadsheet (.fods), as a person
typing into LibreOffice would: the LibreOffice CLI test uses it to fill
our blank form.

    fods_fill.py IN.fods OUT.fods SHEET CELL TEXT [CELL TEXT ...]

CELL is an Excel name ("E4"); TEXT may hold line breaks, which become
paragraphs of the cell as LibreOffice writes them. Repeated rows and cells
(table:number-rows-repeated, table:number-columns-repeated) are split
where a filled cell falls inside them. Standard library only.
"""
import copy
import re
import sys
import xml.etree.ElementTree as ET

NS = {
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "calcext": "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0",
}


def q(name):
    prefix, local = name.split(":")
    return "{%s}%s" % (NS[prefix], local)


def cell_pos(name):
    m = re.fullmatch(r"([A-Z]+)([0-9]+)", name)
    if not m:
        sys.exit("fods_fill.py: bad cell %r" % name)
    col = 0
    for ch in m.group(1):
        col = col * 26 + ord(ch) - ord("A") + 1
    return int(m.group(2)) - 1, col - 1


def split_repeated(parent, child, attr, at):
    """Splits child (repeated by attr) so that its repetition number at
    stands alone; returns that element."""
    n = int(child.get(attr, "1"))
    if n == 1:
        return child
    idx = list(parent).index(child)
    parts = []
    if at > 0:
        parts.append((at, copy.deepcopy(child)))
    parts.append((1, copy.deepcopy(child)))
    if n - at - 1 > 0:
        parts.append((n - at - 1, copy.deepcopy(child)))
    parent.remove(child)
    mine = None
    for k, (count, el) in enumerate(parts):
        if count > 1:
            el.set(attr, str(count))
        elif attr in el.attrib:
            del el.attrib[attr]
        parent.insert(idx + k, el)
        if count == 1 and (at == 0 and k == 0 or at > 0 and k == 1):
            mine = el
    return mine


def rows_of(table):
    """(parent, row) in document order, through header rows and groups."""
    out = []
    for el in table:
        if el.tag == q("table:table-row"):
            out.append((table, el))
        elif el.tag in (q("table:table-header-rows"), q("table:table-row-group"), q("table:table-rows")):
            out.extend(rows_of(el))
    return out


def find_row(table, want):
    r = 0
    for parent, row in rows_of(table):
        n = int(row.get(q("table:number-rows-repeated"), "1"))
        if r <= want < r + n:
            return split_repeated(parent, row, q("table:number-rows-repeated"), want - r)
        r += n
    sys.exit("fods_fill.py: no row %d" % (want + 1))


def find_cell(row, want):
    c = 0
    for cell in list(row):
        if cell.tag not in (q("table:table-cell"), q("table:covered-table-cell")):
            continue
        n = int(cell.get(q("table:number-columns-repeated"), "1"))
        if c <= want < c + n:
            return split_repeated(row, cell, q("table:number-columns-repeated"), want - c)
        c += n
    sys.exit("fods_fill.py: no cell %d in its row" % (want + 1))


def fill(cell, text):
    for child in list(cell):
        cell.remove(child)
    for attr in list(cell.attrib):
        if attr.startswith("{%s}" % NS["office"]) or attr.startswith("{%s}" % NS["calcext"]):
            del cell.attrib[attr]
    cell.set(q("office:value-type"), "string")
    cell.set(q("calcext:value-type"), "string")
    for line in text.split("\n"):
        p = ET.SubElement(cell, q("text:p"))
        p.text = line


def main(argv):
    if len(argv) < 6 or len(argv) % 2:
        sys.exit("usage: fods_fill.py IN.fods OUT.fods SHEET CELL TEXT [CELL TEXT ...]")
    src, dst, sheet = argv[1], argv[2], argv[3]
    for _, (prefix, uri) in ET.iterparse(src, events=["start-ns"]):
        ET.register_namespace(prefix, uri)
    tree = ET.parse(src)
    tables = [t for t in tree.iter(q("table:table")) if t.get(q("table:name")) == sheet]
    if not tables:
        sys.exit("fods_fill.py: no sheet %r" % sheet)
    for k in range(4, len(argv), 2):
        row, col = cell_pos(argv[k])
        fill(find_cell(find_row(tables[0], row), col), argv[k + 1])
    tree.write(dst, encoding="UTF-8", xml_declaration=True)


if __name__ == "__main__":
    main(sys.argv)
