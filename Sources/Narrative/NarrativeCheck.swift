import Budget

/// A figure of a published narrative that disagrees with the tables.
public struct NarrativeDiscrepancy: Sendable, Equatable {
  /// The section it is in.
  public var section: NarrativeSection
  /// The claim id, e.g. `operating.change%` (for programs).
  public var id: String
  /// What the figure is, for people: `机关运行经费比上年增减幅度`.
  public var title: String
  /// 1-based line of the published text.
  public var line: Int
  /// The figure as printed, with its unit (`0.96%`).
  public var printed: String
  /// The figure the tables give (`0.97%`).
  public var expected: String
  /// The text just before the figure.
  public var context: String
}

/// What `--check` found.
public struct NarrativeCheckResult: Sendable {
  /// Figures that disagree with the tables.
  public var discrepancies: [NarrativeDiscrepancy]
  /// How many figures were compared.
  public var checked: Int
  /// Figures that no table gives (政府采购, a previous year not supplied …), as printed with context.
  public var unchecked: [String]
}

/// Reads the figures of a published 情况说明 and compares each with the tables: amounts in 万元
/// by the label before them, a percentage with the amount it follows (its share, or the change
/// on last year). Last year's figures not supplied are taken from the text itself, so that at
/// least the arithmetic of a change and its percentage is checked.
public enum NarrativeCheck {
  struct Token {
    var value: Amount
    var text: String
    var unit: String  // 万元, 个, %
    var before: String
    var line: Int
  }

