import Dispatch
import Glibc
import YusuanKit

/// Ctrl-C (SIGINT), SIGTERM and SIGHUP during a one-shot command: the temporary files and folders
/// in flight are removed, then the process exits with 128 + the signal, as a shell expects.
/// Outputs already renamed into place are whole; the others do not appear.
enum SignalCleanup {
  /// Installs the handlers; keep the returned sources alive while the command writes.
  static func install() -> [any DispatchSourceSignal] {
    let queue = DispatchQueue(label: "yusuan.signals")
    return [SIGINT, SIGTERM, SIGHUP].map { number in
      signal(number, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
      source.setEventHandler {
        Temporaries.removeAllBeforeExit(signal: number)
        Glibc.exit(128 + number)
      }
      source.resume()
      return source
    }
  }
}
