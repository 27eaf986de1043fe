import ArgumentParser

/// A command-line mistake, said in Chinese. argument-parser keeps its error cases to itself
/// and words them in English, so its message is read here and said again. A message not
/// recognised (our own ValidationErrors, already Chinese, or a later argument-parser's
/// wording) is passed on as it is rather than lost.
struct UsageMessage {
    let text: String

    /// nil for what is not a usage error: `--help`, `help`, the exit status of a data error.
    init?(_ error: Error) {
        let message = Jixiao.message(for: error)
        guard Jixiao.exitCode(for: error) == .validationFailure, !message.isEmpty else { return nil }
        text = Self.chinese(message)
    }

    private static func chinese(_ message: String) -> String {
        if let match = message.wholeMatch(of: #/Unknown option '(.+?)'(?:\. Did you mean '(.+?)'\?)?/#) {
            return "没有选项 \(match.1)" + (match.2.map { "。您是不是要用：\($0)" } ?? "")
        }
        if let match = message.wholeMatch(of: #/Missing value for '(\S+).*'/#) {
            return "选项 \(match.1) 后面缺少值"
        }
        if let match = message.wholeMatch(of: #/(?s)The value '(.*)' is invalid for '(\S+)[^']*'(.*)/#) {
            // What follows the option is either ". Please provide one of 'a' and 'b'." or an English reason; only the values are worth keeping.
            let allowed = match.3.matches(of: #/'([^']*)'/#).map { String($0.1) }
            return "“\(match.1)”不是 \(match.2) 可以取的值" + (allowed.isEmpty ? "" : "，可选：" + allowed.joined(separator: "、"))
        }
        if let match = message.wholeMatch(of: #/Unexpected argument '(.*)'/#) {
            return "多余的参数“\(match.1)”"
        }
        if let match = message.wholeMatch(of: #/\d+ unexpected arguments: '(.*)'/#) {
            return "多余的参数：" + match.1.split(separator: "', '", omittingEmptySubsequences: false).map { "“\($0)”" }.joined()
        }
        if let match = message.wholeMatch(of: #/Missing expected argument '(.+)'/#) {
            return "缺少参数 \(match.1)"
        }
        if let match = message.wholeMatch(of: #/The option '(.+?)' does not take any value, but '(.*)' was specified\./#) {
            return "选项 \(match.1) 不带值，却给了“\(match.2)”"
        }
        return message
    }
}
