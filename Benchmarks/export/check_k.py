#!/usr/bin/env python3
"""Checks an export CSV for k-anonymity from the file alone: every combination of the quasi-identifier columns
(groep, afnamewijze, taal, tolk, versie, kenmerk.*, the background questions) occurs in at least k rows.
Usage: check_k.py FILE.csv K"""
import csv, collections, sys

BACKGROUND = {"gezin", "gescheiden", "gescheiden-info", "werk", "thuistaal", "aantal-kinderen"}

def main():
    path, k = sys.argv[1], int(sys.argv[2])
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f, delimiter=";"))
    header, data = rows[0], rows[1:]
    columns = [i for i, name in enumerate(header)
               if name in {"groep", "afnamewijze", "taal", "tolk", "versie"} or name.startswith("kenmerk.") or name in BACKGROUND]
    sizes = collections.Counter(tuple(row[i] for i in columns) for row in data)
    suppressed = collections.Counter(header[i] for row in data for i in columns if row[i] == "*")
    smallest = min(sizes.values()) if sizes else 0
    print(f"{len(data)} rows, {len(header)} columns; identifying columns kept: {[header[i] for i in columns]}")
    print(f"{len(sizes)} combinations, the smallest holds {smallest} rows; suppressed values: {dict(suppressed)}")
    if smallest < k:
        sys.exit(f"NOT {k}-anonymous")
    print(f"{k}-anonymous: yes")

main()
