<?xml version="1.0" encoding="UTF-8"?>
<!-- Chinese numerals, shared by the pages (jixiao.xsl) and the spreadsheets (xlsx.xsl).
     Text only, so it serves either output vocabulary. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <!-- 1 → 一, 11 → 十一, 21 → 二十一: the numbering of （一） headings and 第一季度. XSLT 1.0's
       xsl:number has no Chinese numerals in libxslt. Beyond 99, Arabic digits. -->
  <xsl:template name="chinese.numeral">
    <xsl:param name="n"/>
    <xsl:variable name="digits" select="'一二三四五六七八九'"/>
    <xsl:choose>
      <xsl:when test="$n &lt; 10">
        <xsl:value-of select="substring($digits, $n, 1)"/>
      </xsl:when>
      <xsl:when test="$n &lt; 100">
        <xsl:if test="floor($n div 10) &gt; 1">
          <xsl:value-of select="substring($digits, floor($n div 10), 1)"/>
        </xsl:if>
        <xsl:text>十</xsl:text>
        <xsl:if test="$n mod 10 &gt; 0">
          <xsl:value-of select="substring($digits, $n mod 10, 1)"/>
        </xsl:if>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$n"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <!-- "目标1" before a goal, the context a goals/goal; nothing before the only one, which the
       forms print unnumbered. -->
  <xsl:template name="goal.number">
    <xsl:if test="../goal[2]">目标<xsl:value-of select="@n"/></xsl:if>
  </xsl:template>
</xsl:stylesheet>
