#!/usr/bin/env python3
"""Validate the khabar knowledge base (data/kb/*.tsv). Stdlib only.

Checks: header and column count of every file; unique ids, across all files (the program keeps
persons, organizations, places and events in one id space); non-empty name_en/name_fa; roles.person_id / roles.org_id exist;
organization and place parent_id exist; nationality/country codes are known countries;
dates are YYYY, YYYY-MM or YYYY-MM-DD (end may also be "?", empty, or "<DATE": ended at an unknown day
  before DATE) and start <= end;
gender is m/f; no stray whitespace. Duplicate Persian names/variants shared by different
persons (and by different organizations) are printed as warnings.
Exit status 1 if any error was found.   Usage: python3 data/kb/check.py
"""
import os
import re
import sys
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))

SCHEMAS = {
    "persons.tsv": ["id", "name_en", "name_fa", "variants_fa", "gender", "nationality", "description_en"],
    "roles.tsv": ["person_id", "role_fa", "role_en", "org_id", "start", "end", "source"],
    "organizations.tsv": ["id", "name_en", "name_fa", "variants_fa", "abbrev_fa", "type", "country", "parent_id"],
    "places.tsv": ["id", "name_en", "name_fa", "variants_fa", "kind", "country", "parent_id"],
    "places_generated.tsv": ["id", "name_en", "name_fa", "variants_fa", "kind", "country", "parent_id"],
    "events.tsv": ["id", "name_en", "name_fa", "variants_fa", "date_start", "date_end", "description_en"],
}
ORG_TYPES = {"ministry", "council", "parliament", "committee", "military", "movement", "party", "media",
             "international", "judiciary", "government", "sport", "other"}
PLACE_KINDS = {"country", "province", "city", "region", "territory", "sea", "strait", "river",
               "mountain", "island", "site", "district", "area"}
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")

errors = []
warnings = []


def err(msg):
    errors.append(msg)


def warn(msg):
    warnings.append(msg)


def load(name):
    path = os.path.join(HERE, name)
    cols = SCHEMAS[name]
    rows = []
    if not os.path.exists(path):
        err(f"{name}: missing")
        return rows
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not lines or not lines[0].startswith("#"):
        err(f"{name}: must start with a '#' comment block saying what it is and where it comes from")
    header_seen = False
    for no, line in enumerate(lines, 1):
        if line.startswith("#"):
            continue
        if "\r" in line:
            err(f"{name}:{no}: carriage return")
        fields = line.split("\t")
        if not header_seen:
            header_seen = True
            if fields != cols:
                err(f"{name}:{no}: header {fields} != {cols}")
            continue
        if not line.strip():
            err(f"{name}:{no}: empty line")
            continue
        if len(fields) != len(cols):
            err(f"{name}:{no}: {len(fields)} columns, expected {len(cols)}: {line[:80]!r}")
            continue
        for c, v in zip(cols, fields):
            if v != v.strip():
                err(f"{name}:{no}: field {c} has leading/trailing whitespace: {v!r}")
            if "||" in v or v.startswith("|") or v.endswith("|"):
                err(f"{name}:{no}: field {c} has an empty |-item: {v!r}")
        r = dict(zip(cols, fields))
        r["_line"] = no
        rows.append(r)
    if not header_seen:
        err(f"{name}: no header line")
    return rows


def parse_date(s):
    """Return a comparable (y, m, d) lower bound and upper bound."""
    parts = [int(p) for p in s.split("-")]
    y = parts[0]
    m = parts[1] if len(parts) > 1 else None
    d = parts[2] if len(parts) > 2 else None
    if m is not None and not 1 <= m <= 12:
        raise ValueError("month")
    if d is not None and not 1 <= d <= 31:
        raise ValueError("day")
    lo = (y, m or 1, d or 1)
    hi = (y, m or 12, d or 31)
    return lo, hi


