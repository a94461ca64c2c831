// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Ouderstem",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "ouderstem", targets: ["ouderstem"]),
        .library(name: "SurveyCore", targets: ["SurveyCore"]),
        .library(name: "SurveyStore", targets: ["SurveyStore"]),
        .library(name: "SurveyReports", targets: ["SurveyReports"]),
        .library(name: "SurveyServer", targets: ["SurveyServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.0.0"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.0.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CXlsxWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),
        .systemLibrary(
            name: "CQRencode",
            pkgConfig: "libqrencode",
            providers: [.apt(["libqrencode-dev"])]
        ),
        // GLPK has no pkg-config file on Debian: the module map links it by name.
        .systemLibrary(
            name: "CGLPK",
            providers: [.apt(["libglpk-dev"])]
        ),
        .target(
            name: "SurveyCore",
            dependencies: [
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "SurveyStore",
            dependencies: [
                "SurveyCore",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        .target(
            name: "SurveyReports",
            dependencies: ["SurveyCore", "SurveyStore", "CXlsxWriter", "CQRencode", "CGLPK"]
        ),
        .target(
            name: "SurveyServer",
            dependencies: [
                "SurveyCore", "SurveyStore", "SurveyReports",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Templates"), .copy("Static")]
        ),
        .executableTarget(
            name: "ouderstem",
            dependencies: [
                "SurveyCore", "SurveyStore", "SurveyReports", "SurveyServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "SurveyCoreTests", dependencies: ["SurveyCore"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "SurveyStoreTests",
            dependencies: ["SurveyStore", .product(name: "PostgresNIO", package: "postgres-nio")],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "SurveyReportsTests", dependencies: ["SurveyReports", "SurveyStore"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "SurveyServerTests",
            dependencies: [
                "SurveyServer",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(name: "OuderstemTests", dependencies: ["ouderstem", "SurveyCore", "SurveyStore"]),
    ]
)
