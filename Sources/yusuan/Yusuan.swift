import ArgumentParser
import Sheets

@main
struct Yusuan: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "yusuan",
    abstract: "预算 — convert and validate Chinese department budget disclosure workbooks.",
    version: "0.1.0")
}
