import JixiaoDiagnostics
import Testing
@testable import JixiaoModel

private let validProject = """
项目编码: ""
项目名称: 村级组织经费
资金用途: >-
  预算数71万元。
预算:
  合计: 71万元
  来源:
    财政资金: 71万元
  明细:
    - 名称: 服务群众专项经费
      金额: 45万元
      计算: 5万元/村 × 9村
资金支出计划: [25%, 50%, 75%, 100%]
绩效目标:
  - 村级组织运转经费拨付及时
绩效指标:
  产出指标:
    数量指标:
      - 名称: 基层党组织活动覆盖村庄数量
        描述: 基层党组织活动覆盖村庄数量
        指标值: 9
        依据: 年度计划、工作经验
  效果指标:
    社会效益指标:
      - 名称: 到会率
        描述: 到会率
        指标值: 80%
        依据: 工作经验

"""

private func decode(_ text: String) -> Decoded<Project> {
    ProjectDecoder.decode(SourceFile(path: "p.yaml", text: text))
}

@Suite("Project decoding")
struct DecoderTests {
    @Test func decodesEveryField() throws {
        let decoded = decode(validProject)
        #expect(decoded.diagnostics.isEmpty)
        let project = try #require(decoded.value)
        #expect(project.name.value == "村级组织经费")
        #expect(project.name.mark.line == 2)
        #expect(project.purpose == "预算数71万元。")
        #expect(project.budget.total.value == Amount(71, .wanYuan))
        #expect(project.budget.sources.map(\.name) == ["财政资金"])
        #expect(project.budget.breakdown.first?.formula?.value == "5万元/村 × 9村")
        #expect(project.plan.map(\.value.text) == ["25%", "50%", "75%", "100%"])
        #expect(project.indicators.map(\.name.value) == ["产出指标", "效果指标"])
        #expect(project.indicators[1].level1 == .benefit)
        #expect(project.indicators[0].indicators[0].value == .comparison(Comparison(.equal, 9, unit: "")))
    }

    @Test func unknownKeyGetsDidYouMean() {
        let decoded = decode(validProject.replacingOccurrences(of: "资金用途:", with: "资金用處:"))
        let headlines = decoded.diagnostics.map(\.headline)
        #expect(headlines.contains("p.yaml:3:1: 错误 JX202: “项目文件”中没有字段“资金用處”"))
        #expect(decoded.diagnostics.first { $0.code == .unknownField }?.hint == "是不是想写“资金用途”？")
        #expect(!headlines.contains { $0.contains("JX201") }, "资金用途 is a row some forms have not: optional")
    }

    /// "金额" with U+F90A, the compatibility form of 金: equal to the field under Swift's `==`,
    /// another key to the parser. Never taken for the field behind the user's back: named.
    @Test func aKeyThatOnlyLooksLikeAFieldIsNamedAsSuch() {
        let lookalike = "\u{F90A}额"
        let decoded = decode(validProject.replacingOccurrences(of: "      金额: 45万元", with: "      \(lookalike): 45万元"))
        let unknown = decoded.diagnostics.first { $0.code == .unknownField }
        #expect(unknown?.headline == "p.yaml:11:7: 错误 JX202: “明细项”中的字段名“\(lookalike)”与“金额”看起来相同，但其中有字符的编码不同（例如兼容汉字）")
        #expect(unknown?.hint == "删除这个字段名，用输入法重新输入“金额”")
        // Beside the field itself, it is not read in its place.
        let both = decode(validProject.replacingOccurrences(of: "      金额: 45万元", with: "      金额: 45万元\n      \(lookalike): 9万元"))
        #expect(both.value?.budget.breakdown.first?.amount?.value == Amount(45, .wanYuan))
        #expect(both.diagnostics.map(\.code) == [.unknownField])
    }

    /// Text is looked at byte by byte first: the characters to refuse or warn about begin with
    /// C2, E2 or EF, as do harmless ones such as "—" and "（", which pass.
    @Test func charactersFromEscapesAreCheckedWhateverTheirLeadingByte() {
        func messages(_ description: String) -> [String] {
            decode(validProject.replacingOccurrences(of: "描述: 到会率", with: "描述: \"\(description)\"")).diagnostics.map(\.message)
        }
        #expect(messages("a\\u0085b") == ["值中含有控制字符 U+0085"])
        #expect(messages("a\\uFFFFb") == ["值中含有控制字符 U+FFFF"])
        #expect(messages("a\\tb\\x01") == ["值中含有控制字符 U+0001"])
        #expect(messages("a\\u202Eb") == ["值中含有双向文本控制字符 U+202E，文字的显示顺序可能与实际内容不同"])
        #expect(messages("a\\u2067b") == ["值中含有双向文本控制字符 U+2067，文字的显示顺序可能与实际内容不同"])
        #expect(messages("到会率—全年（%）\\t") == [])
    }

    @Test func wrongTypeAndBadAmountPointAtTheValue() {
        let decoded = decode(validProject.replacingOccurrences(of: "合计: 71万元", with: "合计: 七十一万元")
            .replacingOccurrences(of: "绩效目标:\n  - 村级组织运转经费拨付及时", with: "绩效目标: 村级组织运转经费拨付及时"))
        #expect(decoded.diagnostics.map(\.headline) == [
            "p.yaml:6:7: 错误 JX206: “合计”的金额“七十一万元”无法识别",
            "p.yaml:14:7: 错误 JX203: “绩效目标”应当是列表（每项以“- ”开头），这里却是文本",
        ])
    }

    @Test func taxonomyIsChecked() {
        let decoded = decode(validProject.replacingOccurrences(of: "    社会效益指标:", with: "    时效指标:")
            .replacingOccurrences(of: "  产出指标:", with: "  产出指示:"))
        #expect(decoded.diagnostics.map(\.headline) == [
            "p.yaml:17:3: 错误 JX207: “产出指示”不是一级指标",
            "p.yaml:24:5: 错误 JX208: 二级指标“时效指标”不属于一级指标“效果指标”",
        ])
    }

    @Test func planMustHaveFourQuarters() {
        let decoded = decode(validProject.replacingOccurrences(of: "[25%, 50%, 75%, 100%]", with: "[50%, 100%]"))
        #expect(decoded.diagnostics.map(\.headline) == ["p.yaml:13:9: 错误 JX203: 资金支出计划应当有四个季度的累计比例，这里有 2 个"])
    }

    /// `jixiao dump --model` on a 自评 file shows the results as read, long band names included,
    /// instead of reading it as a goal table.
    @Test func resultsModelAsJSON() throws {
        let text = """
        项目名称: 村级组织经费
        全年预算数: 71万元
        全年执行数: 69.8万元
        实际完成情况: 完成
        指标:
          到会率:
            实际完成值: 95%
          宣传效果:
            实际完成值: 一般
            达成情况: 未达成年度指标且效果较差
            得分: 3

        """
        let decoded = ResultsDecoder.decodeProject(SourceFile(path: "r.yaml", text: text))
        #expect(decoded.diagnostics.isEmpty)
        let json = try #require(decoded.value?.json).compact
        #expect(json.contains(#""全年执行数":{"text":"69.8万元","yuan":"698000"}"#))
        #expect(json.contains(#"{"名称":"到会率","实际完成值":"95%","解析":{"kind":"comparison","operator":"=","number":"95","unit":"%"}"#))
        #expect(json.contains(#""得分":"3","达成情况":"未达成"}"#))
    }
}
