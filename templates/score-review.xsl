<?xml version="1.0" encoding="UTF-8"?>
<!-- 核对.html: every printed score, weight, total or 预算执行率 that differs from what the rules
     compute and that the data marks 原文如此, and every score or rate the form printed blank. The forms show the printed values; this page lists, project by
     project, each printed value beside the computed one and where the data file writes it, so
     that a reader can check the form against the rules. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="http://www.w3.org/1999/xhtml">

  <xsl:template match="/score-review">
    <xsl:call-template name="page.frame">
      <xsl:with-param name="title" select="concat(@year, '年度自评得分核对')"/>
      <xsl:with-param name="content" select="."/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="score-review" mode="content">
    <section class="score-review">
      <h1><xsl:value-of select="@year"/>年度自评得分<span class="tail">核对</span></h1>
      <xsl:if test="string(@unit)"><p class="unit"><xsl:value-of select="@unit"/></p></xsl:if>
      <p class="prose">下列各表印出的分值、得分或预算执行率与按评分规则算得的不同，数据中已注明“原文如此”；或者原表这一格空着（印作“（空白）”）。自评表照原表印出；这里把原表的数与算得的数并列，并注明数据文件中的位置。汇总与平均分用算得的数。</p>
      <xsl:apply-templates select="project" mode="score-review"/>
      <xsl:if test="not(project)">
        <p>各表印出的分值和得分与按规则算得的一致，没有需要核对的项。</p>
      </xsl:if>
    </section>
  </xsl:template>

  <xsl:template match="project" mode="score-review">
    <h2>
      <a href="{@href}"><xsl:call-template name="text"><xsl:with-param name="value" select="@name"/></xsl:call-template></a>
    </h2>
    <p class="source"><xsl:value-of select="@path"/></p>
    <div class="form">
    <table class="review">
      <colgroup><col class="r-what"/><col class="r-line"/><col class="r-figure"/><col class="r-figure"/></colgroup>
      <thead>
        <tr><th class="stub">核对项</th><th>行</th><th>表上<span class="tail">印出</span></th><th>按规则<span class="tail">算得</span></th></tr>
      </thead>
      <tbody>
        <xsl:for-each select="item">
          <tr>
            <td class="stub"><xsl:call-template name="text"><xsl:with-param name="value" select="@what"/></xsl:call-template></td>
            <td class="number" title="{../@path}:{@line}"><xsl:value-of select="@line"/></td>
            <td class="number">
              <xsl:value-of select="@printed"/>
              <xsl:if test="not(string(@printed))">（空白）</xsl:if>
            </td>
            <td class="number strong"><xsl:value-of select="@computed"/></td>
          </tr>
        </xsl:for-each>
      </tbody>
    </table>
    </div>
  </xsl:template>
</xsl:stylesheet>
