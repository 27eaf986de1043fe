<?xml version="1.0" encoding="UTF-8"?>
<!-- The review of the year's goal tables (绩效目标审核, jixiao review): a count by rule, then
     each project that has findings, its findings in the order of its file. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="http://www.w3.org/1999/xhtml">

  <xsl:template match="/review">
    <xsl:call-template name="page.frame">
      <xsl:with-param name="title">
        <xsl:value-of select="@year"/>
        <xsl:text>年度绩效目标审核意见</xsl:text>
        <xsl:if test="string(@unit)"> · <xsl:value-of select="@unit"/></xsl:if>
      </xsl:with-param>
      <xsl:with-param name="body">
        <h1 class="document-title"><xsl:call-template name="text"><xsl:with-param name="value" select="concat(@year, '年度绩效目标审核意见')"/></xsl:call-template></h1>
        <xsl:if test="string(@unit)"><p class="unit"><xsl:call-template name="text"><xsl:with-param name="value" select="@unit"/></xsl:call-template></p></xsl:if>
        <p class="prose">
          <xsl:text>按财政部门审核绩效目标的要点（完整性、可衡量、适当性、与资金测算一致），审核了 </xsl:text>
          <xsl:value-of select="@project-count"/>
          <xsl:text> 个项目的绩效目标表：</xsl:text>
          <xsl:value-of select="@finding-count"/>
          <xsl:text> 条审核意见，涉及 </xsl:text>
          <xsl:value-of select="@reviewed-count"/>
          <xsl:text> 个项目。</xsl:text>
          <xsl:choose>
            <xsl:when test="@previous-year">
              <xsl:text>目标与 </xsl:text><xsl:value-of select="@previous-year"/><xsl:text> 年度同一项目的目标和自评实际完成值作了比较。</xsl:text>
            </xsl:when>
            <xsl:otherwise>
              <xsl:text>没有 </xsl:text><xsl:value-of select="@year - 1"/><xsl:text> 年度的数据，未与上年比较。</xsl:text>
            </xsl:otherwise>
          </xsl:choose>
          <xsl:text>审核意见是建议，供修改目标表时参考；每条注明数据文件中的行号。</xsl:text>
        </p>
        <xsl:if test="tally">
          <h2>按审核要点</h2>
          <div class="form">
          <table class="review-tally">
            <thead><tr><th>代码</th><th>审核要点</th><th><span class="tail">条数</span></th></tr></thead>
            <tbody>
              <xsl:for-each select="tally">
                <tr>
                  <td><xsl:value-of select="@code"/></td>
                  <td><xsl:call-template name="text"><xsl:with-param name="value" select="@title"/></xsl:call-template></td>
                  <td class="number"><xsl:value-of select="@count"/></td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
          </div>
          <h2>各项目的审核意见</h2>
        </xsl:if>
        <xsl:apply-templates select="project"/>
        <xsl:if test="not(project)"><p class="prose">没有审核意见。</p></xsl:if>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="review/project">
    <section class="review-project">
      <h3>
        <xsl:value-of select="@n"/>
        <xsl:text>. </xsl:text>
        <a href="{@href}"><xsl:call-template name="text"><xsl:with-param name="value" select="@name"/></xsl:call-template></a>
      </h3>
      <ol class="findings">
        <xsl:for-each select="finding">
          <li>
            <p>
              <xsl:value-of select="@code"/>
              <xsl:text> </xsl:text>
              <xsl:value-of select="@title"/>
              <xsl:if test="@line">（第 <xsl:value-of select="@line"/> 行）</xsl:if>
              <xsl:text>：</xsl:text>
              <xsl:call-template name="text"><xsl:with-param name="value" select="@message"/></xsl:call-template>
            </p>
            <xsl:if test="@hint">
              <p class="hint">提示：<xsl:call-template name="text"><xsl:with-param name="value" select="@hint"/></xsl:call-template></p>
            </xsl:if>
          </li>
        </xsl:for-each>
      </ol>
    </section>
  </xsl:template>
</xsl:stylesheet>
