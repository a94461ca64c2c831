#!/usr/bin/env python3
"""Writes the wrk request plan for the load benchmark: for every parent (code), one form-encoded body per
page of the survey, answering every question (the follow-up question included), the last page with
action=submit; and `all`, the one-page form's body (every question of every theme, action=submit).
Usage: prepare.py SURVEY.yaml LINKS.csv OUT.lua"""
import csv, sys, urllib.parse, yaml

survey_path, links_path, out_path = sys.argv[1:4]
survey = yaml.safe_load(open(survey_path, encoding="utf-8"))
scales = {name: s["points"] for name, s in (survey.get("scales") or {}).items()}

def options(q):
    if q["type"] == "scale":
        return [p["id"] if isinstance(p, dict) else p for p in scales[q["scale"]]]
    return [o["id"] for o in q.get("options", [])]

def fields(q):
    name = "q-" + q["id"]
    if q["type"] in ("single", "scale"):
        return [(name, options(q)[0])]
    if q["type"] == "multiple":
        return [(name, o) for o in options(q)[:2]]
    if q["type"] == "number":
        return [(name, str(int(q.get("min", 1))))]
    return [(name, "Meer contact met de leerkracht, graag ook na schooltijd.")]

pages = []
everything = [("lang", "nl"), ("action", "submit")]
themes = survey["themes"]
for i, theme in enumerate(themes):
    posted = [("page", theme["id"]), ("lang", "nl"), ("action", "submit" if i == len(themes) - 1 else "next")]
    for q in theme["questions"]:
        posted.append(("shown", q["id"]))
        posted += fields(q)
        everything.append(("shown", q["id"]))
        everything += fields(q)
    pages.append(urllib.parse.urlencode(posted))

codes = [row["code"].replace("-", "") for row in csv.DictReader(open(links_path, encoding="utf-8-sig"), delimiter=";")]
with open(out_path, "w", encoding="utf-8") as out:
    out.write("return {\n  pages = {\n")
    for body in pages:
        out.write("    %s,\n" % repr(body).replace("'", '"'))
    out.write("  },\n  all = %s,\n  codes = {\n" % repr(urllib.parse.urlencode(everything)).replace("'", '"'))
    for code in codes:
        out.write('    "%s",\n' % code)
    out.write("  }\n}\n")
print("%d parents, %d pages each (one-page body: %d bytes)" % (len(codes), len(pages), len(urllib.parse.urlencode(everything))))
