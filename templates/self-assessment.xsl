<?xml version="1.0" encoding="UTF-8"?>
<!-- 项目支出绩效自评表 (layout of 财预〔2020〕10号 附件1, REFERENCE §1) and the
     部门整体绩效自评 (our layout). Eight columns; 一级/二级 merged down like the goal table. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="http://www.w3.org/1999/xhtml">

  <xsl:template match="/self-assessment">
    <xsl:call-template name="page.frame">
      <!-- The form's own title (表名) after the name, else the layout's joined to it. -->
      <xsl:with-param name="title" select="concat(name, substring(concat(' ', title), 1, 1000 * boolean(title)), substring(concat(substring('部门预算', 1, 4 * number(@layout = 'sichuan')), '项目支出绩效自评表'), 1, 1000 * not(title)))"/>
      <xsl:with-param name="class" select="'landscape'"/>
      <!-- The table, or a published page's slot: there the table is rendered once, as the
           part the report annexes as well. -->
      <xsl:with-param name="content" select="slot | self::*[not(slot)]"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="self-assessment" mode="content">
    <section class="assessment-page">
      <xsl:call-template name="report-number"/>
      <h1><xsl:value-of select="title"/><xsl:if test="not(title)">项目支出绩效自评表</xsl:if></h1>
      <p class="unit">（<xsl:value-of select="/*/@year"/>年度）</p>
      <!-- The form's two tables scroll sideways together on a narrow screen (jixiao.css). -->
      <div class="form">
      <table class="assessment-table">
        <xsl:call-template name="assessment-table.columns"/>
        <tbody>
          <tr>
            <th class="stub">项目名称</th>
            <td colspan="7"><xsl:value-of select="name"/></td>
          </tr>
          <tr>
            <th class="stub">主管部门</th>
            <td colspan="3"><xsl:call-template name="text"><xsl:with-param name="value" select="supervisor"/></xsl:call-template></td>
            <th>实施单位</th>
            <td colspan="3"><xsl:call-template name="text"><xsl:with-param name="value" select="implementer"/></xsl:call-template></td>
          </tr>
          <!-- 表头: the form's own head cells (填表人, 联系电话 …), label | text as on the goal table. -->
          <xsl:apply-templates select="head/cell"><xsl:with-param name="span" select="7"/></xsl:apply-templates>
          <tr>
            <th rowspan="{count(funds/row) + 1}" class="stub">项目资金<span class="tail">（<xsl:value-of select="funds/@unit"/>）</span></th>
            <th><xsl:comment/></th>
            <th>年初预算数</th><th>全年预算数</th><th>全年执行数</th><th>分值</th><th>执行率</th><th>得分</th>
          </tr>
          <xsl:apply-templates select="funds/row"/>
          <tr>
            <th rowspan="2" class="stub">年度总体<span class="tail">目标</span></th>
            <th colspan="4">预期目标</th>
            <th colspan="3">实际完成情况</th>
          </tr>
          <tr>
            <td colspan="4" class="prose">
              <!-- A form printed without goals: an empty cell, not <td/>, which HTML reads as an open tag. -->
              <xsl:if test="not(goals/goal)"><xsl:comment/></xsl:if>
              <xsl:for-each select="goals/goal">
                <p class="goal"><xsl:call-template name="goal.number"/><xsl:call-template name="text"><xsl:with-param name="value" select="."/></xsl:call-template></p>
              </xsl:for-each>
            </td>
            <td colspan="3" class="prose"><xsl:call-template name="text"><xsl:with-param name="value" select="summary-text"/></xsl:call-template></td>
          </tr>
        </tbody>
      </table>
      <!-- The indicators continue the form in a table of their own (same columns, borders
           overlapping), so that their header row repeats on every printed page they run onto. -->
      <table class="assessment-table continued">
        <xsl:call-template name="assessment-table.columns"/>
        <thead>
          <tr class="indicator-header">
            <th class="stub">一级指标</th><th class="stub stub-2">二级指标</th><th>三级指标</th><th>年度指标值</th>
            <th>实际完成值</th><th>分值</th><th>得分</th><th>偏差原因分析及改进措施</th>
          </tr>
        </thead>
        <xsl:apply-templates select="indicators/level1[level2/indicator]" mode="assessment"/>
        <tbody class="totals">
          <tr class="total">
            <th colspan="5">总分</th>
            <td class="number"><xsl:value-of select="total/@weight"/></td>
            <td class="number strong"><xsl:value-of select="total/@score"/></td>
            <!-- A total printed blank has no grade either. -->
            <td class="grade-cell"><xsl:if test="string(total/@grade)">等级：<xsl:value-of select="total/@grade"/></xsl:if></td>
          </tr>
          <xsl:if test="total/@rescaled = '1'">
            <tr class="total-note"><td colspan="8"><xsl:call-template name="rescaled"/></td></tr>
          </xsl:if>
          <!-- 表尾: the form's own foot cells, label | text across the form, as on the goal table. -->
          <xsl:apply-templates select="foot/cell"><xsl:with-param name="span" select="7"/></xsl:apply-templates>
        </tbody>
      </table>
      </div>
      <!-- 表注 right under the form, as printed; what Jixiao adds to the form follows. -->
      <xsl:call-template name="form.notes"/>
      <!-- The form has no cells for 项目实施内容, 评价结论 and the budget's 原因 (四川): written,
           they are printed with the notes under it, as are the signatures. -->
      <xsl:if test="string(implementation) or string(conclusion) or string(problems) or string(improvements) or funds/row[string(@reason)]">
        <table class="assessment-notes">
          <tbody>
            <xsl:if test="string(implementation)">
              <tr><th>项目实施内容</th><td class="prose"><xsl:call-template name="text"><xsl:with-param name="value" select="implementation"/></xsl:call-template></td></tr>
            </xsl:if>
            <xsl:if test="funds/row[string(@reason)]">
              <tr>
                <th>预算执行<span class="tail">原因</span></th>
                <td class="prose">
                  <xsl:for-each select="funds/row[string(@reason)]">
                    <p><xsl:call-template name="fund-reason"/></p>
                  </xsl:for-each>
                </td>
              </tr>
            </xsl:if>
            <xsl:if test="string(conclusion)">
              <tr><th>评价结论</th><td class="prose"><xsl:call-template name="text"><xsl:with-param name="value" select="conclusion"/></xsl:call-template></td></tr>
            </xsl:if>
            <xsl:if test="string(problems) or string(improvements)">
              <tr><th>存在问题</th><td class="prose"><xsl:call-template name="text"><xsl:with-param name="value" select="problems"/></xsl:call-template></td></tr>
              <tr><th>改进措施</th><td class="prose"><xsl:call-template name="text"><xsl:with-param name="value" select="improvements"/></xsl:call-template></td></tr>
            </xsl:if>
          </tbody>
        </table>
      </xsl:if>
      <xsl:if test="string(leader) or string(finance-leader)">
        <xsl:call-template name="signatures"/>
      </xsl:if>
      <xsl:call-template name="not-applicable-rule"/>
    </section>
  </xsl:template>

  <!-- 报表编号, above the form at the right, where the forms print it. -->
  <xsl:template name="report-number">
    <xsl:if test="string(report-number)">
      <p class="report-number">报表编号：<xsl:value-of select="report-number"/></p>
    </xsl:if>
  </xsl:template>

  <!-- 项目负责人 and 财务负责人 under the form, each followed by the name written (or room to sign). -->
  <xsl:template name="signatures">
    <p class="signatures">
      <span>项目负责人：<xsl:value-of select="leader"/></span>
      <span>财务负责人：<xsl:value-of select="finance-leader"/></span>
    </p>
  </xsl:template>

  <!-- What a total over the applicable indicators only says of itself. -->
  <xsl:template name="rescaled">注：有不适用的指标，总分按适用指标的得分与分值折算为百分制。</xsl:template>

  <!-- The rule the real forms print under the table when an indicator does not apply; not a
       second time when the form's own notes (表注) state it. -->
  <xsl:template name="not-applicable-rule">
    <xsl:if test="not-applicable-rule and not(notes/note[contains(., '按百分制折算')])">
      <p class="rule-note">对于不适用部分评价对象的评价指标，不考核该指标，用适用指标得分汇总后按百分制折算计分。</p>
    </xsl:if>
  </xsl:template>

  <xsl:template name="assessment-table.columns">
    <colgroup>
      <col class="a-level1"/><col class="a-level2"/><col class="a-level3"/><col class="a-target"/>
      <col class="a-actual"/><col class="a-weight"/><col class="a-score"/><col class="a-reason"/>
    </colgroup>
  </xsl:template>

  <!-- A row's 原因 as the notes print it: the 总额's alone, unless a 其中 row has one too; then
       each after its row's name. -->
  <xsl:template name="fund-reason">
    <xsl:if test="../row[@part][string(@reason)]">
      <xsl:value-of select="@name"/><xsl:text>：</xsl:text>
    </xsl:if>
    <xsl:call-template name="text"><xsl:with-param name="value" select="@reason"/></xsl:call-template>
  </xsl:template>

  <!-- 年度资金总额 carries 分值 and 得分; the 其中 rows show "—" there. A 执行率 or 得分 the form
       printed blank (a computed one rides along) stays blank. -->
  <xsl:template match="funds/row">
    <tr>
      <td>
        <xsl:if test="@part and not(preceding-sibling::row[@part])">其中：</xsl:if>
        <xsl:call-template name="text"><xsl:with-param name="value" select="@name"/></xsl:call-template>
      </td>
      <xsl:for-each select="@initial | @annual | @spent">
        <td class="number"><xsl:call-template name="dash"><xsl:with-param name="value" select="."/></xsl:call-template></td>
      </xsl:for-each>
      <td class="number"><xsl:call-template name="dash"><xsl:with-param name="value" select="@weight"/></xsl:call-template></td>
      <td class="number"><xsl:call-template name="dash"><xsl:with-param name="value" select="@rate"/><xsl:with-param name="printed" select="@computed-rate"/></xsl:call-template></td>
      <td class="number"><xsl:call-template name="dash"><xsl:with-param name="value" select="@score"/><xsl:with-param name="printed" select="@computed-score"/></xsl:call-template></td>
    </tr>
  </xsl:template>

  <!-- A figure the form leaves empty is printed as "—"; printed (a computed figure beside it):
       the value is the one the form printed, blank where the form left it blank. -->
  <xsl:template name="dash">
    <xsl:param name="value"/>
    <xsl:param name="printed" select="/.."/>
    <xsl:choose>
      <xsl:when test="string($value) or $printed"><xsl:value-of select="$value"/></xsl:when>
      <xsl:otherwise>—</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A 一级 group: a row group kept on one page where it fits, as in the goal table. -->
  <xsl:template match="level1" mode="assessment">
    <tbody class="group"><xsl:apply-templates select="level2/indicator" mode="assessment"/></tbody>
  </xsl:template>

  <xsl:template match="indicator" mode="assessment">
    <tr>
      <xsl:call-template name="indicator.class"/>
      <xsl:if test="not(preceding-sibling::indicator) and not(../preceding-sibling::level2)">
        <th class="level1 stub" rowspan="{count(../../level2/indicator)}">
          <xsl:call-template name="text"><xsl:with-param name="value" select="../../@name"/></xsl:call-template>
        </th>
      </xsl:if>
      <xsl:if test="not(preceding-sibling::indicator)">
        <th class="level2 stub stub-2" rowspan="{count(../indicator)}">
          <xsl:call-template name="text"><xsl:with-param name="value" select="../@name"/></xsl:call-template>
        </th>
      </xsl:if>
      <td><xsl:call-template name="text"><xsl:with-param name="value" select="name"/></xsl:call-template></td>
      <td class="value"><xsl:call-template name="text"><xsl:with-param name="value" select="target"/></xsl:call-template></td>
      <td class="value"><xsl:call-template name="text"><xsl:with-param name="value" select="actual"/></xsl:call-template></td>
      <xsl:call-template name="weight-score"/>
      <td><xsl:call-template name="text"><xsl:with-param name="value" select="reason"/></xsl:call-template></td>
    </tr>
  </xsl:template>

  <!-- An indicator row's classes: missed (its score in red), not-applicable (greyed), and keep
       (goal-table.xsl, row.keep). -->
  <xsl:template name="indicator.class">
    <xsl:variable name="classes" select="normalize-space(concat(substring('missed', 1, 6 * number(@met = '0' and not(@applicable = '0'))),
        ' ', substring('not-applicable', 1, 14 * number(@applicable = '0')),
        ' ', substring('keep', 1, 4 * number(boolean(following-sibling::indicator)))))"/>
    <xsl:if test="$classes"><xsl:attribute name="class"><xsl:value-of select="$classes"/></xsl:attribute></xsl:if>
  </xsl:template>

  <!-- 分值 (权重) and 得分 as printed; an indicator that does not apply is not scored: "/" for its
       score, and for its weight unless the form printed one, as the real forms write it. The
       rule's working is the score's tooltip. -->
  <xsl:template name="weight-score">
    <xsl:choose>
      <xsl:when test="@applicable = '0'">
        <td class="value"><xsl:value-of select="weight"/><xsl:if test="not(string(weight))">/</xsl:if></td>
        <td class="value">/</td>
      </xsl:when>
      <xsl:otherwise>
        <td class="number"><xsl:call-template name="text"><xsl:with-param name="value" select="weight"/></xsl:call-template></td>
        <td class="number" title="{working}"><xsl:call-template name="text"><xsl:with-param name="value" select="score"/></xsl:call-template></td>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- 部门整体绩效自评 -->
  <xsl:template match="/department-assessment">
    <xsl:call-template name="page.frame">
      <xsl:with-param name="title" select="concat(@year, '年部门整体绩效自评')"/>
      <xsl:with-param name="class" select="'landscape'"/>
      <xsl:with-param name="content" select="."/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="department-assessment" mode="content">
    <section class="department-assessment">
      <h1><xsl:value-of select="/*/@year"/>年部门整体绩效自评</h1>
      <xsl:if test="string(/*/@unit)"><p class="unit"><xsl:value-of select="/*/@unit"/></p></xsl:if>
      <p class="grade-summary">
        <xsl:text>评定标准共</xsl:text><xsl:value-of select="grade-count/@excellent + grade-count/@pass + grade-count/@poor"/>
        <xsl:text>项：优秀</xsl:text><xsl:value-of select="grade-count/@excellent"/>
        <xsl:text>项，合格</xsl:text><xsl:value-of select="grade-count/@pass"/>
        <xsl:text>项，差</xsl:text><xsl:value-of select="grade-count/@poor"/><xsl:text>项。</xsl:text>
        <xsl:text>分项目标的等级取其各项标准中最低的等级。</xsl:text>
      </p>
      <xsl:for-each select="category">
        <h3>
          <xsl:text>（</xsl:text>
          <xsl:call-template name="chinese.numeral"><xsl:with-param name="n" select="@n"/></xsl:call-template>
          <xsl:text>）</xsl:text>
          <xsl:value-of select="@title"/>
        </h3>
        <xsl:for-each select="subgoal">
          <div class="form">
          <table class="grading">
            <thead>
              <tr>
                <th colspan="5" class="subgoal-title">
                  <xsl:value-of select="@key"/>
                  <xsl:text>　分项评定：</xsl:text>
                  <span class="grade grade-{@grade}"><xsl:value-of select="@grade-label"/></span>
                </th>
              </tr>
              <tr><th class="stub">评定指标</th><th>优秀条件</th><th>差的条件</th><th>实际</th><th>等级及说明</th></tr>
            </thead>
            <tbody>
              <xsl:for-each select="measure">
                <tr>
                  <td class="stub"><xsl:call-template name="text"><xsl:with-param name="value" select="@indicator"/></xsl:call-template></td>
                  <td><xsl:value-of select="@excellent-label"/>：<xsl:call-template name="text"><xsl:with-param name="value" select="@excellent"/></xsl:call-template></td>
                  <td><xsl:value-of select="@poor-label"/>：<xsl:call-template name="text"><xsl:with-param name="value" select="@poor"/></xsl:call-template></td>
                  <td class="value">
                    <xsl:if test="not(string(@actual))">—</xsl:if>
                    <xsl:call-template name="text"><xsl:with-param name="value" select="@actual[string(.)]"/></xsl:call-template>
                  </td>
                  <td>
                    <span class="grade grade-{@grade}"><xsl:value-of select="@grade-label"/></span>
                    <xsl:if test="string(.)"><xsl:text>　</xsl:text><xsl:call-template name="text"><xsl:with-param name="value" select="."/></xsl:call-template></xsl:if>
                  </td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
          </div>
        </xsl:for-each>
      </xsl:for-each>
    </section>
  </xsl:template>

  <xsl:template match="grade-count"/>
</xsl:stylesheet>
