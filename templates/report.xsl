<?xml version="1.0" encoding="UTF-8"?>
<!-- 年度绩效自评报告 (REFERENCE §1 outline): prose sections from data; the summary table,
     the figures, the shortfalls and the annexes computed. Figures are inline SVG drawn
     here from the numbers (no script, no external files). -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="http://www.w3.org/1999/xhtml">

  <!-- figure.label.width: room for project names left of the bars, in SVG units. -->
  <xsl:param name="figure.label.width" select="230"/>
  <!-- figure.bar.width: the length that stands for 100 points or 100 %. -->
  <xsl:param name="figure.bar.width" select="280"/>

  <xsl:template match="/report">
    <xsl:call-template name="page.frame">
      <xsl:with-param name="title" select="concat(@year, '年度绩效自评报告')"/>
      <xsl:with-param name="class" select="'portrait'"/>
      <xsl:with-param name="body">
        <h1 class="document-title"><xsl:value-of select="@year"/>年度绩效自评报告</h1>
        <xsl:if test="string(@unit)"><p class="unit"><xsl:value-of select="@unit"/></p></xsl:if>

        <h2 id="section-1">一、部门基本情况</h2>
        <xsl:call-template name="report.section"><xsl:with-param name="key" select="'部门基本情况'"/></xsl:call-template>

        <h2 id="section-2">二、绩效目标与预算执行情况</h2>
        <p class="prose">
          <xsl:text>纳入自评的 </xsl:text><xsl:value-of select="summary/@assessed"/>
          <xsl:text> 个项目全年预算数合计 </xsl:text><xsl:value-of select="summary/@total-budget"/>
          <xsl:text>万元，全年执行数 </xsl:text><xsl:value-of select="summary/@total-spent"/>
          <xsl:text>万元，预算执行率 </xsl:text><xsl:value-of select="summary/@rate"/><xsl:text>。</xsl:text>
          <xsl:if test="summary/@not-assessed &gt; 0">
            <xsl:value-of select="summary/@not-assessed"/><xsl:text> 个项目未自评，未计入合计与平均分。</xsl:text>
          </xsl:if>
        </p>
        <xsl:apply-templates select="summary"/>
        <xsl:call-template name="figure.budget"/>

        <h2 id="section-3">三、自评工作开展情况</h2>
        <xsl:call-template name="report.section"><xsl:with-param name="key" select="'自评工作开展情况'"/></xsl:call-template>

        <h2 id="section-4">四、综合评价结论</h2>
        <p class="prose">
          <xsl:text>已自评项目平均得分 </xsl:text><xsl:value-of select="summary/@average"/>
          <xsl:text> 分。其中优 </xsl:text><xsl:value-of select="summary/@count-优"/>
          <xsl:text> 个，良 </xsl:text><xsl:value-of select="summary/@count-良"/>
          <xsl:text> 个，中 </xsl:text><xsl:value-of select="summary/@count-中"/>
          <xsl:text> 个，差 </xsl:text><xsl:value-of select="summary/@count-差"/><xsl:text> 个。</xsl:text>
          <xsl:if test="department-grades">
            <xsl:text>部门整体绩效目标的评定标准中，优秀 </xsl:text><xsl:value-of select="department-grades/@excellent"/>
            <xsl:text> 项，合格 </xsl:text><xsl:value-of select="department-grades/@pass"/>
            <xsl:text> 项，差 </xsl:text><xsl:value-of select="department-grades/@poor"/><xsl:text> 项。</xsl:text>
          </xsl:if>
        </p>
        <xsl:call-template name="figure.scores"/>

        <h2 id="section-5">五、绩效目标实现情况分析</h2>
        <xsl:apply-templates select="shortfalls/slot" mode="shortfalls"/>
        <xsl:if test="department-grades/poor-measure">
          <h3>（五）部门整体绩效目标中评为差的标准</h3>
          <table class="shortfalls">
            <thead><tr><th>分项目标</th><th>评定指标</th><th>实际</th><th>差的条件</th><th>原因</th></tr></thead>
            <tbody>
              <xsl:for-each select="department-grades/poor-measure">
                <tr>
                  <td><xsl:value-of select="@subgoal"/></td><td><xsl:value-of select="@measure"/></td>
                  <td class="value"><xsl:value-of select="@actual"/></td>
                  <td><xsl:value-of select="@label"/>：<xsl:value-of select="@condition"/></td>
                  <td><xsl:call-template name="text"><xsl:with-param name="value" select="."/></xsl:call-template></td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </xsl:if>

        <h2 id="section-6">六、存在的问题及原因</h2>
        <xsl:call-template name="report.section"><xsl:with-param name="key" select="'存在问题及原因'"/></xsl:call-template>
        <xsl:call-template name="project.notes"><xsl:with-param name="which" select="'problem'"/></xsl:call-template>

        <h2 id="section-7">七、改进措施与建议</h2>
        <xsl:call-template name="report.section"><xsl:with-param name="key" select="'改进措施与建议'"/></xsl:call-template>
        <xsl:call-template name="project.notes"><xsl:with-param name="which" select="'improvement'"/></xsl:call-template>

        <h2 id="section-8">八、结果应用</h2>
        <xsl:call-template name="report.section"><xsl:with-param name="key" select="'结果应用'"/></xsl:call-template>

        <section class="part annexes">
          <h2 id="annexes">附件：自评表</h2>
          <xsl:apply-templates select="annexes/self-assessment | annexes/slot | annexes/department-assessment" mode="content"/>
        </section>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="report.section">
    <xsl:param name="key"/>
    <xsl:choose>
      <xsl:when test="section[@key = $key]"><p class="prose"><xsl:value-of select="section[@key = $key]"/></p></xsl:when>
      <xsl:otherwise><p class="missing">（未填写：在 自评/部门整体.yaml 的“<xsl:value-of select="$key"/>”中填写）</p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The summary table: one row per project, 未自评 where there are no results, totals last. -->
  <xsl:template match="summary">
    <table class="summary">
      <thead>
        <tr><th>序号</th><th>项目名称</th><th>全年预算数（万元）</th><th>全年执行数（万元）</th><th>执行率</th><th>得分</th><th>等级</th></tr>
      </thead>
      <tbody>
        <xsl:apply-templates select="slot[@for = 'rows']" mode="content"/>
      </tbody>
      <tfoot>
        <tr>
          <th colspan="2">合计（<xsl:value-of select="@assessed"/>个已自评项目）</th>
          <th class="number"><xsl:value-of select="@total-budget"/></th>
          <th class="number"><xsl:value-of select="@total-spent"/></th>
          <th class="number"><xsl:value-of select="@rate"/></th>
          <th class="number">平均 <xsl:value-of select="@average"/></th>
          <th><xsl:comment/></th>
        </tr>
      </tfoot>
    </table>
  </xsl:template>

  <!-- One project's line of the summary table (a part of the streamed report). -->
  <xsl:template match="row" mode="content">
    <tr>
      <td class="number"><xsl:value-of select="@n"/></td>
      <td>
        <xsl:choose>
          <xsl:when test="@href"><a href="{@href}"><xsl:value-of select="@name"/></a></xsl:when>
          <xsl:otherwise><xsl:value-of select="@name"/></xsl:otherwise>
        </xsl:choose>
      </td>
      <xsl:choose>
        <xsl:when test="@score">
          <td class="number"><xsl:value-of select="@budget"/></td>
          <td class="number"><xsl:value-of select="@spent"/></td>
          <td class="number"><xsl:value-of select="@rate"/></td>
          <td class="number"><xsl:value-of select="@score"/></td>
          <td class="number"><xsl:value-of select="@grade"/></td>
        </xsl:when>
        <xsl:otherwise>
          <td class="number">—</td><td class="number">—</td><td class="number">—</td><td class="number">—</td>
          <td class="number">未自评</td>
        </xsl:otherwise>
      </xsl:choose>
    </tr>
  </xsl:template>

  <!-- Section 五: a table for each 一级 heading with shortfalls, its rows streamed (a part per
       project, `shortfall` below); the slot names the heading. Numbered by heading, not by
       position: 满意度指标 stays （三） where no 效益指标 fell short. -->
  <xsl:template match="slot" mode="shortfalls">
    <h3>
      <xsl:choose>
        <xsl:when test="@for = '产出指标'">（一）</xsl:when>
        <xsl:when test="@for = '效益指标'">（二）</xsl:when>
        <xsl:when test="@for = '满意度指标'">（三）</xsl:when>
        <xsl:otherwise>（四）</xsl:otherwise>
      </xsl:choose>
      <xsl:value-of select="@for"/>
      <xsl:text>未达成的指标</xsl:text>
    </h3>
    <table class="shortfalls">
      <thead><tr><th>项目</th><th>三级指标</th><th>年度指标值</th><th>实际完成值</th><th>得分/分值</th><th>偏差原因</th></tr></thead>
      <tbody><xsl:apply-templates select="." mode="content"/></tbody>
    </table>
  </xsl:template>

  <!-- One indicator that fell short (a part of the streamed report). -->
  <xsl:template match="shortfall" mode="content">
    <tr>
      <td><xsl:value-of select="@project"/></td><td><xsl:value-of select="@indicator"/></td>
      <td class="value"><xsl:value-of select="@target"/></td><td class="value"><xsl:value-of select="@actual"/></td>
      <td class="number"><xsl:value-of select="@score"/>/<xsl:value-of select="@weight"/></td>
      <td><xsl:call-template name="text"><xsl:with-param name="value" select="."/></xsl:call-template></td>
    </tr>
  </xsl:template>

  <!-- Sections 六 and 七: each project's problems (which = problem) or improvements, streamed. -->
  <xsl:template name="project.notes">
    <xsl:param name="which"/>
    <xsl:if test="problems/slot[@for = $which]">
      <ul class="project-notes">
        <xsl:apply-templates select="problems/slot[@for = $which]" mode="content"/>
      </ul>
    </xsl:if>
  </xsl:template>

  <!-- One project's problems or improvements (a part of the streamed report). -->
  <xsl:template match="note" mode="content">
    <li><strong><xsl:value-of select="@project"/></strong>（<xsl:value-of select="@grade"/>）：<xsl:value-of select="."/></li>
  </xsl:template>

  <!-- Figure 2: each project's score on the grade bands (差 below 60, 中 60, 良 80, 优 90). -->
  <xsl:template name="figure.scores">
    <xsl:variable name="height" select="summary/@assessed * 24 + 44"/>
    <xsl:variable name="left" select="$figure.label.width"/>
    <xsl:variable name="scale" select="$figure.bar.width div 100"/>
    <figure class="chart">
      <svg xmlns="http://www.w3.org/2000/svg" width="100%" viewBox="0 0 {$left + $figure.bar.width + 70} {$height}" role="img"
           font-size="11" fill="#111">
        <title>各项目自评得分与等级区间</title>
        <rect x="{$left}" y="20" width="{60 * $scale}" height="{$height - 36}" class="band-poor" fill="#f6dede"/>
        <rect x="{$left + 60 * $scale}" y="20" width="{20 * $scale}" height="{$height - 36}" class="band-fair" fill="#f7efd6"/>
        <rect x="{$left + 80 * $scale}" y="20" width="{10 * $scale}" height="{$height - 36}" class="band-good" fill="#dfe9f5"/>
        <rect x="{$left + 90 * $scale}" y="20" width="{10 * $scale}" height="{$height - 36}" class="band-excellent" fill="#dcefdc"/>
        <xsl:for-each select="summary/grade-bands/band">
          <xsl:variable name="to">
            <xsl:choose>
              <xsl:when test="preceding-sibling::band"><xsl:value-of select="preceding-sibling::band[1]/@from"/></xsl:when>
              <xsl:otherwise>100</xsl:otherwise>
            </xsl:choose>
          </xsl:variable>
          <text x="{$left + (@from + $to) div 2 * $scale}" y="14" text-anchor="middle" class="axis" fill="#555"><xsl:value-of select="@grade"/></text>
        </xsl:for-each>
        <xsl:apply-templates select="summary/slot[@for = 'score-bars']" mode="content"/>
      </svg>
      <figcaption>图2　各项目自评得分（底色为等级区间）</figcaption>
    </figure>
  </xsl:template>

  <!-- One project's bar in figure 2 (a part of the streamed report); `bar` is its line. -->
  <xsl:template match="score-bar" mode="content" xmlns="http://www.w3.org/2000/svg">
    <xsl:variable name="left" select="$figure.label.width"/>
    <xsl:variable name="scale" select="$figure.bar.width div 100"/>
    <xsl:variable name="y" select="24 + (@bar - 1) * 24"/>
    <text x="{$left - 8}" y="{$y + 13}" text-anchor="end" class="label"><xsl:value-of select="@name"/></text>
    <rect x="{$left}" y="{$y + 3}" width="{@score-value * $scale}" height="14" class="bar grade-{@grade}">
      <xsl:attribute name="fill">
        <xsl:choose>
          <xsl:when test="@grade = '差'">#a33</xsl:when>
          <xsl:otherwise>#4a4a4a</xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
    </rect>
    <text x="{$left + @score-value * $scale + 6}" y="{$y + 14}" class="value"><xsl:value-of select="@score"/><xsl:text> </xsl:text><xsl:value-of select="@grade"/></text>
  </xsl:template>

  <!-- Figure 1: budget against spending, each bar the project's full-year budget and its
       filled part what was spent — readable for 3万元 and 2100万元 projects alike. -->
  <xsl:template name="figure.budget">
    <xsl:variable name="height" select="summary/@assessed * 24 + 24"/>
    <xsl:variable name="left" select="$figure.label.width"/>
    <figure class="chart">
      <svg xmlns="http://www.w3.org/2000/svg" width="100%" viewBox="0 0 {$left + $figure.bar.width + 175} {$height}" role="img"
           font-size="11" fill="#111">
        <title>各项目全年预算数与执行数</title>
        <xsl:apply-templates select="summary/slot[@for = 'budget-bars']" mode="content"/>
      </svg>
      <figcaption>图1　各项目预算执行情况（浅色为全年预算数，深色为全年执行数）</figcaption>
    </figure>
  </xsl:template>


  <!-- One project's bar in figure 1 (a part of the streamed report); `bar` is its line. -->
  <xsl:template match="budget-bar" mode="content" xmlns="http://www.w3.org/2000/svg">
    <xsl:variable name="left" select="$figure.label.width"/>
    <xsl:variable name="y" select="8 + (@bar - 1) * 24"/>
    <xsl:variable name="share">
      <xsl:choose>
        <xsl:when test="@rate-value &gt; 100">1</xsl:when>
        <xsl:otherwise><xsl:value-of select="@rate-value div 100"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <text x="{$left - 8}" y="{$y + 13}" text-anchor="end" class="label"><xsl:value-of select="@name"/></text>
    <rect x="{$left}" y="{$y + 3}" width="{$figure.bar.width}" height="14" class="budget" fill="#e4e4e0" stroke="#999" stroke-width="0.5"/>
    <rect x="{$left}" y="{$y + 3}" width="{$figure.bar.width * $share}" height="14" class="spent" fill="#4a6a8a"/>
    <text x="{$left + $figure.bar.width + 6}" y="{$y + 14}" class="value">
      <xsl:value-of select="@spent"/>/<xsl:value-of select="@budget"/>万元（<xsl:value-of select="@rate"/>）</text>
  </xsl:template>

  <xsl:template match="section | department-grades | shortfalls | problems | annexes"/>
</xsl:stylesheet>
