// swift-tools-version:6.1
import PackageDescription

let package = Package(
  name: "Yusuan",
  products: [
    .library(name: "Sheets", targets: ["Sheets"]),
    .library(name: "Budget", targets: ["Budget"]),
    .library(name: "Layouts", targets: ["Layouts"]),
    .library(name: "Narrative", targets: ["Narrative"]),
    .library(name: "Validation", targets: ["Validation"]),
    .library(name: "YusuanKit", targets: ["YusuanKit"]),
    .executable(name: "yusuan", targets: ["yusuan"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    // `yusuan serve`; no default traits, so it links FoundationEssentials only (no swift-configuration).
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0", traits: []),
    .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
  ],
  targets: [
    // C libraries from Debian's -dev packages (scripts/install-deps installs them).
    .systemLibrary(name: "CXlsxWriter", pkgConfig: "xlsxwriter", providers: [.apt(["libxlsxwriter-dev"])]),
    .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
    .systemLibrary(name: "CLibZip", pkgConfig: "libzip", providers: [.apt(["libzip-dev"])]),
    .systemLibrary(name: "CFreeXL", pkgConfig: "freexl", providers: [.apt(["libfreexl-dev"])]),
    // glibc's <malloc.h>, for the allocator tuning Sheets offers the command line.
    .systemLibrary(name: "CMalloc"),

    // The leaf every module may use: the language of messages and messages that explain themselves.
    // Budget and Validation depend on it instead of on Sheets, so they link no I/O code and an
    // `import Sheets` there is a compile error (scripts/check-architecture.sh checks the rest).
    .target(name: "Messages"),
    // Spreadsheet I/O that knows nothing about budgets; the only module that imports a C module.
    .target(
      name: "Sheets",
      dependencies: [
        "Messages", "CXlsxWriter", "CLibXML2", "CLibZip", "CFreeXL",
        .target(name: "CMalloc", condition: .when(platforms: [.linux])),
      ]),
    // The canonical model: Disclosure, tables, exact amounts, codes, JSON.
    .target(name: "Budget", dependencies: ["Messages"]),
    // Table declarations: recognize grids as tables, render tables as grids.
    // Sets/ holds one declaration file per template set, Forms/ the 绩效目标申报表.
    .target(name: "Layouts", dependencies: ["Sheets", "Budget"]),
    // The narrative (情况说明): its figures from the tables, the draft text, the check of a published one.
    .target(name: "Narrative", dependencies: ["Budget", "Layouts"]),
    // Rules, findings, reports.
    .target(name: "Validation", dependencies: ["Budget", "Messages"]),
    // Yusuan as a Swift library: read, validate, write, convert, and the batch engine.
    .target(name: "YusuanKit", dependencies: ["Sheets", "Budget", "Layouts", "Narrative", "Validation"]),
    // `yusuan serve`: the upload page and its HTTP server.
    .target(
      name: "YusuanServe",
      dependencies: [
        "YusuanKit", .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
      ]),
    // The command line.
    .executableTarget(
      name: "yusuan",
      dependencies: [
        "YusuanKit", "YusuanServe", .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      // Start-up matters for one-file jobs: a non-PIE release executable skips ~78,000 run-time
      // relocations (release builds also link the Swift runtime statically: --static-swift-stdlib).
      linkerSettings: [
        .unsafeFlags(["-Xclang-linker", "-no-pie"], .when(platforms: [.linux], configuration: .release))
      ]),

    // The benchmark driver that benchmarks/run.sh times against its peers.
    .executableTarget(name: "sheets-bench", dependencies: ["Sheets", "Budget"], path: "benchmarks/SheetsBench"),

    // libFuzzer targets (fuzz/run.sh builds them with -sanitize=fuzzer); plain builds replay files.
    .target(name: "FuzzSupport", path: "fuzz/Support"),
    .executableTarget(name: "fuzz-xlsx", dependencies: ["FuzzSupport", "Sheets"], path: "fuzz/Targets/XLSX"),
    .executableTarget(name: "fuzz-xls", dependencies: ["FuzzSupport", "Sheets"], path: "fuzz/Targets/XLS"),
    .executableTarget(name: "fuzz-csv", dependencies: ["FuzzSupport", "Sheets"], path: "fuzz/Targets/CSV"),
    .executableTarget(
      name: "fuzz-layout", dependencies: ["FuzzSupport", "Sheets", "Layouts", "Validation"], path: "fuzz/Targets/Layout"
    ),
    .executableTarget(name: "fuzz-json", dependencies: ["FuzzSupport", "Budget"], path: "fuzz/Targets/JSON"),
    .executableTarget(
      name: "fuzz-model", dependencies: ["FuzzSupport", "Budget", "Sheets", "Layouts", "Validation"],
      path: "fuzz/Targets/Model"),

    .target(name: "TestSupport", dependencies: ["Sheets", "Budget"], path: "Tests/TestSupport"),
    .testTarget(name: "SheetsTests", dependencies: ["Sheets", "TestSupport"]),
    .testTarget(name: "BudgetTests", dependencies: ["Budget", "TestSupport"]),
    .testTarget(name: "LayoutsTests", dependencies: ["Layouts", "Sheets", "Budget", "Validation", "TestSupport"]),
    .testTarget(name: "NarrativeTests", dependencies: ["Narrative", "Layouts", "Budget", "TestSupport"]),
    .testTarget(name: "ValidationTests", dependencies: ["Validation", "Layouts", "Budget", "TestSupport"]),
    .testTarget(name: "EndToEndTests", dependencies: ["Budget", "TestSupport"]),
    .testTarget(name: "YusuanKitTests", dependencies: ["YusuanKit", "TestSupport"]),
    .testTarget(name: "YusuanServeTests", dependencies: ["YusuanServe", "YusuanKit", "TestSupport"]),
  ]
)
