<?xml version="1.0" encoding="UTF-8"?>
<!-- 项目绩效目标表: the six-column official layout (REFERENCE §1). The 一级 and 二级 cells
     are merged down over their rows; the nested input makes each rowspan a count. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="http://www.w3.org/1999/xhtml">

  <xsl:template match="/project">
    <xsl:call-template name="page.frame">
      <xsl:with-param name="title" select="concat(name, '项目绩效目标表')"/>
      <xsl:with-param name="class" select="'portrait'"/>
      <xsl:with-param name="body">
        <xsl:apply-templates select="." mode="content"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="project" mode="content">
    <section class="goal-table-page">
      <h1><xsl:value-of select="name"/>项目绩效目标表</h1>
      <table class="goal-table">
        <colgroup>
          <col class="c-level1"/><col class="c-level2"/><col class="c-level3"/>
          <col class="c-description"/><col class="c-value"/><col class="c-basis"/>
        </colgroup>
        <tbody>
          <tr>
            <th>项目编码</th>
            <td colspan="2"><xsl:call-template name="text"><xsl:with-param name="value" select="code"/></xsl:call-template></td>
            <th>项目名称</th>
            <td colspan="2"><xsl:value-of select="name"/></td>
          </tr>
          <tr>
            <th>项目资金主要用途</th>
            <td colspan="5" class="prose"><xsl:value-of select="purpose"/></td>
          </tr>
          <tr>
            <th rowspan="2">资金支出计划</th>
            <xsl:for-each select="plan/quarter">
              <th>
                <xsl:if test="position() = last()"><xsl:attribute name="colspan">2</xsl:attribute></xsl:if>
                <xsl:text>第</xsl:text>
                <xsl:call-template name="chinese.numeral"><xsl:with-param name="n" select="@n"/></xsl:call-template>
                <xsl:text>季度</xsl:text>
              </th>
            </xsl:for-each>
          </tr>
          <tr>
            <xsl:for-each select="plan/quarter">
              <td class="number">
                <xsl:if test="position() = last()"><xsl:attribute name="colspan">2</xsl:attribute></xsl:if>
                <xsl:value-of select="."/>
              </td>
            </xsl:for-each>
          </tr>
          <tr>
            <th>绩效目标</th>
            <td colspan="5" class="prose">
              <xsl:for-each select="goals/goal">
                <p class="goal">目标<xsl:value-of select="@n"/><xsl:value-of select="."/></p>
              </xsl:for-each>
            </td>
          </tr>
          <tr class="indicator-header">
            <th>一级指标</th><th>二级指标</th><th>三级指标</th>
            <th>绩效指标描述</th><th>指标值</th><th>指标值确定依据</th>
          </tr>
          <xsl:apply-templates select="indicators/level1/level2/indicator"/>
        </tbody>
      </table>
    </section>
  </xsl:template>

  <!-- One row per 三级指标; the first row of a 一级 / 二级 group carries its merged cell. -->
  <xsl:template match="indicator">
    <tr>
      <xsl:if test="not(preceding-sibling::indicator) and not(../preceding-sibling::level2)">
        <th class="level1" rowspan="{count(../../level2/indicator)}"><xsl:value-of select="../../@name"/></th>
      </xsl:if>
      <xsl:if test="not(preceding-sibling::indicator)">
        <th class="level2" rowspan="{count(../indicator)}"><xsl:value-of select="../@name"/></th>
      </xsl:if>
      <td><xsl:value-of select="name"/></td>
      <td><xsl:value-of select="description"/></td>
      <td class="value {value/@kind}"><xsl:value-of select="value"/></td>
      <td><xsl:value-of select="basis"/></td>
    </tr>
  </xsl:template>
</xsl:stylesheet>
