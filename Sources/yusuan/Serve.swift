import ArgumentParser
import Dispatch
import Sheets
import YusuanServe

struct Serve: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: "Serve a local web page: drop a department's files, see its report, download the outputs.",
    discussion: """
      Opens a web server for people who do not use a terminal: in a browser they choose (or drop)
      the files of one department (xlsx, xls, CSV, JSON, the forms workbook), see the HTML report of
      `yusuan report`, and download the formatted workbook, the JSON and the CSV files as one zip.
      It listens on 127.0.0.1 (this computer only) unless --host says otherwise. Uploads are
      processed in a private temporary folder, removed after each request. Ctrl+C (SIGINT) or
      SIGTERM stops it after the requests in flight.

      Examples:
        yusuan serve
        yusuan serve --port 9000 --lang en
      """)

  @Option(help: "The TCP port (0: any free port, printed on start).")
  var port: Int = 8080

  @Option(help: "The address to listen on; 127.0.0.1 lets only this computer connect.")
  var host: String = "127.0.0.1"

  @Option(help: ArgumentHelp("Largest upload, all files together, in MB (default: the readers' file limit).", valueName: "MB"))
  var maxUploadMb: Int?

  @Option(help: "Most files in one upload.")
  var maxFiles: Int?

  @OptionGroup var common: CommonOptions

  func run() throws {
    let zh = common.lang == .zh
    guard (0...65535).contains(port) else {
      throw CommandFailure(message: zh ? "--port 应在 0 到 65535 之间" : "--port must be between 0 and 65535", status: 2)
    }
    var options = ServeOptions()
    options.host = host
    options.port = port
    options.language = common.lang
    if let maxUploadMb {
      guard maxUploadMb > 0 else { throw CommandFailure(message: zh ? "--max-upload-mb 应为正数" : "--max-upload-mb must be positive", status: 2) }
      options.limits.maxFileBytes = maxUploadMb << 20
    }
    if let maxFiles {
      guard maxFiles > 0 else { throw CommandFailure(message: zh ? "--max-files 应为正数" : "--max-files must be positive", status: 2) }
      options.limits.maxUploadFiles = maxFiles
    }
    let server = YusuanServer(options: options)
    // The command line is synchronous; the server runs on Swift's concurrency threads meanwhile.
    let outcome = ServeOutcome()
    let done = DispatchSemaphore(value: 0)
    Task {
      do { try await server.run(announce: { Console.error($0) }) } catch { outcome.set(error) }
      done.signal()
    }
    done.wait()
    if let error = outcome.error {
      throw CommandFailure(message: (zh ? "无法启动服务：" : "cannot serve: ") + Console.message(error, common.lang), status: 2)
    }
    Console.error(zh ? "yusuan serve 已停止。" : "yusuan serve stopped.")
  }
}

/// The error the server stopped with, handed from its task to the waiting command.
private final class ServeOutcome: @unchecked Sendable {
  private let lock = DispatchSemaphore(value: 1)
  private var stored: (any Error)?
  func set(_ error: any Error) {
    lock.wait()
    stored = error
    lock.signal()
  }
  var error: (any Error)? {
    lock.wait()
    defer { lock.signal() }
    return stored
  }
}
