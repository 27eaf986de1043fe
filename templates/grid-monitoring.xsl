<?xml version="1.0" encoding="UTF-8"?>
<!-- 项目支出绩效目标执行监控表 as a grid: the fifteen columns of the indicator part of
     monitoring.xsl (the funds above spread over them with merges), printed landscape. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:include href="monitoring-common.xsl"/>

  <xsl:template match="/monitoring" mode="grid">
    <sheet name="项目支出绩效目标执行监控表" orientation="landscape">
      <!-- 一级, 二级, 三级, the three values, eight boxes, 备注. -->
      <column width="9"/><column width="11"/><column width="20"/><column width="11"/><column width="11"/><column width="11"/>
      <column width="6"/><column width="6"/><column width="6"/><column width="6"/><column width="6"/>
      <column width="6"/><column width="6"/><column width="6"/><column width="28"/>
      <row height="36">
        <cell col="1" span="15" style="title">项目支出绩效目标执行监控表</cell>
      </row>
      <row>
        <cell col="1" span="15" style="note">（<xsl:value-of select="@year"/>年度　截至<xsl:value-of select="@as-of"/>）</cell>
      </row>
      <xsl:if test="@sample = '1'">
        <row>
          <cell col="1" span="15" style="note">示例数据：本表的执行数与指标执行情况是为演示运行监控而编写的，不是真实的监控结果。</cell>
        </row>
      </xsl:if>
      <row>
        <cell col="1" span="2" style="label">项目名称</cell>
        <cell col="3" span="13" style="text"><xsl:value-of select="name"/></cell>
      </row>
      <row>
        <cell col="1" span="2" style="label">主管部门</cell>
        <cell col="3" span="4" style="text"><xsl:value-of select="supervisor"/></cell>
        <cell col="7" span="4" style="label">实施单位</cell>
        <cell col="11" span="5" style="text"><xsl:value-of select="implementer"/></cell>
      </row>
      <row>
        <cell col="1" span="2" rows="{count(funds/row) + 1}" style="label">项目资金&#10;（万元）</cell>
        <cell col="3" style="label"/>
        <cell col="4" style="label">年初预算数</cell>
        <cell col="5" style="label"><xsl:value-of select="@period"/>执行数</cell>
        <cell col="6" style="label"><xsl:value-of select="@period"/>执行率</cell>
        <cell col="7" span="4" style="label">计划支出进度</cell>
        <cell col="11" span="5" style="label">与计划相比</cell>
      </row>
      <!-- 年度资金总额 carries the plan's share and the comparison; the 其中 rows show "—" there. -->
      <xsl:for-each select="funds/row">
        <row>
          <cell col="3" style="center">
            <xsl:if test="@part and not(preceding-sibling::row[@part])">其中：</xsl:if>
            <xsl:value-of select="@name"/>
          </cell>
          <cell col="4" style="value"><xsl:value-of select="@budget"/></cell>
          <cell col="5" style="value"><xsl:call-template name="grid.dash"><xsl:with-param name="value" select="@spent"/></xsl:call-template></cell>
          <cell col="6" style="value"><xsl:call-template name="grid.dash"><xsl:with-param name="value" select="@rate"/></xsl:call-template></cell>
          <xsl:choose>
            <xsl:when test="@part">
              <cell col="7" span="4" style="center">—</cell>
              <cell col="11" span="5" style="center">—</cell>
            </xsl:when>
            <xsl:otherwise>
              <cell col="7" span="4" style="value"><xsl:call-template name="grid.dash"><xsl:with-param name="value" select="../@planned"/></xsl:call-template></cell>
              <cell col="11" span="5" style="center"><xsl:call-template name="monitoring.gap"><xsl:with-param name="gap" select="../@gap"/></xsl:call-template></cell>
            </xsl:otherwise>
          </xsl:choose>
        </row>
      </xsl:for-each>
      <row>
        <cell col="1" span="2" style="label">年度总体目标</cell>
        <cell col="3" span="13" style="text">
          <xsl:call-template name="grid.goals"/>
        </cell>
      </row>
      <row>
        <cell col="1" rows="2" style="label">一级指标</cell><cell col="2" rows="2" style="label">二级指标</cell>
        <cell col="3" rows="2" style="label">三级指标</cell><cell col="4" rows="2" style="label">年度指标值</cell>
        <cell col="5" rows="2" style="label"><xsl:value-of select="@period"/>执行情况</cell>
        <cell col="6" rows="2" style="label">全年预计完成情况</cell>
        <cell col="7" span="5" style="label">偏差原因分析</cell>
        <cell col="12" span="3" style="label">完成目标可能性</cell>
        <cell col="15" rows="2" style="label">备注</cell>
      </row>
      <row height="42">
        <xsl:call-template name="grid.monitoring.boxes">
          <xsl:with-param name="names" select="concat($monitoring.causes, $monitoring.likelihoods)"/>
          <xsl:with-param name="col" select="7"/>
          <xsl:with-param name="headings" select="true()"/>
        </xsl:call-template>
      </row>
      <xsl:for-each select="indicators/level1/level2/indicator">
        <row>
          <xsl:if test="not(preceding-sibling::indicator) and not(../preceding-sibling::level2)">
            <cell col="1" rows="{count(../../level2/indicator)}" style="center"><xsl:value-of select="../../@name"/></cell>
          </xsl:if>
          <xsl:if test="not(preceding-sibling::indicator)">
            <cell col="2" rows="{count(../indicator)}" style="center"><xsl:value-of select="../@name"/></cell>
          </xsl:if>
          <cell col="3" style="text"><xsl:value-of select="name"/></cell>
          <cell col="4" style="value"><xsl:value-of select="target"/></cell>
          <cell col="5" style="value"><xsl:value-of select="actual"/></cell>
          <cell col="6" style="value"><xsl:value-of select="expected"/></cell>
          <xsl:call-template name="grid.monitoring.boxes">
            <xsl:with-param name="names" select="$monitoring.causes"/>
            <xsl:with-param name="col" select="7"/>
            <xsl:with-param name="ticked" select="causes/cause"/>
          </xsl:call-template>
          <xsl:call-template name="grid.monitoring.boxes">
            <xsl:with-param name="names" select="$monitoring.likelihoods"/>
            <xsl:with-param name="col" select="12"/>
            <xsl:with-param name="ticked" select="@likelihood"/>
          </xsl:call-template>
          <cell col="15" style="text">
            <xsl:if test="string(explanation)">原因：<xsl:value-of select="explanation"/></xsl:if>
            <xsl:if test="string(explanation) and string(correction)"><xsl:text>&#10;</xsl:text></xsl:if>
            <xsl:if test="string(correction)">纠偏措施：<xsl:value-of select="correction"/></xsl:if>
            <xsl:if test="not(@likelihood)">未填报</xsl:if>
          </cell>
        </row>
      </xsl:for-each>
      <row>
        <cell col="1" span="15" style="note">注：执行率 = 执行数 ÷ 年初预算数；计划支出进度按资金支出计划在截至日期所在季度内按天数直线计算；执行率低于计划支出进度超过 <xsl:value-of select="@threshold"/> 个百分点的为执行进度落后。</cell>
      </row>
    </sheet>
  </xsl:template>

  <!-- One cell per space-separated name from column `col`: the name itself (`headings`), or
       √ where a ticked value is that name. -->
  <xsl:template name="grid.monitoring.boxes">
    <xsl:param name="names"/>
    <xsl:param name="col"/>
    <xsl:param name="ticked" select="/.."/>
    <xsl:param name="headings" select="false()"/>
    <xsl:if test="string($names)">
      <xsl:variable name="name" select="substring-before($names, ' ')"/>
      <xsl:choose>
        <xsl:when test="$headings"><cell col="{$col}" style="label"><xsl:value-of select="$name"/></cell></xsl:when>
        <xsl:otherwise><cell col="{$col}" style="center"><xsl:if test="$ticked[. = $name]">√</xsl:if></cell></xsl:otherwise>
      </xsl:choose>
      <xsl:call-template name="grid.monitoring.boxes">
        <xsl:with-param name="names" select="substring-after($names, ' ')"/>
        <xsl:with-param name="col" select="$col + 1"/>
        <xsl:with-param name="ticked" select="$ticked"/>
        <xsl:with-param name="headings" select="$headings"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
