#!/usr/bin/env python3
"""Writes the Data sheet of a report workbook as cells.tsv for the C floor (the same cells, the same types)."""
import sys, zipfile, re
import xml.etree.ElementTree as ET

NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"

def col_index(ref):
    letters = re.match(r"[A-Z]+", ref).group(0); n = 0
    for ch in letters: n = n * 26 + ord(ch) - 64
    return n - 1

def main(xlsx, out):
    z = zipfile.ZipFile(xlsx)
    book = ET.fromstring(z.read("xl/workbook.xml"))
    rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target") for r in rels}
    sheet = next(s for s in book.iter(NS + "sheet") if s.get("name") == "Data")
    path = "xl/" + targets[sheet.get(REL)]
    shared = []
    if "xl/sharedStrings.xml" in z.namelist():
        for si in ET.fromstring(z.read("xl/sharedStrings.xml")).iter(NS + "si"):
            shared.append("".join(t.text or "" for t in si.iter(NS + "t")))
    esc = lambda s: s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
    with z.open(path) as f, open(out, "w") as o:
        for _, el in ET.iterparse(f):
            if el.tag != NS + "row": continue
            fields = {}
            for c in el.iter(NS + "c"):
                t = c.get("t"); i = col_index(c.get("r"))
                if t == "s": fields[i] = "s" + esc(shared[int(c.find(NS + "v").text)])
                elif t == "inlineStr": fields[i] = "s" + esc("".join(x.text or "" for x in c.iter(NS + "t")))
                elif c.find(NS + "v") is not None: fields[i] = "n" + c.find(NS + "v").text
            width = max(fields) + 1 if fields else 0
            o.write("\t".join(fields.get(i, "") for i in range(width)) + "\n")
            el.clear()

main(sys.argv[1], sys.argv[2])
