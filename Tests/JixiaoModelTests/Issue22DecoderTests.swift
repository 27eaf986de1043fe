import Foundation
import JixiaoDiagnostics
import Testing
@testable import JixiaoModel

private func results(_ text: String) -> Decoded<ProjectResults> {
    ResultsDecoder.decodeProject(SourceFile(path: "r.yaml", text: text))
}

private func headlines<Value>(_ decoded: Decoded<Value>) -> [String] { decoded.diagnostics.map(\.headline) }

/// A stand-alone 自评 of the Sichuan form: every new key, decoded.
private let sichuan = """
版式: 四川
报表编号: 510000_0013zp
项目编码: 51000021R000000019951
项目名称: 工资性支出
主管部门: 青神县发展和改革局本级
实施单位: 青神县发展和改革局
项目负责人: 张三
财务负责人: 李四
年初预算数: 238.93万元
调整后预算数: 251.89万元
预算执行数: 251.89万元
预算执行得分: 10
资金构成:
  财政资金:
    年初预算数: 238.93万元
    调整后预算数: 251.89万元
    预算执行数: 251.89万元
  单位资金:
    年初预算数: 0
    调整后预算数: 0.00
    预算执行数: 150万
项目年度目标:
  - 按时足额发放工资
  - 按时缴纳社保
项目实施内容: 按月发放
实际完成情况: 完成
绩效指标:
  产出指标(60分):
    数量指标:
      - 名称: 发放(缴纳)覆盖率
        指标性质: "="
        年度指标值: 100
        度量单位: 百分比
        实际完成值: 100%
        分值: 60
        得分: 60
  效益指标（30分）:
    社会效益指标:
      - 名称: 足额保障率(参保率)
        指标方向: 正向
        年度指标值: 100
        度量单位: "%"
        实际完成值: ≥100%
        分值: 30
      - 名称: 指标1:/
        年度指标值: /
        实际完成值: /
      - 名称: 宣传
        指标性质: 定性
        年度指标值: 宣传到位
        实际完成值: 完成
        不适用: 是
总分:
  分值: 100
  得分: 100
评价结论: 优
存在问题: 无
改进措施: 无

"""

