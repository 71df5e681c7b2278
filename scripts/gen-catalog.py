#!/usr/bin/env python3
"""Generate Sources/Budget/Catalog/Catalog<YEAR>Data.swift from catalog/<YEAR>/*.csv.

The CSV files are the human-readable source of the built-in classification catalog; the Swift
file is generated from them so the two never drift. Commit both.

    python3 scripts/gen-catalog.py            # regenerate every year found under catalog/
    python3 scripts/gen-catalog.py --check    # exit 1 if a generated file is stale

The script also checks the CSV files (code shape, level, parent present, no duplicates, names,
budget types, mapping codes known, 表1 lines) and refuses to generate from bad data.
"""
import csv
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT_DIR = os.path.join(ROOT, "Sources", "Budget", "Catalog")

# file name -> (Swift kind, leading digit, allowed code lengths)
KINDS = {
    "functional.csv": ("functional", "2", (3, 5, 7)),
    "revenue.csv": ("revenue", "1", (3, 5, 7, 9)),
    "economic_dept.csv": ("economicDepartment", "3", (3, 5)),
    "economic_gov.csv": ("economicGovernment", "5", (3, 5)),
}
LEVELS = {"类": 1, "款": 2, "项": 3, "目": 4}
LEVEL_OF_LENGTH = {3: 1, 5: 2, 7: 3, 9: 4}
BUDGET_TYPES = {"GPB": "generalPublic", "GF": "governmentFund", "SOC": "stateCapital",
                "SSF": "socialInsurance", "mixed": "mixed"}
ENTRY_COLUMNS = ["code", "name", "level", "parent", "budget_type", "source", "note"]


def fail(message):
    sys.exit("gen-catalog: " + message)


def swift_string(text):
    out = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return '"' + out + '"'


def read_csv(path, columns):
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader, None)
        if header != columns:
            fail(f"{path}: header must be {','.join(columns)}, found {header}")
        rows = []
        for number, row in enumerate(reader, start=2):
            if not row:
                continue
            if len(row) != len(columns):
                fail(f"{path}:{number}: expected {len(columns)} fields, found {len(row)}")
            rows.append((number, dict(zip(columns, row))))
        return rows


def load_year(directory):
    entries = []  # (kind, code, name, level, parent, budget_type, source, note)
    known = {}
    for file_name, (kind, digit, lengths) in KINDS.items():
        path = os.path.join(directory, file_name)
        if not os.path.exists(path):
            continue
        for number, row in read_csv(path, ENTRY_COLUMNS):
            where = f"{path}:{number}"
            code, name = row["code"], row["name"]
            if not (code.isascii() and code.isdigit() and len(code) in lengths and code[0] == digit):
                fail(f"{where}: bad {kind} code {code!r}")
            if not name or name != name.strip() or any(c.isspace() for c in name):
                fail(f"{where}: name {name!r} is empty or holds whitespace")
            level = LEVEL_OF_LENGTH[len(code)]
            if LEVELS.get(row["level"]) != level:
                fail(f"{where}: level {row['level']!r} does not fit code {code}")
            parent = code[:-2] if level > 1 else ""
            if row["parent"] != parent:
                fail(f"{where}: parent {row['parent']!r}, expected {parent!r}")
            if parent and (kind, parent) not in known:
                fail(f"{where}: parent {parent} must appear above {code}")
            if (kind, code) in known:
                fail(f"{where}: duplicate code {code}")
            if row["budget_type"] not in BUDGET_TYPES:
                fail(f"{where}: budget type {row['budget_type']!r}")
            if not row["source"]:
                fail(f"{where}: source is empty")
            known[(kind, code)] = name
            entries.append((kind, code, name, level, parent, BUDGET_TYPES[row["budget_type"]],
                            row["source"], row["note"]))

    mappings = []
    path = os.path.join(directory, "dept_to_gov.csv")
    if os.path.exists(path):
        columns = ["dept_code", "dept_name", "gov_code", "gov_name", "unit_type", "source"]
        for number, row in read_csv(path, columns):
            for side, kind in (("dept", "economicDepartment"), ("gov", "economicGovernment")):
                if known.get((kind, row[side + "_code"])) != row[side + "_name"]:
                    fail(f"{path}:{number}: {row[side + '_code']} {row[side + '_name']} is not in the {kind} catalog")
            mappings.append((row["dept_code"], row["gov_code"], row["unit_type"], row["source"]))

    lines = []
    path = os.path.join(directory, "table1_classes.csv")
    if os.path.exists(path):
        for number, row in read_csv(path, ["ordinal", "number", "code", "line_name", "source"]):
            if known.get(("functional", row["code"])) is None or len(row["code"]) != 3:
                fail(f"{path}:{number}: {row['code']} is not a functional 类 in the catalog")
            if int(row["number"]) != len(lines) + 1:
                fail(f"{path}:{number}: numbers must run 1, 2, 3, …")
            lines.append((row["ordinal"], int(row["number"]), row["code"], row["line_name"]))
    return entries, mappings, lines


