import ArgumentParser
import YusuanKit

struct Schema: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "schema",
    abstract: L(
      "打印规范 JSON 的 JSON Schema（即 schema/disclosure.schema.json）。",
      "Print the JSON Schema of the canonical disclosure JSON (also schema/disclosure.schema.json)."))

  func run() throws {
    Console.out(DisclosureSchema.text + "\n")
  }
}
