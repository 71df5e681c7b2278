import Dispatch
import YusuanKit

/// Work started on another thread whose result is collected later: `convert` validates on a
/// second core while it writes the outputs.
final class Background<Result: Sendable>: @unchecked Sendable {
  // Written once by the worker before `finished` is signalled, read only after waiting for it.
  private var result: Result?
  private let finished = DispatchSemaphore(value: 0)

  /// Starts `work` at once, on a thread of its own.
  init(_ work: @escaping @Sendable () -> Result) {
    detachThread {
      self.result = work()
      self.finished.signal()
    }
  }

  /// Waits for the work to finish and returns its result (call once).
  func value() -> Result {
    finished.wait()
    return result!
  }
}
