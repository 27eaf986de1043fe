<?xml version="1.0" encoding="UTF-8"?>
<!-- The page frame shared by every document, and small shared pieces (empty-safe text,
     CSS strings). -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="http://www.w3.org/1999/xhtml">

  <!-- A complete standalone page: head with the embedded CSS, a navigation line back to the
       index (hidden in print), then the body content passed in, on a white A4 sheet.
       title: the <title> text; content: a node whose mode="content" template is the body, or
       else body: the content as a result tree fragment (built, then copied: a page with a
       content node is about a fifth cheaper to render, so every single-table page passes one);
       class: extra class of the sheet, "portrait" or "landscape" (the printed page shape),
       unless the page.orientation parameter says otherwise. A root's <changes/> (a project's
       form, published beside last year's) is shown above the sheet, on screen only. -->
  <xsl:template name="page.frame">
    <xsl:param name="title"/>
    <xsl:param name="body"/>
    <xsl:param name="content" select="/.."/>
    <xsl:param name="class" select="'portrait'"/>
    <xsl:call-template name="page.css.check"/>
    <html lang="zh-CN">
      <head>
        <meta charset="UTF-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="generator" content="Jixiao"/>
        <title><xsl:value-of select="$title"/></title>
        <!-- One <style> element (pages are checked to have exactly one): the shared CSS, then
             this page's footer, which names the unit and year and so cannot live in jixiao.css.
             The footer rule is never empty, so <style> never serialises as <style/>. -->
        <style>
          <!-- With page.css.marker, a comment in the CSS's place: jixiao publish writes the same
               bytes there itself, rather than have every one of tens of thousands of pages copy
               and escape it (a fifth of their cost; Sources/JixiaoPublish/PageStyle.swift). -->
          <xsl:choose>
            <xsl:when test="$page.css.marker = '1'"><xsl:comment>jixiao:css</xsl:comment></xsl:when>
            <xsl:otherwise><xsl:value-of select="$page.css"/></xsl:otherwise>
          </xsl:choose>
          <xsl:text>&#10;@page { @bottom-left { content: </xsl:text>
          <xsl:call-template name="css.string">
            <xsl:with-param name="text" select="concat(/*/@unit, ' ', /*/@year, '年')"/>
          </xsl:call-template>
          <xsl:text>; } }&#10;</xsl:text>
        </style>
      </head>
      <body>
        <xsl:if test="string(/*/@index-href)">
          <p class="nav"><a href="{/*/@index-href}">返回目录</a></p>
        </xsl:if>
        <!-- A project's form with a table last year: what changed since (comparison.xsl). -->
        <xsl:apply-templates select="/*/changes"/>
        <xsl:variable name="shape">
          <xsl:choose>
            <xsl:when test="$page.orientation = 'portrait' or $page.orientation = 'landscape'"><xsl:value-of select="$page.orientation"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="$class"/></xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <div class="sheet {$shape}">
          <xsl:if test="/*/@sample = '1'">
            <p class="sample-banner">
              <xsl:choose>
                <xsl:when test="/monitoring or /monitoring-summary">示例数据：本页的执行数与指标执行情况是为演示运行监控而编写的，不是真实的监控结果。</xsl:when>
                <xsl:otherwise>示例数据：本页的年末实际完成情况是为演示评分规则而编写的，不是真实的自评结果。</xsl:otherwise>
              </xsl:choose>
            </p>
          </xsl:if>
          <xsl:choose>
            <xsl:when test="$content"><xsl:apply-templates select="$content" mode="content"/></xsl:when>
            <xsl:otherwise><xsl:copy-of select="$body"/></xsl:otherwise>
          </xsl:choose>
        </div>
      </body>
    </html>
  </xsl:template>

  <!-- An HTML parser reads <style> as raw text while an XML parser decodes &lt; &gt; &amp;, and
       the XML serialiser writes those three characters escaped: CSS holding any of them would
       read differently in the two. jixiao.css must avoid them (it never needs them). -->
  <xsl:template name="page.css.check">
    <xsl:if test="contains($page.css, '&lt;') or contains($page.css, '&gt;') or contains($page.css, '&amp;')">
      <xsl:message terminate="yes">jixiao.xsl: page.css must not contain &lt; &gt; or &amp; (a polyglot &lt;style&gt; would read differently as HTML and as XML)</xsl:message>
    </xsl:if>
  </xsl:template>

  <!-- Data text as the content of an element. Empty: an empty comment keeps the end tag (XML
       serialisation writes an empty element as <td/>, which HTML parsers read as an unclosed
       start tag). Otherwise its last two characters, and a closing punctuation mark after
       them, go in an unbreakable span, so that no line holds a single character (年度总体目 /
       标, 全年预算数（万 / 元）): WeasyPrint has no text-wrap: pretty. The text is unchanged.
       A text ending in a letter, digit or % needs none: a line never breaks inside a word or
       a number (100%, PREVIEW-01), and the whole word is more than one character. -->
  <xsl:template name="text">
    <xsl:param name="value"/>
    <xsl:variable name="text" select="string($value)"/>
    <xsl:variable name="length" select="string-length($text)"/>
    <xsl:variable name="last" select="substring($text, $length, 1)"/>
    <xsl:variable name="tail" select="2 + number(contains('）」』】》〕”’。，、；：！？', $last))"/>
    <xsl:choose>
      <xsl:when test="$length = 0"><xsl:comment/></xsl:when>
      <xsl:when test="$length &lt;= $tail or contains('0123456789%ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', $last)">
        <xsl:value-of select="$text"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="substring($text, 1, $length - $tail)"/>
        <span class="tail"><xsl:value-of select="substring($text, $length - $tail + 1)"/></span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Data text as a quoted CSS string. Backslash, quote and line breaks must be escaped for
       CSS; < > & are escaped too (as CSS hex escapes), so that nothing in the <style> element
       needs XML escaping — see page.css.check. One recursion per escaped character. -->
  <xsl:template name="css.string">
    <xsl:param name="text"/>
    <xsl:text>"</xsl:text>
    <xsl:call-template name="css.escape">
      <xsl:with-param name="text" select="$text"/>
    </xsl:call-template>
    <xsl:text>"</xsl:text>
  </xsl:template>

  <xsl:template name="css.escape">
    <xsl:param name="text"/>
    <!-- The special characters and, at the same position (two hex digits each), their codes. -->
    <xsl:variable name="special" select="'\&quot;&lt;&gt;&amp;&#10;&#13;'"/>
    <xsl:variable name="codes" select="'5c223c3e260a0d'"/>
    <!-- Every special character turned into a backslash marks where the first one is. -->
    <xsl:variable name="marked" select="translate($text, $special, '\\\\\\\')"/>
    <xsl:choose>
      <xsl:when test="contains($marked, '\')">
        <xsl:variable name="before" select="string-length(substring-before($marked, '\'))"/>
        <xsl:variable name="char" select="substring($text, $before + 1, 1)"/>
        <xsl:value-of select="substring($text, 1, $before)"/>
        <xsl:text>\</xsl:text>
        <xsl:value-of select="substring($codes, 2 * string-length(substring-before($special, $char)) + 1, 2)"/>
        <xsl:text> </xsl:text>
        <xsl:call-template name="css.escape">
          <xsl:with-param name="text" select="substring($text, $before + 2)"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$text"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
