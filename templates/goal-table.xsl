<?xml version="1.0" encoding="UTF-8"?>
<!-- 项目绩效目标表: the six-column official layout (REFERENCE §1). The 一级 and 二级 cells
     are merged down over their rows; the nested input makes each rowspan a count.
     Every cell holds exactly the data text: the fidelity tests compare cells with the seed. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="http://www.w3.org/1999/xhtml">

  <xsl:template match="/project">
    <xsl:apply-templates select="." mode="contract"/>
    <xsl:call-template name="page.frame">
      <!-- The form's own title (表名) after the name, else the layout's joined to it. -->
      <xsl:with-param name="title" select="concat(name, substring(concat(' ', title), 1, 1000 * boolean(title)), substring(concat(substring('项目支出', 1, 2 + 2 * number(@layout = 'sichuan')), '绩效目标表'), 1, 1000 * not(title)))"/>
      <!-- A value column per recipient (@wide, or the recipients themselves on a page made whole)
           needs the landscape sheet on screen as in print. -->
      <xsl:with-param name="class" select="substring('portrait landscape', 1 + 9 * number(boolean(@wide | recipients/recipient)), 8 + number(boolean(@wide | recipients/recipient)))"/>
      <!-- The table, or a published page's slot: there the table is rendered once, as the
           part the annual document holds as well. -->
      <xsl:with-param name="content" select="slot | self::*[not(slot)]"/>
    </xsl:call-template>
  </xsl:template>

  <!-- The table without the page frame; the annual document reuses it. <budget> is not shown:
       项目资金主要用途 already states it in the document's own words. -->
  <xsl:template match="project" mode="content">
    <xsl:variable name="recipients" select="substring(' recipients', 1, 11 * number(boolean(recipients/recipient)))"/>
    <xsl:variable name="columns" select="indicators/level1/level2/indicator"/>
    <section class="goal-table-page">
      <xsl:if test="@anchor"><xsl:attribute name="id"><xsl:value-of select="@anchor"/></xsl:attribute></xsl:if>
      <!-- With a column per recipient the form is too wide for a portrait page: its section prints
           landscape, and its tables take the widths for the extra columns (jixiao.css). -->
      <xsl:if test="recipients/recipient"><xsl:attribute name="class">goal-table-page landscape</xsl:attribute></xsl:if>
      <h1>
        <xsl:choose>
          <xsl:when test="title"><xsl:value-of select="title"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="name"/>项目绩效<span class="tail">目标表</span></xsl:otherwise>
        </xsl:choose>
      </h1>
      <!-- The form's two tables scroll sideways together on a narrow screen (jixiao.css). -->
      <div class="form">
      <!-- Five columns: the last two of the indicator table are one here (no cell of this
           part starts in the sixth, and HTML forbids a column without one). -->
      <!-- The quarters of 资金支出计划 take a column each; without them the code's two are one
           (HTML forbids a column where no cell starts). -->
      <xsl:variable name="span" select="3 + number(boolean(plan))"/>
      <table class="goal-table{$recipients}">
        <xsl:call-template name="form-width"><xsl:with-param name="fixed" select="43"/></xsl:call-template>
        <colgroup>
          <col class="c-level1"/>
          <xsl:choose>
            <xsl:when test="plan"><col class="c-level2"/><col class="c-level3"/></xsl:when>
            <xsl:otherwise><col class="c-level2-3"/></xsl:otherwise>
          </xsl:choose>
          <col class="c-description"/><col class="c-value-basis"/>
        </colgroup>
        <tbody>
          <tr>
            <th class="stub">项目编码</th>
            <td colspan="{$span - 2}"><xsl:call-template name="text"><xsl:with-param name="value" select="code"/></xsl:call-template></td>
            <th>项目名称</th>
            <td><xsl:call-template name="text"><xsl:with-param name="value" select="name"/></xsl:call-template></td>
          </tr>
          <xsl:apply-templates select="head/cell | purpose"><xsl:with-param name="span" select="$span"/></xsl:apply-templates>
          <xsl:apply-templates select="plan"/>
          <tr>
            <th class="stub">绩效目标</th>
            <td colspan="{$span}" class="prose">
              <xsl:apply-templates select="goals/goal"/>
              <xsl:if test="not(goals/goal)"><xsl:comment/></xsl:if>
            </td>
          </tr>
        </tbody>
      </table>
      <!-- The indicators continue the form in a table of their own (same columns, borders
           overlapping), so that their header row repeats on every printed page they run onto. -->
      <table class="goal-table{$recipients} continued{substring(' has-foot', 1, 9 * number(boolean(foot/cell)))}">
        <xsl:call-template name="form-width"><xsl:with-param name="fixed" select="43"/></xsl:call-template>
        <colgroup>
          <col class="c-level1"/><col class="c-level2"/><col class="c-level3"/>
          <xsl:if test="$columns/description"><col class="c-description"/></xsl:if>
          <col class="c-value"/>
          <xsl:for-each select="recipients/recipient"><col class="c-share"/></xsl:for-each>
          <xsl:if test="$columns/basis"><col class="c-basis"/></xsl:if>
        </colgroup>
        <thead>
          <tr class="indicator-header">
            <th class="stub">一级指标</th><th class="stub stub-2">二级指标</th><th>三级指标</th>
            <xsl:if test="$columns/description">
              <xsl:call-template name="column.heading"><xsl:with-param name="column" select="'description'"/></xsl:call-template>
            </xsl:if>
            <xsl:call-template name="column.heading"><xsl:with-param name="column" select="'value'"/></xsl:call-template>
            <xsl:apply-templates select="recipients/recipient"/>
            <xsl:if test="$columns/basis">
              <xsl:call-template name="column.heading"><xsl:with-param name="column" select="'basis'"/></xsl:call-template>
            </xsl:if>
          </tr>
        </thead>
        <xsl:apply-templates select="indicators/level1[level2/indicator]" mode="rows"/>
      </table>
      <xsl:call-template name="form.foot"/>
      </div>
      <xsl:call-template name="form.notes"/>
    </section>
  </xsl:template>


  <!-- 资金支出计划: the quarters across, the cumulative share under each, one column each. -->
  <xsl:template match="project/plan">
    <tr>
      <th rowspan="2" class="stub">资金支出<span class="tail">计划</span></th>
      <xsl:for-each select="quarter">
        <th>
          <xsl:call-template name="plan.span"/>
          <xsl:text>第</xsl:text>
          <xsl:call-template name="chinese.numeral"><xsl:with-param name="n" select="@n"/></xsl:call-template>
          <xsl:text>季度</xsl:text>
        </th>
      </xsl:for-each>
    </tr>
    <tr class="plan-values">
      <xsl:for-each select="quarter">
        <td class="number">
          <xsl:call-template name="plan.span"/>
          <xsl:call-template name="text"><xsl:with-param name="value" select="."/></xsl:call-template>
        </td>
      </xsl:for-each>
    </tr>
  </xsl:template>

  <!-- Fewer than four quarters (the checker reports it) still fill the row. -->
  <xsl:template name="plan.span">
    <xsl:if test="position() = last() and last() &lt; 4">
      <xsl:attribute name="colspan"><xsl:value-of select="5 - last()"/></xsl:attribute>
    </xsl:if>
  </xsl:template>

  <!-- "目标1村级组织运转经费拨付及时": number and text run together, as the form prints them. -->
  <xsl:template match="project/goals/goal">
    <p class="goal"><xsl:call-template name="goal.number"/><xsl:value-of select="."/></p>
  </xsl:template>

  <!-- Each 一级 group is a row group of its own, printed on one page where it fits (jixiao.css),
       and a page may break only between its 二级 groups: a 一级 or 二级 cell is never left
       empty at the top of a page. -->
  <xsl:template match="level1" mode="rows">
    <tbody class="group"><xsl:apply-templates select="level2/indicator"/></tbody>
  </xsl:template>

  <!-- One row per 三级指标; the first row of a 一级 / 二级 group carries its merged cell. -->
  <xsl:template match="indicator">
    <tr>
      <xsl:call-template name="row.keep"/>
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
      <xsl:call-template name="column.cell"><xsl:with-param name="column" select="'description'"/></xsl:call-template>
      <td class="value {value/@kind}"><xsl:call-template name="text"><xsl:with-param name="value" select="value"/></xsl:call-template></td>
      <xsl:call-template name="share-cells"/>
      <xsl:call-template name="column.cell"><xsl:with-param name="column" select="'basis'"/></xsl:call-template>
    </tr>
  </xsl:template>

  <!-- The form's own parts (docs/版式.md): 表头 and 表尾 cells, label | text across the form, in
       the order written (the goal table's and the 自评表's); 项目资金主要用途 where the form has it. -->
  <xsl:template match="head/cell | foot/cell | project/purpose">
    <!-- span: the columns the text takes, all but the label's. -->
    <xsl:param name="span" select="4"/>
    <tr>
      <th class="stub">
        <xsl:choose>
          <xsl:when test="self::purpose">项目资金<span class="tail">主要用途</span></xsl:when>
          <xsl:otherwise><xsl:value-of select="@label"/></xsl:otherwise>
        </xsl:choose>
      </th>
      <td colspan="{$span}" class="prose"><xsl:call-template name="text"><xsl:with-param name="value" select="."/></xsl:call-template></td>
    </tr>
  </xsl:template>

  <!-- 表尾 of a goal table: a table of its own under the indicators, label | text, the label as
       wide as the form's first column (label: that column's class; class: the form's table
       classes; fixed: its fixed width, form-width). The 自评表 has its 表尾 rows in its last table. -->
  <xsl:template name="form.foot">
    <xsl:param name="class" select="'goal-table'"/>
    <xsl:param name="label" select="'c-level1'"/>
    <xsl:param name="fixed" select="43"/>
    <xsl:if test="foot/cell">
      <table class="{$class} continued form-foot">
        <xsl:call-template name="form-width"><xsl:with-param name="fixed" select="$fixed"/></xsl:call-template>
        <colgroup><col class="{$label}"/><col/></colgroup>
        <tbody><xsl:apply-templates select="foot/cell"><xsl:with-param name="span" select="1"/></xsl:apply-templates></tbody>
      </table>
    </xsl:if>
  </xsl:template>

  <!-- 表注: the notes the form prints under itself ("注：1.……"), a paragraph each, as written. -->
  <xsl:template name="form.notes">
    <xsl:if test="notes/note">
      <div class="form-notes">
        <xsl:for-each select="notes/note">
          <p><xsl:call-template name="text"><xsl:with-param name="value" select="."/></xsl:call-template></p>
        </xsl:for-each>
      </div>
    </xsl:if>
  </xsl:template>

  <!-- The heading of an indicator column (description, value or basis), the context the project:
       as the form words it (栏目名称, heading[@for]), else the layout's own words. -->
  <xsl:template name="column.heading">
    <xsl:param name="column"/>
    <xsl:variable name="own" select="heading[@for = $column]"/>
    <th>
      <xsl:choose>
        <xsl:when test="$own"><xsl:value-of select="$own"/></xsl:when>
        <xsl:when test="$column = 'description' and @layout = 'sichuan'">绩效指标<span class="tail">描述</span></xsl:when>
        <xsl:when test="$column = 'description'">绩效指标描述</xsl:when>
        <xsl:when test="$column = 'value'">指标值</xsl:when>
        <xsl:otherwise>指标值确定<span class="tail">依据</span></xsl:otherwise>
      </xsl:choose>
    </th>
  </xsl:template>

  <!-- The 描述 or 依据 cell of a row, where the form has that column (some row has it: the
       decoder then requires every row to, JX201). -->
  <xsl:template name="column.cell">
    <xsl:param name="column"/>
    <xsl:if test="ancestor::project/indicators/level1/level2/indicator/*[local-name() = $column]">
      <td><xsl:call-template name="text"><xsl:with-param name="value" select="*[local-name() = $column]"/></xsl:call-template></td>
    </xsl:if>
  </xsl:template>

  <!-- On screen, the width in em of a form's indicator table with a column per recipient (5.2em
       each, jixiao.css) besides its fixed columns (fixed em), as the custom property form-width
       of the table, for both tables of the form (WeasyPrint ignores it). Nothing without recipients. -->
  <xsl:template name="form-width">
    <xsl:param name="fixed"/>
    <xsl:if test="recipients/recipient">
      <xsl:attribute name="style">--form-width: <xsl:value-of select="format-number($fixed + 5.2 * count(recipients/recipient), '0.#')"/>em</xsl:attribute>
    </xsl:if>
  </xsl:template>

  <!-- 分项指标值: a column per recipient (the project's recipients, in the order first met), headed
       by its name; each indicator's value for it, empty where it gives none. -->
  <xsl:template match="recipients/recipient">
    <th><xsl:call-template name="text"><xsl:with-param name="value" select="."/></xsl:call-template></th>
  </xsl:template>

  <xsl:template name="share-cells">
    <xsl:variable name="indicator" select="."/>
    <xsl:for-each select="ancestor::project/recipients/recipient">
      <td class="value"><xsl:call-template name="text"><xsl:with-param name="value" select="$indicator/share[@name = current()]"/></xsl:call-template></td>
    </xsl:for-each>
  </xsl:template>

  <!-- A row of an indicator table that is not the last of its 二级 group: no page break after
       it, so the group's merged cell never reaches onto a page without its label. -->
  <xsl:template name="row.keep">
    <xsl:if test="following-sibling::indicator"><xsl:attribute name="class">keep</xsl:attribute></xsl:if>
  </xsl:template>
</xsl:stylesheet>
