<?xml version="1.0" encoding="UTF-8"?>
<!-- 项目绩效目标表 as a grid (grid.xsl): the six columns and the merges of goal-table.xsl
     (REFERENCE §1), so the spreadsheet, the Word document and the page are the same form. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:template match="project" mode="grid">
    <xsl:apply-templates select="." mode="contract"/>
    <!-- A value column per recipient after 指标值 (分项指标值): the sheet then prints landscape. -->
    <xsl:variable name="n" select="count(recipients/recipient)"/>
    <xsl:variable name="last" select="6 + $n"/>
    <sheet name="项目绩效目标表" orientation="{substring('portrait', 1, 8 * number($n = 0))}{substring('landscape', 1, 9 * number($n &gt; 0))}">
      <!-- 一级 fits 满意度指标, 二级 可持续影响指标, 指标值 2021年12月底前 on one line (a CJK
           character is two units); the prose columns wrap. On the narrower A4 page of the
           Word document (shares) in 10.5 pt, the same, and 资金支出计划 and 指标值确定依据 too. -->
      <column width="11" share="14.5"/><column width="16" share="17"/><column width="22" share="14.5"/>
      <column width="32" share="19"/><column width="15" share="18"/>
      <xsl:for-each select="recipients/recipient"><column width="10" share="9"/></xsl:for-each>
      <column width="20" share="17"/>
      <row height="36">
        <cell col="1" span="{$last}" style="title"><xsl:value-of select="name"/>项目绩效目标表</cell>
      </row>
      <row>
        <cell col="1" style="label">项目编码</cell>
        <cell col="2" span="2" style="text"><xsl:value-of select="code"/></cell>
        <cell col="4" style="label">项目名称</cell>
        <cell col="5" span="{$last - 4}" style="text"><xsl:value-of select="name"/></cell>
      </row>
      <row>
        <cell col="1" style="label">项目资金&#10;主要用途</cell>
        <cell col="2" span="{$last - 1}" style="text"><xsl:value-of select="purpose"/></cell>
      </row>
      <xsl:apply-templates select="plan" mode="grid"/>
      <row>
        <cell col="1" style="label">绩效目标</cell>
        <cell col="2" span="{$last - 1}" style="text">
          <xsl:for-each select="goals/goal">
            <xsl:if test="position() &gt; 1"><xsl:text>&#10;</xsl:text></xsl:if>
            <xsl:value-of select="concat('目标', @n, .)"/>
          </xsl:for-each>
        </cell>
      </row>
      <row head="1">
        <cell col="1" style="label">一级指标</cell><cell col="2" style="label">二级指标</cell>
        <cell col="3" style="label">三级指标</cell><cell col="4" style="label">绩效指标描述</cell>
        <cell col="5" style="label">指标值</cell>
        <xsl:for-each select="recipients/recipient">
          <cell col="{5 + position()}" style="label"><xsl:value-of select="."/></cell>
        </xsl:for-each>
        <cell col="{$last}" style="label">指标值确定依据</cell>
      </row>
      <xsl:for-each select="indicators/level1/level2/indicator">
        <row>
          <xsl:call-template name="grid.level-cells"/>
          <cell col="3" style="text"><xsl:value-of select="name"/></cell>
          <cell col="4" style="text"><xsl:value-of select="description"/></cell>
          <cell col="5" style="value"><xsl:value-of select="value"/></cell>
          <xsl:call-template name="grid.share-cells"><xsl:with-param name="col" select="6"/></xsl:call-template>
          <cell col="{$last}" style="text"><xsl:value-of select="basis"/></cell>
        </row>
      </xsl:for-each>
    </sheet>
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

  <!-- The last quarter spans the columns left: six, eight in the Sichuan form, and one per recipient. -->
  <xsl:template name="grid.plan.span">
    <xsl:if test="position() = last()">
      <xsl:attribute name="span">
        <xsl:value-of select="6 + 2 * number(../../@layout = 'sichuan') + count(../../recipients/recipient) - last()"/>
      </xsl:attribute>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
