<?xml version="1.0" encoding="UTF-8"?>
<!-- A grid of cells (the vocabulary is described in grid.xsl) written as SpreadsheetML:
     every cell of the table bordered, including the cells a merge covers (Excel draws a
     merged range's border from them); numbers and percentages as numeric cells; text as
     inline strings; row heights estimated from the text, because neither Excel nor
     LibreOffice grows a row for the wrapped text of a merged cell. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:exsl="http://exslt.org/common"
    exclude-result-prefixes="exsl">

  <!-- The grid is in no namespace; only the templates that write a part declare
       SpreadsheetML as their default namespace. -->

  <!-- The footer names the unit and year like the printed pages; read here, at the top
       level, because inside the grid "/" is the grid, not the data. -->
  <xsl:variable name="xlsx.footer.unit" select="concat(/*/@unit, ' ', /*/@year, '年')"/>

  <!-- Characters one unit wide in the width estimate; everything else (CJK, full-width
       punctuation) counts two, as Excel's column widths are in digit widths. -->
  <xsl:variable name="xlsx.narrow">
    <xsl:text> !"#$%&amp;'()*+,-./0123456789:;&lt;=&gt;?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\]^_`abcdefghijklmnopqrstuvwxyz{|}~</xsl:text>
  </xsl:variable>

  <!-- Points per line of 11 pt 宋体, and the padding above and below the text of a row. -->
  <xsl:variable name="xlsx.line.height" select="15"/>
  <xsl:variable name="xlsx.row.padding" select="5"/>

  <!-- Excel refuses a cell of more than 32,767 characters. -->
  <xsl:variable name="xlsx.cell.limit" select="32767"/>

  <xsl:template match="/">
    <xsl:choose>
      <xsl:when test="$xlsx.part = 'sheet'">
        <xsl:apply-templates select="exsl:node-set($xlsx.grid)/sheet" mode="xlsx.worksheet"/>
      </xsl:when>
      <xsl:when test="$xlsx.part = 'workbook'">
        <xsl:apply-templates select="exsl:node-set($xlsx.grid)/sheet" mode="xlsx.workbook"/>
      </xsl:when>
      <xsl:when test="$xlsx.part = 'styles'"><xsl:call-template name="xlsx.styles"/></xsl:when>
      <xsl:otherwise>
        <xsl:message terminate="yes">xlsx.xsl: xlsx.part must be "sheet", "workbook" or "styles", not "<xsl:value-of select="$xlsx.part"/>"</xsl:message>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The form's grid, normalised (grid.xsl). -->
  <xsl:variable name="xlsx.grid">
    <xsl:apply-templates select="/*" mode="grid.normalized"/>
  </xsl:variable>

  <!-- What each normalised cell carries besides its place: the number of lines its text
       takes in the width it spans. -->
  <xsl:template name="grid.cell.measure">
    <xsl:param name="span"/>
    <xsl:variable name="width" select="sum(ancestor::sheet/column[position() &gt;= current()/@col and position() &lt; current()/@col + $span]/@width)"/>
    <xsl:attribute name="lines">
      <xsl:call-template name="xlsx.lines">
        <xsl:with-param name="text" select="string(.)"/>
        <xsl:with-param name="width" select="$width"/>
      </xsl:call-template>
    </xsl:attribute>
  </xsl:template>

  <!-- Lines of wrapped text: its width in units over the usable width, plus one per line
       break. An estimate without recursion, so a text of any length costs the same. -->
  <xsl:template name="xlsx.lines">
    <xsl:param name="text"/>
    <xsl:param name="width"/>
    <xsl:variable name="wide" select="string-length(translate($text, concat($xlsx.narrow, '&#10;'), ''))"/>
    <xsl:variable name="breaks" select="string-length($text) - string-length(translate($text, '&#10;', ''))"/>
    <xsl:variable name="units" select="string-length($text) - $breaks + $wide"/>
    <xsl:variable name="usable" select="$width - 1.5"/>
    <xsl:choose>
      <xsl:when test="$usable &lt;= 0"><xsl:value-of select="1 + $breaks"/></xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$breaks + ceiling($units div $usable) + number($units = 0)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Step 2: the worksheet part. Element order is the schema's (CT_Worksheet). -->
  <xsl:template match="sheet" mode="xlsx.worksheet"
      xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
    <xsl:variable name="last" select="concat(substring('ABCDEFGHIJKLMNOPQRSTUVWXYZ', count(column), 1), count(row))"/>
    <worksheet>
      <sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>
      <dimension ref="A1:{$last}"/>
      <sheetViews><sheetView workbookViewId="0"/></sheetViews>
      <sheetFormatPr defaultRowHeight="{$xlsx.line.height + $xlsx.row.padding}"/>
      <cols>
        <xsl:for-each select="column">
          <col min="{position()}" max="{position()}" width="{@width}" customWidth="1"/>
        </xsl:for-each>
      </cols>
      <sheetData>
        <xsl:apply-templates select="row" mode="xlsx.worksheet"/>
      </sheetData>
      <xsl:if test="row/cell[@span &gt; 1 or @rows &gt; 1]">
        <mergeCells count="{count(row/cell[@span &gt; 1 or @rows &gt; 1])}">
          <xsl:for-each select="row/cell[@span &gt; 1 or @rows &gt; 1]">
            <mergeCell>
              <xsl:attribute name="ref">
                <xsl:call-template name="xlsx.ref"/>
                <xsl:text>:</xsl:text>
                <xsl:call-template name="xlsx.ref">
                  <xsl:with-param name="row" select="@row + @rows - 1"/>
                  <xsl:with-param name="col" select="@col + @span - 1"/>
                </xsl:call-template>
              </xsl:attribute>
            </mergeCell>
          </xsl:for-each>
        </mergeCells>
      </xsl:if>
      <printOptions horizontalCentered="1"/>
      <!-- The margins of the printed forms (jixiao.css): 2 cm top and bottom, 1.5 cm sides. -->
      <pageMargins left="0.59" right="0.59" top="0.79" bottom="0.79" header="0.3" footer="0.3"/>
      <!-- A4, as wide as the page, as many pages down as the rows need. -->
      <pageSetup paperSize="9" orientation="{@orientation}" fitToWidth="1" fitToHeight="0"/>
      <headerFooter>
        <oddFooter>
          <xsl:text>&amp;L</xsl:text>
          <!-- "&" starts a code in a footer; "&&" prints one. Excel allows 255 characters. -->
          <xsl:call-template name="xlsx.replace">
            <xsl:with-param name="text" select="substring($xlsx.footer.unit, 1, 200)"/>
            <xsl:with-param name="from" select="'&amp;'"/>
            <xsl:with-param name="to" select="'&amp;&amp;'"/>
          </xsl:call-template>
          <xsl:text>&amp;R第 &amp;P 页 共 &amp;N 页</xsl:text>
        </oddFooter>
      </headerFooter>
    </worksheet>
  </xsl:template>

  <!-- A row: its height from its tallest one-row cell, then one cell per column, so that the
       cells a merge covers carry the border too. -->
  <xsl:template match="row" mode="xlsx.worksheet"
      xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
    <xsl:variable name="n" select="@n"/>
    <xsl:variable name="cells" select="cell[@rows = 1]"/>
    <xsl:variable name="lines" select="$cells[not($cells/@lines &gt; @lines)][1]/@lines"/>
    <row r="{$n}" customHeight="1">
      <xsl:attribute name="ht">
        <xsl:choose>
          <xsl:when test="@height"><xsl:value-of select="@height"/></xsl:when>
          <xsl:when test="$lines"><xsl:value-of select="$lines * $xlsx.line.height + $xlsx.row.padding"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="$xlsx.line.height + $xlsx.row.padding"/></xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <xsl:variable name="row" select="."/>
      <xsl:for-each select="../column">
        <xsl:variable name="col" select="position()"/>
        <xsl:variable name="start" select="$row/cell[@col = $col]"/>
        <xsl:choose>
          <xsl:when test="$start">
            <xsl:apply-templates select="$start" mode="xlsx.worksheet"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:variable name="cover" select="$row/../row/cell[@row &lt;= $n and @row + @rows &gt; $n
                                                              and @col &lt;= $col and @col + @span &gt; $col]"/>
            <xsl:if test="$cover">
              <c>
                <xsl:attribute name="r">
                  <xsl:call-template name="xlsx.ref">
                    <xsl:with-param name="row" select="$n"/>
                    <xsl:with-param name="col" select="$col"/>
                  </xsl:call-template>
                </xsl:attribute>
                <xsl:attribute name="s">
                  <xsl:call-template name="xlsx.style"><xsl:with-param name="style" select="$cover/@style"/></xsl:call-template>
                </xsl:attribute>
              </c>
            </xsl:if>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
    </row>
  </xsl:template>

  <!-- A cell with content. "value" and "score" cells holding a plain number ("71", "69.8")
       or percentage ("25%", "98.31%") are stored as numbers; anything else — "≥95%",
       "200元", "2021年12月底前", "—" — stays text exactly as written. -->
  <xsl:template match="cell" mode="xlsx.worksheet"
      xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
    <xsl:variable name="text" select="string(.)"/>
    <xsl:variable name="percent" select="substring($text, string-length($text)) = '%'"/>
    <xsl:variable name="digits" select="substring($text, 1, string-length($text) - number($percent))"/>
    <xsl:variable name="integer" select="substring-before(concat(translate($digits, '-', ''), '.'), '.')"/>
    <xsl:variable name="numeric" select="(@style = 'value' or @style = 'score')
        and translate($digits, '0123456789.-', '') = '' and translate($digits, '.-', '') != ''
        and string(number($digits)) != 'NaN'
        and not(starts-with($integer, '0') and string-length($integer) &gt; 1)"/>
    <xsl:variable name="decimals" select="string-length(substring-after($digits, '.'))"/>
    <c>
      <xsl:attribute name="r"><xsl:call-template name="xlsx.ref"/></xsl:attribute>
      <xsl:attribute name="s">
        <xsl:call-template name="xlsx.style">
          <xsl:with-param name="style" select="@style"/>
          <xsl:with-param name="number">
            <xsl:choose>
              <xsl:when test="not($numeric)"/>
              <xsl:when test="$percent and $decimals = 0">percent0</xsl:when>
              <xsl:when test="$percent and $decimals = 1">percent1</xsl:when>
              <xsl:when test="$percent">percent2</xsl:when>
              <xsl:otherwise>number</xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:attribute>
      <xsl:choose>
        <xsl:when test="$numeric and $percent"><v><xsl:value-of select="number($digits) div 100"/></v></xsl:when>
        <xsl:when test="$numeric"><v><xsl:value-of select="number($digits)"/></v></xsl:when>
        <xsl:when test="string($text)">
          <xsl:attribute name="t">inlineStr</xsl:attribute>
          <is>
            <t>
              <!-- As an attribute: on the literal element it would also keep the
                   stylesheet's own indentation here. -->
              <xsl:attribute name="xml:space">preserve</xsl:attribute>
              <xsl:call-template name="xlsx.replace">
                <xsl:with-param name="text" select="substring($text, 1, $xlsx.cell.limit)"/>
                <xsl:with-param name="from" select="'_x'"/>
                <xsl:with-param name="to" select="'_x005F_x'"/>
              </xsl:call-template>
            </t>
          </is>
        </xsl:when>
      </xsl:choose>
    </c>
  </xsl:template>

  <!-- A cell's index in the cellXfs of the styles part (xlsx.styles, below: keep the two in
       step). number: "" for text, or number | percent0 | percent1 | percent2 (decimals
       shown). -->
  <xsl:template name="xlsx.style">
    <xsl:param name="style"/>
    <xsl:param name="number" select="''"/>
    <xsl:choose>
      <xsl:when test="$style = 'score' and string($number) = 'number'">10</xsl:when>
      <xsl:when test="string($number) = 'number'">6</xsl:when>
      <xsl:when test="string($number) = 'percent0'">7</xsl:when>
      <xsl:when test="string($number) = 'percent1'">8</xsl:when>
      <xsl:when test="string($number) = 'percent2'">9</xsl:when>
      <xsl:when test="$style = 'title'">1</xsl:when>
      <xsl:when test="$style = 'note'">2</xsl:when>
      <xsl:when test="$style = 'label'">3</xsl:when>
      <xsl:when test="$style = 'center' or $style = 'value' or $style = 'score'">4</xsl:when>
      <xsl:when test="$style = 'text'">5</xsl:when>
      <xsl:otherwise>
        <xsl:message terminate="yes">xlsx-common.xsl: unknown cell style "<xsl:value-of select="$style"/>"</xsl:message>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- xl/styles.xml. 宋体 (SimSun), the face of printed official forms; Excel and WPS have
       it, LibreOffice substitutes a Song/Ming face. Fonts: 0 body 11 pt, 1 title 16 pt bold,
       2 label 11 pt bold. Borders: 0 none, 1 thin on all sides. -->
  <xsl:template name="xlsx.styles">
    <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
      <numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts>
      <fonts count="3">
        <font><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font>
        <font><b/><sz val="16"/><name val="宋体"/><family val="3"/><charset val="134"/></font>
        <font><b/><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font>
      </fonts>
      <!-- The first two fills are reserved by the format. -->
      <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>
      <borders count="2">
        <border><left/><right/><top/><bottom/><diagonal/></border>
        <border>
          <left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right>
          <top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/>
        </border>
      </borders>
      <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
      <cellXfs count="11">
        <!-- 0: the default -->
        <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
        <!-- 1 title: bold, centred, no border -->
        <xsl:call-template name="xlsx.xf"><xsl:with-param name="font" select="1"/><xsl:with-param name="border" select="0"/></xsl:call-template>
        <!-- 2 note: the year and the sample-data line under the title -->
        <xsl:call-template name="xlsx.xf"><xsl:with-param name="border" select="0"/></xsl:call-template>
        <!-- 3 label: the form's printed headings, bold -->
        <xsl:call-template name="xlsx.xf"><xsl:with-param name="font" select="2"/></xsl:call-template>
        <!-- 4 center: 一级/二级 names, values that are not numbers -->
        <xsl:call-template name="xlsx.xf"/>
        <!-- 5 text: prose, left-aligned -->
        <xsl:call-template name="xlsx.xf"><xsl:with-param name="horizontal" select="'left'"/></xsl:call-template>
        <!-- 6 number: General, shown as written (71, 69.8) -->
        <xsl:call-template name="xlsx.xf"/>
        <!-- 7, 8, 9 percentages with 0, 1, 2 decimals: 25% is 0.25 -->
        <xsl:call-template name="xlsx.xf"><xsl:with-param name="format" select="9"/></xsl:call-template>
        <xsl:call-template name="xlsx.xf"><xsl:with-param name="format" select="164"/></xsl:call-template>
        <xsl:call-template name="xlsx.xf"><xsl:with-param name="format" select="10"/></xsl:call-template>
        <!-- 10 score: two decimals -->
        <xsl:call-template name="xlsx.xf"><xsl:with-param name="format" select="2"/></xsl:call-template>
      </cellXfs>
      <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
    </styleSheet>
  </xsl:template>

  <!-- One cell format: wrapped and vertically centred. -->
  <xsl:template name="xlsx.xf">
    <xsl:param name="font" select="0"/>
    <xsl:param name="border" select="1"/>
    <xsl:param name="format" select="0"/>
    <xsl:param name="horizontal" select="'center'"/>
    <xf xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        numFmtId="{$format}" fontId="{$font}" fillId="0" borderId="{$border}" xfId="0"
        applyNumberFormat="1" applyFont="1" applyBorder="1" applyAlignment="1">
      <alignment horizontal="{$horizontal}" vertical="center" wrapText="1"/>
    </xf>
  </xsl:template>

  <!-- "C8": column letter and row number; the forms have at most 26 columns. -->
  <xsl:template name="xlsx.ref">
    <xsl:param name="row" select="@row"/>
    <xsl:param name="col" select="@col"/>
    <xsl:value-of select="concat(substring('ABCDEFGHIJKLMNOPQRSTUVWXYZ', $col, 1), $row)"/>
  </xsl:template>

  <!-- Every occurrence of from (one or two characters) replaced by to. Long texts are split
       in halves, never inside an occurrence, so the depth of recursion grows with the
       logarithm of the length and any data text stays within libxslt's limits. -->
  <xsl:template name="xlsx.replace">
    <xsl:param name="text"/>
    <xsl:param name="from"/>
    <xsl:param name="to"/>
    <xsl:choose>
      <xsl:when test="not(contains($text, $from))"><xsl:value-of select="$text"/></xsl:when>
      <xsl:when test="string-length($text) &gt; 64">
        <xsl:variable name="middle" select="floor(string-length($text) div 2)"/>
        <xsl:variable name="cut" select="$middle + number(substring($text, $middle, 2) = $from)"/>
        <xsl:call-template name="xlsx.replace">
          <xsl:with-param name="text" select="substring($text, 1, $cut)"/>
          <xsl:with-param name="from" select="$from"/>
          <xsl:with-param name="to" select="$to"/>
        </xsl:call-template>
        <xsl:call-template name="xlsx.replace">
          <xsl:with-param name="text" select="substring($text, $cut + 1)"/>
          <xsl:with-param name="from" select="$from"/>
          <xsl:with-param name="to" select="$to"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="concat(substring-before($text, $from), $to)"/>
        <xsl:call-template name="xlsx.replace">
          <xsl:with-param name="text" select="substring-after($text, $from)"/>
          <xsl:with-param name="from" select="$from"/>
          <xsl:with-param name="to" select="$to"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The workbook part: one sheet, named for the form. -->
  <xsl:template match="sheet" mode="xlsx.workbook"
      xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"
      xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
    <workbook>
      <bookViews><workbookView/></bookViews>
      <sheets><sheet name="{@name}" sheetId="1" r:id="rId1"/></sheets>
    </workbook>
  </xsl:template>
</xsl:stylesheet>
