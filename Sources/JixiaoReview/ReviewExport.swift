import Foundation
import JixiaoDiagnostics

/// `jixiao review --format json`: the report as Foundation encodes it, grouped unit → year →
/// project; the keys are those of `jixiao check --format json` where they mean the same.
public struct ReviewDocument: Codable, Sendable, Equatable {
    public struct Unit: Codable, Sendable, Equatable {
        public let unit: String
        public let years: [Year]
    }

    public struct Year: Codable, Sendable, Equatable {
        public let year: Int
        /// The year the ambition rules compared with; nil when its folder is not there.
        public let previousYear: Int?
        public let projects: [Project]

        // Written out as null, not left out: a reader sees there was no year to compare with.
        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(year, forKey: .year)
            try container.encode(previousYear, forKey: .previousYear)
            try container.encode(projects, forKey: .projects)
        }
    }

    public struct Project: Codable, Sendable, Equatable {
        public let name: String
        public let code: String
        public let file: String
        public let findings: [Finding]
    }

    public struct Finding: Codable, Sendable, Equatable {
        public let file: String
        public let line: Int?
        public let column: Int?
        public let code: String
        public let title: String
        public let message: String
        public let hint: String?

        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(file, forKey: .file)
            try container.encode(line, forKey: .line)
            try container.encode(column, forKey: .column)
            try container.encode(code, forKey: .code)
            try container.encode(title, forKey: .title)
            try container.encode(message, forKey: .message)
            try container.encode(hint, forKey: .hint)
        }
    }

    public let projects: Int
    public let findings: Int
    public let units: [Unit]

    public init(_ report: ReviewReport) {
        projects = report.projectCount
        findings = report.findingCount
        units = report.units.map { unit in
            Unit(unit: unit.name, years: unit.years.map { year in
                Year(year: year.year, previousYear: year.previousYear, projects: year.projects.map { project in
                    Project(name: project.name, code: project.code, file: project.path,
                            findings: project.findings.map(Finding.init))
                })
            })
        }
    }

    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}

extension ReviewDocument.Finding {
    init(_ diagnostic: Diagnostic) {
        self.init(file: diagnostic.path, line: diagnostic.mark?.line, column: diagnostic.mark?.column,
                  code: diagnostic.code.rawValue, title: diagnostic.code.title, message: diagnostic.message, hint: diagnostic.hint)
    }
}

/// `jixiao review --format csv`: one row a finding, as RFC 4180 writes it (CRLF line ends, a
/// field quoted when it holds a comma, a quote or a line break), UTF-8 with a byte order mark
/// so that Excel reads the Chinese.
public enum ReviewCSV {
    public static let header = ["单位", "年度", "项目名称", "项目编码", "代码", "审核要点", "文件", "行", "列", "审核意见", "提示"]

    public static func text(_ report: ReviewReport) -> String {
        var rows = [header]
        for unit in report.units {
            for year in unit.years {
                for project in year.projects {
                    rows += project.findings.map { finding in
                        [unit.name, String(year.year), project.name, project.code, finding.code.rawValue, finding.code.title,
                         finding.path, finding.mark.map { String($0.line) } ?? "", finding.mark.map { String($0.column) } ?? "",
                         finding.message, finding.hint ?? ""]
                    }
                }
            }
        }
        return "\u{FEFF}" + rows.map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
    }

    static func field(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
