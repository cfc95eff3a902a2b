#!/usr/bin/python3
"""The peer of bench/xlsx_bench.py: the same Excel work done with openpyxl.

  read FILE                        load the workbook, read every cell's value
                                   and the merged ranges of every sheet
  write CATALOG.json ANSWERS.json OUT.xlsx
                                   the filled form in the official layout:
                                   same cells, font, widths, wrapping, text
                                   format on answer cells, row heights from
                                   the line count, sheet protection, A3
                                   landscape one page wide, header rows
                                   repeated on every page

Prints "inner SECONDS": the time after `import openpyxl`.
"""

import json
import sys
import time

import openpyxl
from openpyxl.styles import Alignment, Font, Protection

LABELS = {"implemented": "対応済", "partial": "一部対応",
          "not_implemented": "未対応", "not_applicable": "対象外"}
PARTY = {"connector": "API接続先", "bank": "銀行", "common": "共通"}
HEADERS = ["通番", "区分", "セキュリティ対応目標", "対象者", "現在の対応状況", "課題認識",
           "課題への対応計画", "関連規定", "関連規定箇所", "備考"]
WIDTHS = [5, 19, 40, 11, 27, 25, 25, 18, 28, 14]


def read(path):
    wb = openpyxl.load_workbook(path)
    n = 0
    for ws in wb.worksheets:
        rows = [[c.value for c in row] for row in ws.iter_rows()]
        n += sum(1 for r in rows for v in r if v is not None)
        _ = list(ws.merged_cells.ranges)
    return n


def lines(text, width):
    """Lines a wrapped cell needs: a rough count, as the form writer does."""
    if not text:
        return 1
    total = 0
    for part in str(text).split("\n"):
        units = sum(2 if ord(ch) > 0x2000 else 1.2 for ch in part)
        total += max(1, int(units / max(width - 0.5, 1)) + 1)
    return total


def write(catalog_path, answers_path, out):
    with open(catalog_path, encoding="utf-8") as f:
        cat = json.load(f)
    with open(answers_path, encoding="utf-8") as f:
        answers = {a["no"]: a for a in json.load(f)["items"]}
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "API接続チェックリスト"
    font = Font(name="ＭＳ Ｐゴシック", size=10)
    wrap = Alignment(wrap_text=True, vertical="top")
    for i, w in enumerate(WIDTHS):
        ws.column_dimensions[chr(ord("A") + i)].width = w
    ws.append([cat["title"]])
    ws.append(["出典: %s %s（%s）" % (cat["publisher"], cat["date"], cat["id"])])
    ws.append(HEADERS)
    for it in cat["items"]:
        a = answers.get(it["no"], {})
        current = a.get("current") or ""
        if a.get("status"):
            current = "【%s】\n%s" % (LABELS[a["status"]], current)
        plan = a.get("plan") or ""
        if a.get("plan_due"):
            plan = "【対応予定日】%s\n%s" % (a["plan_due"], plan)
        docs = "\n-----\n".join(r["doc"] for r in it["refs"])
        clauses = "\n-----\n".join("、".join(r["clauses"]) for r in it["refs"])
        row = [it["no"], it["category"], it["objective"], PARTY[it["party"]], current,
               a.get("issues") or "", plan, docs, clauses, a.get("notes") or ""]
        ws.append(row)
        r = ws.max_row
        for col, v in enumerate(row, 1):
            c = ws.cell(row=r, column=col)
            c.font = font
            c.alignment = wrap
            if col in (5, 6, 7, 10):
                c.number_format = "@"
                c.protection = Protection(locked=False)
        ws.row_dimensions[r].height = min(409.5, 13 * max(lines(v, WIDTHS[i]) for i, v in enumerate(row)) + 3)
    ws.protection.sheet = True
    ws.page_setup.paperSize = ws.PAPERSIZE_A3
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:3"
    wb.save(out)


def main():
    t0 = time.perf_counter()
    if sys.argv[1:2] == ["read"] and len(sys.argv) == 3:
        read(sys.argv[2])
    elif sys.argv[1:2] == ["write"] and len(sys.argv) == 5:
        write(*sys.argv[2:5])
    else:
        sys.exit(__doc__)
    print("inner %.6f" % (time.perf_counter() - t0))


if __name__ == "__main__":
    main()
