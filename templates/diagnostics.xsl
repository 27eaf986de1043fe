<?xml version="1.0" encoding="UTF-8"?>
<!-- The page `jixiao preview` shows instead of a stale table while the data has errors.
     Input: <diagnostics errors warnings><diagnostic file line column severity code message hint source-line/>*</diagnostics>
     A stylesheet of its own (not included by jixiao.xsl), so that it still works while the
     user is editing the page templates. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="http://www.w3.org/1999/xhtml">

  <xsl:output method="xml" encoding="UTF-8" omit-xml-declaration="yes" indent="no"
              doctype-system="about:legacy-compat"/>

  <xsl:param name="page.css" select="''"/>

  <xsl:template match="/diagnostics">
    <html lang="zh-CN">
      <head>
        <meta charset="UTF-8"/>
        <title>数据有 <xsl:value-of select="@errors"/> 个错误 · Jixiao 预览</title>
        <style><xsl:value-of select="$page.css"/></style>
      </head>
      <body>
        <div class="sheet diagnostics-page">
          <h1>数据有 <xsl:value-of select="@errors"/> 个错误，页面未更新</h1>
          <p class="unit">改正后保存，本页会自动刷新。</p>
          <xsl:for-each select="diagnostic">
            <div class="diagnostic {@severity}">
              <p class="diagnostic-head">
                <code><xsl:value-of select="@file"/>:<xsl:value-of select="@line"/>:<xsl:value-of select="@column"/></code>
                <xsl:text> </xsl:text>
                <strong><xsl:value-of select="@label"/><xsl:text> </xsl:text><xsl:value-of select="@code"/></strong>
                <xsl:text>：</xsl:text><xsl:value-of select="@message"/>
              </p>
              <xsl:if test="string(@source-line)"><pre><xsl:value-of select="@source-line"/></pre></xsl:if>
              <xsl:if test="string(@hint)"><p class="hint">提示：<xsl:value-of select="@hint"/></p></xsl:if>
            </div>
          </xsl:for-each>
        </div>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
