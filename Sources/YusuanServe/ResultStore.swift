import YusuanKit

/// The departments checked recently, by a random token, so that the report page and the download
/// need no second upload. Bounded: at most `capacity` entries, each kept `lifetime` at most.
actor ResultStore {
  private struct Entry {
    var department: CheckedDepartment
    var stored: ContinuousClock.Instant
  }

  private var entries: [String: Entry] = [:]
  private let capacity: Int
  private let lifetime: Duration
  private let clock = ContinuousClock()

  init(capacity: Int = 64, lifetime: Duration = .seconds(30 * 60)) {
    self.capacity = capacity
    self.lifetime = lifetime
  }

  /// Keeps a department; returns its token (32 hexadecimal digits from the system's random source).
  func keep(_ department: CheckedDepartment) -> String {
    dropExpired()
    while entries.count >= capacity, let oldest = entries.min(by: { $0.value.stored < $1.value.stored })?.key {
      entries[oldest] = nil
    }
    var generator = SystemRandomNumberGenerator()
    var token = ""
    repeat {
      token = (0..<2).map { _ in
        let hex = String(generator.next() as UInt64, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
      }.joined()
    } while entries[token] != nil
    entries[token] = Entry(department: department, stored: clock.now)
    return token
  }

  /// The department of `token`, unless unknown or expired.
  func department(_ token: String) -> CheckedDepartment? {
    dropExpired()
    return entries[token]?.department
  }

  /// Whether `text` looks like a token (so nothing else is ever looked up).
  nonisolated static func isToken(_ text: Substring) -> Bool {
    text.utf8.count == 32 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
  }

  private func dropExpired() {
    let now = clock.now
    entries = entries.filter { now - $0.value.stored < lifetime }
  }
}
