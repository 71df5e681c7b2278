internal import CLibXML2

/// The XML namespaces a reader cares about, with Transitional and Strict OOXML folded together.
package enum XMLNamespace: UInt8, Sendable {
  /// No namespace.
  case none
  /// SpreadsheetML main (Transitional or Strict).
  case spreadsheet
  /// Office document relationships, used by `r:id` (Transitional or Strict).
  case officeRelationships
  /// OPC package relationships (`.rels` parts).
  case packageRelationships
  /// Anything else (extensions, markup compatibility, …).
  case other

  /// Classifies a NUL-terminated namespace URI.
  package static func classify(_ uri: UnsafePointer<UInt8>?) -> XMLNamespace {
    guard let uri else { return .none }
    if cEquals(uri, "http://schemas.openxmlformats.org/spreadsheetml/2006/main")
      || cEquals(uri, "http://purl.oclc.org/ooxml/spreadsheetml/main")
    {
      return .spreadsheet
    }
    if cEquals(uri, "http://schemas.openxmlformats.org/officeDocument/2006/relationships")
      || cEquals(uri, "http://purl.oclc.org/ooxml/officeDocument/relationships")
    {
      return .officeRelationships
    }
    if cEquals(uri, "http://schemas.openxmlformats.org/package/2006/relationships") { return .packageRelationships }
    return .other
  }
}

/// Whether a NUL-terminated byte string equals a literal; stops at the first difference.
@inline(__always)
package func cEquals(_ p: UnsafePointer<UInt8>, _ literal: StaticString) -> Bool {
  let q = literal.utf8Start
  let n = literal.utf8CodeUnitCount
  var i = 0
  while i < n {
    if p[i] != q[i] { return false }
    i += 1
  }
  return p[n] == 0
}

/// An element's local name (valid only during the callback) and its namespace.
package struct XMLName {
  /// The local name, NUL-terminated, without prefix.
  package let local: UnsafePointer<UInt8>
  /// The element's namespace.
  package let namespace: XMLNamespace

  /// Whether this is the SpreadsheetML element with the given local name.
  @inline(__always)
  package func isSpreadsheet(_ literal: StaticString) -> Bool {
    namespace == .spreadsheet && cEquals(local, literal)
  }
}

/// The attributes of a start tag, as libxml2 SAX2 hands them over (valid only during the callback).
package struct XMLAttributes {
  fileprivate let base: UnsafeMutablePointer<UnsafePointer<UInt8>?>?
  /// Number of attributes.
  package let count: Int

  /// The local name of attribute `i`.
  @inline(__always)
  package func localName(_ i: Int) -> UnsafePointer<UInt8> { base![i * 5]! }

  /// The namespace URI of attribute `i` (nil for unprefixed attributes).
  @inline(__always)
  package func uri(_ i: Int) -> UnsafePointer<UInt8>? { base![i * 5 + 2] }

  /// The value bytes of attribute `i` (entities already decoded by libxml2).
  @inline(__always)
  package func value(_ i: Int) -> UnsafeBufferPointer<UInt8> {
    let start = base![i * 5 + 3]!
    let end = base![i * 5 + 4]!
    return UnsafeBufferPointer(start: start, count: end - start)
  }

  /// The value of the unprefixed attribute with the given local name, if present.
  package func value(of literal: StaticString) -> UnsafeBufferPointer<UInt8>? {
    for i in 0..<count where uri(i) == nil && cEquals(localName(i), literal) { return value(i) }
    return nil
  }

  /// The value of an attribute as a String.
  package func string(of literal: StaticString) -> String? {
    value(of: literal).map { String(decoding: $0, as: UTF8.self) }
  }
}

/// Receives the events of an `XMLPushParser`; subclasses override what they need (the defaults
/// ignore the event). Throwing stops the parse with that error. A base class rather than a
/// protocol, because the parser then calls it through an unretained reference: a protocol
/// existential was retained and released around every one of millions of events.
package class XMLEventHandler {
  /// A start tag.
  package func startElement(_ name: XMLName, _ attributes: XMLAttributes) throws(XLSXReadError) {}
  /// An end tag.
  package func endElement(_ name: XMLName) throws(XLSXReadError) {}
  /// Character data (text may arrive in several pieces).
  package func characters(_ text: UnsafeBufferPointer<UInt8>) throws(XLSXReadError) {}
}

