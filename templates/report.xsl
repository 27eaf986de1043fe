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
  <xsl:param name="figure.bar.width" select="300"/>

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
          <xsl:text>纳入自评的</xsl:text><xsl:value-of select="summary/@assessed"/>
          <xsl:text>个项目全年预算数合计</xsl:text><xsl:value-of select="summary/@total-budget"/>
          <xsl:text>万元，全年执行数</xsl:text><xsl:value-of select="summary/@total-spent"/>
          <xsl:text>万元，预算执行率</xsl:text><xsl:value-of select="summary/@rate"/><xsl:text>。</xsl:text>
          <xsl:if test="summary/@not-assessed &gt; 0">
            <xsl:value-of select="summary/@not-assessed"/><xsl:text>个项目未自评，未计入合计与平均分。</xsl:text>
          </xsl:if>
        </p>
        <xsl:apply-templates select="summary"/>
        <xsl:call-template name="figure.budget"/>

        <h2 id="section-3">三、自评工作开展情况</h2>
        <xsl:call-template name="report.section"><xsl:with-param name="key" select="'自评工作开展情况'"/></xsl:call-template>

        <h2 id="section-4">四、综合评价结论</h2>
        <p class="prose">
          <xsl:text>已自评项目平均得分</xsl:text><xsl:value-of select="summary/@average"/>
          <xsl:text>分。其中优</xsl:text><xsl:value-of select="summary/@count-优"/>
          <xsl:text>个，良</xsl:text><xsl:value-of select="summary/@count-良"/>
          <xsl:text>个，中</xsl:text><xsl:value-of select="summary/@count-中"/>
          <xsl:text>个，差</xsl:text><xsl:value-of select="summary/@count-差"/><xsl:text>个。</xsl:text>
          <xsl:if test="department-grades">
            <xsl:text>部门整体绩效目标的评定标准中，优秀</xsl:text><xsl:value-of select="department-grades/@excellent"/>
            <xsl:text>项，合格</xsl:text><xsl:value-of select="department-grades/@pass"/>
            <xsl:text>项，差</xsl:text><xsl:value-of select="department-grades/@poor"/><xsl:text>项。</xsl:text>
          </xsl:if>
        </p>
        <xsl:call-template name="figure.scores"/>

        <h2 id="section-5">五、绩效目标实现情况分析</h2>
        <xsl:apply-templates select="shortfalls/slot" mode="shortfalls"/>
        <xsl:if test="department-grades/poor-measure">
          <h3>
            <xsl:text>（</xsl:text>
            <xsl:call-template name="chinese.numeral"><xsl:with-param name="n" select="count(shortfalls/slot) + 1"/></xsl:call-template>
            <xsl:text>）部门整体绩效目标中评为差的标准</xsl:text>
          </h3>
          <div class="form">
          <table class="shortfalls">
            <colgroup>
              <col class="s-project"/><col class="s-indicator"/><col class="s-actual"/><col class="s-condition"/><col class="s-reason"/>
            </colgroup>
            <thead><tr><th class="stub">分项目标</th><th>评定指标</th><th>实际</th><th>差的条件</th><th>原因</th></tr></thead>
            <tbody>
              <xsl:for-each select="department-grades/poor-measure">
                <tr>
                  <td class="stub"><xsl:call-template name="text"><xsl:with-param name="value" select="@subgoal"/></xsl:call-template></td>
                  <td><xsl:call-template name="text"><xsl:with-param name="value" select="@measure"/></xsl:call-template></td>
                  <td class="value"><xsl:call-template name="text"><xsl:with-param name="value" select="@actual"/></xsl:call-template></td>
                  <td><xsl:value-of select="@label"/>：<xsl:call-template name="text"><xsl:with-param name="value" select="@condition"/></xsl:call-template></td>
                  <td><xsl:call-template name="text"><xsl:with-param name="value" select="."/></xsl:call-template></td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
          </div>
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
    <p class="table-unit">单位：万元</p>
    <div class="form">
    <table class="summary">
      <thead>
        <tr><th>序号</th><th class="stub">项目名称</th><th>全年预算数</th><th>全年执行数</th><th>执行率</th><th>得分</th><th>等级</th></tr>
      </thead>
      <tbody>
        <xsl:apply-templates select="slot[@for = 'rows']" mode="content"/>
      </tbody>
      <tfoot>
        <tr>
          <th colspan="2" class="stub">合计（<xsl:value-of select="@assessed"/>个已自评项目）</th>
          <th class="number"><xsl:value-of select="@total-budget"/></th>
          <th class="number"><xsl:value-of select="@total-spent"/></th>
          <th class="number"><xsl:value-of select="@rate"/></th>
          <th class="number">平均<xsl:value-of select="@average"/></th>
          <th><xsl:comment/></th>
        </tr>
      </tfoot>
    </table>
    </div>
  </xsl:template>

  <!-- One project's line of the summary table (a part of the streamed report). -->
  <xsl:template match="row" mode="content">
    <tr>
      <td class="number"><xsl:value-of select="@n"/></td>
      <td class="stub">
        <xsl:choose>
          <xsl:when test="@href"><a href="{@href}"><xsl:call-template name="text"><xsl:with-param name="value" select="@name"/></xsl:call-template></a></xsl:when>
          <xsl:otherwise><xsl:call-template name="text"><xsl:with-param name="value" select="@name"/></xsl:call-template></xsl:otherwise>
        </xsl:choose>
      </td>
      <xsl:choose>
        <xsl:when test="@score">
          <td class="number"><xsl:value-of select="@budget"/></td>
          <td class="number"><xsl:value-of select="@spent"/></td>
          <td class="number"><xsl:value-of select="@rate"/></td>
          <td class="number"><xsl:value-of select="@score"/></td>
          <td class="grade"><xsl:value-of select="@grade"/></td>
        </xsl:when>
        <xsl:otherwise>
          <td class="number">—</td><td class="number">—</td><td class="number">—</td><td class="number">—</td>
          <td class="grade">未自评</td>
        </xsl:otherwise>
      </xsl:choose>
    </tr>
  </xsl:template>

  <!-- Section 五: a table for each 一级 heading with shortfalls, its rows streamed (a part per
       project, `shortfall` below). The slot names the heading as the tables write it (@title:
       效果指标 where the projects' tables say so); the headings are numbered in order, the
       department's 差 measures after them. -->
  <xsl:template match="slot" mode="shortfalls">
    <h3>
      <xsl:text>（</xsl:text>
      <xsl:call-template name="chinese.numeral"><xsl:with-param name="n" select="position()"/></xsl:call-template>
      <xsl:text>）</xsl:text>
      <xsl:value-of select="@title"/>
      <xsl:text>未达成的指标</xsl:text>
    </h3>
    <div class="form">
    <table class="shortfalls">
      <colgroup>
        <col class="s-project"/><col class="s-indicator"/><col class="s-target"/><col class="s-actual"/><col class="s-score"/><col class="s-reason"/>
      </colgroup>
      <thead><tr><th class="stub">项目</th><th>三级指标</th><th>年度指标值</th><th>实际完成值</th><th>得分/分值</th><th>偏差原因</th></tr></thead>
      <tbody><xsl:apply-templates select="." mode="content"/></tbody>
    </table>
    </div>
  </xsl:template>

  <!-- One indicator that fell short (a part of the streamed report). -->
  <xsl:template match="shortfall" mode="content">
    <tr>
      <td class="stub"><xsl:call-template name="text"><xsl:with-param name="value" select="@project"/></xsl:call-template></td>
      <td><xsl:call-template name="text"><xsl:with-param name="value" select="@indicator"/></xsl:call-template></td>
      <td class="value"><xsl:call-template name="text"><xsl:with-param name="value" select="@target"/></xsl:call-template></td>
      <td class="value"><xsl:call-template name="text"><xsl:with-param name="value" select="@actual"/></xsl:call-template></td>
      <td class="number"><xsl:value-of select="@score"/>/<xsl:value-of select="@weight"/></td>
      <td><xsl:call-template name="text"><xsl:with-param name="value" select="."/></xsl:call-template></td>
    </tr>
  </xsl:template>

  <!-- Sections 六 and 七: the projects' problems (which = problem) or improvements, streamed. -->
  <xsl:template name="project.notes">
    <xsl:param name="which"/>
    <xsl:if test="problems/slot[@for = $which]">
      <ul class="project-notes">
        <xsl:apply-templates select="problems/slot[@for = $which]" mode="content"/>
      </ul>
    </xsl:if>
  </xsl:template>

  <!-- One text of problems or improvements and every project that wrote it, word for word (a
       part of the streamed report): "甲（优）、乙（良）：……". -->
  <xsl:template match="note" mode="content">
    <li>
      <strong>
        <xsl:for-each select="by">
          <xsl:if test="position() &gt; 1">、</xsl:if>
          <xsl:value-of select="@project"/>
          <xsl:text>（</xsl:text><xsl:value-of select="@grade"/><xsl:text>）</xsl:text>
        </xsl:for-each>
      </strong>
      <xsl:text>：</xsl:text>
      <xsl:call-template name="text"><xsl:with-param name="value" select="@text"/></xsl:call-template>
    </li>
  </xsl:template>

  <!-- The figures. Each is a plot figure.bar.width wide right of the projects' names, a row of
       24 units per project, and an axis with ticks below; they scale to the width of the page.
       font-family is for WeasyPrint, which applies no page CSS inside an SVG; a browser takes the
       page's font (jixiao.css). Named without spaces after the commas: WeasyPrint splits the list
       at the commas and keeps any space. -->
  <xsl:variable name="figure.font" select="'AR PL UMing CN,Noto Serif CJK SC,serif'"/>

  <!-- Figure 1: each project's execution rate (全年执行数 ÷ 全年预算数) on one axis from 0 to
       100 %, so that bars compare; a rate above 100 % reaches the end and is marked. -->
  <xsl:template name="figure.budget">
    <xsl:variable name="rows" select="summary/@assessed * 24"/>
    <figure class="chart">
      <svg xmlns="http://www.w3.org/2000/svg" width="100%" viewBox="0 0 {$figure.label.width + $figure.bar.width + 150} {$rows + 44}"
           role="img" font-size="11" font-family="{$figure.font}" fill="#111">
        <title>各项目预算执行率</title>
        <xsl:call-template name="figure.axis">
          <xsl:with-param name="top" select="8"/>
          <xsl:with-param name="rows" select="$rows"/>
          <xsl:with-param name="step" select="20"/>
          <xsl:with-param name="unit" select="'%'"/>
          <xsl:with-param name="grid" select="true()"/>
        </xsl:call-template>
        <xsl:apply-templates select="summary/slot[@for = 'budget-bars']" mode="content"/>
      </svg>
      <figcaption>图1　各项目预算执行率（全年执行数÷全年预算数；右列为执行率及全年执行数/全年预算数，单位：万元）</figcaption>
    </figure>
  </xsl:template>

  <!-- One project's bar in figure 1 (a part of the streamed report); `bar` is its line. -->
  <xsl:template match="budget-bar" mode="content" xmlns="http://www.w3.org/2000/svg">
    <xsl:variable name="left" select="$figure.label.width"/>
    <xsl:variable name="y" select="8 + (@bar - 1) * 24"/>
    <xsl:variable name="length">
      <xsl:choose>
        <xsl:when test="@rate-value &gt; 100"><xsl:value-of select="$figure.bar.width"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="@rate-value * $figure.bar.width div 100"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <text x="{$left - 8}" y="{$y + 16}" text-anchor="end" class="label"><xsl:value-of select="@name"/></text>
    <rect x="{$left}" y="{$y + 5}" width="{$length}" height="14" class="bar" fill="#4a6a8a"/>
    <xsl:if test="@rate-value &gt; 100">
      <path d="M{$left + $length},{$y + 2} l6,10 l-6,10 z" class="over" fill="#4a6a8a"/>
    </xsl:if>
    <text x="{$left + $figure.bar.width + 12}" y="{$y + 16}" class="value">
      <xsl:value-of select="@rate"/>（<xsl:value-of select="@spent"/>/<xsl:value-of select="@budget"/>）</text>
  </xsl:template>

  <!-- Figure 2: each project's score from 0 to 100 over the grade bands, each band shaded,
       edged by a line and named above the plot. -->
  <xsl:template name="figure.scores">
    <xsl:variable name="rows" select="summary/@assessed * 24"/>
    <xsl:variable name="left" select="$figure.label.width"/>
    <xsl:variable name="scale" select="$figure.bar.width div 100"/>
    <figure class="chart">
      <svg xmlns="http://www.w3.org/2000/svg" width="100%" viewBox="0 0 {$left + $figure.bar.width + 150} {$rows + 62}"
           role="img" font-size="11" font-family="{$figure.font}" fill="#111">
        <title>各项目自评得分与等级区间</title>
        <xsl:for-each select="summary/grade-bands/band">
          <xsl:variable name="to">
            <xsl:choose>
              <xsl:when test="preceding-sibling::band"><xsl:value-of select="preceding-sibling::band[1]/@from"/></xsl:when>
              <xsl:otherwise>100</xsl:otherwise>
            </xsl:choose>
          </xsl:variable>
          <rect x="{$left + @from * $scale}" y="26" width="{($to - @from) * $scale}" height="{$rows}" class="band">
            <xsl:attribute name="fill">
              <xsl:choose>
                <xsl:when test="@grade = '优'">#dcefdc</xsl:when>
                <xsl:when test="@grade = '良'">#dfe9f5</xsl:when>
                <xsl:when test="@grade = '中'">#f7efd6</xsl:when>
                <xsl:otherwise>#f6dede</xsl:otherwise>
              </xsl:choose>
            </xsl:attribute>
          </rect>
          <xsl:if test="@from &gt; 0">
            <line x1="{$left + @from * $scale}" y1="18" x2="{$left + @from * $scale}" y2="{26 + $rows}" class="band-edge"
                  stroke="#555" stroke-width="0.8"/>
          </xsl:if>
          <text x="{$left + (@from + $to) div 2 * $scale}" y="16" text-anchor="middle" class="band-label" fill="#333">
            <xsl:value-of select="@grade"/>
          </text>
        </xsl:for-each>
        <xsl:call-template name="figure.axis">
          <xsl:with-param name="top" select="26"/>
          <xsl:with-param name="rows" select="$rows"/>
          <xsl:with-param name="step" select="10"/>
          <xsl:with-param name="unit" select="''"/>
        </xsl:call-template>
        <xsl:apply-templates select="summary/slot[@for = 'score-bars']" mode="content"/>
      </svg>
      <figcaption>
        <xsl:text>图2　各项目自评得分（满分100分；底色为等级区间：</xsl:text>
        <xsl:for-each select="summary/grade-bands/band">
          <xsl:sort select="@from" data-type="number"/>
          <xsl:if test="position() &gt; 1">＜<xsl:value-of select="@from"/>≤</xsl:if>
          <xsl:value-of select="@grade"/>
        </xsl:for-each>
        <xsl:text>）</xsl:text>
      </figcaption>
    </figure>
  </xsl:template>

  <!-- One project's bar in figure 2 (a part of the streamed report); `bar` is its line. -->
  <xsl:template match="score-bar" mode="content" xmlns="http://www.w3.org/2000/svg">
    <xsl:variable name="left" select="$figure.label.width"/>
    <xsl:variable name="scale" select="$figure.bar.width div 100"/>
    <xsl:variable name="y" select="26 + (@bar - 1) * 24"/>
    <text x="{$left - 8}" y="{$y + 16}" text-anchor="end" class="label"><xsl:value-of select="@name"/></text>
    <rect x="{$left}" y="{$y + 5}" width="{@score-value * $scale}" height="14" class="bar grade-{@grade}">
      <xsl:attribute name="fill">
        <xsl:choose>
          <xsl:when test="@grade = '差'">#a33</xsl:when>
          <xsl:otherwise>#4a4a4a</xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
    </rect>
    <text x="{$left + $figure.bar.width + 12}" y="{$y + 16}" class="value"><xsl:value-of select="@score"/>分　<xsl:value-of select="@grade"/></text>
  </xsl:template>

  <!-- A figure's horizontal axis: a line under the plot (top + rows) from 0 to 100, a tick and
       its number every `step`, with `unit` after each number; `grid`: a light line up through
       the plot at each tick. -->
  <xsl:template name="figure.axis" xmlns="http://www.w3.org/2000/svg">
    <xsl:param name="top"/>
    <xsl:param name="rows"/>
    <xsl:param name="step"/>
    <xsl:param name="unit"/>
    <xsl:param name="grid" select="false()"/>
    <xsl:param name="value" select="0"/>
    <xsl:variable name="x" select="$figure.label.width + $value * $figure.bar.width div 100"/>
    <xsl:variable name="bottom" select="$top + $rows"/>
    <xsl:if test="$value = 0">
      <line x1="{$x}" y1="{$bottom}" x2="{$x + $figure.bar.width}" y2="{$bottom}" class="axis" stroke="#111" stroke-width="0.8"/>
      <line x1="{$x}" y1="{$top}" x2="{$x}" y2="{$bottom}" class="axis" stroke="#111" stroke-width="0.8"/>
    </xsl:if>
    <xsl:if test="$grid and $value &gt; 0">
      <line x1="{$x}" y1="{$top}" x2="{$x}" y2="{$bottom}" class="grid" stroke="#ccc" stroke-width="0.6"/>
    </xsl:if>
    <line x1="{$x}" y1="{$bottom}" x2="{$x}" y2="{$bottom + 4}" class="tick" stroke="#111" stroke-width="0.8"/>
    <text x="{$x}" y="{$bottom + 16}" text-anchor="middle" class="tick-label" fill="#333"><xsl:value-of select="concat($value, $unit)"/></text>
    <xsl:if test="$value + $step &lt;= 100">
      <xsl:call-template name="figure.axis">
        <xsl:with-param name="top" select="$top"/>
        <xsl:with-param name="rows" select="$rows"/>
        <xsl:with-param name="step" select="$step"/>
        <xsl:with-param name="unit" select="$unit"/>
        <xsl:with-param name="grid" select="$grid"/>
        <xsl:with-param name="value" select="$value + $step"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template match="section | department-grades | shortfalls | problems | annexes"/>
</xsl:stylesheet>
