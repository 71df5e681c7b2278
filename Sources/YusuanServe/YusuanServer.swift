import Hummingbird
import ServiceLifecycle
import YusuanKit

/// `yusuan serve`: the upload page, the reports and the downloads over HTTP (Hummingbird).
/// Every request goes through YusuanKit as the commands do; nothing the browser sends is used
/// as a path, and uploads live in a private folder only while their request runs.
public struct YusuanServer: Sendable {
  /// How the server listens and what it accepts.
  public var options: ServeOptions
  private let store = ResultStore()

  /// A server with these options (not yet listening).
  public init(options: ServeOptions) {
    self.options = options
  }

  /// Listens until SIGINT or SIGTERM, then finishes the requests in flight and returns.
  /// `announce` gets the lines to tell the user (the address once listening).
  public func run(announce: @escaping @Sendable (String) -> Void) async throws {
    let router = Router()
    router.get("/") { request, _ in
      self.page(ServePages.upload(self.language(request), limits: self.options.configuration.limits))
    }
    router.post("/report") { request, _ in await self.upload(request) }
    router.get("/report/:token") { request, context in
      await self.report(request, token: context.parameters.get("token"))
    }
    router.get("/download/:token") { request, context in
      await self.download(request, token: context.parameters.get("token"))
    }
    let options = self.options
    let app = Application(
      router: router,
      configuration: .init(address: .hostname(options.host, port: options.port), serverName: nil),
      onServerRunning: { channel in
        let port = channel.localAddress?.port ?? options.port
        announce(Self.listeningLine(host: options.host, port: port, language: options.configuration.language))
      })
    // SIGINT or SIGTERM: stop accepting, close idle connections, let the requests in flight
    // finish, but for `shutdownGrace` at most (then they are cancelled).
    var configuration = ServiceGroupConfiguration(
      services: [app], gracefulShutdownSignals: [.sigterm, .sigint], cancellationSignals: [], logger: app.logger)
    configuration.maximumGracefulShutdownDuration = options.shutdownGrace
    try await ServiceGroup(configuration: configuration).run()
  }

  /// What the server says once listening: the address, and whether other computers can reach it.
  static func listeningLine(host: String, port: Int, language: Language) -> String {
    let shown = host.contains(":") ? "[\(host)]" : host
    let url = "http://\(shown):\(port)/"
    let loopback = host == "localhost" || host == "::1" || host.hasPrefix("127.")
    if language == .zh {
      return "yusuan serve 已启动：在浏览器中打开 \(url)\n"
        + (loopback ? "只接受本机访问（\(host)）。" : "注意：绑定在 \(host)，同一网络中的其他电脑也能访问。") + "按 Ctrl+C 停止。"
    }
    return "yusuan serve is running: open \(url) in a browser\n"
      + (loopback
        ? "Only this computer can connect (\(host))."
        : "Note: bound to \(host); other computers on the network can connect.")
      + " Press Ctrl+C to stop."
  }

  // MARK: Handlers

  private func upload(_ request: Request) async -> Response {
    let language = language(request)
    let configuration = options.configuration
    // Room for the form's own headers and boundaries beside the files.
    let bodyLimit = configuration.limits.maxFileBytes + (1 << 20)
    guard let contentType = request.headers[.contentType],
      let boundary = MultipartForm.boundary(contentType: contentType)
    else {
      return refuse(.notAnUpload, language)
    }
    if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > bodyLimit {
      return await refuseTooLarge(request, language)
    }
    let body: [UInt8]
    do {
      var buffer = try await request.body.collect(upTo: bodyLimit)
      body = buffer.readBytes(length: buffer.readableBytes) ?? []
    } catch {
      return await refuseTooLarge(request, language)
    }
    guard let parts = MultipartForm.parts(of: body, boundary: boundary) else { return refuse(.notAnUpload, language) }
    // A file input with nothing chosen still sends an empty part without a name.
    let sent = parts.filter { $0.fileName != nil && !($0.fileName!.isEmpty && $0.bytes.isEmpty) }
    guard !sent.isEmpty else { return refuse(.noFiles, language) }
    guard sent.count <= configuration.limits.maxUploadFiles else {
      return refuse(.tooManyFiles(count: sent.count, limit: configuration.limits.maxUploadFiles), language)
    }
    guard sent.reduce(0, { $0 + $1.bytes.count }) <= configuration.limits.maxFileBytes else {
      return refuse(.tooLarge(limit: configuration.limits.maxFileBytes), language)
    }
    var files: [UploadedFile] = []
    var narrative: UploadedFile?
    for part in sent {
      let name = UploadName.display(part.fileName ?? "")
      // The published 情况说明 comes in a field of its own: a text to check, not a table to read.
      if part.name == "narrative" {
        guard narrative == nil, UploadName.readableExtension(name) == "txt" else {
          return refuse(.unsupportedNarrative(name: name), language)
        }
        narrative = UploadedFile(name: name, fileExtension: "txt", bytes: part.bytes)
        continue
      }
      guard let ext = UploadName.readableExtension(name) else { return refuse(.unsupportedFile(name: name), language) }
      files.append(UploadedFile(name: name, fileExtension: ext, bytes: part.bytes))
    }
    guard !files.isEmpty else { return refuse(.noFiles, language) }
    do {
      let department = try DepartmentUpload.check(files, narrative: narrative, configuration, language: language)
      let token = await store.keep(department)
      return page(ServePages.result(department, token: token, language: language))
    } catch {
      return refuse(error, language)
    }
  }

