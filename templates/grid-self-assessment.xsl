<?xml version="1.0" encoding="UTF-8"?>
<!-- 项目支出绩效自评表 as a grid (grid.xsl): the eight columns and the merges of
     self-assessment.xsl (财预〔2020〕10号 附件1), printed landscape. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:template match="self-assessment" mode="grid">
    <sheet name="项目支出绩效自评表" orientation="landscape">
      <!-- 二级 fits 其中：当年财政拨款 on one line, the two value columns 2021年12月20日; on
           the A4 page of the Word document (shares) in 10.5 pt, the same, and 年度总体目标. -->
      <column width="11" share="9.5"/><column width="19" share="14"/><column width="22" share="14"/>
      <column width="15" share="12.5"/><column width="15" share="12.5"/><column width="9" share="6"/>
      <column width="9" share="6"/><column width="30" share="25.5"/>
      <row height="36">
        <cell col="1" span="8" style="title">项目支出绩效自评表</cell>
      </row>
      <row>
        <cell col="1" span="8" style="note">（<xsl:value-of select="@year"/>年度）</cell>
      </row>
      <!-- On the root: of a page's part (docx.xsl), the <part> around the form carries it. -->
      <xsl:if test="/*/@sample = '1'">
        <row>
          <cell col="1" span="8" style="note">示例数据：本表的年末实际完成情况是为演示评分规则而编写的，不是真实的自评结果。</cell>
        </row>
      </xsl:if>
      <row>
        <cell col="1" style="label">项目名称</cell>
        <cell col="2" span="7" style="text"><xsl:value-of select="name"/></cell>
      </row>
      <row>
        <cell col="1" style="label">主管部门</cell>
        <cell col="2" span="3" style="text"><xsl:value-of select="supervisor"/></cell>
        <cell col="5" style="label">实施单位</cell>
        <cell col="6" span="3" style="text"><xsl:value-of select="implementer"/></cell>
      </row>
      <row>
        <cell col="1" rows="{count(funds/row) + 1}" style="label">项目资金&#10;（万元）</cell>
        <cell col="2" style="label"/>
        <cell col="3" style="label">年初预算数</cell><cell col="4" style="label">全年预算数</cell>
        <cell col="5" style="label">全年执行数</cell><cell col="6" style="label">分值</cell>
        <cell col="7" style="label">执行率</cell><cell col="8" style="label">得分</cell>
      </row>
      <!-- 年度资金总额 carries 分值 and 得分; the 其中 rows show "—" there. -->
      <xsl:for-each select="funds/row">
        <row>
          <cell col="2" style="center">
            <xsl:if test="@part and not(preceding-sibling::row[@part])">其中：</xsl:if>
            <xsl:value-of select="@name"/>
          </cell>
          <xsl:for-each select="@initial | @annual | @spent">
            <cell col="{position() + 2}" style="value"><xsl:call-template name="grid.dash"/></cell>
          </xsl:for-each>
          <cell col="6" style="score"><xsl:call-template name="grid.dash"><xsl:with-param name="value" select="@weight"/></xsl:call-template></cell>
          <cell col="7" style="value"><xsl:call-template name="grid.dash"><xsl:with-param name="value" select="@rate"/></xsl:call-template></cell>
          <cell col="8" style="score"><xsl:call-template name="grid.dash"><xsl:with-param name="value" select="@score"/></xsl:call-template></cell>
        </row>
      </xsl:for-each>
      <row>
        <cell col="1" rows="2" style="label">年度总体目标</cell>
        <cell col="2" span="4" style="label">预期目标</cell>
        <cell col="6" span="3" style="label">实际完成情况</cell>
      </row>
      <row>
        <cell col="2" span="4" style="text">
          <xsl:for-each select="goals/goal">
            <xsl:if test="position() &gt; 1"><xsl:text>&#10;</xsl:text></xsl:if>
            <xsl:value-of select="concat('目标', @n, .)"/>
          </xsl:for-each>
        </cell>
        <cell col="6" span="3" style="text"><xsl:value-of select="summary-text"/></cell>
      </row>
      <row head="1">
        <cell col="1" style="label">一级指标</cell><cell col="2" style="label">二级指标</cell>
        <cell col="3" style="label">三级指标</cell><cell col="4" style="label">年度指标值</cell>
        <cell col="5" style="label">实际完成值</cell><cell col="6" style="label">分值</cell>
        <cell col="7" style="label">得分</cell><cell col="8" style="label">偏差原因分析及改进措施</cell>
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
          <cell col="6" style="score"><xsl:value-of select="weight"/></cell>
          <cell col="7" style="score"><xsl:value-of select="score"/></cell>
          <cell col="8" style="text"><xsl:value-of select="reason"/></cell>
        </row>
      </xsl:for-each>
      <row>
        <cell col="1" span="5" style="label">总分</cell>
        <cell col="6" style="score"><xsl:value-of select="total/@weight"/></cell>
        <cell col="7" style="score"><xsl:value-of select="total/@score"/></cell>
        <cell col="8" style="center">等级：<xsl:value-of select="total/@grade"/></cell>
      </row>
      <xsl:if test="string(problems) or string(improvements)">
        <row apart="1">
          <cell col="1" style="label">存在问题</cell>
          <cell col="2" span="7" style="text"><xsl:value-of select="problems"/></cell>
        </row>
        <row>
          <cell col="1" style="label">改进措施</cell>
          <cell col="2" span="7" style="text"><xsl:value-of select="improvements"/></cell>
        </row>
      </xsl:if>
    </sheet>
  </xsl:template>
</xsl:stylesheet>
