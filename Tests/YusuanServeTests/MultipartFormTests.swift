import XCTest

@testable import YusuanServe

/// The upload parser and the file-name rules: what a browser sends is read exactly, and a file
/// name never carries a path or an unreadable type through.
final class MultipartFormTests: XCTestCase {
  func body(_ parts: [(headers: String, content: String)], boundary: String) -> [UInt8] {
    var text = ""
    for part in parts { text += "--\(boundary)\r\n\(part.headers)\r\n\r\n\(part.content)\r\n" }
    text += "--\(boundary)--\r\n"
    return Array(text.utf8)
  }

  func testBoundary_QuotedOrNot_AndOnlyForFormData() {
    XCTAssertEqual(MultipartForm.boundary(contentType: "multipart/form-data; boundary=----abc123"), "----abc123")
    XCTAssertEqual(
      MultipartForm.boundary(contentType: "Multipart/Form-Data; charset=utf-8; boundary=\"a b;c\""), "a b;c")
    XCTAssertNil(MultipartForm.boundary(contentType: "application/x-www-form-urlencoded"))
    XCTAssertNil(MultipartForm.boundary(contentType: "multipart/form-data"))
    XCTAssertNil(
      MultipartForm.boundary(contentType: "multipart/form-data; boundary=" + String(repeating: "x", count: 71)))
  }

  func testParts_TwoFilesAndAField_KeepTheirBytesAndNames() throws {
    let boundary = "XyZ"
    // The boundary text without the CRLF-- before it is data, not a separator.
    let parts = try XCTUnwrap(
      MultipartForm.parts(
        of: body(
          [
            ("Content-Disposition: form-data; name=\"lang\"", "en"),
            (
              "Content-Disposition: form-data; name=\"files\"; filename=\"预算 \\\"表\\\".csv\"\r\nContent-Type: text/csv",
              "a,b\r\n-XyZ,1"
            ),
            ("content-disposition: form-data; filename=\"b.json\"; name=\"files\"", ""),
          ], boundary: boundary), boundary: boundary))
    XCTAssertEqual(parts.count, 3)
    XCTAssertEqual(parts[0].name, "lang")
    XCTAssertNil(parts[0].fileName)
    XCTAssertEqual(parts[0].text, "en")
    XCTAssertEqual(parts[1].fileName, "预算 \"表\".csv")
    XCTAssertEqual(parts[1].text, "a,b\r\n-XyZ,1")
    XCTAssertEqual(parts[2].name, "files")
    XCTAssertEqual(parts[2].fileName, "b.json")
    XCTAssertEqual(parts[2].bytes, [])
  }

  func testParts_MalformedBodiesAreRefused() {
    XCTAssertNil(MultipartForm.parts(of: Array("garbage".utf8), boundary: "b"))
    // Cut before the closing delimiter.
    XCTAssertNil(
      MultipartForm.parts(of: Array("--b\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\nabc".utf8), boundary: "b")
    )
    // A part without Content-Disposition.
    XCTAssertNil(
      MultipartForm.parts(of: Array("--b\r\nContent-Type: text/plain\r\n\r\nabc\r\n--b--".utf8), boundary: "b"))
  }

  func testUploadName_KeepsOnlyTheLastComponent_AndDropsControlCharacters() {
    XCTAssertEqual(UploadName.display("../../etc/passwd"), "passwd")
    XCTAssertEqual(UploadName.display("C:\\Users\\会计\\部门预算.xlsx"), "部门预算.xlsx")
    XCTAssertEqual(UploadName.display("a\u{0}b\r\n\u{202E}c.csv"), "abc.csv")
    XCTAssertEqual(UploadName.display(".."), "upload")
    XCTAssertEqual(UploadName.display("dir/"), "dir")
    XCTAssertEqual(UploadName.display(String(repeating: "长", count: 500)).count, 120)
  }

  func testUploadName_ReadsOnlyTheFormatsYusuanReads() {
    XCTAssertEqual(UploadName.readableExtension("部门预算.XLSX"), "xlsx")
    XCTAssertEqual(UploadName.readableExtension("old.xls"), "xls")
    XCTAssertEqual(UploadName.readableExtension("t.json"), "json")
    XCTAssertNil(UploadName.readableExtension("virus.exe"))
    XCTAssertNil(UploadName.readableExtension("xlsx"))
    XCTAssertNil(UploadName.readableExtension(".csv"))
    XCTAssertEqual(UploadName.stem("大同市科学技术局/../x", fallback: "d"), "大同市科学技术局x")
    XCTAssertEqual(UploadName.stem("../", fallback: "d"), "d")
  }

  func testPercentEncoding_OfAChineseFileName() {
    XCTAssertEqual(YusuanServer.percentEncoded("科技局-yusuan.zip"), "%E7%A7%91%E6%8A%80%E5%B1%80-yusuan.zip")
  }

  func testDefaults_ListenOnLoopbackWithTheReadersLimits() {
    let options = ServeOptions()
    XCTAssertEqual(options.host, "127.0.0.1")
    XCTAssertEqual(options.configuration.limits, .default)
    XCTAssertTrue(YusuanServer.listeningLine(host: "127.0.0.1", port: 8080, language: .zh).contains("只接受本机访问"))
    XCTAssertTrue(YusuanServer.listeningLine(host: "0.0.0.0", port: 8080, language: .en).contains("other computers"))
  }
}
