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
  let started = pthread_create(&thread, &attributes, { context in
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
