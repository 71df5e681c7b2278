import FoundationEssentials
import Glibc
import YusuanKit

/// What `yusuan batch` shows while it runs: on a terminal a progress bar redrawn in place
/// (done/total, rate, ETA) with problems printed above it; elsewhere (CI logs, pipes) one line
/// per problem and a progress line every 10 %.
final class BatchConsole: @unchecked Sendable {
  let language: Language
  let terminal: Bool
  private var lastDraw = 0.0
  private var lastDecile = 0

  init(language: Language, terminal: Bool) {
    self.language = language
    self.terminal = terminal
  }

  /// Called after each department (one call at a time).
  func show(_ p: BatchProgress) {
    let zh = language == .zh
    var lines: [String] = []
    let row = p.row
    switch row.status {
    case .ok: break
    case .findings:
      lines.append(zh ? "有问题 \(row.file)：\(row.findings) 处校验发现" : "findings \(row.file): \(row.findings) finding(s)")
    case .differences:
      lines.append((zh ? "往返不一致 \(row.file)：" : "differences \(row.file): ") + (row.error ?? ""))
    case .unreadable:
      // Most readers' messages name the file already; it is not said twice.
      let error = row.error ?? ""
      let named = error.contains(row.file.split(separator: "/").last.map(String.init) ?? row.file)
      lines.append((zh ? "无法读取\(named ? "" : " " + row.file)：" : "unreadable\(named ? "" : " " + row.file): ") + error)
    case .failed:
      lines.append((zh ? "写出失败 \(row.file)：" : "failed \(row.file): ") + (row.error ?? ""))
    }
    if terminal {
      let clear = "\r\u{1B}[K"
      var text = lines.map { clear + $0 + "\n" }.joined()
      if !lines.isEmpty || p.elapsed - lastDraw > 0.1 || p.done == p.total {
        lastDraw = p.elapsed
        text += clear + bar(p)
      }
      if !text.isEmpty { Console.write(text, to: STDERR_FILENO) }
    } else {
      let decile = p.total == 0 ? 10 : p.done * 10 / p.total
      if decile > lastDecile {
        lastDecile = decile
        lines.append("[\(p.done)/\(p.total)] \(p.total == 0 ? 100 : p.done * 100 / p.total)%  " + rate(p))
      }
      for line in lines { Console.error(line) }
    }
  }

  /// The bar: `[██████░░░░░░] 123/1000  45.6/s  ETA 0:19`.
  func bar(_ p: BatchProgress) -> String {
    let width = 24
    let filled = p.total == 0 ? width : p.done * width / p.total
    return "[" + String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled) + "] "
      + "\(p.done)/\(p.total)  " + rate(p)
  }

  /// Departments redone per second and the time the rest would take at that rate; departments
  /// skipped as up to date take no time, so they count in neither.
  func rate(_ p: BatchProgress) -> String {
    let perSecond = p.elapsed > 0 ? Double(p.done - p.skipped) / p.elapsed : 0
    let remaining = perSecond > 0 ? Double(p.total - p.done) / perSecond : 0
    let eta = Int(remaining.rounded())
    return "\(perSecond.text(decimals: 1))/s  ETA \(eta / 60):\(eta % 60 < 10 ? "0" : "")\(eta % 60)"
  }

  /// The closing summary line.
  func finish(_ s: BatchSummary, skippedByShard: Int, limit: Int?) {
    if terminal { Console.write("\n", to: STDERR_FILENO) }
    let zh = language == .zh
    let rate = s.seconds > 0 ? Double(s.rows.count - s.skipped) / s.seconds : 0
    var line =
      zh
      ? "共 \(s.rows.count)/\(s.planned) 个部门：正常 \(s.count(.ok))，有问题 \(s.count(.findings))，往返不一致 \(s.count(.differences))，无法读取 \(s.count(.unreadable))，写出失败 \(s.count(.failed))；其中 \(s.skipped) 个已是最新而跳过"
      : "\(s.rows.count)/\(s.planned) departments: \(s.count(.ok)) ok, \(s.count(.findings)) with findings, \(s.count(.differences)) with differences, \(s.count(.unreadable)) unreadable, \(s.count(.failed)) failed; \(s.skipped) skipped as up to date"
    let (seconds, perSecond) = (s.seconds.text(decimals: 1), rate.text(decimals: 1))
    line += zh ? "；用时 \(seconds) 秒，\(perSecond) 个/秒" : "; \(seconds) s, \(perSecond)/s"
    if skippedByShard > 0 {
      line += zh ? "（另有 \(skippedByShard) 个属于其他分片）" : " (\(skippedByShard) more belong to other shards)"
    }
    if s.cancelled {
      line += zh ? "。已中断，再次运行将继续。" : ". Interrupted; run again to resume."
    } else if let limit, s.notReached > 0 {
      line +=
        zh
        ? "。已按 --limit \(limit) 停止，还有 \(s.notReached) 个部门留待下次运行。"
        : ". Stopped at --limit \(limit); \(s.notReached) department(s) left for the next run."
    }
    Console.error(line)
  }
}
