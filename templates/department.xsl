<?xml version="1.0" encoding="UTF-8"?>
<!-- 部门整体绩效目标 (第一部分): prose as written, and each sub-goal's grading criteria
     also shown as a table (measure | 优秀 | 差) so a reader sees the thresholds at a glance. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="http://www.w3.org/1999/xhtml">

  <xsl:template match="/department">
    <xsl:call-template name="page.frame">
      <xsl:with-param name="title" select="concat(@year, '年部门整体绩效目标')"/>
      <xsl:with-param name="class" select="'portrait'"/>
      <xsl:with-param name="body">
        <xsl:apply-templates select="." mode="content"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="department" mode="content">
    <section class="department">
      <h1><xsl:value-of select="@year"/>年部门整体绩效目标</h1>
      <p class="unit"><xsl:value-of select="@unit"/></p>
      <h2>一、总体绩效目标</h2>
      <p class="prose"><xsl:value-of select="overall"/></p>
      <h2>二、分项绩效目标</h2>
      <xsl:apply-templates select="category"/>
      <xsl:if test="safeguard">
        <h2>三、工作保障措施</h2>
        <xsl:apply-templates select="safeguard"/>
      </xsl:if>
    </section>
  </xsl:template>

  <xsl:template match="category">
    <h3>
      <xsl:text>（</xsl:text>
      <xsl:call-template name="chinese.numeral"><xsl:with-param name="n" select="@n"/></xsl:call-template>
      <xsl:text>）</xsl:text>
      <xsl:value-of select="@title"/>
    </h3>
    <xsl:apply-templates select="subgoal"/>
  </xsl:template>

  <!-- "1、名称：内容评定" exactly as the document prints it; a category with a single
       unnamed goal prints its text without a number. -->
  <xsl:template match="subgoal">
    <div class="subgoal">
      <p class="prose">
        <xsl:if test="@name or count(../subgoal) &gt; 1">
          <xsl:value-of select="@n"/>
          <xsl:text>、</xsl:text>
        </xsl:if>
        <xsl:if test="@name">
          <strong><xsl:value-of select="@name"/></strong>
          <xsl:text>：</xsl:text>
        </xsl:if>
        <xsl:value-of select="content"/>
        <xsl:value-of select="rating"/>
      </p>
      <xsl:if test="measure">
        <table class="criteria">
          <thead>
            <tr><th>评定指标</th><th>优秀条件</th><th>差的条件</th></tr>
          </thead>
          <tbody>
            <xsl:apply-templates select="measure"/>
          </tbody>
        </table>
      </xsl:if>
    </div>
  </xsl:template>

  <xsl:template match="measure">
    <tr>
      <td><xsl:value-of select="@indicator"/></td>
      <td><xsl:call-template name="condition">
        <xsl:with-param name="label" select="@excellent-label"/>
        <xsl:with-param name="text" select="@excellent"/>
      </xsl:call-template></td>
      <td><xsl:call-template name="condition">
        <xsl:with-param name="label" select="@poor-label"/>
        <xsl:with-param name="text" select="@poor"/>
      </xsl:call-template></td>
    </tr>
  </xsl:template>

  <!-- A grading condition with its grade name, e.g. "优秀社区：900分以上"; "否则" reads
       "差：否则（未达到优秀）". -->
  <xsl:template name="condition">
    <xsl:param name="label"/>
    <xsl:param name="text"/>
    <span class="grade"><xsl:value-of select="$label"/></span>
    <xsl:text>：</xsl:text>
    <xsl:value-of select="$text"/>
    <xsl:if test="$text = '否则'">（未达到优秀）</xsl:if>
  </xsl:template>

  <xsl:template match="safeguard">
    <p class="prose">
      <xsl:text>（</xsl:text>
      <xsl:call-template name="chinese.numeral"><xsl:with-param name="n" select="@n"/></xsl:call-template>
      <xsl:text>）</xsl:text>
      <strong><xsl:value-of select="@title"/></strong>
      <xsl:text>。</xsl:text>
      <xsl:value-of select="."/>
    </p>
  </xsl:template>
</xsl:stylesheet>
