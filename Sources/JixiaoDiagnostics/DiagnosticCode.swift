/// Every diagnostic code Jixiao can print. Codes are stable: documents, editors and CI
/// scripts refer to them, so a code is never reused for another meaning.
/// Ranges: JX1xx reading the file (encoding, YAML subset), JX2xx structure and types,
/// JX3xx money, JX4xx indicator values, JX5xx the department's criteria, JX6xx year-end results,
/// JX7xx mid-year monitoring, JX8xx the review of goal tables (`jixiao review`), JX9xx the data set.
public struct DiagnosticCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String
    /// What the rule is about, in the user's words (used by `docs/检查规则.md` and `--format json`).
    public let title: String

    public init(rawValue: String) {
        self.rawValue = rawValue
        self.title = DiagnosticCode.all.first { $0.rawValue == rawValue }?.title ?? ""
    }

    init(_ rawValue: String, _ title: String) {
        self.rawValue = rawValue
        self.title = title
    }

    public var description: String { rawValue }

    public static func == (a: DiagnosticCode, b: DiagnosticCode) -> Bool { a.rawValue == b.rawValue }
    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }

    // JX1xx — reading the file
    public static let invalidEncoding = DiagnosticCode("JX101", "文件不是 UTF-8 编码")
    public static let forbiddenCharacter = DiagnosticCode("JX102", "文件含有不允许的字符")
    public static let badIndentCharacter = DiagnosticCode("JX103", "缩进只能使用半角空格")
    public static let missingColon = DiagnosticCode("JX104", "缺少冒号")
    public static let unexpectedIndent = DiagnosticCode("JX105", "缩进不一致")
    public static let duplicateKey = DiagnosticCode("JX106", "重复的键")
    public static let unsupportedSyntax = DiagnosticCode("JX107", "不支持的 YAML 语法")
    public static let unterminatedQuote = DiagnosticCode("JX108", "引号未闭合")
    public static let invalidEscape = DiagnosticCode("JX109", "无效的转义序列")
    public static let needsQuoting = DiagnosticCode("JX110", "值需要加引号")
    public static let badBlockScalar = DiagnosticCode("JX111", "块文本写法有误")
    public static let badFlowSequence = DiagnosticCode("JX112", "方括号列表写法有误")
    public static let misplacedListItem = DiagnosticCode("JX113", "列表项位置不对")
    public static let fullWidthColon = DiagnosticCode("JX114", "键后使用了全角冒号")
    public static let limitExceeded = DiagnosticCode("JX115", "文件超出处理上限")
    public static let fileUnreadable = DiagnosticCode("JX116", "文件无法读取")

    // JX2xx — structure and types
    public static let missingField = DiagnosticCode("JX201", "缺少必填字段")
    public static let unknownField = DiagnosticCode("JX202", "未知字段")
    public static let wrongType = DiagnosticCode("JX203", "字段类型不对")
    public static let emptyValue = DiagnosticCode("JX204", "字段值为空")
    public static let badNumber = DiagnosticCode("JX205", "数值写法有误")
    public static let badAmount = DiagnosticCode("JX206", "金额写法有误")
    public static let unknownLevel1 = DiagnosticCode("JX207", "未知的一级指标")
    public static let unknownLevel2 = DiagnosticCode("JX208", "二级指标不属于该一级指标")
    public static let yearMismatch = DiagnosticCode("JX209", "年度与目录不符")
    public static let emptyDocument = DiagnosticCode("JX210", "文件为空")

    public static let duplicateCode = DiagnosticCode("JX211", "项目编码重复")
    public static let placeholder = DiagnosticCode("JX212", "尚未填写")
    public static let unknownLayout = DiagnosticCode("JX213", "未知的版式")
    public static let conflictingKeys = DiagnosticCode("JX214", "同一栏写了两次")
    public static let badNature = DiagnosticCode("JX215", "指标性质无法识别")

    // JX3xx — money: sums, formulas and units of the tables
    public static let breakdownMismatch = DiagnosticCode("JX301", "明细合计与预算合计不符")
    public static let sourcesMismatch = DiagnosticCode("JX302", "资金来源合计与预算合计不符")
    public static let formulaMismatch = DiagnosticCode("JX303", "计算式的结果与金额不符")
    public static let unitContradictsFormula = DiagnosticCode("JX304", "金额单位与计算式矛盾")
    public static let badFormula = DiagnosticCode("JX305", "计算式无法读懂")
    public static let unitCostMismatch = DiagnosticCode("JX306", "单位成本指标与明细单价不符")

    // JX4xx — indicators and the spending plan
    public static let unreadableValue = DiagnosticCode("JX401", "指标值无法识别")
    public static let percentOutOfRange = DiagnosticCode("JX402", "比率超出 0–100%")
    public static let unitMismatch = DiagnosticCode("JX403", "指标名称中的单位与指标值不符")
    public static let deadlineOutsideYear = DiagnosticCode("JX404", "完成时限不在预算年度内")
    public static let satisfactionNotPercent = DiagnosticCode("JX405", "满意度指标不是百分比")
    public static let missingLevel1 = DiagnosticCode("JX406", "缺少产出、效益或满意度指标")
    public static let duplicateIndicator = DiagnosticCode("JX407", "三级指标重复")
    public static let badPlan = DiagnosticCode("JX408", "资金支出计划不合理")
    public static let fullWidthCharacters = DiagnosticCode("JX409", "数值中使用了全角字符")
    public static let vagueValue = DiagnosticCode("JX410", "指标值含糊，不可衡量")
    public static let unitConflict = DiagnosticCode("JX411", "度量单位与指标值中的单位不符")

    // JX5xx — the department's grading criteria
    public static let unreadableCondition = DiagnosticCode("JX501", "评定条件无法比较")
    public static let overlappingConditions = DiagnosticCode("JX502", "优秀与差的条件重叠")
    public static let misplacedOtherwise = DiagnosticCode("JX503", "“否则”用错了位置")

    // JX6xx — year-end results and scoring (docs/评分规则.md)
    public static let resultsWithoutProject = DiagnosticCode("JX601", "自评文件找不到对应的项目")
    public static let unknownIndicatorResult = DiagnosticCode("JX602", "自评中的指标不在目标表中")
    public static let missingIndicatorResult = DiagnosticCode("JX603", "指标缺少实际完成值")
    public static let actualUnitMismatch = DiagnosticCode("JX604", "实际完成值的单位与指标值不符")
    public static let weightsNot100 = DiagnosticCode("JX605", "权重之和不是 100")
    public static let indicatorWeightsMismatch = DiagnosticCode("JX606", "三级指标分值之和与一级权重不符")
    public static let scoreOutOfBand = DiagnosticCode("JX607", "评价得分超出所在档次")
    public static let missingEvaluatorScore = DiagnosticCode("JX608", "缺少评价得分")
    public static let missingReason = DiagnosticCode("JX609", "缺少偏差原因")
    public static let overshoot = DiagnosticCode("JX610", "实际完成值超出目标 30% 以上")
    public static let unreadableActual = DiagnosticCode("JX611", "实际完成值无法识别")
    public static let unknownMeasureResult = DiagnosticCode("JX612", "部门自评中的目标或标准不存在")
    public static let ungradableMeasure = DiagnosticCode("JX613", "无法评定等级")
    public static let ambiguousIndicatorName = DiagnosticCode("JX614", "三级指标名称不唯一，无法对应")
    public static let notAssessed = DiagnosticCode("JX615", "项目未自评")
    public static let missingMeasureResult = DiagnosticCode("JX616", "部门评定标准缺少实际值")
    public static let ignoredEntry = DiagnosticCode("JX617", "填写的内容不参与评分")
    public static let actualWithoutUnit = DiagnosticCode("JX618", "实际完成值缺少单位")
    public static let fundingRowsMismatch = DiagnosticCode("JX619", "资金构成合计与年度资金总额不符")
    public static let duplicateResults = DiagnosticCode("JX620", "同一项目有两个自评文件")
    public static let printedScoreMismatch = DiagnosticCode("JX621", "印出的指标得分与计算不符")
    public static let printedBudgetScoreMismatch = DiagnosticCode("JX622", "印出的预算执行得分与计算不符")
    public static let printedTotalWeightMismatch = DiagnosticCode("JX623", "印出的总分分值与权重之和不符")
    public static let printedTotalScoreMismatch = DiagnosticCode("JX624", "印出的总分得分与计算不符")
    public static let targetDisagrees = DiagnosticCode("JX625", "自评表的年度指标值与目标表不符")
    public static let zeroBudget = DiagnosticCode("JX626", "全年预算数为 0，无法计算预算执行率")
    public static let printedRateMismatch = DiagnosticCode("JX627", "印出的预算执行率与计算不符")

    // JX7xx — mid-year monitoring (docs/检查规则.md)
    public static let monitoringWithoutProject = DiagnosticCode("JX701", "监控文件找不到对应的项目")
    public static let unknownIndicatorProgress = DiagnosticCode("JX702", "监控中的指标不在目标表中")
    public static let missingIndicatorProgress = DiagnosticCode("JX703", "指标缺少执行情况")
    public static let overspent = DiagnosticCode("JX704", "执行数超过预算")
    public static let spentSourcesMismatch = DiagnosticCode("JX705", "执行数的资金来源与目标表不符")
    public static let badMonitoringDate = DiagnosticCode("JX706", "截至日期有误")
    public static let behindPlan = DiagnosticCode("JX707", "执行进度落后于资金支出计划")
    public static let certainWhileFarBehind = DiagnosticCode("JX708", "执行进度远落后于计划却填报“确定能”")
    public static let unexplainedRisk = DiagnosticCode("JX709", "可能完不成的指标缺少偏差原因或纠偏措施")
    public static let notMonitored = DiagnosticCode("JX710", "项目未填报运行监控")
    public static let duplicateMonitoring = DiagnosticCode("JX711", "同一项目有两个监控文件")

    // JX8xx — 绩效目标审核: advice from `jixiao review` (docs/审核规则.md), never from `check`
    public static let reviewMissingLevel1 = DiagnosticCode("JX801", "缺少产出、效益或满意度指标")
    public static let reviewMissingCost = DiagnosticCode("JX802", "缺少成本指标")
    public static let reviewCostNotMoney = DiagnosticCode("JX803", "成本指标没有以金额计量的经济成本")
    public static let reviewMissingDeadline = DiagnosticCode("JX804", "缺少预算年度内的完成时限")
    public static let reviewBareNumber = DiagnosticCode("JX810", "定量指标值没有计量单位")
    public static let reviewVagueWords = DiagnosticCode("JX811", "指标值用语含糊")
    public static let reviewRepeatedName = DiagnosticCode("JX812", "比率类指标的描述只重复名称，没有计算方法")
    public static let reviewBelowLastTarget = DiagnosticCode("JX820", "指标值比上年目标降低")
    public static let reviewBelowLastActual = DiagnosticCode("JX821", "指标值低于上年实际完成值")
    public static let reviewLowSatisfaction = DiagnosticCode("JX822", "满意度目标低于 80%")
    public static let reviewDroppedIndicator = DiagnosticCode("JX823", "上年的指标本年删去")
    public static let reviewNewIndicator = DiagnosticCode("JX824", "本年新增指标")
    public static let reviewCopiedText = DiagnosticCode("JX825", "文字与上年一字不差")
    public static let reviewUnitCost = DiagnosticCode("JX830", "单位成本与资金测算不符")
    public static let reviewCount = DiagnosticCode("JX831", "数量指标与资金测算中的数量不符")

    // JX9xx — the data set as a whole
    public static let noData = DiagnosticCode("JX901", "没有找到数据文件")
    public static let duplicateProject = DiagnosticCode("JX902", "项目名称重复")
    public static let fileNameMismatch = DiagnosticCode("JX903", "文件名与项目名称不符")
    public static let outputFailed = DiagnosticCode("JX904", "无法写出结果")
    public static let templateFailed = DiagnosticCode("JX905", "模板执行失败")
    public static let unsafeOutput = DiagnosticCode("JX906", "输出目录会覆盖其他文件")
    // JX907 (a data file changed during a publish) is retired: every file is read once.
    public static let ambiguousDataFolder = DiagnosticCode("JX908", "数据目录既有年度目录又有单位目录")
    public static let unitNameMismatch = DiagnosticCode("JX909", "单位与单位目录名不一致")
    public static let notAUnitFolder = DiagnosticCode("JX910", "目录中没有年度目录，不是单位目录")

    /// The registry, in code order; the docs and the JSON output are generated from it.
    public static let all: [DiagnosticCode] = [
        invalidEncoding, forbiddenCharacter, badIndentCharacter, missingColon, unexpectedIndent,
        duplicateKey, unsupportedSyntax, unterminatedQuote, invalidEscape, needsQuoting,
        badBlockScalar, badFlowSequence, misplacedListItem, fullWidthColon, limitExceeded, fileUnreadable,
        missingField, unknownField, wrongType, emptyValue, badNumber, badAmount, unknownLevel1,
        unknownLevel2, yearMismatch, emptyDocument, duplicateCode, placeholder, unknownLayout, conflictingKeys, badNature,
        breakdownMismatch, sourcesMismatch, formulaMismatch, unitContradictsFormula, badFormula, unitCostMismatch,
        unreadableValue, percentOutOfRange, unitMismatch, deadlineOutsideYear, satisfactionNotPercent,
        missingLevel1, duplicateIndicator, badPlan, fullWidthCharacters, vagueValue, unitConflict,
        unreadableCondition, overlappingConditions, misplacedOtherwise,
        resultsWithoutProject, unknownIndicatorResult, missingIndicatorResult, actualUnitMismatch, weightsNot100,
        indicatorWeightsMismatch, scoreOutOfBand, missingEvaluatorScore, missingReason, overshoot, unreadableActual,
        unknownMeasureResult, ungradableMeasure, ambiguousIndicatorName, notAssessed, missingMeasureResult,
        ignoredEntry, actualWithoutUnit, fundingRowsMismatch, duplicateResults, printedScoreMismatch,
        printedBudgetScoreMismatch, printedTotalWeightMismatch, printedTotalScoreMismatch, targetDisagrees, zeroBudget,
        printedRateMismatch,
        monitoringWithoutProject, unknownIndicatorProgress, missingIndicatorProgress, overspent, spentSourcesMismatch,
        badMonitoringDate, behindPlan, certainWhileFarBehind, unexplainedRisk, notMonitored, duplicateMonitoring,
        reviewMissingLevel1, reviewMissingCost, reviewCostNotMoney, reviewMissingDeadline,
        reviewBareNumber, reviewVagueWords, reviewRepeatedName,
        reviewBelowLastTarget, reviewBelowLastActual, reviewLowSatisfaction, reviewDroppedIndicator, reviewNewIndicator,
        reviewCopiedText, reviewUnitCost, reviewCount,
        noData, duplicateProject, fileNameMismatch, outputFailed, templateFailed, unsafeOutput,
        ambiguousDataFolder, unitNameMismatch, notAUnitFolder,
    ]
}
