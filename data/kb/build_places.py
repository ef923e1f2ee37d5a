#!/usr/bin/env python3
"""Build data/kb/places_generated.tsv from the shared datasets.

Sources (read from ../shared/data relative to the repository root, or from $KHABAR_SHARED_DATA):
  * pycountry-fa/countries_fa.tsv  -- pycountry 26.2.16 (iso-codes), LGPL-2.1:
    ISO 3166-1 codes with English and Persian country names.
  * iran-provinces-cities/province_city.json -- amyrmahdy/provinces_cities_iran
    (commit 5c6e9ee4), MIT: Iran's 31 provinces and 1,253 cities in English and Persian.

On top of those, the overrides below (compiled by the khabar project) replace a few
Persian names with the form Iranian media actually use (pycountry's iso-codes
translation has e.g. "ایران، جمهوری اسلامی", "روسیه فدرال") and add common variants.

Usage: python3 data/kb/build_places.py   (stdlib only; output is deterministic)
"""
import csv
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SHARED = os.environ.get("KHABAR_SHARED_DATA", os.path.join(ROOT, "..", "shared", "data"))
COUNTRIES = os.path.join(SHARED, "pycountry-fa", "countries_fa.tsv")
PROVINCES = os.path.join(SHARED, "iran-provinces-cities", "province_city.json")
OUT = os.path.join(HERE, "places_generated.tsv")

ZWNJ = "\u200c"

# alpha-2 -> (name_en or None, name_fa or None, [variants], keep_pycountry_fa_as_variant)
COUNTRY_OVERRIDES = {
    "IR": ("Iran", "ایران", ["جمهوری اسلامی ایران"], False),
    "US": ("United States", "آمریکا", ["امریکا", "ایالات متحده", "ایالات متحده آمریکا",
                                       "ایالات متحده امریکا", "ایالات متحدهٔ آمریکا"], False),
    "GB": ("United Kingdom", "انگلیس", ["بریتانیا", "انگلستان", "پادشاهی متحده", "بریتانیای کبیر"], False),
    "IL": ("Israel", "اسرائیل", ["اسراییل", "رژیم صهیونیستی", "رژیم اشغالگر قدس",
                                 "رژیم غاصب صهیونیستی", "رژیم صهیونیستی اسرائیل"], False),
    "RU": ("Russia", "روسیه", ["فدراسیون روسیه"], False),
    "SY": ("Syria", "سوریه", ["جمهوری عربی سوریه"], False),
    "TR": ("Turkey", "ترکیه", ["جمهوری ترکیه", "تورکیه"], False),
    "IN": (None, "هند", ["هندوستان"], False),
    "KR": ("South Korea", "کره جنوبی", ["جمهوری کره"], False),
    "KP": ("North Korea", "کره شمالی", ["جمهوری دموکراتیک خلق کره"], False),
    # bare "آذربایجان" is also the Iranian region/provinces: not used as a variant
    "AZ": (None, "جمهوری آذربایجان", [], False),
    "AE": (None, "امارات متحده عربی", ["امارات", "امارات عربی متحده"], False),
    "SA": (None, "عربستان سعودی", ["عربستان"], False),
    "PS": ("Palestine", "فلسطین", ["کشور فلسطین"], False),
    "CZ": ("Czech Republic", "جمهوری چک", ["چک"], False),
    "MT": (None, "مالت", ["جزیره مالت"], False),
    # bare "مالی" is also the adjective "financial" (data/kb/ambiguous.tsv): the full name links it
    "ML": (None, "مالی", ["جمهوری مالی", "کشور مالی"], False),
    "VA": ("Vatican City", "واتیکان", ["دولت شهر واتیکان"], False),
    "VE": ("Venezuela", "ونزوئلا", [], False),
    "BO": ("Bolivia", "بولیوی", ["بولیویا"], False),
    "TZ": ("Tanzania", "تانزانیا", [], False),
    "MD": ("Moldova", "مولداوی", ["مولدووا"], False),
    "LA": ("Laos", "لائوس", [], True),
    "TW": ("Taiwan", "تایوان", [], False),
    "FM": ("Micronesia", "میکرونزی", [], False),
    "SX": (None, "سنت مارتین (بخش هلندی)", [], False),  # pycountry fa says "آلمانی" (German): wrong
    "SH": (None, "سنت هلنا", [], False),
    "CG": ("Republic of the Congo", "کنگو", ["جمهوری کنگو"], True),
    "CD": ("Democratic Republic of the Congo", None, [], False),
    "CI": ("Ivory Coast", None, [], False),
    "UA": (None, "اوکراین", ["اکراین"], False),
    "BY": (None, "بلاروس", ["روسیه سفید"], False),
    "GL": (None, "گرینلند", ["گروئنلند"], False),
    "HK": (None, "هنگ کنگ", ["هنگ‌کنگ"], False),
    "KM": (None, "کومور", ["کومورو"], False),
    "MU": (None, "موریس", ["موریتیوس"], False),
    "SZ": (None, "اسواتینی", ["سوازیلند"], False),
    "BN": ("Brunei", "برونئی", ["برونئی دارالسلام"], False),
    "VN": ("Vietnam", "ویتنام", [], False),
    "AQ": (None, None, ["قطب جنوب"], False),
    "CN": (None, None, ["جمهوری خلق چین"], False),
    "FR": (None, None, [], False),
    "EG": (None, None, ["جمهوری عربی مصر"], False),
    "IQ": (None, None, ["جمهوری عراق"], False),
    "AF": (None, None, [], False),
    "PK": (None, None, ["جمهوری اسلامی پاکستان"], False),
    "JO": (None, None, ["اردن هاشمی"], False),
    "TM": (None, None, [], False),
    "FK": (None, "جزایر فالکلند (مالویناس)", ["جزایر فالکلند", "جزایر مالویناس"], False),
}

