<?xml version="1.0" encoding="UTF-8"?>
<!-- The page frame shared by every document, and small shared pieces. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="http://www.w3.org/1999/xhtml">

  <!-- A complete page: head with the embedded CSS, a navigation line back to the index
       (hidden in print), then the body content passed in. -->
  <xsl:template name="page.frame">
    <xsl:param name="title"/>
    <xsl:param name="body"/>
    <xsl:param name="class" select="''"/>
    <html lang="zh-CN">
      <head>
        <meta charset="UTF-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="generator" content="Jixiao"/>
        <title><xsl:value-of select="$title"/></title>
        <style><xsl:call-template name="text"><xsl:with-param name="value" select="$page.css"/></xsl:call-template></style>
      </head>
      <body>
        <xsl:if test="/*/@index-href">
          <p class="nav"><a href="{/*/@index-href}">返回目录</a></p>
        </xsl:if>
        <div class="sheet {$class}" data-footer="{/*/@unit} {/*/@year}年">
          <xsl:if test="/*/@sample = '1'">
            <p class="sample-banner">示例数据：本页的年末实际完成情况是为演示评分规则而编写的，不是真实的自评结果。</p>
          </xsl:if>
          <xsl:copy-of select="$body"/>
        </div>
      </body>
    </html>
  </xsl:template>

  <!-- Text that may be empty. XML serialisation writes an empty element as <td/>, which HTML
       parsers read as an unclosed start tag; an empty comment keeps the end tag. -->
  <xsl:template name="text">
    <xsl:param name="value"/>
    <xsl:value-of select="$value"/>
    <xsl:if test="not(string($value))"><xsl:comment/></xsl:if>
  </xsl:template>

  <!-- 1 → 一, 11 → 十一, 21 → 二十一: the numbering of （一） headings. XSLT 1.0's
       xsl:number has no Chinese numerals in libxslt. -->
  <xsl:template name="chinese.numeral">
    <xsl:param name="n"/>
    <xsl:variable name="digits" select="'一二三四五六七八九'"/>
    <xsl:choose>
      <xsl:when test="$n &lt; 10">
        <xsl:value-of select="substring($digits, $n, 1)"/>
      </xsl:when>
      <xsl:when test="$n &lt; 100">
        <xsl:if test="floor($n div 10) &gt; 1">
          <xsl:value-of select="substring($digits, floor($n div 10), 1)"/>
        </xsl:if>
        <xsl:text>十</xsl:text>
        <xsl:if test="$n mod 10 &gt; 0">
          <xsl:value-of select="substring($digits, $n mod 10, 1)"/>
        </xsl:if>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$n"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
