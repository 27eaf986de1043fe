<?xml version="1.0" encoding="UTF-8"?>
<!-- 版式 四川 as grids (grid.xsl): the 部门预算项目支出绩效自评表 and the 项目支出绩效目标表 with the
     columns and merges of layout-sichuan.xsl, for the spreadsheet and the Word document. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:include href="sichuan-common.xsl"/>

  <xsl:template match="self-assessment[@layout = 'sichuan']" mode="grid" priority="1">
    <sheet name="部门预算项目支出绩效自评表" orientation="landscape">
      <!-- The part labels, 一级 and 二级 fit 预算执行情况, 其中：财政资金 and 社会效益指标 on two
           lines at most; 指标性质 and 度量单位 narrow; on the Word page (shares) the same. -->
      <column width="11" share="7.5"/><column width="11" share="8"/><column width="12" share="9"/>
      <column width="20" share="14"/><column width="8" share="6.5"/><column width="11" share="7.5"/>
      <column width="10" share="7.5"/><column width="12" share="8.5"/><column width="8" share="5.5"/>
      <column width="8" share="5.5"/><column width="26" share="20.5"/>
      <row height="36">
        <cell col="1" span="11" style="title"><xsl:value-of select="title"/><xsl:if test="not(title)">部门预算项目支出绩效自评表</xsl:if></cell>
      </row>
      <row>
        <cell col="1" span="11" style="note">（<xsl:value-of select="@year"/>年度）</cell>
      </row>
      <xsl:if test="string(report-number)">
        <row><cell col="1" span="11" style="note">报表编号：<xsl:value-of select="report-number"/></cell></row>
      </xsl:if>
      <xsl:call-template name="grid.sample"><xsl:with-param name="span" select="11"/></xsl:call-template>
      <row>
        <cell col="1" style="label">项目名称</cell>
        <cell col="2" span="10" style="text"><xsl:call-template name="coded-name"/></cell>
      </row>
      <row>
        <cell col="1" style="label">主管部门</cell>
        <cell col="2" span="4" style="text"><xsl:value-of select="supervisor"/></cell>
        <cell col="6" span="2" style="label">实施单位（盖章）</cell>
        <cell col="8" span="4" style="text"><xsl:value-of select="implementer"/></cell>
      </row>
      <xsl:apply-templates select="head/cell" mode="grid"><xsl:with-param name="last" select="11"/></xsl:apply-templates>
      <row>
        <cell col="1" rows="3" style="label">项目基本情况</cell>
        <cell col="2" span="2" rows="2" style="label">1.项目年度目标完成情况</cell>
        <cell col="4" span="4" style="label">项目年度目标</cell>
        <cell col="8" span="4" style="label">年度目标完成情况</cell>
      </row>
      <row>
        <cell col="4" span="4" style="text">
          <xsl:for-each select="goals/goal">
            <xsl:if test="position() &gt; 1"><xsl:text>&#10;</xsl:text></xsl:if>
            <xsl:if test="last() &gt; 1"><xsl:value-of select="@n"/>.</xsl:if>
            <xsl:value-of select="."/>
          </xsl:for-each>
        </cell>
        <cell col="8" span="4" style="text"><xsl:value-of select="summary-text"/></cell>
      </row>
      <row>
        <cell col="2" span="2" style="label">2.项目实施内容及过程概述</cell>
        <cell col="4" span="8" style="text"><xsl:value-of select="implementation"/></cell>
      </row>
      <!-- 预算执行情况: 总额, the four standard rows, then the other rows written with a figure. -->
      <xsl:variable name="total" select="funds/row[not(@part)][1]"/>
      <xsl:variable name="others" select="key('sichuan.other-funds', generate-id(funds))"/>
      <row>
        <cell col="1" rows="{6 + count($others)}" style="label">预算执行情况<xsl:call-template name="points"><xsl:with-param name="weights" select="$total/@weight"/></xsl:call-template></cell>
        <cell col="2" span="2" style="label">年度预算数（<xsl:value-of select="funds/@unit"/>）</cell>
        <cell col="4" style="label">年初预算</cell><cell col="5" span="2" style="label">调整后预算数</cell>
        <cell col="7" style="label">预算执行数</cell><cell col="8" style="label">预算执行率</cell>
        <cell col="9" style="label">权重</cell><cell col="10" style="label">得分</cell><cell col="11" style="label">原因</cell>
      </row>
      <row>
        <cell col="2" span="2" style="label">总额</cell>
        <xsl:call-template name="grid.sichuan.fund-figures"><xsl:with-param name="row" select="$total"/></xsl:call-template>
        <cell col="9" style="score"><xsl:value-of select="$total/@weight"/></cell>
        <cell col="10" style="score"><xsl:value-of select="$total/@score"/></cell>
        <!-- 原因: one cell down the part (the 总额's), or one per row where a 其中 row has its own. -->
        <xsl:choose>
          <xsl:when test="funds/row[@part][string(@reason)]"><cell col="11" style="text"><xsl:value-of select="$total/@reason"/></cell></xsl:when>
          <xsl:otherwise><cell col="11" rows="{5 + count($others)}" style="text"><xsl:value-of select="$total/@reason"/></cell></xsl:otherwise>
        </xsl:choose>
      </row>
      <xsl:call-template name="grid.sichuan.fund-row"><xsl:with-param name="name" select="'财政资金'"/></xsl:call-template>
      <xsl:call-template name="grid.sichuan.fund-row"><xsl:with-param name="name" select="'财政专户管理资金'"/></xsl:call-template>
      <xsl:call-template name="grid.sichuan.fund-row"><xsl:with-param name="name" select="'单位资金'"/></xsl:call-template>
      <xsl:call-template name="grid.sichuan.fund-row"><xsl:with-param name="name" select="'其他资金'"/></xsl:call-template>
      <xsl:for-each select="$others">
        <xsl:call-template name="grid.sichuan.fund-row"><xsl:with-param name="name" select="@name"/></xsl:call-template>
      </xsl:for-each>
      <!-- 绩效指标: no head row (its label is merged down from it, and Word repeats only a row
           that opens its table). -->
      <xsl:variable name="indicators" select="indicators/level1/level2/indicator"/>
      <row>
        <cell col="1" rows="{count($indicators) + 1}" style="label">绩效指标<xsl:call-template name="points"><xsl:with-param name="weights" select="$indicators[not(@applicable = '0')]/weight"/></xsl:call-template></cell>
        <cell col="2" style="label">一级指标</cell><cell col="3" style="label">二级指标</cell>
        <cell col="4" style="label">三级指标</cell><cell col="5" style="label">指标性质</cell>
        <cell col="6" style="label">指标值</cell><cell col="7" style="label">度量单位</cell>
        <cell col="8" style="label">完成值</cell><cell col="9" style="label">权重</cell>
        <cell col="10" style="label">得分</cell><cell col="11" style="label">未完成原因分析</cell>
      </row>
      <xsl:for-each select="$indicators">
        <row>
          <xsl:if test="not(preceding-sibling::indicator) and not(../preceding-sibling::level2)">
            <cell col="2" rows="{count(../../level2/indicator)}" style="center">
              <xsl:value-of select="../../@name"/>
              <xsl:call-template name="level1.points"/>
            </cell>
          </xsl:if>
          <xsl:if test="not(preceding-sibling::indicator)">
            <cell col="3" rows="{count(../indicator)}" style="center"><xsl:value-of select="../@name"/></cell>
          </xsl:if>
          <cell col="4" style="text"><xsl:value-of select="name"/></cell>
          <xsl:call-template name="grid.value-cells"><xsl:with-param name="col" select="5"/></xsl:call-template>
          <cell col="8" style="value"><xsl:value-of select="actual"/></cell>
          <xsl:call-template name="grid.weight-score"><xsl:with-param name="col" select="9"/></xsl:call-template>
          <cell col="11" style="text"><xsl:value-of select="reason"/></cell>
        </row>
      </xsl:for-each>
      <row>
        <cell col="1" span="8" style="label">合计</cell>
        <cell col="9" style="score"><xsl:value-of select="total/@weight"/></cell>
        <cell col="10" style="score"><xsl:value-of select="total/@score"/></cell>
        <cell col="11" style="text"/>
      </row>
      <row>
        <cell col="1" style="label">评价结论</cell>
        <cell col="2" span="10" style="text"><xsl:value-of select="conclusion"/></cell>
      </row>
      <row>
        <cell col="1" style="label">存在问题</cell>
        <cell col="2" span="10" style="text"><xsl:value-of select="problems"/></cell>
      </row>
      <row>
        <cell col="1" style="label">改进措施</cell>
        <cell col="2" span="10" style="text"><xsl:value-of select="improvements"/></cell>
      </row>
      <xsl:apply-templates select="foot/cell" mode="grid"><xsl:with-param name="last" select="11"/></xsl:apply-templates>
      <xsl:call-template name="grid.signatures"><xsl:with-param name="columns" select="11"/></xsl:call-template>
      <xsl:call-template name="grid.form-notes"><xsl:with-param name="columns" select="11"/></xsl:call-template>
      <xsl:call-template name="grid.not-applicable-rule"><xsl:with-param name="columns" select="11"/></xsl:call-template>
    </sheet>
  </xsl:template>

  <xsl:template name="grid.sichuan.fund-row">
    <xsl:param name="name"/>
    <xsl:variable name="funds" select="ancestor-or-self::self-assessment/funds"/>
    <row>
      <cell col="2" span="2" style="center">
        <xsl:if test="$name = '财政资金'">其中：</xsl:if>
        <xsl:value-of select="$name"/>
      </cell>
      <xsl:call-template name="grid.sichuan.fund-figures">
        <xsl:with-param name="row" select="$funds/row[@part][@name = $name][1]"/>
      </xsl:call-template>
      <cell col="9" style="center">/</cell><cell col="10" style="center">/</cell>
      <xsl:if test="$funds/row[@part][string(@reason)]">
        <cell col="11" style="text"><xsl:value-of select="$funds/row[@part][@name = $name][1]/@reason"/></cell>
      </xsl:if>
    </row>
  </xsl:template>

  <xsl:template name="grid.sichuan.fund-figures">
    <xsl:param name="row"/>
    <cell col="4" style="value"><xsl:value-of select="$row/@initial"/></cell>
    <cell col="5" span="2" style="value"><xsl:value-of select="$row/@annual"/></cell>
    <cell col="7" style="value"><xsl:value-of select="$row/@spent"/></cell>
    <cell col="8" style="value"><xsl:value-of select="$row/@rate"/></cell>
  </xsl:template>

  <!-- 指标性质 | 指标值 | 度量单位 from column col. -->
  <xsl:template name="grid.value-cells">
    <xsl:param name="col"/>
    <xsl:variable name="split" select="string(nature) or string(unit)"/>
    <cell col="{$col}" style="center"><xsl:value-of select="nature[$split]"/></cell>
    <cell col="{$col + 1}" style="value"><xsl:call-template name="value.figure"/></cell>
    <cell col="{$col + 2}" style="center"><xsl:value-of select="unit[$split]"/></cell>
  </xsl:template>

  <!-- 项目支出绩效目标表: eight columns, and one per recipient after 度量单位. -->
  <xsl:template match="project[@layout = 'sichuan']" mode="grid" priority="1">
    <xsl:apply-templates select="." mode="contract"/>
    <xsl:variable name="n" select="count(recipients/recipient)"/>
    <xsl:variable name="d" select="number(boolean(indicators/level1/level2/indicator/description))"/>
    <xsl:variable name="b" select="number(boolean(indicators/level1/level2/indicator/basis))"/>
    <xsl:variable name="last" select="6 + $n + $d + $b"/>
    <sheet name="项目支出绩效目标表" orientation="{substring('portrait', 1, 8 * number($n = 0))}{substring('landscape', 1, 9 * number($n &gt; 0))}">
      <column width="11" share="11"/><column width="12" share="12"/><column width="20" share="15"/>
      <column width="8" share="7"/><column width="11" share="9"/><column width="8" share="7"/>
      <xsl:for-each select="recipients/recipient"><column width="10" share="8"/></xsl:for-each>
      <xsl:if test="$d"><column width="26" share="21"/></xsl:if>
      <xsl:if test="$b"><column width="20" share="18"/></xsl:if>
      <row height="36">
        <cell col="1" span="{$last}" style="title">
          <xsl:value-of select="title"/>
          <xsl:if test="not(title)">项目支出绩效目标表</xsl:if>
        </cell>
      </row>
      <row>
        <cell col="1" span="{$last}" style="note">（<xsl:value-of select="@year"/>年度）</cell>
      </row>
      <row>
        <cell col="1" style="label">项目名称</cell>
        <cell col="2" span="{$last - 1}" style="text"><xsl:call-template name="coded-name"/></cell>
      </row>
      <xsl:apply-templates select="head/cell | purpose" mode="grid"><xsl:with-param name="last" select="$last"/></xsl:apply-templates>
      <xsl:apply-templates select="plan" mode="grid"/>
      <row>
        <cell col="1" style="label">年度目标</cell>
        <cell col="2" span="{$last - 1}" style="text"><xsl:call-template name="grid.goals"/></cell>
      </row>
      <row head="1">
        <cell col="1" style="label">一级指标</cell><cell col="2" style="label">二级指标</cell>
        <cell col="3" style="label">三级指标</cell><cell col="4" style="label">指标性质</cell>
        <cell col="5" style="label"><xsl:call-template name="grid.heading"><xsl:with-param name="column" select="'value'"/></xsl:call-template></cell>
        <cell col="6" style="label">度量单位</cell>
        <xsl:for-each select="recipients/recipient">
          <cell col="{6 + position()}" style="label"><xsl:value-of select="."/></cell>
        </xsl:for-each>
        <xsl:if test="$d">
          <cell col="{7 + $n}" style="label"><xsl:call-template name="grid.heading"><xsl:with-param name="column" select="'description'"/></xsl:call-template></cell>
        </xsl:if>
        <xsl:if test="$b">
          <cell col="{$last}" style="label"><xsl:call-template name="grid.heading"><xsl:with-param name="column" select="'basis'"/></xsl:call-template></cell>
        </xsl:if>
      </row>
      <xsl:for-each select="indicators/level1/level2/indicator">
        <row>
          <xsl:call-template name="grid.level-cells"/>
          <cell col="3" style="text"><xsl:value-of select="name"/></cell>
          <xsl:call-template name="grid.value-cells"><xsl:with-param name="col" select="4"/></xsl:call-template>
          <xsl:call-template name="grid.share-cells"><xsl:with-param name="col" select="7"/></xsl:call-template>
          <xsl:if test="$d"><cell col="{7 + $n}" style="text"><xsl:value-of select="description"/></cell></xsl:if>
          <xsl:if test="$b"><cell col="{$last}" style="text"><xsl:value-of select="basis"/></cell></xsl:if>
        </row>
      </xsl:for-each>
      <xsl:apply-templates select="foot/cell" mode="grid"><xsl:with-param name="last" select="$last"/></xsl:apply-templates>
      <xsl:call-template name="grid.form-notes"><xsl:with-param name="columns" select="$last"/></xsl:call-template>
    </sheet>
  </xsl:template>
</xsl:stylesheet>