  /// Checks a published text against the figures of the tables.
  public static func check(_ text: String, against figures: NarrativeFigures) -> NarrativeCheckResult {
    var result = NarrativeCheckResult(discrepancies: [], checked: 0, unchecked: [])
    var section: NarrativeSection?
    var chars: [(Character, Int)] = []
    var bySection: [(NarrativeSection, [(Character, Int)])] = []
    for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = String(raw.trimmingSpace())
      if let s = NarrativeSection.heading(line) {
        if let section { bySection.append((section, chars)) }
        section = s
        chars = []
        continue
      }
      // A text copied without its line breaks has its headings inside one long line.
      for (heading, piece) in pieces(line) {
        if let heading {
          if let section { bySection.append((section, chars)) }
          section = heading
          chars = []
        }
        chars += piece.filter { !$0.isSpace }.map { ($0, i + 1) }
      }
    }
    if let section { bySection.append((section, chars)) }
    for (section, chars) in bySection {
      let claims = figures.sections[section] ?? []
      var lastPercent: (Amount?, String, String)? = nil
      var sectionPrevious: Amount?
      for token in tokens(chars) {
        let place = "\(token.before.suffix(12))\(token.text)"
        if token.unit == "%" {
          guard let (expected, id, title) = lastPercent, let expected else {
            result.unchecked.append(place)
            continue
          }
          result.checked += 1
          if expected != token.value {
            result.discrepancies.append(
              NarrativeDiscrepancy(
                section: section, id: id + "%", title: title, line: token.line, printed: token.text,
                expected: expected.text() + "%",
                context: String(token.before.suffix(24))))
          }
          continue
        }
        guard let claim = match(token, claims) else {
          result.unchecked.append(place)
          lastPercent = nil
          continue
        }
        var expected: Amount?
        switch claim.kind {
        case .amount(let a, let pct):
          expected = a ?? .zero
          lastPercent = (pct, claim.id, claim.title + "占比")
        case .previous(let p):
          expected = p
          sectionPrevious = p ?? token.value
          lastPercent = nil
        case .change(let current, let given):
          let decrease = lastIndex(of: "减少", in: token.before) > lastIndex(of: "增加", in: token.before)
          let signed = decrease ? -token.value : token.value
          if let previous = given ?? sectionPrevious, let diff = current.subtracting(previous) {
            expected = diff.magnitude
            // The direction is wrong: show the signed change.
            if diff.isZero == false, (diff < .zero) != decrease { expected = diff }
            lastPercent = (diff.magnitude.percent(of: previous), claim.id, claim.title + "幅度")
          } else {
            // Last year not given: infer it from the printed change, and check only the percentage.
            // (A difference too large for an amount leaves the change unchecked, never a trap.)
            guard let previous = current.subtracting(signed) else {
              result.unchecked.append(place)
              continue
            }
            lastPercent = (token.value.percent(of: previous), claim.id, claim.title + "幅度")
            result.unchecked.append(place)
            continue
          }
        }
        guard let expected else {
          result.unchecked.append(place)
          continue
        }
        result.checked += 1
        if expected != token.value {
          result.discrepancies.append(
            NarrativeDiscrepancy(
              section: section, id: claim.id, title: claim.title, line: token.line, printed: token.text,
              expected: expected.narrative + claim.unit, context: String(token.before.suffix(24))))
        }
      }
    }
    return result
  }

  /// A line cut where a section heading starts inside it (a numeral and 、 then the heading's
  /// words): the text before the first heading (nil section), then each heading's section with
  /// its text.
  static func pieces(_ line: String) -> [(NarrativeSection?, Substring)] {
    let numerals: Set<Character> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
    var starts: [(String.Index, NarrativeSection)] = []
    var previous: Character?
    var i = line.startIndex
    while i < line.endIndex {
      let c = line[i]
      if numerals.contains(c), !(previous.map(numerals.contains) ?? false),
        let s = NarrativeSection.heading(String(line[i...].prefix(24)))
      {
        starts.append((i, s))
      }
      previous = c
      i = line.index(after: i)
    }
    guard let first = starts.first else { return [(nil, line[...])] }
    var out: [(NarrativeSection?, Substring)] = [(nil, line[..<first.0])]
    for (k, start) in starts.enumerated() {
      let end = k + 1 < starts.count ? starts[k + 1].0 : line.endIndex
      out.append((start.1, line[start.0..<end]))
    }
    return out
  }

  static func lastIndex(of needle: String, in text: String) -> Int {
    guard let r = text.ranges(of: needle).last else { return -1 }
    return text.distance(from: text.startIndex, to: r.lowerBound)
  }

  /// The claim whose label ends closest before the figure (the longest on a tie).
  static func match(_ token: Token, _ claims: [NarrativeClaim]) -> NarrativeClaim? {
    var best: (claim: NarrativeClaim, end: Int, length: Int)?
    let text = token.before
    for claim in claims where claim.unit == token.unit {
      for fragments in claim.labels {
        var searchFrom = text.startIndex
        var end: String.Index?
        var ok = true
        for (k, fragment) in fragments.enumerated() {
          let range =
            k == fragments.count - 1
            ? text[searchFrom...].ranges(of: fragment).last : text[searchFrom...].firstRange(of: fragment)
          guard let range else {
            ok = false
            break
          }
          searchFrom = range.upperBound
          end = range.upperBound
        }
        guard ok, let end else { continue }
        let e = text.distance(from: text.startIndex, to: end)
        let length = fragments.reduce(0) { $0 + $1.count }
        if best == nil || e > best!.end || (e == best!.end && length > best!.length) { best = (claim, e, length) }
      }
    }
    return best?.claim
  }

  /// The figures of a section's text: a number followed by 万元, 个, % or 个百分比.
  static func tokens(_ chars: [(Character, Int)]) -> [Token] {
    var out: [Token] = []
    var i = 0
    var lastEnd = 0
    let text = chars.map(\.0)
    while i < text.count {
      let c = text[i]
      let startsNumber =
        c.isASCII && c.isNumber
        && (i == 0 || !(text[i - 1].isASCII && (text[i - 1].isNumber || text[i - 1] == "." || text[i - 1] == ",")))
      guard startsNumber else {
        i += 1
        continue
      }
      var j = i
      while j < text.count, text[j].isASCII, text[j].isNumber || text[j] == "," || text[j] == "." { j += 1 }
      var number = String(text[i..<j])
      while number.hasSuffix(".") || number.hasSuffix(",") {
        number.removeLast()
        j -= 1
      }
      let rest = String(text[j..<min(text.count, j + 4)])
      var unit: String?
      var unitLength = 0
      for (spelling, u) in [("个百分比", "%"), ("万元", "万元"), ("%", "%"), ("％", "%"), ("个", "个")]
      where rest.hasPrefix(spelling) {
        unit = u
        unitLength = spelling.count
        break
      }
      guard let unit, let value = Amount(parsing: number.filter { $0 != "," }) else {
        i = j
        continue
      }
      let printedUnit = String(text[j..<(j + unitLength)])
      out.append(
        Token(value: value, text: number + printedUnit, unit: unit, before: String(text[lastEnd..<i]), line: chars[i].1)
      )
      i = j + unitLength
      lastEnd = i
    }
    return out
  }
}
