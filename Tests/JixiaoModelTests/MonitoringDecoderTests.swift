import JixiaoDiagnostics
import Testing
@testable import JixiaoModel

private let validMonitoring = """
示例数据: 是
项目名称: 村级组织经费
主管部门: 街道办事处
截至: 2021年7月31日
执行数:
  合计: 41.5万元
  来源:
    财政资金: 41.5万元
指标:
  基层党组织活动覆盖村庄数量:
    实际完成值: 9
    全年预计完成值: 9
    完成目标可能性: 确定能
  党员参加组织生活到会率:
    实际完成值: 72%
    全年预计完成值: 78%
    完成目标可能性: 有可能
    偏差原因:
      类别: [其他, 人员保障]
      说明: 外出务工党员较多
    纠偏措施: 开展线上组织生活

"""

private func decode(_ text: String) -> Decoded<ProjectMonitoring> {
    MonitoringDecoder.decode(SourceFile(path: "m.yaml", text: text))
}

/// Each finding as `code@line:col`, the way the corpus states them.
private func findings(_ text: String) -> [String] {
    decode(text).diagnostics.map { "\($0.code.rawValue)@\($0.mark?.line ?? 0):\($0.mark?.column ?? 0)" }
}

@Suite("Monitoring decoder")
struct MonitoringDecoderTests {
    @Test func validFileDecodesEveryField() throws {
        let decoded = decode(validMonitoring)
        #expect(decoded.diagnostics.isEmpty, "\(decoded.diagnostics.map(\.headline))")
        let monitoring = try #require(decoded.value)
        #expect(monitoring.isSample)
        #expect(monitoring.projectName.value == "村级组织经费")
        #expect(monitoring.supervisor == "街道办事处" && monitoring.implementer == nil)
        #expect(monitoring.asOf.value == CalendarDate(year: 2021, month: 7, day: 31))
        #expect(monitoring.asOf.mark.line == 4 && monitoring.asOf.mark.column == 5)
        #expect(monitoring.spent.value == Amount(41.5, .wanYuan))
        #expect(monitoring.spentBySource.map(\.name) == ["财政资金"])
        #expect(monitoring.indicators.map(\.name.value) == ["基层党组织活动覆盖村庄数量", "党员参加组织生活到会率"])
        let second = monitoring.indicators[1]
        #expect(second.actualText.value == "72%" && second.expectedText.value == "78%")
        #expect(second.likelihood?.value == .possible)
        // Kept in the form's order, whatever order they are written in.
        #expect(second.causes == [.staff, .other])
        #expect(second.causesMark?.line == 18)
        #expect(second.explanation == "外出务工党员较多")
        #expect(second.correction == "开展线上组织生活")
        #expect(monitoring.indicators[0].causes.isEmpty && monitoring.indicators[0].correction == nil)
    }

    @Test func spentMayBeAPlainAmountAndACauseASingleName() throws {
        let text = validMonitoring
            .replacingOccurrences(of: "执行数:\n  合计: 41.5万元\n  来源:\n    财政资金: 41.5万元\n", with: "执行数: 415000元\n")
            .replacingOccurrences(of: "类别: [其他, 人员保障]", with: "类别: 制度保障")
        let monitoring = try #require(decode(text).value)
        #expect(monitoring.spent.value == Amount(415000, .yuan))
        #expect(monitoring.spentBySource.isEmpty)
        #expect(monitoring.indicators[1].causes == [.rules])
    }

    /// Every finding points at its line and column (hand-counted in `validMonitoring`, where
    /// 截至 is line 4, 执行数.合计 line 6, the second indicator's 完成目标可能性 line 17).
    @Test func findingsPointAtTheirPlace() {
        #expect(findings(validMonitoring.replacingOccurrences(of: "截至: 2021年7月31日", with: "截至: 2021年7月32日")) == ["JX706@4:5"])
        #expect(findings(validMonitoring.replacingOccurrences(of: "截至: 2021年7月31日", with: "截至: 七月底")) == ["JX706@4:5"])
        #expect(findings(validMonitoring.replacingOccurrences(of: "完成目标可能性: 有可能", with: "完成目标可能性: 可能")) == ["JX203@17:14"])
        #expect(findings(validMonitoring.replacingOccurrences(of: "类别: [其他, 人员保障]", with: "类别: [其他, 人员保证]")) == ["JX203@19:16"])
        #expect(findings(validMonitoring.replacingOccurrences(of: "  合计: 41.5万元", with: "  合计: 四十万元")) == ["JX206@6:7"])
        #expect(findings(validMonitoring.replacingOccurrences(of: "    全年预计完成值: 78%\n", with: "")) == ["JX201@15:5"])
        #expect(findings(validMonitoring.replacingOccurrences(of: "    纠偏措施: 开展线上组织生活", with: "    纠偏措施: 开展线上组织生活\n    偏差分析: 无")) == ["JX202@22:5"])
        #expect(findings(validMonitoring.replacingOccurrences(of: "截至: 2021年7月31日", with: "截至: 待填写")) == ["JX212@4:5"])
        #expect(findings(validMonitoring.replacingOccurrences(of: "      说明: 外出务工党员较多\n", with: "")
                            .replacingOccurrences(of: "类别: [其他, 人员保障]", with: "说明: 外出务工")) == ["JX201@19:7"])
    }

    @Test(arguments: [
        ("2021年7月31日", CalendarDate(year: 2021, month: 7, day: 31)),
        ("2021-07-31", CalendarDate(year: 2021, month: 7, day: 31)),
        (" 2024年2月29日 ", CalendarDate(year: 2024, month: 2, day: 29)),
    ])
    func datesAreRead(_ text: String, _ date: CalendarDate) {
        #expect(CalendarDate(parsing: text) == date)
    }

    @Test(arguments: ["2021年2月29日", "2021年13月1日", "2021年7月", "21年7月31日", "2021年7月31", "2021/7/31", "2021年七月31日", ""])
    func impossibleOrOtherDatesAreNot(_ text: String) {
        #expect(CalendarDate(parsing: text) == nil)
    }

    @Test func dayOfYearAndQuarters() {
        // 31 + 28 + 31 + 30 + 31 + 30 + 31 = 212; in 2024, 213.
        #expect(CalendarDate(year: 2021, month: 7, day: 31).dayOfYear == 212)
        #expect(CalendarDate(year: 2024, month: 7, day: 31).dayOfYear == 213)
        let (first, last) = CalendarDate(year: 2021, month: 8, day: 15).quarterBounds
        #expect(first == CalendarDate(year: 2021, month: 7, day: 1) && last == CalendarDate(year: 2021, month: 9, day: 30))
        #expect(CalendarDate(year: 2021, month: 7, day: 31).isMonthEnd && !CalendarDate(year: 2021, month: 7, day: 30).isMonthEnd)
    }
}
