<?xml version="1.0" encoding="UTF-8"?>
<!-- The annual document as submitted: 第一部分 (the department) then 第二部分 (every project
     table in order, each starting a new printed page), reusing the content modes of the
     department and project pages. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="http://www.w3.org/1999/xhtml">

  <xsl:template match="/annual">
    <xsl:apply-templates select="." mode="contract"/>
    <xsl:call-template name="page.frame">
      <xsl:with-param name="title" select="concat(@year, '年度绩效目标')"/>
      <xsl:with-param name="body">
        <header class="cover">
          <h1 class="document-title"><xsl:value-of select="@year"/>年度绩效目标</h1>
          <xsl:if test="string(@unit)"><p class="unit"><xsl:value-of select="@unit"/></p></xsl:if>
        </header>
        <xsl:if test="department">
          <section class="part">
            <h1 class="part-title">第一部分</h1>
            <xsl:apply-templates select="department" mode="content"/>
          </section>
        </xsl:if>
        <xsl:if test="project | slot">
          <section class="part">
            <!-- The seed sets the two on separate lines; the span keeps one heading. -->
            <h1 class="part-title"><span class="part-number">第二部分</span><xsl:text> </xsl:text>预算项目绩效目标</h1>
            <xsl:apply-templates select="project | slot" mode="content"/>
          </section>
        </xsl:if>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
