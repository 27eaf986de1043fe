<?xml version="1.0" encoding="UTF-8"?>
<!-- A unit's year against the year before (<年度>/年度对比.html), and one project's part of it
     (<年度>/对比/<项目>.html, @single).

  Input contract (Sources/JixiaoRender/DistrictXML.swift, comparisonPage; Sources/JixiaoCompare):
    <comparison year unit index-href previous-year projects matched changed single?>
      <change name previous-name matched-by goal-href previous-goal-href budget previous-budget
              budget-change? href? unchanged?>   one matched project; amounts carry their unit
        <added level1 level2 name value/>*      indicators new this year
        <removed level1 level2 name value/>*    last year's indicators no longer set
        <lowered level1 level2 name from to kind/>*   targets set lower than last year's
        <copied field>text</copied>*            texts word for word as last year's
      </change>*
      <new-project name href/>*                 this year's projects with none last year
      <dropped-project name href/>*             last year's projects with none this year
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="http://www.w3.org/1999/xhtml">

  <xsl:template match="/comparison">
    <xsl:variable name="heading">
      <xsl:choose>
        <xsl:when test="@single"><xsl:value-of select="concat(change/@name, '：', @year, '年度与', @previous-year, '年度绩效目标对比')"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="concat(@year, '年度与', @previous-year, '年度绩效目标对比')"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:call-template name="page.frame">
      <xsl:with-param name="title" select="$heading"/>
      <xsl:with-param name="body">
        <h1><xsl:call-template name="text"><xsl:with-param name="value" select="$heading"/></xsl:call-template></h1>
        <xsl:if test="not(@single)">
          <p>
            <xsl:if test="string(@unit)"><xsl:value-of select="@unit"/>：</xsl:if>
            <xsl:value-of select="concat(@year, '年度', @projects, '个项目，其中', @matched, '个与', @previous-year,
                                         '年度的项目对应（同一项目编码，没有编码时同一名称），', @changed, '个有变化；新增',
                                         count(new-project), '个，不再列入', count(dropped-project), '个。')"/>
          </p>
        </xsl:if>
        <xsl:apply-templates select="change"/>
        <xsl:if test="new-project">
          <h2>新增项目（<xsl:value-of select="@previous-year"/>年度没有对应项目）</h2>
          <ul class="documents">
            <xsl:for-each select="new-project">
              <li><a href="{@href}"><xsl:call-template name="text"><xsl:with-param name="value" select="@name"/></xsl:call-template></a></li>
            </xsl:for-each>
          </ul>
        </xsl:if>
        <xsl:if test="dropped-project">
          <h2>不再列入的项目（<xsl:value-of select="@previous-year"/>年度有、<xsl:value-of select="@year"/>年度没有）</h2>
          <ul class="documents">
            <xsl:for-each select="dropped-project">
              <li><a href="{@href}"><xsl:call-template name="text"><xsl:with-param name="value" select="@name"/></xsl:call-template></a></li>
            </xsl:for-each>
          </ul>
        </xsl:if>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="change">
    <section class="change">
      <xsl:if test="not(/comparison/@single)">
        <h2>
          <xsl:choose>
            <xsl:when test="@href"><a href="{@href}"><xsl:call-template name="text"><xsl:with-param name="value" select="@name"/></xsl:call-template></a></xsl:when>
            <xsl:otherwise><xsl:call-template name="text"><xsl:with-param name="value" select="@name"/></xsl:call-template></xsl:otherwise>
          </xsl:choose>
        </h2>
      </xsl:if>
      <p class="change-facts">
        <a href="{@goal-href}"><xsl:value-of select="/comparison/@year"/>年度目标表</a>
        <xsl:text>　</xsl:text>
        <a href="{@previous-goal-href}"><xsl:value-of select="/comparison/@previous-year"/>年度目标表</a>
        <xsl:text>　</xsl:text>
        <xsl:choose>
          <xsl:when test="@previous-name != @name"><xsl:call-template name="text"><xsl:with-param name="value" select="concat('按', @matched-by, '对应（上年名称：', @previous-name, '）')"/></xsl:call-template></xsl:when>
          <xsl:otherwise><xsl:call-template name="text"><xsl:with-param name="value" select="concat('按', @matched-by, '对应')"/></xsl:call-template></xsl:otherwise>
        </xsl:choose>
      </p>
      <p>
        <xsl:text>预算：</xsl:text>
        <xsl:choose>
          <xsl:when test="@budget-change">
            <xsl:value-of select="@previous-budget"/> → <xsl:value-of select="@budget"/>（<xsl:value-of select="@budget-change"/>）
          </xsl:when>
          <xsl:otherwise><xsl:value-of select="@budget"/>，与上年相同</xsl:otherwise>
        </xsl:choose>
      </p>
      <xsl:if test="@unchanged"><p>目标表的指标与上年相同，没有降低的目标值，也没有照抄的文字。</p></xsl:if>
      <xsl:if test="lowered">
        <h3>目标值降低</h3>
        <div class="form">
          <table class="changes">
            <colgroup><col class="c-indicator"/><col class="c-value"/><col class="c-value"/><col class="c-kind"/></colgroup>
            <thead><tr><th class="stub">指标</th><th><xsl:call-template name="text"><xsl:with-param name="value" select="'上年指标值'"/></xsl:call-template></th><th><xsl:call-template name="text"><xsl:with-param name="value" select="'本年指标值'"/></xsl:call-template></th><th>变化</th></tr></thead>
            <tbody>
              <xsl:for-each select="lowered">
                <tr>
                  <td class="stub"><xsl:call-template name="comparison.indicator"/></td>
                  <td><xsl:call-template name="text"><xsl:with-param name="value" select="@from"/></xsl:call-template></td>
                  <td><xsl:call-template name="text"><xsl:with-param name="value" select="@to"/></xsl:call-template></td>
                  <td><xsl:call-template name="text"><xsl:with-param name="value" select="@kind"/></xsl:call-template></td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
      </xsl:if>
      <xsl:if test="added | removed">
        <h3>指标增减</h3>
        <div class="form">
          <table class="changes">
            <colgroup><col class="c-indicator"/><col class="c-value"/><col class="c-kind"/></colgroup>
            <thead><tr><th class="stub">指标</th><th>指标值</th><th>变化</th></tr></thead>
            <tbody>
              <xsl:for-each select="added | removed">
                <tr>
                  <td class="stub"><xsl:call-template name="comparison.indicator"/></td>
                  <td><xsl:call-template name="text"><xsl:with-param name="value" select="@value"/></xsl:call-template></td>
                  <td>
                    <xsl:choose>
                      <xsl:when test="self::added"><xsl:call-template name="text"><xsl:with-param name="value" select="'本年新增'"/></xsl:call-template></xsl:when>
                      <xsl:otherwise><xsl:call-template name="text"><xsl:with-param name="value" select="'本年删去'"/></xsl:call-template></xsl:otherwise>
                    </xsl:choose>
                  </td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
      </xsl:if>
      <xsl:if test="copied">
        <h3>与上年一字不差的文字</h3>
        <dl class="copied">
          <xsl:for-each select="copied">
            <dt><xsl:value-of select="@field"/></dt>
            <dd><xsl:call-template name="text"><xsl:with-param name="value" select="."/></xsl:call-template></dd>
          </xsl:for-each>
        </dl>
      </xsl:if>
    </section>
  </xsl:template>

  <!-- Above a project's goal table or 自评表 (page.xsl), for a project matched with one of last
       year's: one line of what its comparison page shows, linking to it. On screen only: the
       printed form is the form.
       <changes href previous-year budget previous-budget budget-change? added removed lowered copied/>
       (Sources/JixiaoRender/DistrictXML.swift, ChangeLine). -->
  <xsl:template match="changes">
    <p class="changes-line">
      <xsl:value-of select="concat('与', @previous-year, '年度相比：')"/>
      <xsl:choose>
        <xsl:when test="@budget-change"><xsl:value-of select="concat('预算 ', @previous-budget, ' → ', @budget, '（', @budget-change, '）')"/></xsl:when>
        <xsl:otherwise>预算不变</xsl:otherwise>
      </xsl:choose>
      <xsl:if test="@added &gt; 0"><xsl:value-of select="concat('，新增指标 ', @added, ' 个')"/></xsl:if>
      <xsl:if test="@removed &gt; 0"><xsl:value-of select="concat('，删去指标 ', @removed, ' 个')"/></xsl:if>
      <xsl:if test="@lowered &gt; 0"><xsl:value-of select="concat('，目标值降低 ', @lowered, ' 处')"/></xsl:if>
      <xsl:if test="@copied &gt; 0"><xsl:value-of select="concat('，照抄上年的文字 ', @copied, ' 处')"/></xsl:if>
      <xsl:if test="@added + @removed + @lowered + @copied = 0">，指标与目标值同上年，没有照抄的文字</xsl:if>
      <xsl:text>。</xsl:text>
      <a href="{@href}">查看与上年的对比</a>
    </p>
  </xsl:template>

  <!-- An indicator by its headings: 产出指标 · 数量指标 · 名称. -->
  <xsl:template name="comparison.indicator">
    <span class="headings"><xsl:call-template name="text"><xsl:with-param name="value" select="concat(@level1, ' · ', @level2)"/></xsl:call-template></span>
    <xsl:call-template name="text"><xsl:with-param name="value" select="@name"/></xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
