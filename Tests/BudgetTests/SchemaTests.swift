import Budget
import Foundation
import TestSupport
import XCTest

/// The schema file, the schema the binary prints and the JSON Yusuan writes agree.
final class SchemaTests: XCTestCase {
  func testSchemaFileIsTheBuiltInText() throws {
    let file = try String(contentsOfFile: Fixtures.schemaFile, encoding: .utf8)
    XCTAssertEqual(DisclosureSchema.text + "\n", file)
  }

  func testSchemaIsValidJSONForOurOwnParser() throws {
    let schema = try JSONValue.parse(Array(DisclosureSchema.text.utf8))
    XCTAssertEqual(schema["$schema"]?.stringValue, "https://json-schema.org/draft/2020-12/schema")
  }

  static let validator = #"""
    import json, sys, jsonschema
    schema = json.load(open(sys.argv[1], encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    v = jsonschema.Draft202012Validator(schema)
    for path in sys.argv[2:]:
        errors = sorted(v.iter_errors(json.load(open(path, encoding="utf-8"))), key=lambda e: list(e.path))
        print(path.rsplit("/", 1)[-1], len(errors), "; ".join(e.message for e in errors[:3]))
    """#

  func testFixtureValidatesAndBrokenDocumentsDoNot() throws {
    let folder = try Fixtures.scratchFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let fixture = try String(contentsOfFile: Fixtures.fixtureJSON, encoding: .utf8)
    let broken = [
      ("string-amount.json", fixture.replacingOccurrences(of: "[1038.42]", with: "[\"1038.42\"]")),
      ("bad-unit.json", fixture.replacingOccurrences(of: "\"unit\": \"万元\"", with: "\"unit\": \"美元\"")),
      ("extra-field.json", fixture.replacingOccurrences(of: "\"year\": 2023,", with: "\"year\": 2023, \"extra\": 1,")),
    ]
    var paths = [Fixtures.fixtureJSON]
    for (name, text) in broken {
      XCTAssertNotEqual(text, fixture, "the edit of \(name) applies")
      let path = folder + "/" + name
      try text.write(toFile: path, atomically: true, encoding: .utf8)
      paths.append(path)
    }
    let output = try Python3.run(Self.validator, arguments: [Fixtures.schemaFile] + paths, modules: ["jsonschema"])
    let lines = output.split(separator: "\n").map(String.init)
    XCTAssertEqual(lines.count, 4, output)
    XCTAssertTrue(lines[0].hasPrefix("datong-kejiju-2023.json 0"), output)
    for line in lines.dropFirst() {
      XCTAssertFalse(line.split(separator: " ")[1] == "0", "a broken document must not validate: \(line)")
    }
  }
}