# Mistakes in the upstream city list (the English slug of one city is in Persian).
CITY_EN_FIX = {"هلشی": "halashi"}


def slug(s):
    s = s.lower().replace("'", "")
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s


def title(s):
    # "ahmadabad-e-mostowfi" -> "Ahmadabad-e Mostowfi"
    s = re.sub(r"-e-", "-e ", s)
    out = []
    for w in s.replace("-e ", "\x00").replace("-", " ").split():
        out.append("-e ".join(p.capitalize() for p in w.split("\x00")))
    return " ".join(out)


def fa_variants(name):
    """ZWNJ forms of names the upstream list writes with a space ("خرم آباد" -> "خرم‌آباد")."""
    out = []
    parts = name.split(" ")
    if len(parts) >= 2:
        for suf in ("آباد", "شهر", "دشت", "سرا"):
            if parts[-1] == suf:
                out.append(" ".join(parts[:-2] + [parts[-2] + ZWNJ + suf]))
    return out


def main():
    rows = []
    with open(COUNTRIES, encoding="utf-8") as f:
        rd = csv.DictReader(f, delimiter="\t")
        for r in rd:
            a2 = r["alpha_2"]
            name_en, name_fa = r["name_en"], r["name_fa"].strip()
            variants = []
            ov = COUNTRY_OVERRIDES.get(a2)
            if ov:
                en, fa, vs, keep = ov
                if en:
                    name_en = en
                if fa:
                    if keep and name_fa and name_fa != fa:
                        variants.append(name_fa)
                    name_fa = fa
                variants.extend(vs)
            if not name_fa:
                print(f"warning: no Persian name for {a2}", file=sys.stderr)
                continue
            variants = [v for v in dict.fromkeys(variants) if v != name_fa]
            rows.append((f"country-{a2.lower()}", name_en, name_fa, "|".join(variants), "country", a2, ""))

    with open(PROVINCES, encoding="utf-8") as f:
        provinces = json.load(f)
    counts = {}
    for p in provinces:  # drop exact duplicates (upstream lists Galugah twice)
        seen, uniq = set(), []
        for c in p["cities"]:
            k = (c["city-en"], c["city-fa"])
            if k not in seen:
                seen.add(k)
                uniq.append(c)
        p["cities"] = uniq
    for p in provinces:
        for c in p["cities"]:
            en = CITY_EN_FIX.get(c["city-en"], c["city-en"])
            counts[slug(en)] = counts.get(slug(en), 0) + 1
    for p in provinces:
        pid = "ir-prov-" + slug(p["province-en"])
        pfa = p["province-fa"].strip()
        pvars = ["استان " + pfa] + ["استان " + v for v in fa_variants(pfa)]
        rows.append((pid, title(p["province-en"]) + " Province", pfa, "|".join(pvars), "province", "IR", "country-ir"))
        for c in p["cities"]:
            en = CITY_EN_FIX.get(c["city-en"], c["city-en"])
            s = slug(en)
            cid = "ir-city-" + s if counts[s] == 1 else "ir-city-" + s + "--" + slug(p["province-en"])
            cfa = c["city-fa"].strip()
            rows.append((cid, title(en), cfa, "|".join(fa_variants(cfa)), "city", "IR", pid))

    ids = [r[0] for r in rows]
    assert len(ids) == len(set(ids)), "duplicate ids"
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write("# places_generated.tsv -- GENERATED by data/kb/build_places.py; do not edit by hand.\n")
        f.write("# Countries: pycountry 26.2.16 / iso-codes (LGPL-2.1), Persian names partly overridden\n")
        f.write("#   with the forms used by Iranian media (overrides in build_places.py, khabar project).\n")
        f.write("# Iranian provinces and cities: amyrmahdy/provinces_cities_iran commit 5c6e9ee4 (MIT),\n")
        f.write("#   scraped from Wikipedia; ZWNJ variants added for names written with a space.\n")
        f.write("# Note: some city names are ambiguous with other places (e.g. the city of Qods, \"قدس\",\n")
        f.write("#   in Tehran province vs Jerusalem; the city of Golestan vs Golestan province).\n")
        f.write("id\tname_en\tname_fa\tvariants_fa\tkind\tcountry\tparent_id\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    print(f"wrote {OUT}: {len(rows)} rows", file=sys.stderr)


if __name__ == "__main__":
    main()
