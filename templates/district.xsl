<?xml version="1.0" encoding="UTF-8"?>
<!-- The district's pages, for a data folder of several units (data/<单位>/<年度>/):
     output/index.html lists every unit, output/汇总/<年度>.html rolls up one year.

  Input contract (Sources/JixiaoRender/DistrictXML.swift):
    <district-index year unit unit-count>
      <summary year href/>*                the roll-up of each year
      <unit n name><year year href projects comparison-href?/>*</unit>*
    <district-summary year unit index-href unit-count projects assessed findings
                      budget? spent? rate? average? count-优? count-良? count-中? count-差?>
                                         the totals (budget and the rest once some unit has
                                         self-assessed): each the sum of the printed lines; rate
                                         and average worked out from them; amounts in 万元
      <grade-bands><band grade from/>*</grade-bands>
      <line n name href? projects assessed findings budget? spent? rate?
            average? count-优? count-良? count-中? count-差?/>*
      <budget-bar bar name rate rate-value spent budget/>*   each unit with a rate, a bar of the
                                         execution figure, as the report's (jixiao.xsl)
      <poor unit name href? score/>*       the projects graded 差
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="http://www.w3.org/1999/xhtml">

  <xsl:template match="/district-index">
    <xsl:call-template name="page.frame">
      <xsl:with-param name="title" select="'各单位绩效目标与自评'"/>
      <xsl:with-param name="body">
        <h1>各单位绩效目标与自评</h1>
        <xsl:if test="summary">
          <h2>汇总</h2>
          <ul class="documents">
            <xsl:for-each select="summary">
              <li><a href="{@href}"><xsl:value-of select="@year"/>年度各单位绩效汇总</a></li>
            </xsl:for-each>
          </ul>
        </xsl:if>
        <h2>单位（<xsl:value-of select="@unit-count"/>个）</h2>
        <div class="form">
          <table class="district-units">
            <colgroup><col class="c-number"/><col class="c-unit"/><col class="c-years"/></colgroup>
            <thead><tr><th>序号</th><th class="stub">单位</th><th>年度</th></tr></thead>
            <tbody>
              <xsl:for-each select="unit">
                <tr>
                  <td class="number"><xsl:value-of select="@n"/></td>
                  <td class="stub"><xsl:call-template name="text"><xsl:with-param name="value" select="@name"/></xsl:call-template></td>
                  <td>
                    <ul class="unit-years">
                      <xsl:for-each select="year">
                        <li>
                          <a href="{@href}"><xsl:value-of select="@year"/>年度</a>
                          <xsl:text>（</xsl:text><xsl:value-of select="@projects"/><xsl:text>个项目）</xsl:text>
                          <xsl:if test="@comparison-href">
                            <a href="{@comparison-href}">与上年对比</a>
                          </xsl:if>
                        </li>
                      </xsl:for-each>
                    </ul>
                  </td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="/district-summary">
    <xsl:variable name="heading" select="concat(@year, '年度各单位绩效汇总')"/>
    <xsl:call-template name="page.frame">
      <xsl:with-param name="title" select="$heading"/>
      <xsl:with-param name="body">
        <h1><xsl:value-of select="$heading"/></h1>
        <p>
          <xsl:value-of select="concat(@unit-count, '个单位，', @projects, '个项目，其中', @assessed, '个已自评')"/>
          <xsl:if test="@rate"><xsl:value-of select="concat('；预算执行率', @rate, '，平均得分', @average)"/></xsl:if>
          <xsl:text>。</xsl:text>
        </p>
        <div class="form">
          <table class="district-summary">
            <colgroup>
              <col class="c-number"/><col class="c-unit"/><col class="c-count"/><col class="c-count"/>
              <col class="c-money"/><col class="c-money"/><col class="c-rate"/><col class="c-score"/>
              <col class="c-grade"/><col class="c-grade"/><col class="c-grade"/><col class="c-grade"/><col class="c-count"/>
            </colgroup>
            <thead>
              <tr>
                <!-- The short headings on one line (class nw): a column three characters wide would
                     otherwise leave one of them alone on a line. -->
                <th class="nw">序号</th><th class="stub">单位</th><th class="nw">项目数</th><th class="nw">已自评</th>
                <th>全年预算数（万元）</th><th>全年执行数（万元）</th><th>执行率</th><th class="nw">平均得分</th>
                <th>优</th><th>良</th><th>中</th><th>差</th><th class="nw">问题数</th>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="line">
                <tr>
                  <td class="number"><xsl:value-of select="@n"/></td>
                  <td class="stub">
                    <xsl:choose>
                      <xsl:when test="@href"><a href="{@href}"><xsl:call-template name="text"><xsl:with-param name="value" select="@name"/></xsl:call-template></a></xsl:when>
                      <xsl:otherwise><xsl:call-template name="text"><xsl:with-param name="value" select="@name"/></xsl:call-template></xsl:otherwise>
                    </xsl:choose>
                  </td>
                  <td class="number"><xsl:value-of select="@projects"/></td>
                  <td class="number"><xsl:value-of select="@assessed"/></td>
                  <xsl:call-template name="district.figures"/>
                  <td class="number"><xsl:value-of select="@findings"/></td>
                </tr>
              </xsl:for-each>
            </tbody>
            <tfoot>
              <tr>
                <th colspan="2" class="stub">合计</th>
                <th class="number"><xsl:value-of select="@projects"/></th>
                <th class="number"><xsl:value-of select="@assessed"/></th>
                <xsl:call-template name="district.figures"/>
                <th class="number"><xsl:value-of select="@findings"/></th>
              </tr>
            </tfoot>
          </table>
        </div>
        <!-- One line: a line break in the text would print as a space between Chinese characters. -->
        <p class="district-note">注：全年预算数、全年执行数与等级只计已自评的项目，取自各单位的绩效自评报告；合计为上列各单位之和，执行率为合计的全年执行数÷全年预算数，平均得分为全部已自评项目得分的平均数（不是各单位平均得分的平均数）；问题数是各单位该年度数据文件的检查警告数。</p>
        <xsl:if test="line[@assessed &gt; 0]">
          <xsl:call-template name="district.figure.grades"/>
          <xsl:call-template name="district.figure.execution"/>
        </xsl:if>
        <h2>评为“差”的项目</h2>
        <xsl:choose>
          <xsl:when test="poor">
            <div class="form">
              <table class="district-poor">
                <colgroup><col class="c-unit"/><col class="c-name"/><col class="c-score"/></colgroup>
                <thead><tr><th class="stub">单位</th><th>项目名称</th><th>得分</th></tr></thead>
                <tbody>
                  <xsl:for-each select="poor">
                    <tr>
                      <td class="stub"><xsl:call-template name="text"><xsl:with-param name="value" select="@unit"/></xsl:call-template></td>
                      <td>
                        <xsl:choose>
                          <xsl:when test="@href"><a href="{@href}"><xsl:call-template name="text"><xsl:with-param name="value" select="@name"/></xsl:call-template></a></xsl:when>
                          <xsl:otherwise><xsl:call-template name="text"><xsl:with-param name="value" select="@name"/></xsl:call-template></xsl:otherwise>
                        </xsl:choose>
                      </td>
                      <td class="number"><xsl:value-of select="@score"/></td>
                    </tr>
                  </xsl:for-each>
                </tbody>
              </table>
            </div>
          </xsl:when>
          <xsl:otherwise><p>没有评为“差”的项目。</p></xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- The money, rate, score and grade cells of a line or of the totals (the context node):
       th in the totals, td in the lines; one cell saying 未自评 where nothing has been. -->
  <xsl:template name="district.figures">
    <xsl:variable name="cell">
      <xsl:choose>
        <xsl:when test="self::district-summary">th</xsl:when>
        <xsl:otherwise>td</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="@budget">
        <xsl:call-template name="district.cell"><xsl:with-param name="cell" select="$cell"/><xsl:with-param name="value" select="@budget"/></xsl:call-template>
        <xsl:call-template name="district.cell"><xsl:with-param name="cell" select="$cell"/><xsl:with-param name="value" select="@spent"/></xsl:call-template>
        <xsl:call-template name="district.cell"><xsl:with-param name="cell" select="$cell"/><xsl:with-param name="value" select="@rate"/></xsl:call-template>
        <xsl:call-template name="district.cell"><xsl:with-param name="cell" select="$cell"/><xsl:with-param name="value" select="@average"/></xsl:call-template>
        <xsl:call-template name="district.cell"><xsl:with-param name="cell" select="$cell"/><xsl:with-param name="value" select="@count-优"/></xsl:call-template>
        <xsl:call-template name="district.cell"><xsl:with-param name="cell" select="$cell"/><xsl:with-param name="value" select="@count-良"/></xsl:call-template>
        <xsl:call-template name="district.cell"><xsl:with-param name="cell" select="$cell"/><xsl:with-param name="value" select="@count-中"/></xsl:call-template>
        <xsl:call-template name="district.cell"><xsl:with-param name="cell" select="$cell"/><xsl:with-param name="value" select="@count-差"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:element name="{$cell}" namespace="http://www.w3.org/1999/xhtml">
          <xsl:attribute name="colspan">8</xsl:attribute>
          <xsl:attribute name="class">none</xsl:attribute>
          <xsl:text>未自评</xsl:text>
        </xsl:element>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- One number cell; a dash where the value is missing (a rate without a budget). -->
  <xsl:template name="district.cell">
    <xsl:param name="cell"/>
    <xsl:param name="value"/>
    <xsl:element name="{$cell}" namespace="http://www.w3.org/1999/xhtml">
      <xsl:attribute name="class">number</xsl:attribute>
      <xsl:choose>
        <xsl:when test="string($value)"><xsl:value-of select="$value"/></xsl:when>
        <xsl:otherwise>—</xsl:otherwise>
      </xsl:choose>
    </xsl:element>
  </xsl:template>

  <!-- Figure 1: each unit's assessed projects by grade, as shares of one bar from 0 to 100 %,
       in the report's figure style (figure.axis, figure.font: report.xsl). -->
  <xsl:template name="district.figure.grades">
    <xsl:variable name="lines" select="line[@assessed &gt; 0]"/>
    <xsl:variable name="rows" select="count($lines) * 24"/>
    <xsl:variable name="left" select="$figure.label.width"/>
    <figure class="chart">
      <svg xmlns="http://www.w3.org/2000/svg" width="100%" viewBox="0 0 {$left + $figure.bar.width + 150} {$rows + 62}"
           role="img" font-size="11" font-family="{$figure.font}" fill="#111">
        <title>各单位自评等级分布</title>
        <xsl:for-each select="grade-bands/band">
          <xsl:sort select="@from" data-type="number" order="descending"/>
          <rect x="{$left + (position() - 1) * 70}" y="6" width="10" height="10">
            <xsl:attribute name="fill"><xsl:call-template name="district.grade.colour"/></xsl:attribute>
          </rect>
          <text x="{$left + (position() - 1) * 70 + 14}" y="15" class="band-label" fill="#333"><xsl:value-of select="@grade"/></text>
        </xsl:for-each>
        <xsl:call-template name="figure.axis">
          <xsl:with-param name="top" select="26"/>
          <xsl:with-param name="rows" select="$rows"/>
          <xsl:with-param name="step" select="20"/>
          <xsl:with-param name="unit" select="'%'"/>
          <xsl:with-param name="grid" select="true()"/>
        </xsl:call-template>
        <xsl:for-each select="$lines">
          <xsl:variable name="y" select="26 + (position() - 1) * 24"/>
          <xsl:variable name="scale" select="$figure.bar.width div @assessed"/>
          <text x="{$left - 8}" y="{$y + 16}" text-anchor="end" class="label"><xsl:value-of select="@name"/></text>
          <xsl:variable name="line" select="."/>
          <xsl:for-each select="../grade-bands/band">
            <xsl:sort select="@from" data-type="number" order="descending"/>
            <xsl:variable name="grade" select="@grade"/>
            <xsl:variable name="from" select="@from"/>
            <xsl:variable name="count" select="sum($line/@*[name() = concat('count-', $grade)])"/>
            <!-- The better grades' counts come first on the bar: their attribute names, then their sum. -->
            <xsl:variable name="better">
              <xsl:for-each select="../band[@from &gt; $from]">|count-<xsl:value-of select="@grade"/>|</xsl:for-each>
            </xsl:variable>
            <xsl:variable name="before" select="sum($line/@*[contains($better, concat('|', name(), '|'))])"/>
            <xsl:if test="$count &gt; 0">
              <rect x="{$left + $before * $scale}" y="{$y + 5}" width="{$count * $scale}" height="14" class="bar grade-{$grade}">
                <xsl:attribute name="fill"><xsl:call-template name="district.grade.colour"/></xsl:attribute>
              </rect>
            </xsl:if>
          </xsl:for-each>
          <text x="{$left + $figure.bar.width + 12}" y="{$y + 16}" class="value">
            <xsl:value-of select="concat('优', @count-优, '　良', @count-良, '　中', @count-中, '　差', @count-差)"/>
          </text>
        </xsl:for-each>
      </svg>
      <figcaption>图1　各单位已自评项目的等级分布（各等级项目数占该单位已自评项目数的比例；右列为各等级项目数）</figcaption>
    </figure>
  </xsl:template>

  <!-- The fill of a grade's share (the context node is its band). -->
  <xsl:template name="district.grade.colour">
    <xsl:choose>
      <xsl:when test="@grade = '优'">#3d6b3d</xsl:when>
      <xsl:when test="@grade = '良'">#4a6a8a</xsl:when>
      <xsl:when test="@grade = '中'">#b08a2e</xsl:when>
      <xsl:otherwise>#a33</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Figure 2: each unit's execution rate (全年执行数 ÷ 全年预算数) from 0 to 100 %, each unit's
       bar drawn by the report's template for a project's (report.xsl, budget-bar). -->
  <xsl:template name="district.figure.execution">
    <xsl:variable name="rows" select="count(budget-bar) * 24"/>
    <figure class="chart">
      <svg xmlns="http://www.w3.org/2000/svg" width="100%" viewBox="0 0 {$figure.label.width + $figure.bar.width + 150} {$rows + 44}"
           role="img" font-size="11" font-family="{$figure.font}" fill="#111">
        <title>各单位预算执行率</title>
        <xsl:call-template name="figure.axis">
          <xsl:with-param name="top" select="8"/>
          <xsl:with-param name="rows" select="$rows"/>
          <xsl:with-param name="step" select="20"/>
          <xsl:with-param name="unit" select="'%'"/>
          <xsl:with-param name="grid" select="true()"/>
        </xsl:call-template>
        <xsl:apply-templates select="budget-bar" mode="content"/>
      </svg>
      <figcaption>图2　各单位预算执行率（全年执行数÷全年预算数；右列为执行率及全年执行数/全年预算数，单位：万元）</figcaption>
    </figure>
  </xsl:template>
</xsl:stylesheet>
