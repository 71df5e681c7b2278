import ArgumentParser
import Dispatch
import YusuanKit
import YusuanServe

struct Serve: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: L(
      "打开本机网页：拖入一个部门的文件，查看报告，下载输出。",
      "Serve a local web page: drop a department's files, see its report, download the outputs."),
    discussion: L(
      """
      为不用终端的同事开一个网页：在浏览器里选择（或拖入）一个部门的文件（xlsx、xls、CSV、JSON、绩效目标申报表，可加情况说明 .txt），查看 yusuan report 的 HTML 报告，并把排版好的工作簿、JSON 和 CSV 文件打成一个 zip 下载。默认只监听 127.0.0.1（只有这台电脑能访问），除非用 --host 指定。上传的文件在私有临时文件夹中处理，每次请求后删除。Ctrl+C（SIGINT）或 SIGTERM 会在处理完进行中的请求后停止。

      示例：
        yusuan serve
        yusuan serve --port 9000 --lang en
      """,
      """
      Opens a web server for people who do not use a terminal: in a browser they choose (or drop) the files of one department (xlsx, xls, CSV, JSON, the forms workbook, and a 情况说明 .txt if they have one), see the HTML report of yusuan report, and download the formatted workbook, the JSON and the CSV files as one zip. It listens on 127.0.0.1 (this computer only) unless --host says otherwise. Uploads are processed in a private temporary folder, removed after each request. Ctrl+C (SIGINT) or SIGTERM stops it after the requests in flight.

      Examples:
        yusuan serve
        yusuan serve --port 9000 --lang en
      """))

  @Option(help: ArgumentHelp(L("TCP 端口（0：任一空闲端口，启动时打印）。", "The TCP port (0: any free port, printed on start).")))
  var port: Int = 8080

  @Option(
    help: ArgumentHelp(
      L("监听的地址；127.0.0.1 只允许这台电脑连接。", "The address to listen on; 127.0.0.1 lets only this computer connect.")))
  var host: String = "127.0.0.1"

  @Option(
    help: ArgumentHelp(
      L(
        "一次上传（所有文件合计）的上限，单位 MB（默认：读取的文件大小上限）。",
        "Largest upload, all files together, in MB (default: the readers' file limit)."), valueName: "MB"))
  var maxUploadMb: Int?

  @Option(help: ArgumentHelp(L("一次上传的最多文件数。", "Most files in one upload.")))
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
    options.configuration.language = common.lang
    if let maxUploadMb {
      guard maxUploadMb > 0 else {
        throw CommandFailure(message: zh ? "--max-upload-mb 应为正数" : "--max-upload-mb must be positive", status: 2)
      }
      options.configuration.limits.maxFileBytes = maxUploadMb << 20
    }
    if let maxFiles {
      guard maxFiles > 0 else {
        throw CommandFailure(message: zh ? "--max-files 应为正数" : "--max-files must be positive", status: 2)
      }
      options.configuration.limits.maxUploadFiles = maxFiles
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
      throw CommandFailure(
        message: (zh ? "无法启动服务：" : "cannot serve: ") + Console.message(error, common.lang), status: 2)
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
