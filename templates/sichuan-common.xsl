<?xml version="1.0" encoding="UTF-8"?>
<!-- What the Sichuan forms print the same on the page (layout-sichuan.xsl) and in the grids of the
     spreadsheet and the Word document (grid-sichuan.xsl): texts only, no markup. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <!-- The written funding rows other than the four the Sichuan 自评表 always prints under 总额
       (财政资金, 财政专户管理资金, 单位资金, 其他资金) that carry a figure, by their funds element: printed after the four. Without
       written rows the data lists 当年财政拨款 and 上年结转资金 empty, which this form has not. -->
  <xsl:key name="sichuan.other-funds" use="generate-id(..)"
      match="funds/row[@part][not(contains('|财政资金|财政专户管理资金|单位资金|其他资金|', concat('|', @name, '|')))][string(@initial) or string(@annual) or string(@spent)]"/>

  <!-- What the 指标值 column holds, the context an indicator. With 指标性质 or 度量单位 written
       apart, the 指标值 cell as written (the 自评表's value, the goal table's value/@cell); else
       the value in one piece (the 自评表's target, the goal table's value). -->
  <xsl:template name="value.figure">
    <xsl:choose>
      <xsl:when test="string(nature) or string(unit)"><xsl:value-of select="value[not(@kind)] | value/@cell"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="target | value[@kind]"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A 一级 group's points, "（50分）": as printed on its heading (level1/@weight), else the sum
       of its applicable rows' weights. -->
  <xsl:template name="level1.points">
    <xsl:param name="level1" select="../.."/>
    <xsl:call-template name="points">
      <xsl:with-param name="weights" select="$level1/@weight | $level1[not(@weight)]/level2/indicator[not(@applicable = '0')]/weight"/>
    </xsl:call-template>
  </xsl:template>

  <!-- "（50分）": the sum of the printed weights (each exact to 0.01; the sum is rounded to 0.01,
       so the floating-point sum prints exactly). Nothing when there are none. -->
  <xsl:template name="points">
    <xsl:param name="weights"/>
    <xsl:if test="count($weights[string(number(.)) != 'NaN']) &gt; 0">
      <xsl:text>（</xsl:text>
      <xsl:value-of select="format-number(sum($weights[string(number(.)) != 'NaN']), '0.##')"/>
      <xsl:text>分）</xsl:text>
    </xsl:if>
  </xsl:template>

  <!-- 项目名称 as the Sichuan forms write it, "编码-名称" (the name alone without a code). -->
  <xsl:template name="coded-name">
    <xsl:if test="string(code)"><xsl:value-of select="code"/>-</xsl:if>
    <xsl:value-of select="name"/>
  </xsl:template>
</xsl:stylesheet>
