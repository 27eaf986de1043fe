<?xml version="1.0" encoding="UTF-8"?>
<!--
  Jixiao spreadsheet driver: the generated parts of an .xlsx (Office Open XML, SpreadsheetML)
  for a 项目绩效目标表 or a 项目支出绩效自评表, from the same data XML as the pages (the input
  contract is at the top of jixiao.xsl). Swift zips the parts with the fixed ones in
  templates/xlsx/ (content types and relationships).

  Two steps: the per-form modules describe the form as a grid of cells
  (xlsx-goal-table.xsl, xlsx-self-assessment.xsl), and xlsx-common.xsl writes any such grid
  as SpreadsheetML (cells, merges, borders, number formats, widths, heights, print setup).
  The grid vocabulary, internal to these templates:
    <sheet name orientation>             name: the sheet tab; orientation: portrait|landscape
      <column width/>*                   Excel width units (one CJK character ≈ 2)
      <row height?>                      height in points; estimated from the text if absent
        <cell col span? rows? style>text</cell>*
      </row>*
    </sheet>
  col is 1-based; span and rows (default 1) merge to the right and down, as colspan and
  rowspan do in the HTML tables. style is one of title, note, label, center, text, value,
  score (xlsx-common.xsl: xlsx.style). A cell's text is its content; lines are separated by "&#10;".
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:output method="xml" encoding="UTF-8" standalone="yes" indent="no"/>

  <!-- xlsx.part (string): which part to write: "sheet" (xl/worksheets/sheet1.xml, the
       default), "workbook" (xl/workbook.xml, which names the sheet) or "styles"
       (xl/styles.xml, the same for every form). -->
  <xsl:param name="xlsx.part" select="'sheet'"/>

  <xsl:include href="contract.xsl"/>
  <xsl:include href="numerals.xsl"/>
  <xsl:include href="xlsx-common.xsl"/>
  <xsl:include href="xlsx-goal-table.xsl"/>
  <xsl:include href="xlsx-self-assessment.xsl"/>
  <xsl:include href="xlsx-monitoring.xsl"/>

  <!-- A document no form module lays out: stop rather than write an empty spreadsheet. -->
  <xsl:template match="*" mode="xlsx.grid">
    <xsl:message terminate="yes">
      <xsl:text>xlsx.xsl: no spreadsheet layout for &lt;</xsl:text>
      <xsl:value-of select="name()"/>
      <xsl:text>&gt;</xsl:text>
    </xsl:message>
  </xsl:template>
</xsl:stylesheet>
