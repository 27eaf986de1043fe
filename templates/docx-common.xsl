<?xml version="1.0" encoding="UTF-8"?>
<!-- What every Word document shares: the A4 page in either orientation, the document around
     the body, paragraphs of data text, the footer, and a grid (grid.xsl) written as a Word
     table. Element order inside each *Pr element is the schema's (ECMA-376 Part 1, §17):
     Word refuses a document that breaks it. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    xmlns:str="http://exslt.org/strings"
    exclude-result-prefixes="str r">

  <!-- A4 in twentieths of a point, and the margins of the printed pages (jixiao.css):
       portrait 2 cm top, 1.8 cm sides, 2.2 cm bottom; landscape 1.5 cm, 1.8 cm, 2 cm. -->
  <xsl:variable name="docx.a4.short" select="11906"/>
  <xsl:variable name="docx.a4.long" select="16838"/>
  <xsl:variable name="docx.margin.side" select="1021"/>

  <!-- "portrait" or "landscape": the page.orientation parameter, else the document's own —
       a 自评表 is printed landscape, and a goal table with a value column per recipient (its
       frame @wide, its table's recipients, or the annual document's slot for a run of them);
       everything else portrait. document: the form, the root or the slot it is for. -->
  <xsl:template name="docx.orientation">
    <xsl:param name="document" select="/*"/>
    <xsl:choose>
      <xsl:when test="$page.orientation = 'portrait' or $page.orientation = 'landscape'"><xsl:value-of select="$page.orientation"/></xsl:when>
      <xsl:when test="$document/self::self-assessment">landscape</xsl:when>
      <xsl:when test="$document/self::project[@wide = '1' or recipients/recipient] or $document/self::slot[@wide = '1']">landscape</xsl:when>
      <xsl:otherwise>portrait</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The width between the side margins, which a table fills. -->
  <xsl:template name="docx.text.width">
    <xsl:param name="document" select="/*"/>
    <xsl:variable name="orientation">
      <xsl:call-template name="docx.orientation"><xsl:with-param name="document" select="$document"/></xsl:call-template>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$orientation = 'landscape'"><xsl:value-of select="$docx.a4.long - 2 * $docx.margin.side"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$docx.a4.short - 2 * $docx.margin.side"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- word/document.xml: the body (nodes rendered in mode docx.body), then one section: the
       page and its footer. The last paragraph is a hairline one, since Word ends a body
       with a paragraph, not with the table a form ends with. -->
  <xsl:template name="docx.document">
    <xsl:param name="body"/>
    <w:document>
      <w:body>
        <xsl:apply-templates select="$body" mode="docx.body"/>
        <w:p><w:pPr><w:pStyle w:val="Hairline"/></w:pPr></w:p>
        <!-- The last section: the document's, or a run of wide tables' that ends it (docx-annual.xsl). -->
        <xsl:call-template name="docx.section">
          <xsl:with-param name="document" select="(/* | /*/slot[last()][@wide = '1'])[last()]"/>
        </xsl:call-template>
      </w:body>
    </w:document>
  </xsl:template>

  <!-- A section's page, its footer and orientation (docx.orientation of document). -->
  <xsl:template name="docx.section">
    <xsl:param name="document" select="/*"/>
    <xsl:variable name="orientation"><xsl:call-template name="docx.orientation"><xsl:with-param name="document" select="$document"/></xsl:call-template></xsl:variable>
    <w:sectPr>
      <w:footerReference w:type="default" r:id="rIdFooter"/>
      <xsl:choose>
        <xsl:when test="$orientation = 'landscape'">
          <w:pgSz w:w="{$docx.a4.long}" w:h="{$docx.a4.short}" w:orient="landscape"/>
          <w:pgMar w:top="851" w:right="{$docx.margin.side}" w:bottom="1134" w:left="{$docx.margin.side}"
                   w:header="567" w:footer="567" w:gutter="0"/>
        </xsl:when>
        <xsl:otherwise>
          <w:pgSz w:w="{$docx.a4.short}" w:h="{$docx.a4.long}"/>
          <w:pgMar w:top="1134" w:right="{$docx.margin.side}" w:bottom="1247" w:left="{$docx.margin.side}"
                   w:header="567" w:footer="624" w:gutter="0"/>
        </xsl:otherwise>
      </xsl:choose>
    </w:sectPr>
  </xsl:template>

  <!-- A paragraph that ends a section (docx.section of document): what comes before it is
       printed on that section's pages. -->
  <xsl:template name="docx.section-break">
    <xsl:param name="document"/>
    <w:p>
      <w:pPr>
        <w:pStyle w:val="Hairline"/>
        <xsl:call-template name="docx.section"><xsl:with-param name="document" select="$document"/></xsl:call-template>
      </w:pPr>
    </w:p>
  </xsl:template>

  <!-- word/footer1.xml: the unit and year on the left, as on the printed pages, and
       "第 N 页 共 M 页" at the right margin. -->
  <xsl:template match="*" mode="docx.footer">
    <w:ftr>
      <w:p>
        <w:pPr>
          <w:pStyle w:val="Footer"/>
          <w:tabs>
            <w:tab w:val="right">
              <xsl:attribute name="w:pos"><xsl:call-template name="docx.text.width"/></xsl:attribute>
            </w:tab>
          </w:tabs>
        </w:pPr>
        <xsl:call-template name="docx.run"><xsl:with-param name="text" select="concat(/*/@unit, ' ', /*/@year, '年')"/></xsl:call-template>
        <w:r><w:tab/><w:t xml:space="preserve">第 </w:t></w:r>
        <w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>
        <w:r><w:t xml:space="preserve"> 页 共 </w:t></w:r>
        <w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>1</w:t></w:r></w:fldSimple>
        <w:r><w:t xml:space="preserve"> 页</w:t></w:r>
      </w:p>
    </w:ftr>
  </xsl:template>

  <!-- Data text as paragraphs of one style, one per line. str:split drops empty lines, so a
       blank line in a text does not become an empty paragraph. At least one paragraph, even
       for no text: Word requires one in every table cell. jc: the alignment, if not the
       style's; bold: whether the runs are bold. -->
  <xsl:template name="docx.paragraphs">
    <xsl:param name="text"/>
    <xsl:param name="style"/>
    <xsl:param name="jc" select="''"/>
    <xsl:param name="bold" select="false()"/>
    <xsl:variable name="lines" select="str:split($text, '&#10;')"/>
    <xsl:for-each select="$lines">
      <xsl:call-template name="docx.paragraph">
        <xsl:with-param name="text" select="string(.)"/>
        <xsl:with-param name="style" select="$style"/>
        <xsl:with-param name="jc" select="$jc"/>
        <xsl:with-param name="bold" select="$bold"/>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:if test="not($lines)">
      <xsl:call-template name="docx.paragraph">
        <xsl:with-param name="style" select="$style"/>
        <xsl:with-param name="jc" select="$jc"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template name="docx.paragraph">
    <xsl:param name="text" select="''"/>
    <xsl:param name="style"/>
    <xsl:param name="jc" select="''"/>
    <xsl:param name="bold" select="false()"/>
    <w:p>
      <w:pPr>
        <w:pStyle w:val="{$style}"/>
        <xsl:if test="string($jc)"><w:jc w:val="{$jc}"/></xsl:if>
      </w:pPr>
      <xsl:call-template name="docx.run">
        <xsl:with-param name="text" select="$text"/>
        <xsl:with-param name="bold" select="$bold"/>
      </xsl:call-template>
    </w:p>
  </xsl:template>

  <!-- A run of data text, spaces kept as written; nothing for no text. -->
  <xsl:template name="docx.run">
    <xsl:param name="text"/>
    <xsl:param name="bold" select="false()"/>
    <xsl:if test="string($text)">
      <w:r>
        <xsl:if test="$bold"><w:rPr><w:b/></w:rPr></xsl:if>
        <w:t>
          <xsl:attribute name="xml:space">preserve</xsl:attribute>
          <xsl:value-of select="$text"/>
        </w:t>
      </w:r>
    </xsl:if>
  </xsl:template>

  <!-- What each normalised cell carries besides its place: where its columns start and end
       in parts of the width (shares if the sheet's columns have them, else widths), from
       which it and its columns get their widths in twips (docx.twips). Word measures no text:
       it wraps text and grows rows itself. -->
  <xsl:template name="grid.cell.measure">
    <xsl:param name="span"/>
    <xsl:variable name="columns" select="../../column"/>
    <xsl:variable name="before" select="$columns[position() &lt; current()/@col]"/>
    <xsl:variable name="through" select="$columns[position() &lt; current()/@col + $span]"/>
    <xsl:choose>
      <xsl:when test="$columns/@share">
        <xsl:attribute name="from"><xsl:value-of select="sum($before/@share)"/></xsl:attribute>
        <xsl:attribute name="to"><xsl:value-of select="sum($through/@share)"/></xsl:attribute>
      </xsl:when>
      <xsl:otherwise>
        <xsl:attribute name="from"><xsl:value-of select="sum($before/@width)"/></xsl:attribute>
        <xsl:attribute name="to"><xsl:value-of select="sum($through/@width)"/></xsl:attribute>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The width in twips of the columns between from and to (in parts of the whole, total):
       each boundary rounded down, so that the columns add up to the whole width exactly. -->
  <xsl:template name="docx.twips">
    <xsl:param name="from"/>
    <xsl:param name="to"/>
    <xsl:param name="total"/>
    <xsl:param name="width"/>
    <xsl:value-of select="floor($to * $width div $total) - floor($from * $width div $total)"/>
  </xsl:template>

  <!-- A normalised grid in Word: the rows of title and note cells above the table become its
       heading paragraphs; the table starts again at each head row, which Word then repeats
       on every page the rows after it run onto (a repeated header must open its table), and
       at each row apart. width: the width the tables fill. -->
  <xsl:template match="sheet" mode="docx">
    <xsl:param name="width"/>
    <xsl:variable name="first" select="row[cell[@style != 'title' and @style != 'note']][1]/@n"/>
    <xsl:for-each select="row[@n &lt; $first]/cell">
      <xsl:call-template name="docx.paragraphs">
        <xsl:with-param name="text" select="string(.)"/>
        <xsl:with-param name="style">
          <xsl:choose>
            <xsl:when test="@style = 'title'">FormTitle</xsl:when>
            <xsl:otherwise>FormNote</xsl:otherwise>
          </xsl:choose>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:variable name="sheet" select="."/>
    <xsl:variable name="parts" select="column/@share | column[not(../column/@share)]/@width"/>
    <xsl:variable name="total" select="sum($parts)"/>
    <!-- The cells merged down: the rows below hold a continuing cell of each. -->
    <xsl:variable name="tall" select="row/cell[@rows &gt; 1]"/>
    <xsl:for-each select="row[@n = $first or ((@head or @apart) and @n &gt; $first)]">
      <xsl:variable name="next" select="following-sibling::row[@head or @apart][1]/@n"/>
      <!-- Two tables with nothing between them would be one in Word. -->
      <xsl:if test="position() &gt; 1"><w:p><w:pPr><w:pStyle w:val="Hairline"/></w:pPr></w:p></xsl:if>
      <w:tbl>
        <w:tblPr>
          <w:tblW w:w="{$width}" w:type="dxa"/>
          <w:jc w:val="center"/>
          <w:tblBorders>
            <w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/>
            <w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/>
            <w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/>
            <w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/>
            <w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/>
            <w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/>
          </w:tblBorders>
          <w:tblLayout w:type="fixed"/>
          <w:tblCellMar>
            <w:left w:w="57" w:type="dxa"/>
            <w:right w:w="57" w:type="dxa"/>
          </w:tblCellMar>
        </w:tblPr>
        <w:tblGrid>
          <xsl:for-each select="$parts">
            <xsl:variable name="column" select="position()"/>
            <xsl:variable name="from" select="sum($parts[position() &lt; $column])"/>
            <w:gridCol>
              <xsl:attribute name="w:w">
                <xsl:call-template name="docx.twips">
                  <xsl:with-param name="from" select="$from"/>
                  <xsl:with-param name="to" select="$from + ."/>
                  <xsl:with-param name="total" select="$total"/>
                  <xsl:with-param name="width" select="$width"/>
                </xsl:call-template>
              </xsl:attribute>
            </w:gridCol>
          </xsl:for-each>
        </w:tblGrid>
        <xsl:apply-templates select="$sheet/row[@n &gt;= current()/@n and (not($next) or @n &lt; $next)]" mode="docx">
          <xsl:with-param name="width" select="$width"/>
          <xsl:with-param name="total" select="$total"/>
          <xsl:with-param name="tall" select="$tall"/>
        </xsl:apply-templates>
      </w:tbl>
    </xsl:for-each>
  </xsl:template>

  <!-- A row: its cells, and for each cell merged down from a row above a continuing cell
       (vMerge) of the same span, as Word requires, in the order of their columns. The grid
       covers every column of every row (grid.xsl). -->
  <xsl:template match="row" mode="docx">
    <xsl:param name="width"/>
    <xsl:param name="total"/>
    <xsl:param name="tall"/>
    <xsl:variable name="n" select="@n"/>
    <w:tr>
      <w:trPr>
        <w:cantSplit/>
        <xsl:if test="@head"><w:tblHeader/></xsl:if>
      </w:trPr>
      <xsl:for-each select="cell | $tall[@row &lt; $n and @row + @rows &gt; $n]">
        <xsl:sort select="@col" data-type="number"/>
        <xsl:apply-templates select="." mode="docx">
          <xsl:with-param name="width" select="$width"/>
          <xsl:with-param name="total" select="$total"/>
          <xsl:with-param name="continued" select="@row != $n"/>
        </xsl:apply-templates>
      </xsl:for-each>
    </w:tr>
  </xsl:template>

  <!-- A cell, or (continued) the cell below it that a downward merge covers, which is
       empty. Labels bold and centred, prose justified, figures and names centred; all
       vertically centred, as on the page. -->
  <xsl:template match="cell" mode="docx">
    <xsl:param name="width"/>
    <xsl:param name="total"/>
    <xsl:param name="continued" select="false()"/>
    <w:tc>
      <w:tcPr>
        <w:tcW w:type="dxa">
          <xsl:attribute name="w:w">
            <xsl:call-template name="docx.twips">
              <xsl:with-param name="from" select="@from"/>
              <xsl:with-param name="to" select="@to"/>
              <xsl:with-param name="total" select="$total"/>
              <xsl:with-param name="width" select="$width"/>
            </xsl:call-template>
          </xsl:attribute>
        </w:tcW>
        <xsl:if test="@span &gt; 1"><w:gridSpan w:val="{@span}"/></xsl:if>
        <xsl:choose>
          <xsl:when test="$continued"><w:vMerge/></xsl:when>
          <xsl:when test="@rows &gt; 1"><w:vMerge w:val="restart"/></xsl:when>
        </xsl:choose>
        <w:vAlign w:val="center"/>
      </w:tcPr>
      <xsl:choose>
        <xsl:when test="$continued"><w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr></w:p></xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="docx.paragraphs">
            <xsl:with-param name="text" select="string(.)"/>
            <xsl:with-param name="style" select="'TableText'"/>
            <xsl:with-param name="jc">
              <xsl:choose>
                <xsl:when test="@style = 'text'">both</xsl:when>
                <xsl:otherwise>center</xsl:otherwise>
              </xsl:choose>
            </xsl:with-param>
            <xsl:with-param name="bold" select="@style = 'label' or @style = 'title'"/>
          </xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
    </w:tc>
  </xsl:template>
</xsl:stylesheet>
