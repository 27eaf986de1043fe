<?xml version="1.0" encoding="UTF-8"?>
<!-- What the monitoring page (monitoring.xsl) and its grid (grid-monitoring.xsl) share:
     the boxes of the form and the wording of a project's place against the plan. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <!-- The boxes of the two ticked groups, in the form's order, each name followed by a space. -->
  <xsl:variable name="monitoring.causes" select="'经费保障 制度保障 人员保障 硬件条件保障 其他 '"/>
  <xsl:variable name="monitoring.likelihoods" select="'确定能 有可能 完全不可能 '"/>

  <!-- Points behind the plan as words: 落后 38.42 个百分点, 超前 0.03 个百分点, 持平. -->
  <xsl:template name="monitoring.gap">
    <xsl:param name="gap"/>
    <xsl:choose>
      <xsl:when test="not(string($gap))">—</xsl:when>
      <xsl:when test="$gap &gt; 0">落后 <xsl:value-of select="$gap"/> 个百分点</xsl:when>
      <xsl:when test="$gap &lt; 0">超前 <xsl:value-of select="substring($gap, 2)"/> 个百分点</xsl:when>
      <xsl:otherwise>持平</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
