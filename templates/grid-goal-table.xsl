<?xml version="1.0" encoding="UTF-8"?>
<!-- 项目绩效目标表 as a grid (grid.xsl): the six columns and the merges of goal-table.xsl
     (REFERENCE §1), so the spreadsheet, the Word document and the page are the same form. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:template match="project" mode="grid">
    <xsl:apply-templates select="." mode="contract"/>
    <!-- A value column per recipient after 指标值 (分项指标值): the sheet then prints landscape. -->
    <xsl:variable name="n" select="count(recipients/recipient)"/>
    <!-- 描述 and 依据 are columns only where the form has them (some row writes them). -->
    <xsl:variable name="d" select="number(boolean(indicators/level1/level2/indicator/description))"/>
    <xsl:variable name="b" select="number(boolean(indicators/level1/level2/indicator/basis))"/>
    <xsl:variable name="value" select="4 + $d"/>
    <xsl:variable name="last" select="$value + $n + $b"/>
    <!-- 项目名称's label: the fourth column, the third on a form of four columns. -->
    <xsl:variable name="name-label" select="4 - number($last &lt; 5)"/>
    <sheet name="项目绩效目标表" orientation="{substring('portrait', 1, 8 * number($n = 0))}{substring('landscape', 1, 9 * number($n &gt; 0))}">
      <!-- 一级 fits 满意度指标, 二级 可持续影响指标, 指标值 2021年12月底前 on one line (a CJK
           character is two units); the prose columns wrap. On the narrower A4 page of the
           Word document (shares) in 10.5 pt, the same, and 资金支出计划 and 指标值确定依据 too. -->
      <column width="11" share="14.5"/><column width="16" share="17"/><column width="22" share="14.5"/>
      <xsl:if test="$d"><column width="32" share="19"/></xsl:if>
      <column width="15" share="18"/>
      <xsl:for-each select="recipients/recipient"><column width="10" share="9"/></xsl:for-each>
      <xsl:if test="$b"><column width="20" share="17"/></xsl:if>
      <row height="36">
        <cell col="1" span="{$last}" style="title">
          <xsl:value-of select="title"/>
          <xsl:if test="not(title)"><xsl:value-of select="name"/>项目绩效目标表</xsl:if>
        </cell>
      </row>
      <row>
        <cell col="1" style="label">项目编码</cell>
        <cell col="2" span="{$name-label - 2}" style="text"><xsl:value-of select="code"/></cell>
        <cell col="{$name-label}" style="label">项目名称</cell>
        <cell col="{$name-label + 1}" span="{$last - $name-label}" style="text"><xsl:value-of select="name"/></cell>
      </row>
      <xsl:apply-templates select="head/cell | purpose" mode="grid"><xsl:with-param name="last" select="$last"/></xsl:apply-templates>
      <xsl:apply-templates select="plan" mode="grid"/>
      <row>
        <cell col="1" style="label">绩效目标</cell>
        <cell col="2" span="{$last - 1}" style="text"><xsl:call-template name="grid.goals"/></cell>
      </row>
      <row head="1">
        <cell col="1" style="label">一级指标</cell><cell col="2" style="label">二级指标</cell>
        <cell col="3" style="label">三级指标</cell>
        <xsl:if test="$d">
          <cell col="4" style="label"><xsl:call-template name="grid.heading"><xsl:with-param name="column" select="'description'"/></xsl:call-template></cell>
        </xsl:if>
        <cell col="{$value}" style="label"><xsl:call-template name="grid.heading"><xsl:with-param name="column" select="'value'"/></xsl:call-template></cell>
        <xsl:for-each select="recipients/recipient">
          <cell col="{$value + position()}" style="label"><xsl:value-of select="."/></cell>
        </xsl:for-each>
        <xsl:if test="$b">
          <cell col="{$last}" style="label"><xsl:call-template name="grid.heading"><xsl:with-param name="column" select="'basis'"/></xsl:call-template></cell>
        </xsl:if>
      </row>
      <xsl:for-each select="indicators/level1/level2/indicator">
        <row>
          <xsl:call-template name="grid.level-cells"/>
          <cell col="3" style="text"><xsl:value-of select="name"/></cell>
          <xsl:if test="$d"><cell col="4" style="text"><xsl:value-of select="description"/></cell></xsl:if>
          <cell col="{$value}" style="value"><xsl:value-of select="value"/></cell>
          <xsl:call-template name="grid.share-cells"><xsl:with-param name="col" select="$value + 1"/></xsl:call-template>
          <xsl:if test="$b"><cell col="{$last}" style="text"><xsl:value-of select="basis"/></cell></xsl:if>
        </row>
      </xsl:for-each>
      <xsl:apply-templates select="foot/cell" mode="grid"><xsl:with-param name="last" select="$last"/></xsl:apply-templates>
      <xsl:call-template name="grid.form-notes"><xsl:with-param name="columns" select="$last"/></xsl:call-template>
    </sheet>
  </xsl:template>

  <!-- 表头 and 表尾 cells (the goal table's and the 自评表's) and 项目资金主要用途: label | text
       across the form (goal-table.xsl). -->
  <xsl:template match="head/cell | foot/cell | project/purpose" mode="grid">
    <xsl:param name="last"/>
    <row>
      <cell col="1" style="label">
        <xsl:value-of select="@label"/>
        <xsl:if test="self::purpose">项目资金&#10;主要用途</xsl:if>
      </cell>
      <cell col="2" span="{$last - 1}" style="text"><xsl:value-of select="."/></cell>
    </row>
  </xsl:template>

  <!-- 表注 under the form: a row across its columns for each paragraph (goal-table.xsl, form.notes). -->
  <xsl:template name="grid.form-notes">
    <xsl:param name="columns"/>
    <xsl:for-each select="notes/note">
      <row><cell col="1" span="{$columns}" style="text"><xsl:value-of select="."/></cell></row>
    </xsl:for-each>
  </xsl:template>

  <!-- The goals, a line each, numbered (goal.number) when more than one; the context the form. -->
  <xsl:template name="grid.goals">
    <xsl:for-each select="goals/goal">
      <xsl:if test="position() &gt; 1"><xsl:text>&#10;</xsl:text></xsl:if>
      <xsl:call-template name="goal.number"/>
      <xsl:value-of select="."/>
    </xsl:for-each>
  </xsl:template>

  <!-- An indicator column's heading as the form words it (栏目名称), else the layout's. -->
  <xsl:template name="grid.heading">
    <xsl:param name="column"/>
    <xsl:variable name="own" select="heading[@for = $column]"/>
    <xsl:choose>
      <xsl:when test="$own"><xsl:value-of select="$own"/></xsl:when>
      <xsl:when test="$column = 'description'">绩效指标描述</xsl:when>
      <xsl:when test="$column = 'value'">指标值</xsl:when>
      <xsl:otherwise>指标值确定依据</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- An indicator's first row of its 一级 and 二级 groups carries their names, merged down
       (columns 1 and 2). -->
  <xsl:template name="grid.level-cells">
    <xsl:if test="not(preceding-sibling::indicator) and not(../preceding-sibling::level2)">
      <cell col="1" rows="{count(../../level2/indicator)}" style="center"><xsl:value-of select="../../@name"/></cell>
    </xsl:if>
    <xsl:if test="not(preceding-sibling::indicator)">
      <cell col="2" rows="{count(../indicator)}" style="center"><xsl:value-of select="../@name"/></cell>
    </xsl:if>
  </xsl:template>

  <!-- The indicator's value for each of the project's recipients, from column col. -->
  <xsl:template name="grid.share-cells">
    <xsl:param name="col"/>
    <xsl:variable name="indicator" select="."/>
    <xsl:for-each select="ancestor::project/recipients/recipient">
      <cell col="{$col + position() - 1}" style="value"><xsl:value-of select="$indicator/share[@name = current()]"/></cell>
    </xsl:for-each>
  </xsl:template>

  <!-- 资金支出计划: quarters across, the cumulative share under each (a number with a
       percent format). Four quarters fill the columns after the label, the last spanning what is left. -->
  <xsl:template match="project/plan" mode="grid">
    <xsl:variable name="columns">
      <xsl:call-template name="grid.columns"><xsl:with-param name="project" select=".."/></xsl:call-template>
    </xsl:variable>
    <xsl:choose>
      <!-- A form of four columns (no 描述, 依据 or recipients) has no room for the quarters
           across: the shares in one cell after the label. -->
      <xsl:when test="$columns &lt; 5">
        <row>
          <cell col="1" style="label">资金支出计划</cell>
          <cell col="2" span="{$columns - 1}" style="text">
            <xsl:for-each select="quarter">
              <xsl:if test="position() &gt; 1"><xsl:text>　</xsl:text></xsl:if>
              <xsl:text>第</xsl:text>
              <xsl:call-template name="chinese.numeral"><xsl:with-param name="n" select="@n"/></xsl:call-template>
              <xsl:text>季度 </xsl:text>
              <xsl:value-of select="."/>
            </xsl:for-each>
          </cell>
        </row>
      </xsl:when>
      <xsl:otherwise><xsl:call-template name="grid.plan.rows"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="grid.plan.rows">
    <row>
      <cell col="1" rows="2" style="label">资金支出计划</cell>
      <xsl:for-each select="quarter">
        <cell col="{position() + 1}" style="label">
          <xsl:call-template name="grid.plan.span"/>
          <xsl:text>第</xsl:text>
          <xsl:call-template name="chinese.numeral"><xsl:with-param name="n" select="@n"/></xsl:call-template>
          <xsl:text>季度</xsl:text>
        </cell>
      </xsl:for-each>
    </row>
    <row>
      <xsl:for-each select="quarter">
        <cell col="{position() + 1}" style="value">
          <xsl:call-template name="grid.plan.span"/>
          <xsl:value-of select="."/>
        </cell>
      </xsl:for-each>
    </row>
  </xsl:template>

  <!-- The last quarter spans the columns left. -->
  <xsl:template name="grid.plan.span">
    <xsl:if test="position() = last()">
      <xsl:variable name="columns">
        <xsl:call-template name="grid.columns"><xsl:with-param name="project" select="../.."/></xsl:call-template>
      </xsl:variable>
      <xsl:attribute name="span"><xsl:value-of select="$columns - last()"/></xsl:attribute>
    </xsl:if>
  </xsl:template>

  <!-- How many columns a goal table's grid has: four, six in the Sichuan form, one per recipient,
       one more for each of 描述 and 依据 the form has. -->
  <xsl:template name="grid.columns">
    <xsl:param name="project"/>
    <xsl:variable name="indicators" select="$project/indicators/level1/level2/indicator"/>
    <xsl:value-of select="4 + 2 * number($project/@layout = 'sichuan') + count($project/recipients/recipient)
                          + number(boolean($indicators/description)) + number(boolean($indicators/basis))"/>
  </xsl:template>
</xsl:stylesheet>
