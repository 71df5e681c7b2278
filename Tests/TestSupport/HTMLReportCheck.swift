import Foundation

/// Reads a Yusuan HTML report independently: Python's html5lib parses it strictly (any parse
/// error fails) and the DOM is returned as plain values, so tests assert on what a browser builds.
public enum HTMLReportCheck {
  /// A marked or anchored element of the page.
  public struct Element: Decodable, Sendable {
    /// The tag name (`td`, `li`, `section` …).
    public var tag: String
    /// The class list.
    public var classes: [String]
    /// The `title` attribute.
    public var title: String?
    /// The text content.
    public var text: String
    /// The `href` of every link inside.
    public var links: [String]
    /// The id of the nearest enclosing `<section>`.
    public var section: String?
  }

  /// What the parse found.
  public struct Page: Decodable, Sendable {
    /// Every element with an id, by id.
    public var ids: [String: Element]
    /// Whatever refers outside the page: `href`/`src` values other than fragments, `<link>` and
    /// `<script src>` elements, and `http:`, `https:`, `url(`, `@import` or `//` in the text.
    public var external: [String]
    /// The `lang` of `<html>`.
    public var lang: String?
    /// How many `<script>` elements the page has.
    public var scripts: Int
    /// Every `href`/`src` that is not a fragment of the page itself, as written.
    public var relative: [String]
    /// The text of the cells of every table row that has `<td>` cells.
    public var rows: [[String]]
  }

  static let script = #"""
    import json, re, sys, html5lib
    data = open(sys.argv[1], 'rb').read().decode('utf-8')
    parser = html5lib.HTMLParser(strict=True, tree=html5lib.getTreeBuilder('etree'), namespaceHTMLElements=False)
    root = parser.parse(data)
    external = []
    relative = []
    for el in root.iter():
        tag = el.tag if isinstance(el.tag, str) else ''
        if tag == 'link':
            external.append('<link>')
        if tag == 'script' and el.get('src') is not None:
            external.append('<script src>')
        for attr in ('href', 'src', 'action', 'srcset', 'data', 'poster'):
            v = el.get(attr)
            if v is not None and (re.match(r'^\s*([a-zA-Z][a-zA-Z0-9+.-]*:|//)', v) or not v.startswith('#')):
                external.append(attr + '=' + v)
            if v is not None and not v.startswith('#'):
                relative.append(v)
    for m in re.finditer(r'(https?:|url\(|@import|//[a-z])', data):
        external.append('text: ' + data[max(0, m.start() - 30):m.end() + 30])
    def text(el):
        return ''.join(el.itertext())
    ids = {}
    def walk(el, section):
        tag = el.tag if isinstance(el.tag, str) else ''
        if tag == 'section' and el.get('id'):
            section = el.get('id')
        if el.get('id'):
            ids[el.get('id')] = {
                'tag': tag, 'classes': (el.get('class') or '').split(), 'title': el.get('title'), 'text': text(el),
                'links': [a.get('href') for a in el.iter('a') if a.get('href') is not None], 'section': section}
        for child in el:
            walk(child, section)
    walk(root, None)
    rows = [[text(td) for td in tr.findall('td')] for tr in root.iter('tr') if tr.findall('td')]
    print(json.dumps({'ids': ids, 'external': external, 'relative': relative, 'rows': rows, 'lang': root.get('lang'),
                      'scripts': sum(1 for _ in root.iter('script'))}))
    """#

  /// Parses the page at `path` strictly; throws when it is not well-formed HTML.
  public static func parse(_ path: String) throws -> Page {
    let json = try Python3.run(script, arguments: [path], modules: ["html5lib"])
    return try JSONDecoder().decode(Page.self, from: Data(json.utf8))
  }
}
