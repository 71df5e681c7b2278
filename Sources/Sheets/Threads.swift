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
