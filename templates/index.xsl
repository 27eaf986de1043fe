<?xml version="1.0" encoding="UTF-8"?>
<!-- The year's index: the documents, then every project with its budget and the total. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="http://www.w3.org/1999/xhtml">

  <xsl:template match="/index">
    <xsl:call-template name="page.frame">
      <xsl:with-param name="title" select="concat(@year, '年度绩效目标 · 目录')"/>
      <xsl:with-param name="class" select="'portrait'"/>
      <xsl:with-param name="body">
        <h1><xsl:value-of select="@year"/>年度绩效目标</h1>
        <xsl:if test="string(@unit)"><p class="unit"><xsl:value-of select="@unit"/></p></xsl:if>
        <h2>文档</h2>
        <ul class="documents">
          <xsl:for-each select="document">
            <li><a href="{@href}"><xsl:value-of select="@title"/></a></li>
          </xsl:for-each>
        </ul>
        <h2>项目绩效目标表</h2>
        <table class="projects">
          <thead>
            <tr>
              <th>序号</th><th>项目名称</th><th>预算</th>
              <xsl:if test="@assessed"><th>自评得分</th><th>等级</th></xsl:if>
            </tr>
          </thead>
          <tbody>
            <xsl:for-each select="project">
              <tr>
                <td class="number"><xsl:value-of select="@n"/></td>
                <td><a href="{@href}"><xsl:value-of select="@name"/></a></td>
                <td class="number"><xsl:value-of select="@budget"/></td>
                <xsl:if test="/index/@assessed">
                  <xsl:choose>
                    <xsl:when test="@assessment-href">
                      <td class="number"><a href="{@assessment-href}"><xsl:value-of select="@score"/></a></td>
                      <td class="number"><xsl:value-of select="@grade"/></td>
                    </xsl:when>
                    <xsl:otherwise><td class="number">—</td><td class="number">未自评</td></xsl:otherwise>
                  </xsl:choose>
                </xsl:if>
              </tr>
            </xsl:for-each>
          </tbody>
          <tfoot>
            <tr>
              <th>合计</th>
              <th><xsl:value-of select="@project-count"/>个项目</th>
              <th class="number"><xsl:value-of select="@total"/></th>
              <xsl:if test="@assessed"><th colspan="2"><xsl:comment/></th></xsl:if>
            </tr>
          </tfoot>
        </table>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
