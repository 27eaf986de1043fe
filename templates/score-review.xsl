<?xml version="1.0" encoding="UTF-8"?>
<!-- 核对.html, minimal (core22's placeholder; the layouts branch owns the finished page): each
     printed figure a 自评表 shows in place of the computed one (原文如此), with both numbers.
     <score-review year unit index-href sample?>
       <project name href path><item what line printed computed/>*</project>*
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="http://www.w3.org/1999/xhtml">

  <xsl:template match="/score-review">
    <xsl:call-template name="page.frame">
      <xsl:with-param name="title" select="concat(@year, '年度自评得分核对')"/>
      <xsl:with-param name="body">
        <h1><xsl:value-of select="@year"/>年度自评得分核对</h1>
        <p>下列得分照录原表（标注“原文如此”），与按评分规则算得的数不同。</p>
        <table class="score-review">
          <thead><tr><th>项目</th><th>栏目</th><th>数据行</th><th>原表</th><th>计算</th></tr></thead>
          <tbody>
            <xsl:for-each select="project/item">
              <tr>
                <td><a href="{../@href}"><xsl:value-of select="../@name"/></a></td>
                <td><xsl:value-of select="@what"/></td>
                <td><xsl:value-of select="../@path"/>:<xsl:value-of select="@line"/></td>
                <td><xsl:value-of select="@printed"/></td>
                <td><xsl:value-of select="@computed"/></td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
