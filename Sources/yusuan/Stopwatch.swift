import YusuanKit

/// Times the stages of a command for `--timings`.
struct Stopwatch {
  let language: Language
  private(set) var stages: [(String, Duration)] = []

  init(language: Language) {
    self.language = language
  }

  /// Runs `body` and records how long it took under `name`.
  mutating func measure<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
    let clock = ContinuousClock()
    let start = clock.now
    defer { record(name, clock.now - start) }
    return try body()
  }

  /// Records a stage timed elsewhere (on another thread).
  mutating func record(_ name: String, _ duration: Duration) {
    stages.append((name, duration))
  }

  /// `读取 12.3 ms，校验 1.2 ms，写出 4.0 ms`.
  var summary: String {
    let parts = stages.map { name, d in
      let ms = Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
      return "\(name) \(ms.text(decimals: 1)) ms"
    }
    return parts.joined(separator: language == .zh ? "，" : ", ")
  }
}
