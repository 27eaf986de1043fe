<?xml version="1.0" encoding="UTF-8"?>
<!--
  Jixiao Word driver: the generated parts of a .docx (Office Open XML, WordprocessingML) for a
  项目绩效目标表, a 项目支出绩效自评表 or the annual document, from the same data XML as the
  pages (the input contract is at the top of jixiao.xsl). Swift zips them with the fixed parts
  in templates/docx/ (content types, relationships, styles, settings).

  A document is put together the way its page is: Swift transforms the page's frame
  (<project> or <self-assessment> with <name/><slot/>, or <annual> with <slot/>) into
  word/document.xml with the comment jixiao:slot where the tables go, and each table, a <part>,
  on its own into the paragraphs and tables that go there; a project's table is the same part
  in its own document and in the annual one. A tree with the tables in place of the slots
  renders whole.

  The forms are the grids of grid.xsl, which the spreadsheets share; docx-common.xsl writes a
  grid as a Word table, and the page geometry, paragraphs and footer of every document.
  docx-annual.xsl writes the annual document's own text. Fonts and spacing are the paragraph
  styles of templates/docx/word/styles.xml: 宋体 in the tables and titles, 仿宋 in the prose.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    xmlns:exsl="http://exslt.org/common"
    exclude-result-prefixes="exsl r">

  <xsl:output method="xml" encoding="UTF-8" standalone="yes" indent="no"/>

  <!-- docx.part (string): which part to write: "document" (word/document.xml, the default;
       of a <part>, the body elements that go at a slot) or "footer" (word/footer1.xml, the
       unit, year and page numbers). -->
  <xsl:param name="docx.part" select="'document'"/>

  <!-- page.orientation (string, default empty): as in jixiao.xsl, "portrait" or "landscape"
       for every document; empty leaves each its own (自评表 landscape, the rest portrait). -->
  <xsl:param name="page.orientation" select="''"/>

  <xsl:include href="contract.xsl"/>
  <xsl:include href="numerals.xsl"/>
  <xsl:include href="grid.xsl"/>
  <xsl:include href="grid-goal-table.xsl"/>
  <xsl:include href="grid-self-assessment.xsl"/>
  <xsl:include href="grid-sichuan.xsl"/>
  <xsl:include href="docx-common.xsl"/>
  <xsl:include href="docx-annual.xsl"/>

  <xsl:template match="/">
    <xsl:choose>
      <xsl:when test="$docx.part = 'document'"><xsl:apply-templates select="*" mode="docx.document"/></xsl:when>
      <xsl:when test="$docx.part = 'footer'"><xsl:apply-templates select="*" mode="docx.footer"/></xsl:when>
      <xsl:otherwise>
        <xsl:message terminate="yes">docx.xsl: docx.part must be "document" or "footer", not "<xsl:value-of select="$docx.part"/>"</xsl:message>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A form's document: its table, or the slot where Swift puts it. -->
  <xsl:template match="project | self-assessment" mode="docx.document">
    <xsl:apply-templates select="self::project" mode="contract"/>
    <xsl:call-template name="docx.document">
      <xsl:with-param name="body" select="slot | self::*[not(slot)]"/>
    </xsl:call-template>
  </xsl:template>

  <!-- One part of a streamed document: a form's table, without the document around it. -->
  <xsl:template match="part" mode="docx.document">
    <xsl:apply-templates select="*" mode="docx.body"/>
  </xsl:template>

  <!-- Anything else has no Word document: stop rather than write an empty one. -->
  <xsl:template match="*" mode="docx.document">
    <xsl:message terminate="yes">
      <xsl:text>docx.xsl: no Word document for &lt;</xsl:text>
      <xsl:value-of select="name()"/>
      <xsl:text>&gt;</xsl:text>
    </xsl:message>
  </xsl:template>

  <xsl:template match="slot" mode="docx.body">
    <xsl:comment>jixiao:slot</xsl:comment>
  </xsl:template>

  <!-- A form: its grid as paragraphs and tables as wide as the form's page. -->
  <xsl:template match="project | self-assessment" mode="docx.body">
    <xsl:variable name="grid">
      <xsl:apply-templates select="." mode="grid.normalized"/>
    </xsl:variable>
    <xsl:apply-templates select="exsl:node-set($grid)/sheet" mode="docx">
      <xsl:with-param name="width">
        <xsl:call-template name="docx.text.width">
          <xsl:with-param name="document" select="."/>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:apply-templates>
  </xsl:template>
</xsl:stylesheet>
