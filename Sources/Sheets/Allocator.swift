#if canImport(CMalloc)
  internal import CMalloc
#endif

/// Tuning of the C allocator, for programs that write many workbooks in one process.
package enum Allocator {
  /// Has glibc keep freed memory for reuse. By default it returns the top of the heap to the
  /// kernel and serves blocks over 128 KB from fresh mappings; zlib allocates and clears a
  /// 256 KB window for every part of a workbook it compresses, so each part paid for its pages
  /// anew (a fifth of a one-department job's page faults).
  package static func keepFreedMemory() {
    #if canImport(CMalloc)
      _ = mallopt(M_TRIM_THRESHOLD, 256 << 20)
      _ = mallopt(M_MMAP_THRESHOLD, 32 << 20)  // glibc's largest allowed threshold
      _ = mallopt(M_TOP_PAD, 4 << 20)  // grow the heap in steps of 4 MB, not 128 KB
    #endif
  }
}
