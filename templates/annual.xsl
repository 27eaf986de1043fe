<?xml version="1.0" encoding="UTF-8"?>
<!-- The annual document as submitted: 第一部分 (the department) then 第二部分 (every project
     table, each starting a new printed page), reusing the content modes of the two pages. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="http://www.w3.org/1999/xhtml">

  <xsl:template match="/annual">
    <xsl:call-template name="page.frame">
      <xsl:with-param name="title" select="concat(@year, '年度绩效目标')"/>
      <xsl:with-param name="class" select="'portrait'"/>
      <xsl:with-param name="body">
        <header class="cover">
          <h1 class="document-title"><xsl:value-of select="@year"/>年度绩效目标</h1>
          <xsl:if test="string(@unit)"><p class="unit"><xsl:value-of select="@unit"/></p></xsl:if>
        </header>
        <xsl:if test="department">
          <section class="part">
            <p class="part-title">第一部分</p>
            <xsl:apply-templates select="department" mode="content"/>
          </section>
        </xsl:if>
        <xsl:if test="project">
          <section class="part">
            <p class="part-title">第二部分</p>
            <h1>预算项目绩效目标</h1>
            <xsl:apply-templates select="project" mode="content"/>
          </section>
        </xsl:if>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