def check_date(name, r, col, allow_q=False, allow_empty=True):
    v = r[col]
    if v == "":
        if not allow_empty:
            err(f"{name}:{r['_line']}: empty {col}")
        return None
    if v == "?" and allow_q:
        return None
    if v.startswith("<") and allow_q:
        # "<DATE": ended at an unknown day, surely before DATE.
        v = v[1:]
        if not DATE_RE.match(v):
            err(f"{name}:{r['_line']}: bad {col} {r[col]!r}")
            return None
        return parse_date(v)
    if not DATE_RE.match(v):
        err(f"{name}:{r['_line']}: bad {col} {v!r}")
        return None
    try:
        return parse_date(v)
    except ValueError:
        err(f"{name}:{r['_line']}: impossible {col} {v!r}")
        return None


def split_items(v):
    return [x for x in v.split("|") if x] if v else []


def check_unique_ids(name, rows, seen):
    for r in rows:
        i = r["id"]
        if not ID_RE.match(i):
            err(f"{name}:{r['_line']}: id {i!r} is not an ascii slug")
        if i in seen:
            err(f"{name}:{r['_line']}: duplicate id {i!r} (also {seen[i]})")
        else:
            seen[i] = f"{name}:{r['_line']}"
        for c in ("name_en", "name_fa"):
            if not r[c]:
                err(f"{name}:{r['_line']}: empty {c}")


def dup_names(name, rows, fields, label):
    owners = defaultdict(set)
    for r in rows:
        for f in fields:
            for s in ([r[f]] if f == "name_fa" else split_items(r[f])):
                owners[s.replace("\u200c", " ").replace("  ", " ")].add(r["id"])
    for s, ids in sorted(owners.items()):
        if len(ids) > 1:
            warn(f"{name}: {label} {s!r} shared by {', '.join(sorted(ids))}")


