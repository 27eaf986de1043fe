import Testing
@testable import JixiaoPublish
import JixiaoData
import JixiaoImport
import JixiaoExport
@testable import JixiaoRender
@testable import JixiaoOutput

/// File names and links for projects: names pass as they are unless a character needs
/// replacing or escaping.
@Suite("Output names")
struct OutputNamesTests {
    @Test func stemsReplaceOnlyWhatAFileSystemRefuses() {
        #expect(OutputNames.safeStem("村级组织经费") == "村级组织经费")
        #expect(OutputNames.safeStem("名称?#%") == "名称_#%")
        #expect(OutputNames.safeStem("a/b\\c:d*e\"f<g>h|i\u{1}j") == "a_b_c_d_e_f_g_h_i_j")
        #expect(OutputNames.safeStem(" .隐藏 ") == "_隐藏")
        #expect(OutputNames.safeStem("CON") == "CON_")
    }

    @Test func linksEscapeOnlyWhatWouldEndOrAlterAPath() {
        #expect(OutputNames.href("项目", "村级组织经费.html") == "项目/村级组织经费.html")
        #expect(OutputNames.href("项目", "a b#c%d?.html") == "项目/a%20b%23c%25d%3F.html")
    }

    /// Whatever a page's path says, the staging directory writes it inside itself.
    @Test func pagePathsCannotClimbOut() {
        #expect(["2021/项目/甲.html", "a..b/c..html", "2021/.jixiao"].allSatisfy(StagedOutput.staysInside))
        #expect(!["../x.html", "2021/../../x.html", "/etc/x", "2021/..", "..", ""].contains(where: StagedOutput.staysInside))
    }

    @Test func namesThatCollideGetNumbers() {
        #expect(OutputNames(["a/b", "a_b", "A_B"]).fileNames == ["a_b.html", "a_b-2.html", "A_B-3.html"])
        #expect(OutputNames(["项目", "Ｘ项目", "ｘ项目", "Σ", "σ"]).fileNames == ["项目.html", "Ｘ项目.html", "ｘ项目-2.html", "Σ.html", "σ-2.html"])
    }
}
