<?xml version="1.0" encoding="UTF-8"?>
<!-- 部门整体绩效目标 (第一部分): the prose as the document prints it, and each sub-goal's
     grading criteria also as a small table (measure | 优秀 | 差) so that a reader sees the
     thresholds at a glance. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="http://www.w3.org/1999/xhtml">

  <xsl:template match="/department">
    <xsl:apply-templates select="." mode="contract"/>
    <xsl:call-template name="page.frame">
      <xsl:with-param name="title" select="concat(@year, '年部门整体绩效目标')"/>
      <xsl:with-param name="content" select="."/>
    </xsl:call-template>
  </xsl:template>

  <!-- The content without the page frame; the annual document reuses it. -->
  <xsl:template match="department" mode="content">
    <section class="department">
      <h1><xsl:value-of select="@year"/>年部门整体绩效目标</h1>
      <!-- In the annual document the cover already names the unit. -->
      <xsl:if test="string(@unit) and not(parent::annual)">
        <p class="unit"><xsl:value-of select="@unit"/></p>
      </xsl:if>
      <h2>一、总体绩效目标</h2>
      <p class="prose"><xsl:call-template name="text"><xsl:with-param name="value" select="overall"/></xsl:call-template></p>
      <h2>二、分项绩效目标</h2>
      <xsl:apply-templates select="category"/>
      <xsl:if test="safeguard">
        <h2>三、工作保障措施</h2>
        <xsl:apply-templates select="safeguard"/>
      </xsl:if>
    </section>
  </xsl:template>

  <!-- （一）安全和环境卫生工作 -->
  <xsl:template match="department/category">
    <h3>
      <xsl:call-template name="bracketed.numeral"/>
      <xsl:value-of select="@title"/>
    </h3>
    <xsl:apply-templates select="subgoal"/>
  </xsl:template>

  <!-- "1、名称：内容评定" exactly as the document prints it. A category holding a single
       unnamed goal prints its text without a number, as （五） and （六） do in the seed. -->
  <xsl:template match="category/subgoal">
    <div class="subgoal">
      <p class="prose">
        <xsl:if test="string(@name) or count(../subgoal) &gt; 1">
          <xsl:value-of select="@n"/>
          <xsl:text>、</xsl:text>
        </xsl:if>
        <xsl:if test="string(@name)">
          <strong><xsl:value-of select="@name"/></strong>
          <xsl:text>：</xsl:text>
        </xsl:if>
        <xsl:value-of select="content"/>
        <xsl:call-template name="text"><xsl:with-param name="value" select="rating"/></xsl:call-template>
      </p>
      <xsl:if test="measure">
        <table class="criteria">
          <colgroup><col class="c-measure"/><col class="c-condition"/><col class="c-condition"/></colgroup>
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

  <!-- The grades carry the measure's own names (优秀社区 / 不合格社区 in the seed's （六）). -->
  <xsl:template match="subgoal/measure">
    <tr>
      <td><xsl:call-template name="text"><xsl:with-param name="value" select="@indicator"/></xsl:call-template></td>
      <td><xsl:call-template name="criteria.condition">
        <xsl:with-param name="label" select="@excellent-label"/>
        <xsl:with-param name="text" select="@excellent"/>
      </xsl:call-template></td>
      <td><xsl:call-template name="criteria.condition">
        <xsl:with-param name="label" select="@poor-label"/>
        <xsl:with-param name="text" select="@poor"/>
      </xsl:call-template>
      <!-- "否则为差" means: whenever the 优秀 condition fails (REFERENCE §5). -->
      <xsl:if test="@poor = '否则'">
        <xsl:text>（未达到</xsl:text><xsl:value-of select="@excellent-label"/><xsl:text>）</xsl:text>
      </xsl:if></td>
    </tr>
  </xsl:template>

  <!-- A grading condition with its grade name: "优秀社区：900分以上". -->
  <xsl:template name="criteria.condition">
    <xsl:param name="label"/>
    <xsl:param name="text"/>
    <xsl:if test="string($label)">
      <span class="grade"><xsl:value-of select="$label"/></span>
      <xsl:text>：</xsl:text>
    </xsl:if>
    <xsl:call-template name="text"><xsl:with-param name="value" select="$text"/></xsl:call-template>
  </xsl:template>

  <!-- （一）完善制度建设。街道办事处在工作中…… -->
  <xsl:template match="department/safeguard">
    <p class="prose">
      <xsl:call-template name="bracketed.numeral"/>
      <xsl:if test="string(@title)">
        <strong><xsl:value-of select="@title"/></strong>
        <xsl:text>。</xsl:text>
      </xsl:if>
      <xsl:value-of select="."/>
    </p>
  </xsl:template>

  <!-- （一）, （十一）: the numbering of categories and safeguards, from @n of the context node. -->
  <xsl:template name="bracketed.numeral">
    <xsl:text>（</xsl:text>
    <xsl:call-template name="chinese.numeral"><xsl:with-param name="n" select="@n"/></xsl:call-template>
    <xsl:text>）</xsl:text>
  </xsl:template>
</xsl:stylesheet>