@Suite("Issue 22: new fields decoded")
struct Issue22DecoderTests {
    @Test func everyNewResultsKeyIsRead() throws {
        let decoded = results(sichuan)
        #expect(headlines(decoded) == [])
        let r = try #require(decoded.value)
        #expect(r.layout?.value == .sichuan && r.layout?.mark == SourceMark(line: 1, column: 5))
        #expect([r.reportNumber, r.code, r.leader, r.financeLeader, r.conclusion, r.implementation]
            == ["510000_0013zp", "51000021R000000019951", "张三", "李四", "优", "按月发放"])
        #expect(r.yearGoals == ["按时足额发放工资", "按时缴纳社保"])
        #expect(r.annualBudget.value.description == "251.89万元" && r.spent.value.description == "251.89万元")
        #expect(r.annualBudget.mark == SourceMark(line: 10, column: 9))
        #expect(r.budgetScore?.value == .number(10) && r.totalWeight?.value == 100 && r.totalScore?.value == .number(100))
        #expect(r.totalScore?.mark == SourceMark(line: 55, column: 7))
        // Rows of any name, in order; a bare 0 and 150万 are amounts.
        #expect(r.fundingRows.map(\.name) == ["财政资金", "单位资金"])
        #expect(r.fundingRows[1].initial == Amount(0, .wanYuan) && r.fundingRows[1].spent == Amount(150, .wanYuan))
        // 产出指标(60分) is the heading 产出指标 with its weight, as 权重 would give it.
        #expect(r.weights.map { "\($0.value.heading) \($0.value.weight.plain) @\($0.mark)" } == ["产出指标 60 @28:3", "效益指标 30 @37:3"])
        let groups = try #require(r.standalone)
        #expect(groups.map(\.name.value) == ["产出指标", "效益指标"])
        let rows = groups.flatMap(\.indicators)
        // = | 100 | 百分比 combines to =100%; the cells are kept.
        #expect(rows.map(\.valueText.value) == ["=100%", "≥100%", "/", "宣传到位"])
        #expect(rows[0].cells == ValueCells(nature: "=", value: "100", unit: "百分比"))
        #expect(rows[0].valueText.mark == SourceMark(line: 32, column: 16))
        #expect(rows[1].value == .comparison(Comparison(.atLeast, 100, unit: "%")))
        #expect(rows[3].value == .qualitative("宣传到位"))
        #expect(r.indicators.map(\.name.value) == rows.map(\.name.value))
        #expect(r.indicators.map { $0.isNotApplicable(target: $0.target?.value ?? "") } == [false, false, true, true])
        #expect(r.indicators[0].evaluatorScore?.value == 60)
        let project = try #require(r.standaloneProject)
        #expect(project.isStandalone && project.code == "51000021R000000019951" && project.goals.count == 2)
        #expect(project.budget.total.value.description == "238.93万元")
        // `jixiao dump --model` shows what was read.
        let json = r.json.compact
        for shown in [#""版式":"四川""#, #""报表编号":"510000_0013zp""#, #""预算执行得分":"10""#, #""总分.得分":"100""#,
                      #""年度指标值":"=100%""#, #""不适用":true"#] {
            #expect(json.contains(shown), "\(shown)")
        }
    }

    /// Each new finding of reading, at its line and column, with its fix.
    @Test func newFieldsAreCheckedWhereTheyStand() throws {
        func swapped(_ old: String, _ new: String) -> [String] { headlines(results(sichuan.replacingOccurrences(of: old, with: new))) }
        #expect(swapped("版式: 四川", "版式: 福建") == ["r.yaml:1:5: 错误 JX213: 没有名为“福建”的版式"])
        #expect(results(sichuan.replacingOccurrences(of: "版式: 四川", with: "版式: 福建")).diagnostics.first?.hint
            == "可用的版式：财预〔2020〕10号、默认、四川")
        #expect(swapped("调整后预算数: 251.89万元\n预算执行数", "调整后预算数: 251.89万元\n全年预算数: 251.89万元\n预算执行数")
            == ["r.yaml:10:1: 错误 JX214: “全年预算数”与“调整后预算数”是同一栏，只能写其中一个"])
        #expect(swapped("        指标性质: \"=\"", "        指标性质: 约等于") == ["r.yaml:31:15: 错误 JX215: 指标性质“约等于”无法识别"])
        #expect(swapped("        年度指标值: 100\n        度量单位: 百分比", "        年度指标值: 100%\n        度量单位: 个")
            == ["r.yaml:33:15: 错误 JX411: 度量单位“个”与指标值“100%”中的单位不符"])
        #expect(swapped("        指标方向: 正向", "        指标方向: 正向\n        指标性质: ≥")
            == ["r.yaml:40:9: 错误 JX214: “指标性质”与“指标方向”是同一栏，只能写其中一个"])
        #expect(swapped("总分:", "指标:\n  x:\n    实际完成值: 1\n总分:").first == "r.yaml:53:1: 错误 JX214: “指标”与“绩效指标”只能写其中一个")
        #expect(swapped("        不适用: 是", "        不适用: 也许") == ["r.yaml:52:14: 错误 JX203: “不适用”只能写“是”或“否”"])
    }

    /// A 自评 file's own head and foot cells and its notes, as a goal table's: in file order, blank
    /// cells kept; 表注 one text or a list, each a paragraph; an item that is no text is reported.
    @Test func assessmentOwnParts() throws {
        let parts = "表头:\n  项目负责人及电话: 张三 0838-1234567\n  填报日期: \"\"\n表尾:\n  填表人: 李四\n"
        let listed = results(sichuan + parts + "表注:\n  - 注：1.一级指标分值统一设置为……\n  - 2.定量指标……\n")
        #expect(headlines(listed) == [])
        let r = try #require(listed.value)
        #expect(r.head == [FormCell(label: "项目负责人及电话", text: "张三 0838-1234567"), FormCell(label: "填报日期", text: "")])
        #expect(r.foot == [FormCell(label: "填表人", text: "李四")])
        #expect(r.notes == ["注：1.一级指标分值统一设置为……", "2.定量指标……"])
        let json = r.json.compact
        #expect(json.contains(#""表头":{"项目负责人及电话":"张三 0838-1234567","填报日期":""}"#)
                && json.contains(#""表注":["注：1.一级指标分值统一设置为……","2.定量指标……"]"#))
        #expect(results(sichuan + "表注: 注：一段\n").value?.notes == ["注：一段"])
        #expect(results(sichuan).value?.notes == [] && results(sichuan).value?.head == [])
        #expect(headlines(results(sichuan + "表注:\n  - a: b\n")) == ["r.yaml:60:5: 错误 JX203: “表注”的每一项应当是一段文本，这里却是键值表"])
    }

    /// The goal table's new cells and the unit's 版式.
    @Test func goalTableCellsSharesAndLayout() throws {
        let text = """
        版式: 默认
        报表编号: 350305_01
        项目名称: 农村污水治理
        资金用途: 治理
        预算:
          合计: 150万
        资金支出计划: [25%, 50%, 75%, 100%]
        绩效目标: [治理]
        绩效指标:
          产出指标:
            数量指标:
              - 名称: 治理村数
                描述: 治理村数
                指标方向: 反向
                指标值: 12
                度量单位: 个
                分项指标值:
                  东庄镇: 5
                  笏石镇: 7
                依据: 计划

        """
        let decoded = ProjectDecoder.decode(SourceFile(path: "p.yaml", text: text))
        #expect(headlines(decoded) == [])
        let project = try #require(decoded.value)
        #expect(project.layout?.value == .standard && project.reportNumber == "350305_01")
        #expect(project.budget.total.value == Amount(150, .wanYuan))
        let row = try #require(project.indicators.first?.indicators.first)
        #expect(row.valueText.value == "≤12个" && row.value == .comparison(Comparison(.atMost, 12, unit: "个")))
        #expect(row.shares.map { "\($0.recipient)=\($0.value)" } == ["东庄镇=5", "笏石镇=7"])
        #expect(project.json.compact.contains(#""指标值":"≤12个","解析":{"kind":"comparison","operator":"≤","number":"12","unit":"个"},"分栏":{"指标性质":"反向","指标值":"12","度量单位":"个"},"分项指标值":[{"受益单位":"东庄镇","指标值":"5"}"#))
        let department = DepartmentDecoder.decode(SourceFile(path: "d.yaml", text: "单位: 某局\n年度: 2021\n版式: 四川\n总体绩效目标: 目标\n分项绩效目标: []\n"))
        #expect(department.value?.layout?.value == .sichuan)
        #expect(Layout(name: "默认") == .standard && Layout(name: "财预〔2020〕10号") == .standard && Layout(name: "福建") == nil)
    }

    /// A goal table's own parts: title, head and foot cells in file order (blank allowed), column
    /// headings; 资金用途, 资金支出计划, 描述 and 依据 absent where the form has none, 描述 then in no row.
    @Test func goalTableOwnParts() throws {
        let text = """
        表名: 2023年项目支出绩效目标申报表
        项目名称: 雾炮车
        表头:
          预算部门: 环卫处
          项目期: ""
        预算:
          合计: 250万
        绩效目标: [优良]
        栏目名称:
          依据: 绩效标准
        绩效指标:
          产出指标:
            数量指标:
              - 名称: 车辆数
                指标值: 10辆
                依据: 计划标准
              - 名称: 射程
                指标值: ≥80米
                依据: 计划标准
        表尾:
          填表人: 张三
          填报日期: ""

        """
        let decoded = ProjectDecoder.decode(SourceFile(path: "p.yaml", text: text))
        #expect(headlines(decoded) == [])
        let project = try #require(decoded.value)
        #expect(project.title == "2023年项目支出绩效目标申报表" && project.purpose == nil && project.plan.isEmpty)
        #expect(project.head == [FormCell(label: "预算部门", text: "环卫处"), FormCell(label: "项目期", text: "")])
        #expect(project.foot == [FormCell(label: "填表人", text: "张三"), FormCell(label: "填报日期", text: "")])
        #expect(project.columnHeadings == [FormCell(label: "依据", text: "绩效标准")])
        #expect(project.indicators.flatMap(\.indicators).map { "\($0.description ?? "-")|\($0.basis ?? "-")" } == ["-|计划标准", "-|计划标准"])
        // A column some row has must be in every row; a heading only for a column that can have one.
        let partial = text.replacingOccurrences(of: "      - 名称: 射程\n", with: "      - 名称: 射程\n        描述: 射程\n")
        #expect(headlines(ProjectDecoder.decode(SourceFile(path: "p.yaml", text: partial)))
            == ["p.yaml:14:13: 错误 JX201: 三级指标“车辆数”没有“描述”，本表其他指标都有这一栏"])
        let heading = text.replacingOccurrences(of: "  依据: 绩效标准", with: "  依据: 绩效标准\n  三级指标: 名称")
        #expect(headlines(ProjectDecoder.decode(SourceFile(path: "p.yaml", text: heading)))
            == ["p.yaml:11:3: 错误 JX202: “栏目名称”中没有字段“三级指标”"])
    }

    /// Real tables' value forms (issue 22, item 5).
    @Test func valueFormsOfRealTables() {
        #expect(IndicatorValue(parsing: "= 100 %") == .comparison(Comparison(.equal, 100, unit: "%")))
        #expect(IndicatorValue(parsing: "≥100百分比") == .comparison(Comparison(.atLeast, 100, unit: "%")))
        #expect(IndicatorValue(parsing: "150万") == .comparison(Comparison(.equal, 150, unit: "万元")))
        #expect(IndicatorValue(parsing: "≥266米") == .comparison(Comparison(.atLeast, 266, unit: "米")))
        #expect(Amount(parsing: "150万") == Amount(150, .wanYuan))
        #expect(Amount(parsing: "0") == Amount(0, .wanYuan) && Amount(parsing: "0.00") == Amount(0, .wanYuan))
        #expect(Amount(parsing: "12") == nil, "a bare number other than 0 has no unit to read it in")
        // An alias in brackets is not a unit; a known unit is.
        let alias = Indicator(name: Located("足额保障率(参保率)", at: SourceMark(line: 1, column: 1)), description: "",
                              valueText: Located("=100%", at: SourceMark(line: 1, column: 1)), value: IndicatorValue(parsing: "=100%"), basis: "")
        #expect(alias.unitInName == nil)
        let unit = Indicator(name: Located("治理面积（平方米）", at: SourceMark(line: 1, column: 1)), description: "",
                             valueText: Located("500", at: SourceMark(line: 1, column: 1)), value: IndicatorValue(parsing: "500"), basis: "")
        #expect(unit.unitInName == "平方米" && unit.targetUnit == "平方米")
        #expect(ValueCells(nature: "定性", value: "效果明显", unit: "").combined(IndicatorNature.read("定性")) == "效果明显")
        #expect(ValueCells(nature: "小于等于", value: "3", unit: "个工作日").combined(IndicatorNature.read("小于等于")) == "≤3个工作日")
        #expect(ValueCells(nature: "=", value: "100%", unit: "%").combined(IndicatorNature.read("=")) == "=100%", "the unit once")
    }
}
