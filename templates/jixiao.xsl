<?xml version="1.0" encoding="UTF-8"?>
<!--
  Jixiao driver stylesheet: one compiled stylesheet renders every page, dispatching on the
  root element of the data XML that Swift builds from the model (Sources/JixiaoRender/DocumentXML.swift).

  Input contract (no namespace; every text is data and is output as text only, never with
  disable-output-escaping). contract.xsl enforces the first four kinds element by element.
    Forms carry layout="default" or layout="sichuan" (版式, docs/版式.md): the Sichuan forms are
    layout-sichuan.xsl, matched in mode content with a higher priority.
    <project year unit index-href? anchor? layout?>   one 项目绩效目标表 (goal-table.xsl); anchor: the id of
                                         its table in the annual document, which the 目录 links to
      <code/>                            项目编码, may be empty
      <recipients><recipient/>*</recipients>?   分项指标值: a value column per recipient, in order
      <name/>                            项目名称
      <title/>?                          表名: the form's own title, printed instead of the layout's
      <head><cell label/>+</head>?       表头, 表尾: the form's own cells, label | text, in file order
      <foot><cell label/>+</foot>?
      <notes><note/>+</notes>?           表注: the notes the form prints under itself, a paragraph each
      <heading for="description|value|basis"/>*   栏目名称: a column's heading as the form words it
      <purpose/>?                        项目资金主要用途, prose as written; absent: no such row
      <budget total>                     not shown (the purpose states it); kept for checks
        <source name amount/>* <item name amount? formula? rate?/>*
      </budget>
      <plan><quarter n>25%</quarter>×4</plan>?         cumulative share by quarter end; absent: no such rows
      <goals><goal n>…</goal>*</goals>                  shown as "目标{n}{text}", a single one as its text
      <indicators><level1 name><level2 name><indicator>
        <name/> <description/>? <value kind="comparison|deadline|qualitative" cell?/> <basis/>?
                                         description, basis: absent from every row where the form
                                         has no such column
        <nature/> <unit/> <share name/>*   指标性质 and 度量单位 when written apart (value stays the
                                         whole, =100%; cell: its 指标值 cell); share: the value for
                                         one recipient
      </indicator>*</level2>*</level1>*</indicators>
    <department year unit index-href?>   部门整体绩效目标 (department.xsl)
      <overall/>                         总体绩效目标 prose
      <category n title><subgoal n name?><content/><rating/>
        <measure indicator excellent poor excellent-label pass-label poor-label/>*
      </subgoal>*</category>*
      <safeguard n title>…</safeguard>*  工作保障措施
    <annual year unit index-href>        the whole annual document (annual.xsl): cover, 目录, parts
      <department year unit/>? <project year unit/>*   as above, without index-href, in order
                                         or <slot for="contents"/><slot for="projects"/> in place of
                                         the projects (streamed, below): the 目录's lines, the tables
    <project year unit index-href><name/><changes/>?<slot/></project>   and the same for <self-assessment
                                         sample?>: a published form, its table a part (below);
                                         changes: what changed since last year's table (comparison.xsl)
    <part year unit sample? assessed?>   one part of a streamed page: <project/>,
                                         <self-assessment/>, <contents-line name anchor/>s of the
                                         annual document's 目录, one project's <row/>, <budget-bar bar/>
                                         or <score-bar bar/> (attributes as summary rows; bar: its
                                         line in the figure), its <shortfall/>s under one heading, a
                                         <note text><by project grade/>*</note> (one text and every
                                         project that wrote it), or one <entry/> of the index
    <index year unit total project-count assessed? sample?>   the year's index (index.xsl)
      <document href title/>* <slot/>?   the projects, each a part:
        <entry n href name budget assessment-href? score? grade?/>   budget and total carry
                                         their unit: "154万元"
    <monitoring year unit index-href sample? as-of period threshold>   one 项目支出绩效目标执行监控表
      (monitoring.xsl); period heads the columns of what is done so far: "1—7月", "截至7月15日"
      <name/> <supervisor/> <implementer/>
      <funds planned gap? behind?><row name budget spent rate part?/>*</funds>   first row the total,
                                         then one per funding source (part); amounts in 万元
      <goals><goal n/>*</goals>
      <indicators><level1 name><level2 name><indicator likelihood?>   no likelihood: not reported
        <name/> <target/> <actual/> <expected/> <causes><cause>经费保障…</cause>*</causes>
        <explanation/> <correction/>
      </indicator>*</level2>*</level1>*</indicators>
    <monitoring-summary year unit index-href sample? threshold far-threshold project-count monitored
                        behind-count total-budget total-spent rate as-of? period?>   as-of when all agree
      <project n name href? as-of? budget? spent? rate? rate-value? planned? planned-value? gap? behind? far-behind?/>*
      <at-risk project href indicator target actual expected likelihood causes explanation correction/>*
    <self-assessment year unit index-href sample? layout?>   one 项目支出绩效自评表
      <name/> <title/>? <code/> <report-number/> <supervisor/> <implementer/>
      <leader/> <finance-leader/> <conclusion/> <implementation/>   项目负责人 … 项目实施内容
      <head/>? <foot/>? <notes/>?         表头, 表尾, 表注: as on <project>, printed as the goal table prints them
      <funds unit><row name initial annual spent weight? rate? score? part?/>+</funds>   the total first,
                                         then the 其中 rows as written (the Sichuan form prints its
                                         four standard rows, filled by name, and then the others);
                                         unit: 元 or 万元, the amounts as written when the file wrote
                                         them in one unit, else each converted to 万元
      <goals><goal n/>*</goals> <summary-text/>
      <indicators><level1 name weight?><level2 name><indicator met applicable?>   weight: the heading's
                                         points; applicable="0": 不适用, listed, not scored
        <name/> <target/> <nature/>? <value/>? <unit/>? <actual/> <weight/> <score/> <reason/> <working/>
      </indicator>*</level2>*</level1>*</indicators>
      <total weight score grade rescaled?/> <not-applicable-rule/>? <problems/> <improvements/>
      Printed figures are shown as printed; computed ones that differ (attributes computed,
      computed-score, computed-weight) are for the review page only.
    <score-review year unit index-href?>   核对.html (score-review.xsl)
      <project name href path><item what line printed computed/>*</project>*
    <department-assessment year unit index-href sample?>
      <category n title><subgoal key grade? grade-label?>
        <measure indicator excellent poor excellent-label poor-label actual working grade? grade-label?>note</measure>*
      </subgoal>*</category>* <grade-count excellent pass poor/>
    <report year unit index-href sample?>   年度绩效自评报告
      <section key>prose</section>*
      <summary total-budget total-spent rate average assessed not-assessed count-优 count-良 count-中 count-差>
        <grade-bands><band grade from/>*</grade-bands>
        <slot for="rows"/>? <slot for="budget-bars"/>? <slot for="score-bars"/>?   each filled with parts:
        row: n name href? budget? spent? budget-value? spent-value? rate? rate-value? score? score-value? grade?
      </summary>
      <department-grades excellent pass poor><poor-measure subgoal measure actual condition label>reason</poor-measure>*</department-grades>?
      <shortfalls><slot for="产出指标|效益指标|满意度指标|成本指标" title/>*</shortfalls>   a slot for
                                         each 一级 heading with shortfalls (title: its name as the
                                         tables write it, 效果指标), filled with a part per project:
        <shortfall project indicator target actual weight score>reason</shortfall>*
      <problems><slot for="problem"/>? <slot for="improvement"/>?</problems>   each filled with a part
                                         per text of problems, or of improvements: <note/> above
      <annexes><self-assessment/>* or <slot/>, <department-assessment/>?</annexes>

    <review year unit index-href project-count finding-count reviewed-count previous-year?>   绩效目标审核
      (review.xsl): <tally code title count/>* by rule, then each project with findings:
      <project n name href><finding code title message line? column? hint?/>*</project>*
  Output: polyglot XHTML (XML serialisation, XHTML namespace, UTF-8, no XML declaration so
  the W3C checker reads the .html files as HTML too).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="http://www.w3.org/1999/xhtml">

  <xsl:output method="xml" encoding="UTF-8" omit-xml-declaration="yes" indent="no"
              doctype-system="about:legacy-compat"/>

  <!-- page.css (string, default empty): the text of templates/jixiao.css, embedded in a
       <style> element of every page so that each file stands alone as an attachment (no
       external requests). Jixiao passes it; with xsltproc use
         stringparam page.css "$(cat templates/jixiao.css)"
       xsltproc refuses a string holding both kinds of quote, so jixiao.css uses double quotes
       only; and it must not contain < > or & (page.xsl stops if it does), because an HTML
       parser reads <style> raw while an XML parser would decode the escapes. -->
  <xsl:param name="page.css" select="''"/>

  <!-- page.css.marker (string, default empty): "1" leaves the comment jixiao:css where the CSS
       goes, for the caller to replace with the CSS itself (jixiao publish does, page.xsl). -->
  <xsl:param name="page.css.marker" select="''"/>

  <!-- page.orientation (string, default empty): "portrait" or "landscape" prints every page
       that way; empty leaves each template's choice (goal tables portrait, self-assessment
       tables landscape). jixiao publish passes it from its orientation option. -->
  <xsl:param name="page.orientation" select="''"/>

  <xsl:include href="page.xsl"/>
  <xsl:include href="numerals.xsl"/>
  <xsl:include href="contract.xsl"/>
  <xsl:include href="goal-table.xsl"/>
  <xsl:include href="department.xsl"/>
  <xsl:include href="annual.xsl"/>
  <xsl:include href="index.xsl"/>
  <xsl:include href="self-assessment.xsl"/>
  <xsl:include href="report.xsl"/>
  <xsl:include href="monitoring.xsl"/>
  <xsl:include href="district.xsl"/>
  <xsl:include href="comparison.xsl"/>
  <xsl:include href="review.xsl"/>
  <xsl:include href="layout-sichuan.xsl"/>
  <xsl:include href="score-review.xsl"/>

  <!-- Streamed pages (the annual document, the report, the index): Swift renders the page with
     a <slot/> for each long list (the tables, the summary rows, the bars of a figure, the
     index's lines), then each item on its own as <part>, and writes the parts at their slot's
     comment, slot after slot. The bytes are those of the page rendered whole; only the memory
     differs. -->
  <xsl:template match="slot" mode="content">
    <xsl:comment>jixiao:slot</xsl:comment>
  </xsl:template>

  <xsl:template match="/part">
    <xsl:apply-templates select="project" mode="contract"/>
    <xsl:apply-templates select="*" mode="content"/>
  </xsl:template>

  <!-- Anything no template handles is a contract break: stop rather than drop data. (The
       pages pull most fields by name; contract.xsl catches unknown fields before that.) -->
  <xsl:template match="*">
    <xsl:message terminate="yes">
      <xsl:text>jixiao.xsl: no template for element &lt;</xsl:text>
      <xsl:value-of select="name()"/>
      <xsl:text>&gt; at </xsl:text>
      <xsl:for-each select="ancestor-or-self::*">
        <xsl:text>/</xsl:text>
        <xsl:value-of select="name()"/>
      </xsl:for-each>
    </xsl:message>
  </xsl:template>
</xsl:stylesheet>
