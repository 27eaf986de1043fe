<?xml version="1.0" encoding="UTF-8"?>
<!-- The annual document as submitted: a cover, a 目录, 第一部分 (the department) then 第二部分
     (every project table in order, each starting a new printed page), reusing the content
     modes of the department and project pages. In print the 目录 gives each entry's page
     (target-counter, jixiao.css). -->
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
        <xsl:if test="department or slot">
          <nav class="contents">
            <h2>目录</h2>
            <ul>
              <xsl:if test="department">
                <li class="contents-part"><a href="#part-1">第一部分　<xsl:value-of select="@year"/>年部门整体绩效目标</a></li>
              </xsl:if>
              <xsl:if test="slot">
                <li class="contents-part"><a href="#part-2">第二部分　预算项目绩效目标</a>
                  <ul><xsl:apply-templates select="slot[@for = 'contents']" mode="content"/></ul>
                </li>
              </xsl:if>
            </ul>
          </nav>
        </xsl:if>
        <xsl:if test="department">
          <section class="part" id="part-1">
            <h1 class="part-title">第一部分</h1>
            <xsl:apply-templates select="department" mode="content"/>
          </section>
        </xsl:if>
        <xsl:if test="project | slot">
          <section class="part" id="part-2">
            <!-- The seed sets the two on separate lines; the span keeps one heading. -->
            <h1 class="part-title"><span class="part-number">第二部分</span><xsl:text> </xsl:text>预算项目绩效目标</h1>
            <xsl:apply-templates select="project | slot[@for = 'projects']" mode="content"/>
          </section>
        </xsl:if>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- One project's line of the 目录 (a part of the streamed document): its name alone. A line
       ending in 项目绩效目标表 would read as the table's title to whoever takes the tables back
       out of the document (jixiao import finds each table by its title). -->
  <xsl:template match="contents-line" mode="content">
    <li><a href="#{@anchor}"><xsl:call-template name="text"><xsl:with-param name="value" select="@name"/></xsl:call-template></a></li>
  </xsl:template>
</xsl:stylesheet>
