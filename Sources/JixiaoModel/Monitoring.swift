import Foundation
import JixiaoDiagnostics

/// The mid-year monitoring of one project (`data/<年度>/监控/<项目名称>.yaml`): the "双监控" of
/// budget execution and of progress on the targets at a date, beside the approved goal table,
/// which stays untouched.
public struct ProjectMonitoring: Sendable {
    public var path: String
    /// Sample data written to demonstrate the rules, not a real year's monitoring.
    public var isSample: Bool
    public var projectName: Located<String>
    public var supervisor: String?
    public var implementer: String?
    /// 截至: the last day the figures cover.
    public var asOf: Located<CalendarDate>
    /// 执行数 by that date, in total.
    public var spent: Located<Amount>
    /// 执行数 of each funding source, by the goal table's names, where the file gives them.
    public var spentBySource: [FundingSource]
    public var indicators: [IndicatorProgress]
}

/// A day of the calendar, as the monitoring forms write it: `2021年7月31日`.
public struct CalendarDate: Sendable, Hashable, Comparable {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Reads `2021年7月31日` (also `2021-07-31`); nil for anything else or a day that does not exist.
    public init?(parsing text: String) {
        let trimmed = text.trimmingSpaces()
        let parts: [Substring]
        if trimmed.hasSuffix("日") {
            parts = trimmed.dropLast().split(omittingEmptySubsequences: false) { $0 == "年" || $0 == "月" }
        } else {
            parts = trimmed.split(separator: "-", omittingEmptySubsequences: false)
        }
        let digits = parts.map { $0.allSatisfy { ("0"..."9").contains($0) } && !$0.isEmpty && $0.count <= 4 }
        guard parts.count == 3, !digits.contains(false), let year = Int(parts[0]), let month = Int(parts[1]),
              let day = Int(parts[2]), parts[0].count == 4, (1...12).contains(month),
              (1...Deadline.lastDay(year: year, month: month)).contains(day) else { return nil }
        (self.year, self.month, self.day) = (year, month, day)
    }

    public init(year: Int, month: Int, day: Int) {
        (self.year, self.month, self.day) = (year, month, day)
    }

    /// 1 for 1 January.
    public var dayOfYear: Int {
        (1..<month).reduce(day) { $0 + Deadline.lastDay(year: year, month: $1) }
    }

    public var isMonthEnd: Bool { day == Deadline.lastDay(year: year, month: month) }

    /// 0 for January to March, … 3 for October to December.
    public var quarter: Int { (month - 1) / 3 }

    /// The first and the last day of the date's quarter.
    public var quarterBounds: (first: CalendarDate, last: CalendarDate) {
        (CalendarDate(year: year, month: quarter * 3 + 1, day: 1), CalendarDate.endOfMonth(year: year, month: quarter * 3 + 3))
    }

    public static func endOfMonth(year: Int, month: Int) -> CalendarDate {
        CalendarDate(year: year, month: month, day: Deadline.lastDay(year: year, month: month))
    }

    /// `2021年7月31日`.
    public var text: String { "\(year)年\(month)月\(day)日" }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
}

/// Where an indicator's deviation comes from: the five boxes of the central monitoring form.
public enum DeviationCause: String, Sendable, CaseIterable {
    case funding = "经费保障"
    case rules = "制度保障"
    case staff = "人员保障"
    case facilities = "硬件条件保障"
    case other = "其他"
}

/// How likely the year's target is to be met: the three boxes of the central monitoring form.
public enum Likelihood: String, Sendable, CaseIterable {
    case certain = "确定能"
    case possible = "有可能"
    case impossible = "完全不可能"
}

/// The progress of one 三级指标 at the monitoring date, keyed by its name. A class, as
/// `Indicator` is: the table's rows and the summary's lists refer to it.
public final class IndicatorProgress: Sendable {
    public let name: Located<String>
    /// 实际完成值: what is done so far (the form's 1–N月执行情况).
    public let actualText: Located<String>
    /// 全年预计完成值: what the year is expected to reach.
    public let expectedText: Located<String>
    /// The boxes ticked under 偏差原因分析, in the form's order.
    public let causes: [DeviationCause]
    /// Where 偏差原因 is written, when it is.
    public let causesMark: SourceMark?
    /// 偏差原因.说明: the deviation in words.
    public let explanation: String?
    public let likelihood: Located<Likelihood>?
    /// 纠偏措施: what will be done to get back on track.
    public let correction: String?

    init(name: Located<String>, actualText: Located<String>, expectedText: Located<String>, causes: [DeviationCause],
         causesMark: SourceMark?, explanation: String?, likelihood: Located<Likelihood>?, correction: String?) {
        self.name = name
        self.actualText = actualText
        self.expectedText = expectedText
        self.causes = causes
        self.causesMark = causesMark
        self.explanation = explanation
        self.likelihood = likelihood
        self.correction = correction
    }
}
