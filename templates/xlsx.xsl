<?xml version="1.0" encoding="UTF-8"?>
<!--
  Jixiao spreadsheet driver: the generated parts of an .xlsx (Office Open XML, SpreadsheetML)
  for a 项目绩效目标表, a 项目支出绩效自评表 or a 执行监控表, from the same data XML as the pages (the input
  contract is at the top of jixiao.xsl). Swift zips the parts with the fixed ones in
  templates/xlsx/ (content types and relationships).

  Two steps: the per-form modules describe the form as a grid of cells (grid.xsl, which
  the Word documents share), and xlsx-common.xsl writes any such grid as SpreadsheetML
  (cells, merges, borders, number formats, widths, heights, print setup).
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
  <xsl:include href="grid.xsl"/>
  <xsl:include href="grid-goal-table.xsl"/>
  <xsl:include href="grid-self-assessment.xsl"/>
  <xsl:include href="grid-sichuan.xsl"/>
  <xsl:include href="grid-monitoring.xsl"/>
  <xsl:include href="xlsx-common.xsl"/>
</xsl:stylesheet>
