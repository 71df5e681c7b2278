import Hummingbird
import YusuanKit

/// How `yusuan serve` listens and what it accepts.
public struct ServeOptions: Sendable {
  /// The address to bind: loopback unless the user asks otherwise.
  public var host: String = "127.0.0.1"
  /// The TCP port (0: any free port, told on start).
  public var port: Int = 8080
  /// How uploads are read and checked: its language is the pages' unless a request asks for
  /// another (`?lang=en`); its limits are the readers' and the upload's (`maxFileBytes` for all
  /// its files together, `maxUploadFiles` files at most).
  public var configuration = Yusuan.Configuration()

  /// How long a graceful shutdown (SIGINT, SIGTERM) waits for requests in flight.
  public var shutdownGrace: Duration = .seconds(10)

  /// The defaults: 127.0.0.1:8080, Chinese, the readers' default limits.
  public init() {}
}