/// libxml2 is configured once per process: external entities can never be loaded.
private let libxmlSetup: Void = {
  xmlInitParser()
  xmlSetExternalEntityLoader { _, _, _ in nil }
}()

/// A libxml2 SAX2 push parser fed chunk by chunk (never a DOM, never a whole part in memory).
/// Any DOCTYPE is refused; entities are never substituted; the network is never touched.
package final class XMLPushParser {
  private let file: String
  private let part: String
  // Called unretained on the hot path; `handlerOwner` keeps it alive for the parser's whole life.
  private let handler: Unmanaged<XMLEventHandler>
  private let handlerOwner: XMLEventHandler
  private var ctxt: xmlParserCtxtPtr?
  fileprivate var failure: XLSXReadError?
  /// Set with `failure`; a plain flag so that the per-event check costs nothing.
  @exclusivity(unchecked) private var stopped = false
  fileprivate var xmlProblem: (line: Int, column: Int, message: String)?
  // Nearly every element of a part shares one namespace URI pointer (libxml2 interns them).
  @exclusivity(unchecked) private var lastURI: UnsafePointer<UInt8>?
  @exclusivity(unchecked) private var lastNamespace = XMLNamespace.none
  private var attributeGuard: AttributeCountGuard

  /// The only options ever passed: no network, CDATA as text, compact nodes.
  private static let options = Int32(
    XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_COMPACT.rawValue)

  /// Creates a parser for one part; `file` and `part` locate errors. A start tag with more than
  /// `maxAttributes` attributes is refused before libxml2 sees it.
  package init(
    file: String, part: String, handler: XMLEventHandler,
    maxAttributes: Int = Limits.default.maxAttributesPerElement
  ) {
    _ = libxmlSetup
    self.attributeGuard = AttributeCountGuard(limit: maxAttributes)
    self.file = file
    self.part = part
    self.handler = Unmanaged.passUnretained(handler)
    self.handlerOwner = handler
    var sax = xmlSAXHandler()
    sax.initialized = XML_SAX2_MAGIC
    sax.startElementNs = { ctx, localname, _, uri, _, _, nbAttributes, _, attributes in
      guard let ctx, let localname else { return }
      Unmanaged<XMLPushParser>.fromOpaque(ctx)._withUnsafeGuaranteedRef {
        $0.start(localname, uri, Int(nbAttributes), attributes)
      }
    }
    sax.endElementNs = { ctx, localname, _, uri in
      guard let ctx, let localname else { return }
      Unmanaged<XMLPushParser>.fromOpaque(ctx)._withUnsafeGuaranteedRef { $0.end(localname, uri) }
    }
    sax.characters = { ctx, ch, len in
      guard let ctx, let ch else { return }
      Unmanaged<XMLPushParser>.fromOpaque(ctx)._withUnsafeGuaranteedRef { $0.text(ch, Int(len)) }
    }
    // Whitespace is data inside <t xml:space="preserve">; libxml2 may report it separately.
    sax.ignorableWhitespace = sax.characters
    // Any DTD is refused the moment its declaration starts (OPC §8.1.4 forbids DTDs).
    sax.internalSubset = { ctx, _, _, _ in
      guard let ctx else { return }
      Unmanaged<XMLPushParser>.fromOpaque(ctx).takeUnretainedValue().refuseDoctype()
    }
    sax.externalSubset = sax.internalSubset
    sax.entityDecl = { ctx, _, _, _, _, _ in
      guard let ctx else { return }
      Unmanaged<XMLPushParser>.fromOpaque(ctx).takeUnretainedValue().refuseDoctype()
    }
    // The structured handler's pointer type differs between libxml2 versions: no explicit types.
    sax.serror = { ctx, error in
      guard let ctx, let error else { return }
      let parser = Unmanaged<XMLPushParser>.fromOpaque(ctx).takeUnretainedValue()
      guard parser.xmlProblem == nil, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
      var message = error.pointee.message.map { String(cString: $0) } ?? "XML error \(error.pointee.code)"
      while message.last?.isWhitespace == true { message.removeLast() }
      parser.xmlProblem = (Int(error.pointee.line), Int(error.pointee.int2), message)
    }
    let me = Unmanaged.passUnretained(self).toOpaque()
    ctxt = xmlCreatePushParserCtxt(&sax, me, nil, 0, part)
    if let ctxt { xmlCtxtUseOptions(ctxt, Self.options) }
  }

  deinit {
    if let ctxt { xmlFreeParserCtxt(ctxt) }
  }

  /// Parses the next chunk of the part.
  package func feed(_ chunk: UnsafeRawBufferPointer) throws(XLSXReadError) {
    guard let ctxt else { throw .malformedXML(file: file, part: part, line: 0, column: 0, message: "out of memory") }
    guard chunk.count > 0 else { return }
    guard attributeGuard.scan(chunk) else {
      let error = XLSXReadError.tooManyAttributes(file: file, part: part, limit: attributeGuard.limit)
      stop(error)
      throw failure ?? error
    }
    let rc = xmlParseChunk(ctxt, chunk.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(chunk.count), 0)
    try check(rc)
  }

  /// Signals the end of the part; throws if the document is incomplete.
  package func finish() throws(XLSXReadError) {
    guard let ctxt else { throw .malformedXML(file: file, part: part, line: 0, column: 0, message: "out of memory") }
    let rc = xmlParseChunk(ctxt, nil, 0, 1)
    try check(rc)
  }

  private func check(_ rc: Int32) throws(XLSXReadError) {
    if let failure { throw failure }
    if rc != 0 || xmlProblem != nil {
      let p = xmlProblem ?? (0, 0, "XML error \(rc)")
      throw .malformedXML(file: file, part: part, line: p.line, column: p.column, message: p.message)
    }
  }

  private func stop(_ error: XLSXReadError) {
    if !stopped { failure = error }
    stopped = true
    if let ctxt { xmlStopParser(ctxt) }
  }

  fileprivate func refuseDoctype() {
    stop(.doctypeForbidden(file: file, part: part))
  }

  @inline(__always)
  private func namespace(_ uri: UnsafePointer<UInt8>?) -> XMLNamespace {
    if uri == lastURI { return lastNamespace }
    lastURI = uri
    lastNamespace = XMLNamespace.classify(uri)
    return lastNamespace
  }

  fileprivate func start(
    _ local: UnsafePointer<UInt8>, _ uri: UnsafePointer<UInt8>?, _ count: Int,
    _ attributes: UnsafeMutablePointer<UnsafePointer<UInt8>?>?
  ) {
    guard !stopped else { return }
    let name = XMLName(local: local, namespace: namespace(uri))
    handler._withUnsafeGuaranteedRef { handler in
      do throws(XLSXReadError) { try handler.startElement(name, XMLAttributes(base: attributes, count: count)) } catch {
        stop(error)
      }
    }
  }

  fileprivate func end(_ local: UnsafePointer<UInt8>, _ uri: UnsafePointer<UInt8>?) {
    guard !stopped else { return }
    let name = XMLName(local: local, namespace: namespace(uri))
    handler._withUnsafeGuaranteedRef { handler in
      do throws(XLSXReadError) { try handler.endElement(name) } catch { stop(error) }
    }
  }

  fileprivate func text(_ bytes: UnsafePointer<UInt8>, _ count: Int) {
    guard !stopped else { return }
    handler._withUnsafeGuaranteedRef { handler in
      do throws(XLSXReadError) { try handler.characters(UnsafeBufferPointer(start: bytes, count: count)) } catch {
        stop(error)
      }
    }
  }
}

extension ZipArchive {
  /// Streams one part through a SAX handler, chunk by chunk, under `budget` bytes.
  package func parse(_ part: String, budget: Int, handler: XMLEventHandler) throws(XLSXReadError) {
    let parser = XMLPushParser(file: name, part: part, handler: handler, maxAttributes: limits.maxAttributesPerElement)
    try read(part, budget: budget) { chunk throws(XLSXReadError) in try parser.feed(chunk) }
    try parser.finish()
  }
}
