<?xml version="1.0" encoding="UTF-8"?>
<!-- Mid-year monitoring: the 项目支出绩效目标执行监控表 (layout of the central departments'
     monitoring table: the funds with 执行数 and 执行率 beside the plan's share by the date,
     then the indicators with 1—N月执行情况, 全年预计完成情况, a box for each 偏差原因 and each
     完成目标可能性, and 备注), and the year's monitoring summary with its figure. Every figure
     comes computed (Sources/JixiaoCheck/MonitoringReview.swift); these templates only lay out. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="http://www.w3.org/1999/xhtml">

  <xsl:include href="monitoring-common.xsl"/>

  <xsl:template match="/monitoring">
    <xsl:call-template name="page.frame">
      <xsl:with-param name="title" select="concat(name, '项目支出绩效目标执行监控表')"/>
      <xsl:with-param name="class" select="'landscape'"/>
      <xsl:with-param name="content" select="."/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="monitoring" mode="content">
    <section class="monitoring-page">
      <h1>项目支出绩效目标执行监控表</h1>
      <p class="unit">（<xsl:value-of select="@year"/>年度　截至<xsl:value-of select="@as-of"/>）</p>
      <!-- The form's two tables scroll sideways together on a narrow screen, their label columns
           fixed (jixiao.css), as the goal and self-assessment tables do. -->
      <div class="form">
      <table class="monitoring-table">
        <colgroup>
          <col class="m-label"/><col class="m-row"/><col class="m-figure"/><col class="m-figure"/>
          <col class="m-figure"/><col class="m-figure"/><col class="m-gap"/>
        </colgroup>
        <tbody>
          <tr>
            <th class="stub">项目名称</th>
            <td colspan="6"><xsl:call-template name="text"><xsl:with-param name="value" select="name"/></xsl:call-template></td>
          </tr>
          <tr>
            <th class="stub">主管部门</th>
            <td colspan="2"><xsl:call-template name="text"><xsl:with-param name="value" select="supervisor"/></xsl:call-template></td>
            <th>实施单位</th>
            <td colspan="3"><xsl:call-template name="text"><xsl:with-param name="value" select="implementer"/></xsl:call-template></td>
          </tr>
          <tr>
            <th rowspan="{count(funds/row) + 1}" class="stub">项目资金<span class="tail">（万元）</span></th>
            <th><xsl:comment/></th>
            <th>年初预算数</th>
            <th><xsl:value-of select="@period"/>执<span class="tail">行数</span></th>
            <th><xsl:value-of select="@period"/>执<span class="tail">行率</span></th>
            <th>计划支出<span class="tail">进度</span></th>
            <th>与计划<span class="tail">相比</span></th>
          </tr>
          <xsl:apply-templates select="funds/row" mode="monitoring"/>
          <tr>
            <th class="stub">年度总体<span class="tail">目标</span></th>
            <td colspan="6" class="prose">
              <xsl:for-each select="goals/goal">
                <p class="goal"><xsl:call-template name="goal.number"/><xsl:call-template name="text"><xsl:with-param name="value" select="."/></xsl:call-template></p>
              </xsl:for-each>
              <xsl:if test="not(goals/goal)"><xsl:comment/></xsl:if>
            </td>
          </tr>
        </tbody>
      </table>
      <!-- The indicators continue the form in a table of their own, so that their two header
           rows repeat on every printed page they run onto. -->
      <table class="monitoring-table continued indicators">
        <colgroup>
          <col class="m-level1"/><col class="m-level2"/><col class="m-level3"/><col class="m-value"/>
          <col class="m-value"/><col class="m-value"/>
          <col class="m-box"/><col class="m-box"/><col class="m-box"/><col class="m-box"/><col class="m-box"/>
          <col class="m-box"/><col class="m-box"/><col class="m-box"/>
          <col class="m-note"/>
        </colgroup>
        <thead>
          <tr>
            <th rowspan="2" class="stub">一级指标</th><th rowspan="2" class="stub stub-2">二级指标</th><th rowspan="2">三级指标</th>
            <th rowspan="2">年度指<span class="tail">标值</span></th>
            <th rowspan="2"><xsl:value-of select="@period"/>执行<span class="tail">情况</span></th>
            <th rowspan="2">全年预计完成<span class="tail">情况</span></th>
            <th colspan="5">偏差原因<span class="tail">分析</span></th>
            <th colspan="3">完成目标<span class="tail">可能性</span></th>
            <th rowspan="2">备注</th>
          </tr>
          <tr class="boxes">
            <xsl:call-template name="monitoring.box.headings"><xsl:with-param name="names" select="concat($monitoring.causes, $monitoring.likelihoods)"/></xsl:call-template>
          </tr>
        </thead>
        <tbody>
          <xsl:apply-templates select="indicators/level1/level2/indicator" mode="monitoring"/>
        </tbody>
      </table>
      </div>
      <ol class="monitoring-notes">
        <li>执行率 = 执行数 ÷ 年初预算数（目标表的预算合计），以百分数保留两位小数，四舍<span class="tail">五入。</span></li>
        <li>计划支出进度按目标表的资金支出计划（各季度末累计支出比例）计算：截至日期所在季度内按天数直线增长（上季度末比例 +（本季度末比例 － 上季度末比例）× 本季度已过天数 ÷ 本季度天数），截至日期当天计入已过<span class="tail">天数。</span></li>
        <li>执行率低于计划支出进度超过 <xsl:value-of select="@threshold"/> 个百分点的，为执行进度<span class="tail">落后。</span></li>
        <li>偏差原因分析、完成目标可能性在相应栏内打“√”；备注说明偏差原因及拟采取的纠偏<span class="tail">措施。</span></li>
      </ol>
    </section>
  </xsl:template>

  <!-- One heading cell per space-separated name. -->
  <xsl:template name="monitoring.box.headings">
    <xsl:param name="names"/>
    <xsl:if test="string($names)">
      <th class="box"><xsl:call-template name="text"><xsl:with-param name="value" select="substring-before($names, ' ')"/></xsl:call-template></th>
      <xsl:call-template name="monitoring.box.headings"><xsl:with-param name="names" select="substring-after($names, ' ')"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- 年度资金总额 carries the plan's share and the comparison; the 其中 rows show "—" there. -->
  <xsl:template match="funds/row" mode="monitoring">
    <tr>
      <xsl:if test="not(@part) and ../@behind"><xsl:attribute name="class">behind</xsl:attribute></xsl:if>
      <td>
        <xsl:if test="@part and not(preceding-sibling::row[@part])">其中：</xsl:if>
        <xsl:call-template name="text"><xsl:with-param name="value" select="@name"/></xsl:call-template>
      </td>
      <td class="number"><xsl:value-of select="@budget"/></td>
      <td class="number"><xsl:call-template name="dash"><xsl:with-param name="value" select="@spent"/></xsl:call-template></td>
      <td class="number"><xsl:call-template name="dash"><xsl:with-param name="value" select="@rate"/></xsl:call-template></td>
      <xsl:choose>
        <xsl:when test="@part"><td class="number">—</td><td class="number">—</td></xsl:when>
        <xsl:otherwise>
          <td class="number"><xsl:call-template name="dash"><xsl:with-param name="value" select="../@planned"/></xsl:call-template></td>
          <td class="number"><xsl:call-template name="monitoring.gap"><xsl:with-param name="gap" select="../@gap"/></xsl:call-template></td>
        </xsl:otherwise>
      </xsl:choose>
    </tr>
  </xsl:template>

  <xsl:template match="indicator" mode="monitoring">
    <xsl:variable name="indicator" select="."/>
    <tr>
      <xsl:choose>
        <xsl:when test="@likelihood = '完全不可能'"><xsl:attribute name="class">at-risk impossible</xsl:attribute></xsl:when>
        <xsl:when test="@likelihood = '有可能'"><xsl:attribute name="class">at-risk</xsl:attribute></xsl:when>
        <xsl:when test="not(@likelihood)"><xsl:attribute name="class">unreported</xsl:attribute></xsl:when>
      </xsl:choose>
      <xsl:if test="not(preceding-sibling::indicator) and not(../preceding-sibling::level2)">
        <th class="level1 stub" rowspan="{count(../../level2/indicator)}"><xsl:call-template name="text"><xsl:with-param name="value" select="../../@name"/></xsl:call-template></th>
      </xsl:if>
      <xsl:if test="not(preceding-sibling::indicator)">
        <th class="level2 stub stub-2" rowspan="{count(../indicator)}"><xsl:call-template name="text"><xsl:with-param name="value" select="../@name"/></xsl:call-template></th>
      </xsl:if>
      <td><xsl:call-template name="text"><xsl:with-param name="value" select="name"/></xsl:call-template></td>
      <td class="value"><xsl:call-template name="text"><xsl:with-param name="value" select="target"/></xsl:call-template></td>
      <td class="value"><xsl:call-template name="text"><xsl:with-param name="value" select="actual"/></xsl:call-template></td>
      <td class="value"><xsl:call-template name="text"><xsl:with-param name="value" select="expected"/></xsl:call-template></td>
      <xsl:call-template name="monitoring.boxes">
        <xsl:with-param name="names" select="$monitoring.causes"/>
        <xsl:with-param name="ticked" select="causes/cause"/>
      </xsl:call-template>
      <xsl:call-template name="monitoring.boxes">
        <xsl:with-param name="names" select="$monitoring.likelihoods"/>
        <xsl:with-param name="ticked" select="@likelihood"/>
      </xsl:call-template>
      <td class="note">
        <xsl:if test="string(explanation)"><p>原因：<xsl:call-template name="text"><xsl:with-param name="value" select="explanation"/></xsl:call-template></p></xsl:if>
        <xsl:if test="string(correction)"><p>纠偏措施：<xsl:call-template name="text"><xsl:with-param name="value" select="correction"/></xsl:call-template></p></xsl:if>
        <xsl:if test="not(@likelihood)"><p>未填报</p></xsl:if>
        <xsl:if test="@likelihood and not(string(explanation)) and not(string(correction))"><xsl:comment/></xsl:if>
      </td>
    </tr>
  </xsl:template>

  <!-- One cell per space-separated name: √ where a ticked value is that name. -->
  <xsl:template name="monitoring.boxes">
    <xsl:param name="names"/>
    <xsl:param name="ticked"/>
    <xsl:if test="string($names)">
      <xsl:variable name="name" select="substring-before($names, ' ')"/>
      <td class="box">
        <xsl:choose>
          <xsl:when test="$ticked[. = $name]"><xsl:attribute name="title"><xsl:value-of select="$name"/></xsl:attribute>√</xsl:when>
          <xsl:otherwise><xsl:comment/></xsl:otherwise>
        </xsl:choose>
      </td>
      <xsl:call-template name="monitoring.boxes">
        <xsl:with-param name="names" select="substring-after($names, ' ')"/>
        <xsl:with-param name="ticked" select="$ticked"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- The year's monitoring summary. -->
  <xsl:template match="/monitoring-summary">
    <xsl:call-template name="page.frame">
      <xsl:with-param name="title" select="concat(@year, '年度绩效运行监控情况')"/>
      <xsl:with-param name="class" select="'portrait'"/>
      <xsl:with-param name="content" select="."/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="monitoring-summary" mode="content">
    <h1 class="document-title"><xsl:value-of select="@year"/>年度绩效运行监控<span class="tail">情况</span></h1>
    <xsl:if test="string(@unit)"><p class="unit"><xsl:value-of select="@unit"/></p></xsl:if>

    <h2>一、预算执行情况</h2>
    <p class="prose">
      <xsl:if test="@as-of">截至<xsl:value-of select="@as-of"/>，</xsl:if>
      <xsl:text>填报运行监控的 </xsl:text><xsl:value-of select="@monitored"/>
      <xsl:text> 个项目预算合计 </xsl:text><xsl:value-of select="@total-budget"/>
      <xsl:text>万元，执行 </xsl:text><xsl:value-of select="@total-spent"/>
      <xsl:text>万元，执行率 </xsl:text><xsl:call-template name="dash"><xsl:with-param name="value" select="@rate"/></xsl:call-template>
      <xsl:text>。其中 </xsl:text><xsl:value-of select="@behind-count"/>
      <xsl:text> 个项目的执行率低于资金支出计划应达到的进度超过 </xsl:text><xsl:value-of select="@threshold"/>
      <xsl:text> 个百分点。</xsl:text>
      <xsl:if test="@project-count &gt; @monitored">
        <xsl:value-of select="@project-count - @monitored"/><xsl:text> 个项目未填报，不计入合计。</xsl:text>
      </xsl:if>
    </p>
    <div class="form">
    <table class="summary monitoring-summary">
      <thead>
        <tr>
          <th>序号</th><th class="stub">项目名称</th>
          <xsl:if test="not(@as-of)"><th>截至</th></xsl:if>
          <th>预算（万元）</th><th>执行数（万元）</th><th>执行率</th><th>计划支出进度</th><th>与计划相比</th>
        </tr>
      </thead>
      <tbody>
        <xsl:apply-templates select="project" mode="monitoring.row"/>
      </tbody>
      <tfoot>
        <tr>
          <th colspan="2" class="stub">合计（<xsl:value-of select="@monitored"/>个已填报项目）</th>
          <xsl:if test="not(@as-of)"><th><xsl:comment/></th></xsl:if>
          <th class="number"><xsl:value-of select="@total-budget"/></th>
          <th class="number"><xsl:value-of select="@total-spent"/></th>
          <th class="number"><xsl:call-template name="dash"><xsl:with-param name="value" select="@rate"/></xsl:call-template></th>
          <th colspan="2"><xsl:comment/></th>
        </tr>
      </tfoot>
    </table>
    </div>
    <xsl:call-template name="figure.execution"/>

    <h2>二、执行进度落后的项目</h2>
    <xsl:choose>
      <xsl:when test="project[@behind]">
        <p class="prose">执行率低于计划支出进度超过 <xsl:value-of select="@threshold"/> 个百分点的项目（落后超过 <xsl:value-of select="@far-threshold"/> 个百分点的标为“严重”）：</p>
        <div class="form">
        <table class="shortfalls behind-list">
          <colgroup>
            <col class="b-name"/><col class="b-figure"/><col class="b-figure"/><col class="b-figure"/><col class="b-grade"/>
          </colgroup>
          <thead><tr><th class="stub">项目名称</th><th>执行率</th><th>计划支出进度</th><th>落后（百分点）</th><th>程度</th></tr></thead>
          <tbody>
            <xsl:for-each select="project[@behind]">
              <tr>
                <td class="stub"><a href="{@href}"><xsl:call-template name="text"><xsl:with-param name="value" select="@name"/></xsl:call-template></a></td>
                <td class="number"><xsl:value-of select="@rate"/></td>
                <td class="number"><xsl:value-of select="@planned"/></td>
                <td class="number"><xsl:value-of select="@gap"/></td>
                <td class="number">
                  <xsl:choose><xsl:when test="@far-behind">严重</xsl:when><xsl:otherwise>落后</xsl:otherwise></xsl:choose>
                </td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
        </div>
      </xsl:when>
      <xsl:otherwise><p class="prose">没有执行率低于计划支出进度超过 <xsl:value-of select="@threshold"/> 个百分点的项目。</p></xsl:otherwise>
    </xsl:choose>

    <!-- In print a page of its own with the notes (jixiao.css): the table, the figure and 二
         fill the two pages before it, and its table is not split over them. -->
    <h2 class="at-risk-heading">三、可能无法完成的绩效指标</h2>
    <xsl:choose>
      <xsl:when test="at-risk">
        <p class="prose">完成目标可能性填报为“完全不可能”或“有可能”的指标：</p>
        <div class="form">
        <table class="shortfalls at-risk-list">
          <colgroup>
            <col class="r-name"/><col class="r-name"/><col class="r-value"/><col class="r-value"/><col class="r-value"/>
            <col class="r-value"/><col class="r-cause"/><col class="r-measure"/>
          </colgroup>
          <thead>
            <tr>
              <th class="stub">项目</th><th>三级指标</th><th>年度指<span class="tail">标值</span></th>
              <th><xsl:choose><xsl:when test="@period"><xsl:value-of select="@period"/></xsl:when><xsl:otherwise>截至填报日</xsl:otherwise></xsl:choose>执行<span class="tail">情况</span></th>
              <th>全年<span class="tail">预计</span></th><th>可能性</th><th>偏差原因</th><th>纠偏措施</th>
            </tr>
          </thead>
          <tbody>
            <xsl:for-each select="at-risk">
              <tr>
                <xsl:if test="@likelihood = '完全不可能'"><xsl:attribute name="class">impossible</xsl:attribute></xsl:if>
                <td class="stub"><a href="{@href}"><xsl:call-template name="text"><xsl:with-param name="value" select="@project"/></xsl:call-template></a></td>
                <td><xsl:call-template name="text"><xsl:with-param name="value" select="@indicator"/></xsl:call-template></td>
                <td class="value"><xsl:call-template name="text"><xsl:with-param name="value" select="@target"/></xsl:call-template></td>
                <td class="value"><xsl:call-template name="text"><xsl:with-param name="value" select="@actual"/></xsl:call-template></td>
                <td class="value"><xsl:call-template name="text"><xsl:with-param name="value" select="@expected"/></xsl:call-template></td>
                <td class="value"><xsl:call-template name="text"><xsl:with-param name="value" select="@likelihood"/></xsl:call-template></td>
                <td>
                  <xsl:choose>
                    <xsl:when test="string(@explanation)">
                      <xsl:value-of select="@causes"/>
                      <xsl:if test="string(@causes)">：</xsl:if>
                      <xsl:call-template name="text"><xsl:with-param name="value" select="@explanation"/></xsl:call-template>
                    </xsl:when>
                    <xsl:when test="string(@causes)"><xsl:call-template name="text"><xsl:with-param name="value" select="@causes"/></xsl:call-template></xsl:when>
                    <xsl:otherwise>未填写</xsl:otherwise>
                  </xsl:choose>
                </td>
                <td>
                  <xsl:choose>
                    <xsl:when test="string(@correction)"><xsl:call-template name="text"><xsl:with-param name="value" select="@correction"/></xsl:call-template></xsl:when>
                    <xsl:otherwise>—</xsl:otherwise>
                  </xsl:choose>
                </td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
        </div>
      </xsl:when>
      <xsl:otherwise><p class="prose">各项目填报的绩效指标均“确定能”完成。</p></xsl:otherwise>
    </xsl:choose>

    <h2>说明</h2>
    <ol class="monitoring-notes">
      <li>执行率 = 执行数 ÷ 年初预算数（目标表的预算合计），以百分数保留两位小数，四舍五入；合计行按合计数<span class="tail">计算。</span></li>
      <li>计划支出进度按各项目目标表的资金支出计划（各季度末累计支出比例）计算：截至日期所在季度内按天数直线增长，截至日期当天计入已过<span class="tail">天数。</span></li>
      <li>与计划相比：执行率与计划支出进度之差（按表中两个百分数相减），执行率低于计划支出进度为“落后”，高于为<span class="tail">“超前”。</span></li>
    </ol>
  </xsl:template>

  <!-- One project's line of the summary table; 未填报 where it has no monitoring file. -->
  <xsl:template match="project" mode="monitoring.row">
    <tr>
      <xsl:if test="@behind"><xsl:attribute name="class">behind</xsl:attribute></xsl:if>
      <td class="number"><xsl:value-of select="@n"/></td>
      <td class="stub">
        <xsl:choose>
          <xsl:when test="@href"><a href="{@href}"><xsl:call-template name="text"><xsl:with-param name="value" select="@name"/></xsl:call-template></a></xsl:when>
          <xsl:otherwise><xsl:call-template name="text"><xsl:with-param name="value" select="@name"/></xsl:call-template></xsl:otherwise>
        </xsl:choose>
      </td>
      <xsl:choose>
        <xsl:when test="@budget">
          <xsl:if test="not(../@as-of)"><td class="number"><xsl:value-of select="@as-of"/></td></xsl:if>
          <td class="number"><xsl:value-of select="@budget"/></td>
          <td class="number"><xsl:value-of select="@spent"/></td>
          <td class="number"><xsl:call-template name="dash"><xsl:with-param name="value" select="@rate"/></xsl:call-template></td>
          <td class="number"><xsl:call-template name="dash"><xsl:with-param name="value" select="@planned"/></xsl:call-template></td>
          <td class="number"><xsl:call-template name="monitoring.gap"><xsl:with-param name="gap" select="@gap"/></xsl:call-template></td>
        </xsl:when>
        <xsl:otherwise>
          <xsl:if test="not(../@as-of)"><td class="number">—</td></xsl:if>
          <td class="number">—</td><td class="number">—</td><td class="number">—</td><td class="number">—</td>
          <td class="number">未填报</td>
        </xsl:otherwise>
      </xsl:choose>
    </tr>
  </xsl:template>

  <!-- Figure 1: each project's execution rate as a bar on a 0–100 % scale, and a tick where
       the plan stood by the date; red where the project is behind by more than the threshold.
       Drawn with the report's figure parameters and serif font (report.xsl). -->
  <xsl:template name="figure.execution">
    <xsl:variable name="height" select="count(project) * 24 + 40"/>
    <xsl:variable name="left" select="$figure.label.width"/>
    <xsl:variable name="scale" select="$figure.bar.width div 100"/>
    <figure class="chart">
      <svg xmlns="http://www.w3.org/2000/svg" width="100%" viewBox="0 0 {$left + $figure.bar.width + 190} {$height}" role="img"
           font-size="11" font-family="{$figure.font}" fill="#111">
        <title>各项目执行率与计划支出进度</title>
        <xsl:call-template name="figure.execution.scale"><xsl:with-param name="height" select="$height"/></xsl:call-template>
        <xsl:for-each select="project">
          <xsl:variable name="y" select="20 + (position() - 1) * 24"/>
          <text x="{$left - 8}" y="{$y + 13}" text-anchor="end"><xsl:value-of select="@name"/></text>
          <xsl:choose>
            <xsl:when test="@budget">
              <!-- No rate (a budget of 0) draws no bar; a rate above 100 % fills the track. -->
              <xsl:variable name="rate">
                <xsl:choose>
                  <xsl:when test="not(@rate-value)">0</xsl:when>
                  <xsl:when test="@rate-value &gt; 100">100</xsl:when>
                  <xsl:otherwise><xsl:value-of select="@rate-value"/></xsl:otherwise>
                </xsl:choose>
              </xsl:variable>
              <rect x="{$left}" y="{$y + 3}" width="{$figure.bar.width}" height="14" fill="#f1f1ee" stroke="#bbb" stroke-width="0.5"/>
              <rect x="{$left}" y="{$y + 3}" width="{$rate * $scale}" height="14">
                <xsl:attribute name="fill">
                  <xsl:choose>
                    <xsl:when test="@behind">#a33</xsl:when>
                    <xsl:otherwise>#4a6a8a</xsl:otherwise>
                  </xsl:choose>
                </xsl:attribute>
              </rect>
              <xsl:if test="@planned-value">
                <line x1="{$left + @planned-value * $scale}" y1="{$y}" x2="{$left + @planned-value * $scale}" y2="{$y + 20}"
                      stroke="#111" stroke-width="2"/>
              </xsl:if>
              <text x="{$left + $figure.bar.width + 6}" y="{$y + 14}">
                <xsl:call-template name="dash"><xsl:with-param name="value" select="@rate"/></xsl:call-template>
                <xsl:if test="@planned-value">（计划 <xsl:value-of select="@planned"/>）</xsl:if>
              </text>
            </xsl:when>
            <xsl:otherwise>
              <text x="{$left + 4}" y="{$y + 14}" fill="#777">未填报</text>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:for-each>
      </svg>
      <figcaption>图1　各项目执行率与计划支出进度（条长为执行率，竖线为截至日期应达到的计划支出进度；红色为落后超过 <xsl:value-of select="@threshold"/> 个百分点）</figcaption>
    </figure>
  </xsl:template>

  <!-- The scale of figure 1: a line and a label every 25 %, from `percent` to 100. -->
  <xsl:template name="figure.execution.scale" xmlns="http://www.w3.org/2000/svg">
    <xsl:param name="height"/>
    <xsl:param name="percent" select="0"/>
    <xsl:variable name="x" select="$figure.label.width + $percent * $figure.bar.width div 100"/>
    <line x1="{$x}" y1="14" x2="{$x}" y2="{$height - 12}" stroke="#ccc" stroke-width="0.5"/>
    <text x="{$x}" y="10" text-anchor="middle" fill="#555"><xsl:value-of select="$percent"/>%</text>
    <xsl:if test="$percent &lt; 100">
      <xsl:call-template name="figure.execution.scale">
        <xsl:with-param name="height" select="$height"/>
        <xsl:with-param name="percent" select="$percent + 25"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
