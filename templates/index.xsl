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
            <tr><th>序号</th><th>项目名称</th><th>预算</th></tr>
          </thead>
          <tbody>
            <xsl:for-each select="project">
              <tr>
                <td class="number"><xsl:value-of select="@n"/></td>
                <td><a href="{@href}"><xsl:value-of select="@name"/></a></td>
                <td class="number"><xsl:value-of select="@budget"/></td>
              </tr>
            </xsl:for-each>
          </tbody>
          <tfoot>
            <tr>
              <th>合计</th>
              <th><xsl:value-of select="@project-count"/>个项目</th>
              <th class="number"><xsl:value-of select="@total"/></th>
            </tr>
          </tfoot>
        </table>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
