<?xml version="1.0" encoding="UTF-8"?>
<!-- The annual document in Word, as annual.xsl and department.xsl print it: a cover, 第一部分
     (the department's goals: prose, and each sub-goal's grading criteria as a table) and
     第二部分 (every project's goal table, each on a page of its own: the form's title starts
     a page, FormTitle in styles.xml). Headings carry outline levels, so Word's navigation
     pane and a table of contents list them. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    xmlns:exsl="http://exslt.org/common"
    exclude-result-prefixes="exsl">

  <xsl:template match="annual" mode="docx.document">
    <xsl:apply-templates select="." mode="contract"/>
    <xsl:call-template name="docx.document">
      <xsl:with-param name="body" select="."/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="annual" mode="docx.body">
    <xsl:call-template name="docx.paragraph">
      <xsl:with-param name="text" select="concat(@year, '年度绩效目标')"/>
      <xsl:with-param name="style" select="'Title'"/>
    </xsl:call-template>
    <xsl:if test="string(@unit)">
      <xsl:call-template name="docx.paragraph">
        <xsl:with-param name="text" select="@unit"/>
        <xsl:with-param name="style" select="'Subtitle'"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:if test="department">
      <xsl:call-template name="docx.paragraph">
        <xsl:with-param name="text" select="'第一部分'"/>
        <xsl:with-param name="style" select="'PartTitle'"/>
      </xsl:call-template>
      <xsl:apply-templates select="department" mode="docx.body"/>
    </xsl:if>
    <xsl:if test="project | slot">
      <!-- The seed sets the two on separate lines; one heading. -->
      <w:p>
        <w:pPr><w:pStyle w:val="PartTitle"/></w:pPr>
        <w:r><w:t>第二部分</w:t><w:br/><w:t>预算项目绩效目标</w:t></w:r>
      </w:p>
      <xsl:apply-templates select="project | slot" mode="docx.body"/>
    </xsl:if>
  </xsl:template>

  <!-- A run of goal tables with a value column per recipient: a landscape section of its own,
       between the portrait pages of the rest (the document's last section, when it ends it). -->
  <xsl:template match="annual/slot[@wide = '1']" mode="docx.body">
    <xsl:call-template name="docx.section-break"><xsl:with-param name="document" select="/*"/></xsl:call-template>
    <xsl:comment>jixiao:slot</xsl:comment>
    <xsl:if test="following-sibling::slot">
      <xsl:call-template name="docx.section-break"><xsl:with-param name="document" select="."/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- 部门整体绩效目标, numbered as department.xsl numbers it. After 第一部分 its title starts
       a page. -->
  <xsl:template match="department" mode="docx.body">
    <w:p>
      <w:pPr>
        <w:pStyle w:val="DocumentTitle"/>
        <xsl:if test="parent::annual"><w:pageBreakBefore/></xsl:if>
      </w:pPr>
      <xsl:call-template name="docx.run"><xsl:with-param name="text" select="concat(@year, '年部门整体绩效目标')"/></xsl:call-template>
    </w:p>
    <!-- In the annual document the cover already names the unit. -->
    <xsl:if test="string(@unit) and not(parent::annual)">
      <xsl:call-template name="docx.paragraph">
        <xsl:with-param name="text" select="@unit"/>
        <xsl:with-param name="style" select="'FormNote'"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:call-template name="docx.paragraph">
      <xsl:with-param name="text" select="'一、总体绩效目标'"/>
      <xsl:with-param name="style" select="'Heading1'"/>
    </xsl:call-template>
    <xsl:call-template name="docx.paragraphs">
      <xsl:with-param name="text" select="string(overall)"/>
      <xsl:with-param name="style" select="'Normal'"/>
    </xsl:call-template>
    <xsl:call-template name="docx.paragraph">
      <xsl:with-param name="text" select="'二、分项绩效目标'"/>
      <xsl:with-param name="style" select="'Heading1'"/>
    </xsl:call-template>
    <xsl:apply-templates select="category" mode="docx"/>
    <xsl:if test="safeguard">
      <xsl:call-template name="docx.paragraph">
        <xsl:with-param name="text" select="'三、工作保障措施'"/>
        <xsl:with-param name="style" select="'Heading1'"/>
      </xsl:call-template>
      <xsl:apply-templates select="safeguard" mode="docx"/>
    </xsl:if>
  </xsl:template>

  <!-- （一）安全和环境卫生工作 -->
  <xsl:template match="department/category" mode="docx">
    <xsl:call-template name="docx.paragraph">
      <xsl:with-param name="text">
        <xsl:call-template name="docx.bracketed.numeral"/>
        <xsl:value-of select="@title"/>
      </xsl:with-param>
      <xsl:with-param name="style" select="'Heading2'"/>
    </xsl:call-template>
    <xsl:apply-templates select="subgoal" mode="docx"/>
  </xsl:template>

  <!-- "1、名称：内容评定", the name bold, as department.xsl prints it; then the criteria. A
       little space above, should a table be there. -->
  <xsl:template match="category/subgoal" mode="docx">
    <w:p>
      <w:pPr>
        <w:pStyle w:val="Normal"/>
        <xsl:if test="measure"><w:keepNext/></xsl:if>
        <w:spacing w:before="120"/>
      </w:pPr>
      <xsl:call-template name="docx.run">
        <xsl:with-param name="text">
          <xsl:if test="string(@name) or count(../subgoal) &gt; 1">
            <xsl:value-of select="concat(@n, '、')"/>
          </xsl:if>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:if test="string(@name)">
        <xsl:call-template name="docx.run">
          <xsl:with-param name="text" select="@name"/>
          <xsl:with-param name="bold" select="true()"/>
        </xsl:call-template>
        <xsl:call-template name="docx.run"><xsl:with-param name="text" select="'：'"/></xsl:call-template>
      </xsl:if>
      <xsl:call-template name="docx.run">
        <xsl:with-param name="text" select="concat(content, rating)"/>
      </xsl:call-template>
    </w:p>
    <xsl:if test="measure">
      <xsl:variable name="grid">
        <xsl:apply-templates select="." mode="grid.normalized"/>
      </xsl:variable>
      <xsl:apply-templates select="exsl:node-set($grid)/sheet" mode="docx">
        <xsl:with-param name="width"><xsl:call-template name="docx.text.width"/></xsl:with-param>
      </xsl:apply-templates>
    </xsl:if>
  </xsl:template>

  <!-- The criteria of a sub-goal as a grid (grid.xsl): the columns of department.xsl's
       table; each condition with its grade's name ("优秀社区：900分以上"). -->
  <xsl:template match="category/subgoal" mode="grid">
    <sheet name="评定标准" orientation="portrait">
      <column width="34"/><column width="33"/><column width="33"/>
      <row head="1">
        <cell col="1" style="label">评定指标</cell>
        <cell col="2" style="label">优秀条件</cell>
        <cell col="3" style="label">差的条件</cell>
      </row>
      <xsl:for-each select="measure">
        <row>
          <cell col="1" style="text"><xsl:value-of select="@indicator"/></cell>
          <cell col="2" style="text">
            <xsl:call-template name="docx.condition">
              <xsl:with-param name="label" select="@excellent-label"/>
              <xsl:with-param name="text" select="@excellent"/>
            </xsl:call-template>
          </cell>
          <cell col="3" style="text">
            <xsl:call-template name="docx.condition">
              <xsl:with-param name="label" select="@poor-label"/>
              <xsl:with-param name="text" select="@poor"/>
            </xsl:call-template>
            <!-- "否则为差" means: whenever the 优秀 condition fails (REFERENCE §5). -->
            <xsl:if test="@poor = '否则'">
              <xsl:value-of select="concat('（未达到', @excellent-label, '）')"/>
            </xsl:if>
          </cell>
        </row>
      </xsl:for-each>
    </sheet>
  </xsl:template>

  <xsl:template name="docx.condition">
    <xsl:param name="label"/>
    <xsl:param name="text"/>
    <xsl:if test="string($label)"><xsl:value-of select="concat($label, '：')"/></xsl:if>
    <xsl:value-of select="$text"/>
  </xsl:template>

  <!-- （一）完善制度建设。街道办事处在工作中…… -->
  <xsl:template match="department/safeguard" mode="docx">
    <w:p>
      <w:pPr><w:pStyle w:val="Normal"/></w:pPr>
      <xsl:call-template name="docx.run">
        <xsl:with-param name="text"><xsl:call-template name="docx.bracketed.numeral"/></xsl:with-param>
      </xsl:call-template>
      <xsl:if test="string(@title)">
        <xsl:call-template name="docx.run">
          <xsl:with-param name="text" select="@title"/>
          <xsl:with-param name="bold" select="true()"/>
        </xsl:call-template>
        <xsl:call-template name="docx.run"><xsl:with-param name="text" select="'。'"/></xsl:call-template>
      </xsl:if>
      <xsl:call-template name="docx.run"><xsl:with-param name="text" select="string(.)"/></xsl:call-template>
    </w:p>
  </xsl:template>

  <!-- （一）, （十一）: from @n of the context node. -->
  <xsl:template name="docx.bracketed.numeral">
    <xsl:text>（</xsl:text>
    <xsl:call-template name="chinese.numeral"><xsl:with-param name="n" select="@n"/></xsl:call-template>
    <xsl:text>）</xsl:text>
  </xsl:template>
</xsl:stylesheet>