  private func report(_ request: Request, token: String?) async -> Response {
    let language = language(request)
    guard let token, ResultStore.isToken(token[...]), let department = await store.department(token) else {
      return refuse(.expired, language)
    }
    // The report is a document of its own: no script, and framed by this server's pages only.
    var response = page(department.reportHTML)
    response.headers[.contentSecurityPolicy] =
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'"
    return response
  }

  private func download(_ request: Request, token: String?) async -> Response {
    let language = language(request)
    guard let token, ResultStore.isToken(token[...]), let department = await store.department(token) else {
      return refuse(.expired, language)
    }
    let query = request.uri.queryParameters
    let encoding = query.get("encoding").flatMap { TextEncoding(spelling: $0) } ?? .utf8BOM
    let layout = query.get("layout").flatMap { CSVLayout(rawValue: $0) } ?? .disclosure
    do {
      let zip = try DownloadBundle.make(department, encoding: encoding, layout: layout)
      var headers = Self.commonHeaders
      headers[.contentType] = "application/zip"
      headers[.contentDisposition] =
        "attachment; filename=\"yusuan.zip\"; filename*=UTF-8''" + Self.percentEncoded(zip.name)
      return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: zip.bytes)))
    } catch {
      let message = (error as? LocalizedMessage)?.message(language) ?? String(describing: error)
      return refuse(.unreadable(message: message), language, status: .internalServerError)
    }
  }

  /// Reads and drops the rest of a too-large body (up to a bound), so that the browser sees the
  /// refusal page instead of a reset connection.
  private func refuseTooLarge(_ request: Request, _ language: Language) async -> Response {
    var drained = 0
    do {
      for try await chunk in request.body {
        drained += chunk.readableBytes
        if drained > 4 << 30 { break }
      }
    } catch {}
    return refuse(.tooLarge(limit: options.configuration.limits.maxFileBytes), language)
  }

  // MARK: Responses

  private func language(_ request: Request) -> Language {
    request.uri.queryParameters.get("lang").flatMap { Language(rawValue: $0) } ?? options.configuration.language
  }

  private static let commonHeaders: HTTPFields = [
    .xContentTypeOptions: "nosniff",
    .init("Referrer-Policy")!: "no-referrer",
    .cacheControl: "no-store",
  ]

  private func page(_ html: String, status: HTTPResponse.Status = .ok) -> Response {
    var headers = Self.commonHeaders
    headers[.contentType] = "text/html; charset=utf-8"
    headers[.contentSecurityPolicy] =
      "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; frame-src 'self'; form-action 'self'; frame-ancestors 'self'"
    return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
  }

  private func refuse(_ refusal: ServeRefusal, _ language: Language, status: HTTPResponse.Status? = nil) -> Response {
    page(ServePages.refusal(refusal, language: language), status: status ?? refusal.status)
  }

  /// RFC 5987 percent-encoding of a file name (every byte but unreserved ASCII).
  static func percentEncoded(_ text: String) -> String {
    var out = ""
    for byte in text.utf8 {
      let unreserved =
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
        || byte == 0x2D || byte == 0x2E || byte == 0x5F || byte == 0x7E
      if unreserved {
        out.unicodeScalars.append(Unicode.Scalar(byte))
      } else {
        let hex = String(byte, radix: 16, uppercase: true)
        out += "%" + (hex.count == 1 ? "0" + hex : hex)
      }
    }
    return out
  }
}
