<?xml version="1.0" encoding="UTF-8"?>
<!-- The year's index: the documents, then every project with its budget and the total. Once
     self-assessment has begun (@assessed), each project also shows its score and grade. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="http://www.w3.org/1999/xhtml">

  <xsl:template match="/index">
    <xsl:apply-templates select="." mode="contract"/>
    <xsl:variable name="heading">
      <xsl:value-of select="@year"/>
      <xsl:text>年度绩效目标</xsl:text>
      <xsl:if test="string(@unit)"> · <xsl:value-of select="@unit"/></xsl:if>
    </xsl:variable>
    <xsl:call-template name="page.frame">
      <xsl:with-param name="title" select="$heading"/>
      <xsl:with-param name="body">
        <h1>
          <xsl:value-of select="@year"/>
          <xsl:text>年度绩效目标</xsl:text>
          <xsl:if test="string(@unit)"> · <xsl:call-template name="text"><xsl:with-param name="value" select="@unit"/></xsl:call-template></xsl:if>
        </h1>
        <xsl:if test="document">
          <h2>文档</h2>
          <ul class="documents">
            <xsl:for-each select="document">
              <li><xsl:call-template name="index.link">
                <xsl:with-param name="href" select="@href"/>
                <xsl:with-param name="text" select="@title"/>
              </xsl:call-template></li>
            </xsl:for-each>
          </ul>
        </xsl:if>
        <h2>项目绩效目标表</h2>
        <div class="form">
        <table class="projects">
          <colgroup>
            <col class="c-number"/><col class="c-name"/><col class="c-budget"/>
            <xsl:if test="@assessed"><col class="c-score"/><col class="c-grade"/></xsl:if>
          </colgroup>
          <thead>
            <tr>
              <!-- "预算" without a unit: each amount carries its own (154万元). -->
              <th>序号</th><th class="stub">项目名称</th><th>预算</th>
              <xsl:if test="@assessed"><th>自评得分</th><th>等级</th></xsl:if>
            </tr>
          </thead>
          <tbody>
            <xsl:apply-templates select="slot" mode="content"/>
          </tbody>
          <tfoot>
            <tr>
              <th>合计</th>
              <th class="stub"><xsl:value-of select="@project-count"/>个项目</th>
              <th class="number"><xsl:call-template name="text"><xsl:with-param name="value" select="@total"/></xsl:call-template></th>
              <xsl:if test="@assessed"><th colspan="2"><xsl:comment/></th></xsl:if>
            </tr>
          </tfoot>
        </table>
        </div>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- One project's line (a part of the streamed index). -->
  <xsl:template match="entry" mode="content">
    <tr>
      <td class="number"><xsl:value-of select="@n"/></td>
      <td class="stub"><xsl:call-template name="index.link">
        <xsl:with-param name="href" select="@href"/>
        <xsl:with-param name="text" select="@name"/>
      </xsl:call-template></td>
      <td class="number"><xsl:call-template name="text"><xsl:with-param name="value" select="@budget"/></xsl:call-template></td>
      <xsl:if test="../@assessed">
        <xsl:choose>
          <xsl:when test="@assessment-href">
            <td class="number"><xsl:call-template name="index.link">
              <xsl:with-param name="href" select="@assessment-href"/>
              <xsl:with-param name="text" select="@score"/>
            </xsl:call-template></td>
            <td class="number"><xsl:call-template name="text"><xsl:with-param name="value" select="@grade"/></xsl:call-template></td>
          </xsl:when>
          <xsl:otherwise><td class="number">—</td><td class="number">未自评</td></xsl:otherwise>
        </xsl:choose>
      </xsl:if>
    </tr>
  </xsl:template>

  <!-- A link whose text may be empty (an empty <a/> would not close in HTML). -->
  <xsl:template name="index.link">
    <xsl:param name="href"/>
    <xsl:param name="text"/>
    <a href="{$href}"><xsl:call-template name="text"><xsl:with-param name="value" select="$text"/></xsl:call-template></a>
  </xsl:template>
</xsl:stylesheet>