def render(year, entries, mappings, lines):
    sources = sorted({entry[6] for entry in entries})
    source_index = {source: index for index, source in enumerate(sources)}
    out = [
        f"// GENERATED by scripts/gen-catalog.py from catalog/{year}/*.csv. Do not edit by hand:",
        "// change the CSV files, then run `python3 scripts/gen-catalog.py` and commit both",
        "// (`python3 scripts/gen-catalog.py --check` fails when this file is stale).",
        "// Kept as generated (not reformatted), so that the check above compares it exactly:",
        "// swift-format-ignore-file",
        "",
        "extension Catalog {",
        f"  /// The built-in {year} catalog: {len(entries)} codes, {len(mappings)} 表6 economic pairs and",
        f"  /// {len(lines)} 表1/表4 lines, transcribed into catalog/{year}/ (see docs/catalog.md).",
        f"  public static let builtin{year} = Catalog(",
        f"    year: {year}, entries: catalog{year}Entries, mappings: catalog{year}Mappings,",
        f"    table1Lines: catalog{year}Table1Lines)",
        "}",
        "",
        f"private let catalog{year}Sources: [String] = [",
    ]
    out += [f"  {swift_string(source)}," for source in sources]
    out += [
        "]",
        "",
        "private func entry(",
        "  _ kind: ClassificationKind, _ code: String, _ name: String, _ level: Int, _ parent: String?,",
        "  _ budgetType: BudgetType, _ source: Int, _ note: String?",
        ") -> CatalogEntry {",
        "  CatalogEntry(",
        "    code: code, name: name, kind: kind, level: level, parentCode: parent, budgetType: budgetType,",
        f"    source: catalog{year}Sources[source], note: note)",
        "}",
        "",
        f"private let catalog{year}Entries: [CatalogEntry] = [",
    ]
    for kind, code, name, level, parent, budget_type, source, note in entries:
        parent_text = swift_string(parent) if parent else "nil"
        note_text = swift_string(note) if note else "nil"
        out.append(f"  entry(.{kind}, \"{code}\", {swift_string(name)}, {level}, {parent_text}, "
                   f".{budget_type}, {source_index[source]}, {note_text}),")
    out += ["]", "", f"private let catalog{year}Mappings: [EconomicMapping] = ["]
    for dept, gov, unit, source in mappings:
        unit_text = swift_string(unit) if unit else "nil"
        out.append(f"  EconomicMapping(departmentCode: \"{dept}\", governmentCode: \"{gov}\", "
                   f"unitType: {unit_text}, source: {swift_string(source)}),")
    out += ["]", "", f"private let catalog{year}Table1Lines: [Table1Line] = ["]
    for ordinal, number, code, name in lines:
        out.append(f"  Table1Line(ordinal: {swift_string(ordinal)}, number: {number}, code: \"{code}\", "
                   f"name: {swift_string(name)}),")
    out += ["]", ""]
    return "\n".join(out)


def main():
    check = "--check" in sys.argv[1:]
    catalog_dir = os.path.join(ROOT, "catalog")
    stale = []
    for year in sorted(os.listdir(catalog_dir)):
        directory = os.path.join(catalog_dir, year)
        if not (year.isdigit() and os.path.isdir(directory)):
            continue
        text = render(year, *load_year(directory))
        path = os.path.join(OUT_DIR, f"Catalog{year}Data.swift")
        current = open(path, encoding="utf-8").read() if os.path.exists(path) else None
        if current == text:
            continue
        if check:
            stale.append(path)
        else:
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(text)
            print(f"wrote {os.path.relpath(path, ROOT)}")
    if stale:
        fail("stale, run scripts/gen-catalog.py: " + ", ".join(stale))


if __name__ == "__main__":
    main()