def main():
    data = {n: load(n) for n in SCHEMAS}
    persons, roles, orgs = data["persons.tsv"], data["roles.tsv"], data["organizations.tsv"]
    places = data["places_generated.tsv"] + data["places.tsv"]
    events = data["events.tsv"]

    place_ids, person_ids, org_ids, event_ids = {}, {}, {}, {}
    check_unique_ids("places", data["places_generated.tsv"], place_ids)
    check_unique_ids("places.tsv", data["places.tsv"], place_ids)
    check_unique_ids("persons.tsv", persons, person_ids)
    check_unique_ids("organizations.tsv", orgs, org_ids)
    check_unique_ids("events.tsv", events, event_ids)

    # the program keeps all entities in one id space
    every = defaultdict(list)
    for label, rs in (("persons", persons), ("organizations", orgs), ("places", places), ("events", events)):
        for r in rs:
            every[r["id"]].append(label)
    for i, labels in sorted(every.items()):
        if len(set(labels)) > 1:
            err(f"id {i!r} is used in several files: {', '.join(labels)}")

    countries = {r["country"] for r in data["places_generated.tsv"] if r["kind"] == "country"}

    for r in persons:
        if r["gender"] not in ("m", "f"):
            err(f"persons.tsv:{r['_line']}: gender {r['gender']!r}")
        if r["nationality"] and r["nationality"] not in countries:
            err(f"persons.tsv:{r['_line']}: unknown nationality {r['nationality']!r}")
        if not r["description_en"]:
            warn(f"persons.tsv:{r['_line']}: no description for {r['id']}")
        if r["name_fa"] in split_items(r["variants_fa"]):
            err(f"persons.tsv:{r['_line']}: variant repeats name_fa")
        vs = split_items(r["variants_fa"])
        if len(vs) != len(set(vs)):
            err(f"persons.tsv:{r['_line']}: repeated variant")
        for v in [r["name_fa"]] + vs:
            if re.search(r"[A-Za-z]", v):
                err(f"persons.tsv:{r['_line']}: Latin letters in Persian name {v!r}")
            if len(v.split()) == 1 and v == r["name_fa"]:
                warn(f"persons.tsv:{r['_line']}: single-word name_fa {v!r}")

    with_roles = set()
    for r in roles:
        ln = r["_line"]
        if r["person_id"] not in person_ids:
            err(f"roles.tsv:{ln}: unknown person_id {r['person_id']!r}")
        with_roles.add(r["person_id"])
        if r["org_id"] and r["org_id"] not in org_ids:
            err(f"roles.tsv:{ln}: unknown org_id {r['org_id']!r}")
        if not r["org_id"]:
            warn(f"roles.tsv:{ln}: role without org_id")
        for c in ("role_fa", "role_en", "source"):
            if not r[c]:
                err(f"roles.tsv:{ln}: empty {c}")
        s = check_date("roles.tsv", r, "start")
        e = check_date("roles.tsv", r, "end", allow_q=True)
        if s and e and s[0] > e[1]:
            err(f"roles.tsv:{ln}: start {r['start']} after end {r['end']}")
        if not r["start"] and r["end"] == "":
            err(f"roles.tsv:{ln}: no start and an empty (current) end: use '?'")
    # one person should not hold the same role twice at the same time
    by_key = defaultdict(list)
    for r in roles:
        by_key[(r["person_id"], r["role_fa"], r["org_id"])].append(r)
    for k, rs in by_key.items():
        if len(rs) > 1:
            opens = [r for r in rs if r["end"] in ("", "?")]
            if len(opens) > 1:
                warn(f"roles.tsv: {k} has {len(opens)} open tenures")

    for r in orgs:
        if r["type"] not in ORG_TYPES:
            err(f"organizations.tsv:{r['_line']}: type {r['type']!r}")
        if r["country"] and r["country"] not in countries:
            err(f"organizations.tsv:{r['_line']}: unknown country {r['country']!r}")
        if r["parent_id"] and r["parent_id"] not in org_ids:
            err(f"organizations.tsv:{r['_line']}: unknown parent_id {r['parent_id']!r}")
        if r["parent_id"] == r["id"]:
            err(f"organizations.tsv:{r['_line']}: is its own parent")
    for r in places:
        if r["kind"] not in PLACE_KINDS:
            err(f"places:{r['_line']}: kind {r['kind']!r} (allowed: {sorted(PLACE_KINDS)})")
        if r["country"] and r["country"] not in countries:
            err(f"places:{r['_line']}: unknown country {r['country']!r}")
        if r["parent_id"] and r["parent_id"] not in place_ids:
            err(f"places:{r['_line']}: unknown parent_id {r['parent_id']!r}")
    for r in events:
        s = check_date("events.tsv", r, "date_start", allow_empty=True)
        e = check_date("events.tsv", r, "date_end", allow_q=True)
        if s and e and s[0] > e[1]:
            err(f"events.tsv:{r['_line']}: start after end")

    dup_names("persons.tsv", persons, ["name_fa", "variants_fa"], "Persian name/variant")
    dup_names("organizations.tsv", orgs, ["name_fa", "variants_fa", "abbrev_fa"], "Persian name/variant/abbrev")
    dup_names("events.tsv", events, ["name_fa", "variants_fa"], "Persian name/variant")

    for w in warnings:
        print("warning:", w)
    for e in errors:
        print("ERROR:", e)
    kinds = defaultdict(int)
    for r in places:
        kinds[r["kind"]] += 1
    print(f"persons: {len(persons)} ({len(with_roles)} with roles)")
    print(f"roles: {len(roles)} (open '': {sum(r['end'] == '' for r in roles)}, unknown end '?': "
          f"{sum(r['end'] == '?' for r in roles)})")
    print(f"organizations: {len(orgs)}")
    print(f"places: {len(places)} (generated {len(data['places_generated.tsv'])}, hand-written "
          f"{len(data['places.tsv'])}; " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())) + ")")
    print(f"events: {len(events)}")
    print(f"{len(errors)} errors, {len(warnings)} warnings")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
