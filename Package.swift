// swift-tools-version:6.0
import PackageDescription

/// The pipeline, one target per stage:
/// definition (SurveyModel) → import (SurveyImport) → statistics (SurveyStatistics)
/// → report (SurveyReport); the terminal form (SurveyEntry) sits beside import.
/// The `survey` executable is a thin command layer over them.
let package = Package(
    name: "survey",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "survey", targets: ["survey"]),
        .library(name: "SurveyModel", targets: ["SurveyModel"]),
        .library(name: "SurveyImport", targets: ["SurveyImport"]),
        // For the typed-answer fuzzer in Fuzz/.
        .library(name: "SurveyEntry", targets: ["SurveyEntry"]),
        .library(name: "XLSXReader", targets: ["XLSXReader"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // report.docx is a zip of XML parts.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .systemLibrary(name: "CCSV", path: "Sources/CCSV", providers: [.apt(["libcsv-dev"])]),
        .target(name: "SurveyModel", dependencies: [.product(name: "Yams", package: "Yams")]),
        // XLSX in: ZIPFoundation inflates a part while libxml2's push parser reads it (streaming).
        .systemLibrary(name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .target(name: "XLSXReader", dependencies: ["CLibXML2", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .target(
            name: "SurveyImport", dependencies: ["SurveyModel", "CCSV", "XLSXReader"],
            // The row loop touches a few class properties per field; runtime exclusivity
            // checks on them cost ~5% of an import and guard nothing that escapes the loop.
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]
        ),
        .systemLibrary(name: "CStemmer", path: "Sources/CStemmer", providers: [.apt(["libstemmer-dev"])]),
        .target(name: "SurveyStatistics", dependencies: ["SurveyModel", "SurveyImport", "CStemmer"]),
        // librsvg draws the PNG twins of the charts that report.md links; opened when the first
        // chart is drawn, not linked (Sources/CRsvg/shim.h says why).
        .systemLibrary(name: "CRsvg", path: "Sources/CRsvg"),
        // libpng encodes those pictures, tuned for speed (cairo's own PNG writer is not).
        .systemLibrary(name: "CPNG", path: "Sources/CPNG", pkgConfig: "libpng", providers: [.apt(["libpng-dev"])]),
        // libxlsxwriter writes report.xlsx and XLSForms; XLSXWriter is the one target that touches it.
        .systemLibrary(name: "CXlsxWriter", path: "Sources/CXlsxWriter", pkgConfig: "xlsxwriter", providers: [.apt(["libxlsxwriter-dev"])]),
        .target(name: "XLSXWriter", dependencies: ["CXlsxWriter"]),
        .target(
            name: "SurveyReport",
            dependencies: ["SurveyModel", "SurveyImport", "SurveyStatistics", "CRsvg", "CPNG", "CLibXML2", "XLSXWriter", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .systemLibrary(name: "CEditLine", path: "Sources/CEditLine", providers: [.apt(["libedit-dev"])]),
        .target(name: "SurveyEntry", dependencies: ["SurveyModel", "SurveyImport"]),
        // ReadStat writes the SPSS .sav and Stata .dta files of `survey export`.
        .systemLibrary(name: "CReadStat", path: "Sources/CReadStat", providers: [.apt(["libreadstat-dev"])]),
        .target(name: "SurveyExport", dependencies: ["SurveyModel", "SurveyImport", "CReadStat"]),
        // XLSForm (KoboToolbox, ODK) ⇄ definition; the mapping works on plain rows.
        .target(name: "SurveyXLSForm", dependencies: ["SurveyModel", "XLSXReader", "XLSXWriter", .product(name: "Yams", package: "Yams")]),
        .executableTarget(
            name: "survey",
            dependencies: [
                "SurveyModel", "SurveyImport", "SurveyStatistics", "SurveyReport", "SurveyEntry", "SurveyExport", "SurveyXLSForm", "CEditLine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "XLSXReaderTests", dependencies: ["XLSXReader", .product(name: "ZIPFoundation", package: "ZIPFoundation")], path: "Tests/XLSXReaderTests"),
        .testTarget(name: "SurveyModelTests", dependencies: ["SurveyModel"], path: "Tests/SurveyModelTests"),
        .testTarget(name: "SurveyImportTests", dependencies: ["SurveyImport", "XLSXReader"], path: "Tests/SurveyImportTests"),
        .testTarget(name: "SurveyStatisticsTests", dependencies: ["SurveyStatistics"], path: "Tests/SurveyStatisticsTests"),
        .testTarget(
            name: "SurveyReportTests", dependencies: ["SurveyReport", "CCairo", "XLSXReadBack", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            path: "Tests/SurveyReportTests"
        ),
        .testTarget(name: "SurveyEntryTests", dependencies: ["SurveyEntry"], path: "Tests/SurveyEntryTests"),
        .testTarget(name: "SurveyXLSFormTests", dependencies: ["SurveyXLSForm"], path: "Tests/SurveyXLSFormTests"),
        // cairo's PNG reader, which the chart tests read the pictures back with.
        .systemLibrary(name: "CCairo", path: "Tests/CCairo", pkgConfig: "cairo", providers: [.apt(["libcairo2-dev"])]),
        // The tests' own reading of .xlsx files (zip + XML parser), independent of libxlsxwriter.
        .target(name: "XLSXReadBack", dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")], path: "Tests/XLSXReadBack"),
        .testTarget(name: "XLSXWriterTests", dependencies: ["XLSXWriter", "XLSXReadBack"], path: "Tests/XLSXWriterTests"),
        .testTarget(name: "SurveyExportTests", dependencies: ["SurveyExport"], path: "Tests/SurveyExportTests"),
        .testTarget(
            name: "SurveyCLITests", dependencies: ["survey", "XLSXReadBack", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            path: "Tests/SurveyCLITests"
        ),
    ]
)
