import Dispatch

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs `body` on a new thread, started at once (the shared Dispatch pool may start work only
/// when one of its threads is free), with a stack as large as the main thread's: reading a
/// workbook recurses through its XML. Should no thread be available, `body` runs here and now:
/// slower, with the same result.
package func detachThread(_ body: @escaping @Sendable () -> Void) {
  let context = Unmanaged.passRetained(ThreadBody(body)).toOpaque()
  #if canImport(Glibc)
    var thread = pthread_t()
  #else
    var thread: pthread_t?
  #endif
  var attributes = pthread_attr_t()
  pthread_attr_init(&attributes)
  defer { pthread_attr_destroy(&attributes) }
  pthread_attr_setstacksize(&attributes, 8 << 20)
  let started = pthread_create(
    &thread, &attributes,
    { context in
      Unmanaged<ThreadBody>.fromOpaque(context!).takeRetainedValue().body()
      return nil
    }, context)
  guard started == 0 else {
    Unmanaged<ThreadBody>.fromOpaque(context).takeRetainedValue().body()
    return
  }
  #if canImport(Glibc)
    pthread_detach(thread)
  #else
    pthread_detach(thread!)
  #endif
}

private final class ThreadBody {
  let body: @Sendable () -> Void
  init(_ body: @escaping @Sendable () -> Void) { self.body = body }
}

/// A mutual-exclusion lock over a pthread mutex, which ThreadSanitizer understands (it reported
/// races inside regions guarded by the standard library's `Mutex`, whose futex it does not see).
package final class Lock: @unchecked Sendable {
  private let mutex: UnsafeMutablePointer<pthread_mutex_t>

  package init() {
    mutex = .allocate(capacity: 1)
    mutex.initialize(to: pthread_mutex_t())
    pthread_mutex_init(mutex, nil)
  }

  deinit {
    pthread_mutex_destroy(mutex)
    mutex.deallocate()
  }

  /// Runs `body` while holding the lock.
  package func withLock<T>(_ body: () throws -> T) rethrows -> T {
    pthread_mutex_lock(mutex)
    defer { pthread_mutex_unlock(mutex) }
    return try body()
  }
}

/// Works through the indices `0..<count` on two threads, this one running `here` and a new one
/// running `there`, each taking the next index not yet taken. Once a result satisfying `stops`
/// is in, no further index is started (the other thread finishes the one it holds). The results
/// come back in index order, nil for the indices never started; every index before the last one
/// started has its result.
package func inTwoLanes<T: Sendable>(
  _ count: Int, here: (Int) -> T, there: @escaping @Sendable (Int) -> T,
  stops: @escaping @Sendable (T) -> Bool = { _ in false }
) -> [T?] {
  let lanes = Lanes<T>(count: count, stops: stops)
  let done = DispatchSemaphore(value: 0)
  detachThread {
    lanes.run(there)
    done.signal()
  }
  lanes.run(here)
  done.wait()
  return lanes.results
}

/// The indices shared out between the threads of `inTwoLanes`.
private final class Lanes<T: Sendable>: @unchecked Sendable {
  private let lock = Lock()
  private let stops: @Sendable (T) -> Bool
  private var next = 0
  private var stopped = false
  private var slots: [T?]

  init(count: Int, stops: @escaping @Sendable (T) -> Bool) {
    slots = Array(repeating: nil, count: count)
    self.stops = stops
  }

  func run(_ body: (Int) -> T) {
    while let index = take() {
      let result = body(index)
      let stop = stops(result)
      lock.withLock {
        slots[index] = result
        if stop { stopped = true }
      }
    }
  }

  private func take() -> Int? {
    lock.withLock {
      guard !stopped, next < slots.count else { return nil }
      next += 1
      return next - 1
    }
  }

  var results: [T?] { lock.withLock { slots } }
}
