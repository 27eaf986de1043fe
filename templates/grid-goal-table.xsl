<?xml version="1.0" encoding="UTF-8"?>
<!-- 项目绩效目标表 as a grid (grid.xsl): the six columns and the merges of goal-table.xsl
     (REFERENCE §1), so the spreadsheet, the Word document and the page are the same form. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:template match="project" mode="grid">
    <xsl:apply-templates select="." mode="contract"/>
    <sheet name="项目绩效目标表" orientation="portrait">
      <!-- 一级 fits 满意度指标, 二级 可持续影响指标, 指标值 2021年12月底前 on one line (a CJK
           character is two units); the prose columns wrap. On the narrower A4 page of the
           Word document (shares) in 10.5 pt, the same, and 资金支出计划 and 指标值确定依据 too. -->
      <column width="11" share="14.5"/><column width="16" share="17"/><column width="22" share="14.5"/>
      <column width="32" share="19"/><column width="15" share="18"/><column width="20" share="17"/>
      <row height="36">
        <cell col="1" span="6" style="title"><xsl:value-of select="name"/>项目绩效目标表</cell>
      </row>
      <row>
        <cell col="1" style="label">项目编码</cell>
        <cell col="2" span="2" style="text"><xsl:value-of select="code"/></cell>
        <cell col="4" style="label">项目名称</cell>
        <cell col="5" span="2" style="text"><xsl:value-of select="name"/></cell>
      </row>
      <row>
        <cell col="1" style="label">项目资金&#10;主要用途</cell>
        <cell col="2" span="5" style="text"><xsl:value-of select="purpose"/></cell>
      </row>
      <xsl:apply-templates select="plan" mode="grid"/>
      <row>
        <cell col="1" style="label">绩效目标</cell>
        <cell col="2" span="5" style="text">
          <xsl:for-each select="goals/goal">
            <xsl:if test="position() &gt; 1"><xsl:text>&#10;</xsl:text></xsl:if>
            <xsl:value-of select="concat('目标', @n, .)"/>
          </xsl:for-each>
        </cell>
      </row>
      <row head="1">
        <cell col="1" style="label">一级指标</cell><cell col="2" style="label">二级指标</cell>
        <cell col="3" style="label">三级指标</cell><cell col="4" style="label">绩效指标描述</cell>
        <cell col="5" style="label">指标值</cell><cell col="6" style="label">指标值确定依据</cell>
      </row>
      <xsl:for-each select="indicators/level1/level2/indicator">
        <row>
          <xsl:if test="not(preceding-sibling::indicator) and not(../preceding-sibling::level2)">
            <cell col="1" rows="{count(../../level2/indicator)}" style="center"><xsl:value-of select="../../@name"/></cell>
          </xsl:if>
          <xsl:if test="not(preceding-sibling::indicator)">
            <cell col="2" rows="{count(../indicator)}" style="center"><xsl:value-of select="../@name"/></cell>
          </xsl:if>
          <cell col="3" style="text"><xsl:value-of select="name"/></cell>
          <cell col="4" style="text"><xsl:value-of select="description"/></cell>
          <cell col="5" style="value"><xsl:value-of select="value"/></cell>
          <cell col="6" style="text"><xsl:value-of select="basis"/></cell>
        </row>
      </xsl:for-each>
    </sheet>
  </xsl:template>

  <!-- 资金支出计划: quarters across, the cumulative share under each (a number with a
       percent format). Four quarters fill five columns, so the last one spans two. -->
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

  <xsl:template name="grid.plan.span">
    <xsl:if test="position() = last()">
      <xsl:attribute name="span"><xsl:value-of select="6 - last()"/></xsl:attribute>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
