<?xml version="1.0" encoding="UTF-8"?>
<!-- 版式 四川: the Sichuan 部门预算项目支出绩效自评表 (报表编号 510000_0013zp) and its 项目支出绩效目标表,
     chosen by layout="sichuan" on <self-assessment> or <project> (docs/版式.md). The same data as
     the default forms (self-assessment.xsl, goal-table.xsl), laid out as the Sichuan forms print it:
     指标性质 | 指标值 | 度量单位 in separate columns, 权重 for 分值, the budget's 调整后预算数, the
     four standard funding rows, 评价结论 and the signatures. Printed values are shown as printed
     (a computed value that differs goes to the review page, score-review.xsl). -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="http://www.w3.org/1999/xhtml">

  <xsl:include href="sichuan-common.xsl"/>

  <!-- 自评表: eleven columns; the first holds the labels of the form's three parts, merged down. -->
  <xsl:template match="self-assessment[@layout = 'sichuan']" mode="content" priority="1">
    <section class="assessment-page sichuan">
      <xsl:call-template name="report-number"/>
      <h1>
        <xsl:value-of select="title"/>
        <xsl:if test="not(title)">部门预算项目支出绩效<span class="tail">自评表</span></xsl:if>
      </h1>
      <p class="unit">（<xsl:value-of select="/*/@year"/>年度）</p>
      <div class="form">
      <table class="assessment-table sichuan-table">
        <!-- The indicators' 一级 and 二级 columns are one here (no cell of this part starts in
             the 二级 column, and HTML forbids a column without one). -->
        <colgroup>
          <col class="s-part"/><col class="s-level1-2"/><col class="s-level3"/>
          <col class="s-nature"/><col class="s-value"/><col class="s-unit"/><col class="s-actual"/>
          <col class="s-weight"/><col class="s-score"/><col class="s-reason"/>
        </colgroup>
        <tbody>
          <tr>
            <th class="stub">项目名称</th>
            <td colspan="9"><xsl:call-template name="coded-name"/></td>
          </tr>
          <tr>
            <th class="stub">主管部门</th>
            <td colspan="3"><xsl:call-template name="text"><xsl:with-param name="value" select="supervisor"/></xsl:call-template></td>
            <th colspan="2">实施单位<span class="tail">（盖章）</span></th>
            <td colspan="4"><xsl:call-template name="text"><xsl:with-param name="value" select="implementer"/></xsl:call-template></td>
          </tr>
          <xsl:apply-templates select="head/cell"><xsl:with-param name="span" select="9"/></xsl:apply-templates>
          <tr>
            <th rowspan="3" class="stub">项目基本<span class="tail">情况</span></th>
            <th rowspan="2">1.项目年度目标<span class="tail">完成情况</span></th>
            <th colspan="4">项目年度目标</th>
            <th colspan="4">年度目标完成情况</th>
          </tr>
          <tr>
            <td colspan="4" class="prose">
              <xsl:for-each select="goals/goal">
                <p class="goal"><xsl:if test="last() &gt; 1"><xsl:value-of select="@n"/>.</xsl:if><xsl:call-template name="text"><xsl:with-param name="value" select="."/></xsl:call-template></p>
              </xsl:for-each>
              <xsl:if test="not(goals/goal)"><xsl:comment/></xsl:if>
            </td>
            <td colspan="4" class="prose"><xsl:call-template name="text"><xsl:with-param name="value" select="summary-text"/></xsl:call-template></td>
          </tr>
          <tr>
            <th>2.项目实施内容<span class="tail">及过程概述</span></th>
            <td colspan="8" class="prose"><xsl:call-template name="text"><xsl:with-param name="value" select="implementation"/></xsl:call-template></td>
          </tr>
          <xsl:call-template name="sichuan.funds"/>
        </tbody>
      </table>
      <!-- The indicators continue the form in a table of their own, as in the default layout;
           the part's label is merged down over them, so they are one row group. -->
      <table class="assessment-table sichuan-table continued">
        <colgroup>
          <col class="s-part"/><col class="s-level1"/><col class="s-level2"/><col class="s-level3"/>
          <col class="s-nature"/><col class="s-value"/><col class="s-unit"/><col class="s-actual"/>
          <col class="s-weight"/><col class="s-score"/><col class="s-reason"/>
        </colgroup>
        <tbody>
          <tr class="indicator-header">
            <th rowspan="{count(indicators/level1/level2/indicator) + 1}" class="stub">绩效指标<span class="tail"><xsl:call-template name="points"><xsl:with-param name="weights" select="indicators/level1/level2/indicator[not(@applicable = '0')]/weight"/></xsl:call-template></span></th>
            <th>一级指标</th><th>二级指标</th><th>三级指标</th><th>指标<span class="tail">性质</span></th><th>指标值</th>
            <th>度量<span class="tail">单位</span></th><th>完成值</th><th>权重</th><th>得分</th><th>未完成原因<span class="tail">分析</span></th>
          </tr>
          <xsl:apply-templates select="indicators/level1/level2/indicator" mode="sichuan"/>
          <tr class="total">
            <th colspan="8">合计</th>
            <td class="number"><xsl:call-template name="text"><xsl:with-param name="value" select="total/@weight"/></xsl:call-template></td>
            <td class="number strong"><xsl:call-template name="text"><xsl:with-param name="value" select="total/@score"/></xsl:call-template></td>
            <!-- The form leaves this cell empty; a rescaled total is explained by the rule under it. -->
            <td><xsl:comment/></td>
          </tr>
          <xsl:for-each select="conclusion | problems | improvements">
            <tr>
              <th class="stub">
                <xsl:choose>
                  <xsl:when test="self::conclusion">评价结论</xsl:when>
                  <xsl:when test="self::problems">存在问题</xsl:when>
                  <xsl:otherwise>改进措施</xsl:otherwise>
                </xsl:choose>
              </th>
              <td colspan="10" class="prose"><xsl:call-template name="text"><xsl:with-param name="value" select="."/></xsl:call-template></td>
            </tr>
          </xsl:for-each>
          <!-- 表尾: the form's own foot cells, label | text across the form, as on the goal table. -->
          <xsl:apply-templates select="foot/cell"><xsl:with-param name="span" select="10"/></xsl:apply-templates>
        </tbody>
      </table>
      </div>
      <xsl:call-template name="signatures"/>
      <xsl:call-template name="form.notes"/>
      <xsl:call-template name="not-applicable-rule"/>
    </section>
  </xsl:template>


  <!-- 预算执行情况: 总额 (the first row, which carries 权重 and 得分), then 其中 the four standard
       rows, each filled from the written row of its name, then any other row written with a
       figure. 原因 is one cell down the part's rows, as on the form, holding the 总额's 原因;
       where a 其中 row has a 原因 of its own, each row has its cell. -->
  <xsl:template name="sichuan.funds">
    <xsl:variable name="total" select="funds/row[not(@part)][1]"/>
    <xsl:variable name="others" select="key('sichuan.other-funds', generate-id(funds))"/>
    <tr>
      <th rowspan="{6 + count($others)}" class="stub">预算执行<span class="tail">情况<xsl:call-template name="points"><xsl:with-param name="weights" select="$total/@weight"/></xsl:call-template></span></th>
      <th>年度预算数<span class="tail">（<xsl:value-of select="funds/@unit"/>）</span></th>
      <th>年初预算</th><th colspan="2">调整后预算数</th><th>预算<span class="tail">执行数</span></th>
      <th>预算<span class="tail">执行率</span></th><th>权重</th><th>得分</th><th>原因</th>
    </tr>
    <tr>
      <th>总额</th>
      <xsl:call-template name="sichuan.fund-figures"><xsl:with-param name="row" select="$total"/></xsl:call-template>
      <td class="number"><xsl:call-template name="text"><xsl:with-param name="value" select="$total/@weight"/></xsl:call-template></td>
      <td class="number"><xsl:call-template name="text"><xsl:with-param name="value" select="$total/@score"/></xsl:call-template></td>
      <td class="prose">
        <xsl:if test="not(funds/row[@part][string(@reason)])"><xsl:attribute name="rowspan"><xsl:value-of select="5 + count($others)"/></xsl:attribute></xsl:if>
        <xsl:call-template name="text"><xsl:with-param name="value" select="$total/@reason"/></xsl:call-template>
      </td>
    </tr>
    <xsl:call-template name="sichuan.fund-row"><xsl:with-param name="name" select="'财政资金'"/></xsl:call-template>
    <xsl:call-template name="sichuan.fund-row"><xsl:with-param name="name" select="'财政专户管理资金'"/></xsl:call-template>
    <xsl:call-template name="sichuan.fund-row"><xsl:with-param name="name" select="'单位资金'"/></xsl:call-template>
    <xsl:call-template name="sichuan.fund-row"><xsl:with-param name="name" select="'其他资金'"/></xsl:call-template>
    <xsl:for-each select="$others">
      <xsl:call-template name="sichuan.fund-row"><xsl:with-param name="name" select="@name"/></xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="sichuan.fund-row">
    <xsl:param name="name"/>
    <xsl:variable name="funds" select="ancestor-or-self::self-assessment/funds"/>
    <tr>
      <th class="fund-part">
        <xsl:if test="$name = '财政资金'">其中：</xsl:if>
        <xsl:value-of select="$name"/>
      </th>
      <xsl:call-template name="sichuan.fund-figures">
        <xsl:with-param name="row" select="$funds/row[@part][@name = $name][1]"/>
      </xsl:call-template>
      <td class="value">/</td><td class="value">/</td>
      <xsl:if test="$funds/row[@part][string(@reason)]">
        <td class="prose"><xsl:call-template name="text"><xsl:with-param name="value" select="$funds/row[@part][@name = $name][1]/@reason"/></xsl:call-template></td>
      </xsl:if>
    </tr>
  </xsl:template>

  <!-- 年初预算 | 调整后预算数 | 预算执行数 | 预算执行率, blank where the data leaves them. -->
  <xsl:template name="sichuan.fund-figures">
    <xsl:param name="row"/>
    <td class="number"><xsl:call-template name="text"><xsl:with-param name="value" select="$row/@initial"/></xsl:call-template></td>
    <td class="number" colspan="2"><xsl:call-template name="text"><xsl:with-param name="value" select="$row/@annual"/></xsl:call-template></td>
    <td class="number"><xsl:call-template name="text"><xsl:with-param name="value" select="$row/@spent"/></xsl:call-template></td>
    <td class="number"><xsl:call-template name="text"><xsl:with-param name="value" select="$row/@rate"/></xsl:call-template></td>
  </xsl:template>

  <!-- One indicator row; the first of its 一级 group carries the group's name and points. -->
  <xsl:template match="indicator" mode="sichuan">
    <tr>
      <xsl:call-template name="indicator.class"/>
      <xsl:if test="not(preceding-sibling::indicator) and not(../preceding-sibling::level2)">
        <th class="level1" rowspan="{count(../../level2/indicator)}">
          <xsl:call-template name="text"><xsl:with-param name="value" select="../../@name"/></xsl:call-template>
          <span class="tail"><xsl:call-template name="level1.points"/></span>
        </th>
      </xsl:if>
      <xsl:if test="not(preceding-sibling::indicator)">
        <th class="level2" rowspan="{count(../indicator)}">
          <xsl:call-template name="text"><xsl:with-param name="value" select="../@name"/></xsl:call-template>
        </th>
      </xsl:if>
      <td><xsl:call-template name="text"><xsl:with-param name="value" select="name"/></xsl:call-template></td>
      <xsl:call-template name="value-cells"/>
      <td class="value"><xsl:call-template name="text"><xsl:with-param name="value" select="actual"/></xsl:call-template></td>
      <xsl:call-template name="weight-score"/>
      <td><xsl:call-template name="text"><xsl:with-param name="value" select="reason"/></xsl:call-template></td>
    </tr>
  </xsl:template>

  <!-- 指标性质 | 指标值 | 度量单位 (sichuan-common.xsl: value.figure). -->
  <xsl:template name="value-cells">
    <xsl:variable name="split" select="string(nature) or string(unit)"/>
    <td class="value"><xsl:call-template name="text"><xsl:with-param name="value" select="nature[$split]"/></xsl:call-template></td>
    <td class="value"><xsl:call-template name="text"><xsl:with-param name="value"><xsl:call-template name="value.figure"/></xsl:with-param></xsl:call-template></td>
    <td class="value"><xsl:call-template name="text"><xsl:with-param name="value" select="unit[$split]"/></xsl:call-template></td>
  </xsl:template>

  <!-- 项目支出绩效目标表: 指标性质 | 指标值 | 度量单位 in columns of their own, then a column per
       recipient when the indicators give values by recipient, the description and its basis. -->
  <xsl:template match="project[@layout = 'sichuan']" mode="content" priority="1">
    <section class="goal-table-page sichuan{substring(' landscape', 1, 10 * number(boolean(recipients/recipient)))}">
      <xsl:if test="@anchor"><xsl:attribute name="id"><xsl:value-of select="@anchor"/></xsl:attribute></xsl:if>
      <h1>
        <xsl:value-of select="title"/>
        <xsl:if test="not(title)">项目支出绩效<span class="tail">目标表</span></xsl:if>
      </h1>
      <p class="unit">（<xsl:value-of select="/*/@year"/>年度）</p>
      <div class="form">
      <xsl:variable name="recipients" select="substring(' recipients', 1, 11 * number(boolean(recipients/recipient)))"/>
      <xsl:variable name="columns" select="indicators/level1/level2/indicator"/>
      <table class="goal-table sichuan-goals{$recipients}">
        <xsl:call-template name="form-width"><xsl:with-param name="fixed" select="48.9"/></xsl:call-template>
        <!-- The quarters of 资金支出计划 take four columns; without them, one holds every text. -->
        <xsl:variable name="span" select="1 + 3 * number(boolean(plan))"/>
        <colgroup><col class="g-label"/><col/><xsl:if test="plan"><col/><col/><col/></xsl:if></colgroup>
        <tbody>
          <tr>
            <th class="stub">项目名称</th>
            <td colspan="{$span}"><xsl:call-template name="coded-name"/></td>
          </tr>
          <xsl:apply-templates select="head/cell | purpose"><xsl:with-param name="span" select="$span"/></xsl:apply-templates>
          <xsl:apply-templates select="plan"/>
          <tr>
            <th class="stub">年度目标</th>
            <td colspan="{$span}" class="prose">
              <xsl:apply-templates select="goals/goal"/>
              <xsl:if test="not(goals/goal)"><xsl:comment/></xsl:if>
            </td>
          </tr>
        </tbody>
      </table>
      <table class="goal-table sichuan-goals{$recipients} continued{substring(' has-foot', 1, 9 * number(boolean(foot/cell)))}">
        <xsl:call-template name="form-width"><xsl:with-param name="fixed" select="48.9"/></xsl:call-template>
        <colgroup>
          <col class="g-level1"/><col class="g-level2"/><col class="g-level3"/><col class="g-nature"/>
          <col class="g-value"/><col class="g-unit"/>
          <xsl:for-each select="recipients/recipient"><col class="g-share"/></xsl:for-each>
          <xsl:if test="$columns/description"><col class="g-description"/></xsl:if>
          <xsl:if test="$columns/basis"><col class="g-basis"/></xsl:if>
        </colgroup>
        <thead>
          <tr class="indicator-header">
            <th class="stub">一级指标</th><th>二级指标</th><th>三级指标</th><th>指标<span class="tail">性质</span></th>
            <xsl:call-template name="column.heading"><xsl:with-param name="column" select="'value'"/></xsl:call-template>
            <th>度量<span class="tail">单位</span></th>
            <xsl:apply-templates select="recipients/recipient"/>
            <xsl:if test="$columns/description">
              <xsl:call-template name="column.heading"><xsl:with-param name="column" select="'description'"/></xsl:call-template>
            </xsl:if>
            <xsl:if test="$columns/basis">
              <xsl:call-template name="column.heading"><xsl:with-param name="column" select="'basis'"/></xsl:call-template>
            </xsl:if>
          </tr>
        </thead>
        <xsl:for-each select="indicators/level1[level2/indicator]">
          <tbody class="group"><xsl:apply-templates select="level2/indicator" mode="sichuan-goal"/></tbody>
        </xsl:for-each>
      </table>
      <xsl:call-template name="form.foot">
        <xsl:with-param name="class" select="'goal-table sichuan-goals'"/>
        <xsl:with-param name="fixed" select="48.9"/>
        <xsl:with-param name="label" select="'g-label'"/>
      </xsl:call-template>
      </div>
      <xsl:call-template name="form.notes"/>
    </section>
  </xsl:template>

  <xsl:template match="indicator" mode="sichuan-goal">
    <tr>
      <xsl:call-template name="row.keep"/>
      <xsl:if test="not(preceding-sibling::indicator) and not(../preceding-sibling::level2)">
        <th class="level1 stub" rowspan="{count(../../level2/indicator)}">
          <xsl:call-template name="text"><xsl:with-param name="value" select="../../@name"/></xsl:call-template>
        </th>
      </xsl:if>
      <xsl:if test="not(preceding-sibling::indicator)">
        <th class="level2" rowspan="{count(../indicator)}">
          <xsl:call-template name="text"><xsl:with-param name="value" select="../@name"/></xsl:call-template>
        </th>
      </xsl:if>
      <td><xsl:call-template name="text"><xsl:with-param name="value" select="name"/></xsl:call-template></td>
      <xsl:call-template name="value-cells"/>
      <xsl:call-template name="share-cells"/>
      <xsl:call-template name="column.cell"><xsl:with-param name="column" select="'description'"/></xsl:call-template>
      <xsl:call-template name="column.cell"><xsl:with-param name="column" select="'basis'"/></xsl:call-template>
    </tr>
  </xsl:template>
</xsl:stylesheet>
