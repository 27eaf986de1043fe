<?xml version="1.0" encoding="UTF-8"?>
<!--
  A form as a grid of cells: the layout that both the spreadsheet (xlsx.xsl) and the Word
  document (docx.xsl) write, so that the two and the page are the same form. The per-form
  modules (grid-goal-table.xsl, grid-self-assessment.xsl, grid-monitoring.xsl) describe a form in this vocabulary,
  internal to the templates, in mode "grid":
    <sheet name orientation>             name: the sheet tab; orientation: portrait|landscape
      <column width share?/>*            width: Excel width units (one CJK character ≈ 2).
                                         Word gives each column its part of the page's width:
                                         its share (percent) where the columns have shares, as
                                         the widths' proportions may not suit the page, else
                                         its width's proportion
      <row height? head? apart?>         height in points (the spreadsheet; estimated from the
                                         text if absent); head="1": the row heads the rows after
                                         it (the indicator header), which Word repeats on every
                                         page they run onto; apart="1": in Word, the row and
                                         those after it are a table of their own, under no head
                                         (the 自评表's notes, a table apart on the page)
        <cell col span? rows? style>text</cell>*
      </row>*
    </sheet>
  col is 1-based; span and rows (default 1) merge to the right and down, as colspan and
  rowspan do in the HTML tables. A row's cells, with those merged down into it from above,
  cover each column once. style is one of title, note, label, center, text, value,
  score. A cell's text is its content; lines are separated by "&#10;".

  The stylesheet including this one defines the named template grid.cell.measure: what it
  adds to each normalised cell (called with the cell as context and its span).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:exsl="http://exslt.org/common"
    exclude-result-prefixes="exsl">

  <!-- The grid of the form at the context node, normalised: every row with its number n,
       every cell with its row and all of col, span and rows. -->
  <xsl:template match="*" mode="grid.normalized">
    <xsl:variable name="grid">
      <xsl:apply-templates select="." mode="grid"/>
    </xsl:variable>
    <xsl:apply-templates select="exsl:node-set($grid)/sheet" mode="grid.normalize"/>
  </xsl:template>

  <xsl:template match="sheet" mode="grid.normalize">
    <sheet>
      <xsl:copy-of select="@* | column"/>
      <xsl:for-each select="row">
        <row n="{position()}">
          <xsl:copy-of select="@height | @head | @apart"/>
          <xsl:apply-templates select="cell" mode="grid.normalize"/>
        </row>
      </xsl:for-each>
    </sheet>
  </xsl:template>

  <xsl:template match="cell" mode="grid.normalize">
    <xsl:variable name="span" select="concat(@span, substring('1', 1, number(not(@span))))"/>
    <cell row="{count(../preceding-sibling::row) + 1}" col="{@col}" span="{$span}"
          rows="{concat(@rows, substring('1', 1, number(not(@rows))))}" style="{@style}">
      <xsl:call-template name="grid.cell.measure">
        <xsl:with-param name="span" select="$span"/>
      </xsl:call-template>
      <xsl:value-of select="."/>
    </cell>
  </xsl:template>

  <!-- A document no form module lays out: stop rather than write an empty form. -->
  <xsl:template match="*" mode="grid">
    <xsl:message terminate="yes">
      <xsl:text>grid.xsl: no grid layout for &lt;</xsl:text>
      <xsl:value-of select="name()"/>
      <xsl:text>&gt;</xsl:text>
    </xsl:message>
  </xsl:template>

  <!-- A figure the form leaves empty is printed as "—" (text, not a number); printed (a
       computed figure beside it): the one the form printed, blank where it left it blank. -->
  <xsl:template name="grid.dash">
    <xsl:param name="value" select="."/>
    <xsl:param name="printed" select="/.."/>
    <xsl:choose>
      <xsl:when test="string($value) or $printed"><xsl:value-of select="$value"/></xsl:when>
      <xsl:otherwise>—</xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
