import ArgumentParser
import Budget

struct Schema: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "schema",
    abstract: "Print the JSON Schema of the canonical disclosure JSON (also schema/disclosure.schema.json).")

  func run() throws {
    Console.out(DisclosureSchema.text + "\n")
  }
}
