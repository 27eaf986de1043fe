<?xml version="1.0" encoding="UTF-8"?>
<!--
  Jixiao driver stylesheet: one compiled stylesheet renders every page, dispatching on the
  root element of the data XML that Swift builds from the model (Sources/JixiaoRender/DocumentXML.swift).

  Input contract (no namespace; every text is data and is output as text only):
    <project year unit index-href?>      one 项目绩效目标表
      <code/> <name/> <purpose/>
      <budget total><source name amount/>* <item name amount? formula? rate?/>*</budget>
      <plan><quarter n>25%</quarter>×4</plan>
      <goals><goal n>…</goal>*</goals>
      <indicators><level1 name><level2 name><indicator>
        <name/> <description/> <value kind="comparison|deadline|qualitative"/> <basis/>
      </indicator>*</level2>*</level1>*</indicators>
    <department year unit index-href?>   部门整体绩效目标
      <overall/>
      <category n title><subgoal n name?><content/><rating/>
        <measure indicator excellent poor excellent-label pass-label poor-label/>*
      </subgoal>*</category>*
      <safeguard n title>…</safeguard>*
    <annual year unit index-href>        the whole annual document: <department/>? <project/>*
    <index year unit total project-count assessed? sample?>
      <document href title/>* <project n href name budget assessment-href? score? grade?/>*
    <self-assessment year unit index-href sample?>   one 项目支出绩效自评表
      <name/> <supervisor/> <implementer/>
      <funds><row name initial annual spent weight? rate? score? part?/>×4</funds>
      <goals><goal n/>*</goals> <summary-text/>
      <indicators><level1 name><level2 name><indicator met>
        <name/> <target/> <actual/> <weight/> <score/> <reason/> <working/>
      </indicator>*</level2>*</level1>*</indicators>
      <total weight score grade/> <problems/> <improvements/>
    <department-assessment year unit index-href sample?>
      <category n title><subgoal key grade? grade-label?>
        <measure indicator excellent poor excellent-label poor-label actual working grade? grade-label?>note</measure>*
      </subgoal>*</category>* <grade-count excellent pass poor/>
    <report year unit index-href sample?>   年度绩效自评报告
      <section key>prose</section>*
      <summary total-budget total-spent rate average assessed not-assessed count-优 count-良 count-中 count-差>
        <row n name href? budget? spent? budget-value? spent-value? rate? rate-value? score? score-value? grade?/>*
        <grade-bands><band grade from/>*</grade-bands></summary>
      <department-grades excellent pass poor><poor-measure subgoal measure actual condition label>reason</poor-measure>*</department-grades>?
      <shortfalls><shortfall project indicator level1 target actual weight score>reason</shortfall>*</shortfalls>
      <problems><project name grade><problem/><improvement/></project>*</problems>
      <annexes><self-assessment/>* <department-assessment/>?</annexes>

  Output: polyglot XHTML (XML serialisation, XHTML namespace, UTF-8, no XML declaration so
  the W3C checker reads the .html files as HTML too).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="http://www.w3.org/1999/xhtml">

  <xsl:output method="xml" encoding="UTF-8" omit-xml-declaration="yes" indent="no"
              doctype-system="about:legacy-compat"/>

  <!-- page.css: the text of templates/jixiao.css, embedded in every page so that each file
       stands alone as an attachment. Jixiao passes it; with xsltproc use
       stringparam page.css "$(cat templates/jixiao.css)" (xsltproc refuses a string holding both
       kinds of quote, so jixiao.css uses double quotes only). -->
  <xsl:param name="page.css" select="''"/>

  <xsl:include href="page.xsl"/>
  <xsl:include href="goal-table.xsl"/>
  <xsl:include href="department.xsl"/>
  <xsl:include href="annual.xsl"/>
  <xsl:include href="index.xsl"/>
  <xsl:include href="self-assessment.xsl"/>
  <xsl:include href="report.xsl"/>

  <!-- Anything no template handles is a contract break: stop rather than drop data. -->
  <xsl:template match="*">
    <xsl:message terminate="yes">
      <xsl:text>jixiao.xsl: no template for element &lt;</xsl:text>
      <xsl:value-of select="name()"/>
      <xsl:text>&gt; inside &lt;</xsl:text>
      <xsl:value-of select="name(..)"/>
      <xsl:text>&gt;</xsl:text>
    </xsl:message>
  </xsl:template>
</xsl:stylesheet>
