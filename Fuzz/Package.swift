// swift-tools-version:6.0
import PackageDescription

/// libFuzzer targets for the parts of `survey` that read untrusted bytes: the CSV reader and
/// importer, the definition loader, the expression parser (`when:` and `--where`) and the
/// terminal form's typed-answer parser. One executable per fuzzer; libFuzzer supplies `main`.
///
/// A separate package, so that the main package's `swift build`/`swift test` never compile
/// with sanitizers. Build and run through `make fuzz` (see docs/safety.md and the Makefile),
/// which builds into `.build-fuzz` with one `-sanitize=fuzzer,address` for every module.
let package = Package(
    name: "survey-fuzz",
    products: [
        .executable(name: "fuzz-csv-import", targets: ["CSVImportFuzzer"]),
        .executable(name: "fuzz-definition", targets: ["DefinitionFuzzer"]),
        .executable(name: "fuzz-condition", targets: ["ConditionFuzzer"]),
        .executable(name: "fuzz-typed-answer", targets: ["TypedAnswerFuzzer"]),
    ],
    dependencies: [
        // Named, so that `package: "survey"` holds whatever the checkout's folder is called.
        .package(name: "survey", path: ".."),
    ],
    targets: [
        .target(name: "FuzzFixtures", dependencies: [.product(name: "SurveyModel", package: "survey")]),
        .executableTarget(name: "CSVImportFuzzer", dependencies: [
            "FuzzFixtures", .product(name: "SurveyModel", package: "survey"), .product(name: "SurveyImport", package: "survey"),
        ]),
        .executableTarget(name: "DefinitionFuzzer", dependencies: [.product(name: "SurveyModel", package: "survey")]),
        .executableTarget(name: "ConditionFuzzer", dependencies: ["FuzzFixtures", .product(name: "SurveyModel", package: "survey")]),
        .executableTarget(name: "TypedAnswerFuzzer", dependencies: [
            "FuzzFixtures", .product(name: "SurveyModel", package: "survey"), .product(name: "SurveyEntry", package: "survey"),
        ]),
    ]
)
