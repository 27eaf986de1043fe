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
        <cell col="1" span="8" style="title"><xsl:value-of select="title"/><xsl:if test="not(title)">项目支出绩效自评表</xsl:if></cell>
      </row>
      <row>
        <cell col="1" span="8" style="note">（<xsl:value-of select="@year"/>年度）</cell>
      </row>
      <xsl:if test="string(report-number)">
        <row><cell col="1" span="8" style="note">报表编号：<xsl:value-of select="report-number"/></cell></row>
      </xsl:if>
      <xsl:call-template name="grid.sample"><xsl:with-param name="span" select="8"/></xsl:call-template>
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
      <xsl:apply-templates select="head/cell" mode="grid"><xsl:with-param name="last" select="8"/></xsl:apply-templates>
      <row>
        <cell col="1" rows="{count(funds/row) + 1}" style="label">项目资金&#10;（<xsl:value-of select="funds/@unit"/>）</cell>
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
          <cell col="7" style="value"><xsl:call-template name="grid.dash"><xsl:with-param name="value" select="@rate"/><xsl:with-param name="printed" select="@computed-rate"/></xsl:call-template></cell>
          <cell col="8" style="score"><xsl:call-template name="grid.dash"><xsl:with-param name="value" select="@score"/><xsl:with-param name="printed" select="@computed-score"/></xsl:call-template></cell>
        </row>
      </xsl:for-each>
      <row>
        <cell col="1" rows="2" style="label">年度总体目标</cell>
        <cell col="2" span="4" style="label">预期目标</cell>
        <cell col="6" span="3" style="label">实际完成情况</cell>
      </row>
      <row>
        <cell col="2" span="4" style="text">
          <xsl:call-template name="grid.goals"/>
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
          <xsl:call-template name="grid.level-cells"/>
          <cell col="3" style="text"><xsl:value-of select="name"/></cell>
          <cell col="4" style="value"><xsl:value-of select="target"/></cell>
          <cell col="5" style="value"><xsl:value-of select="actual"/></cell>
          <xsl:call-template name="grid.weight-score"><xsl:with-param name="col" select="6"/></xsl:call-template>
          <cell col="8" style="text"><xsl:value-of select="reason"/></cell>
        </row>
      </xsl:for-each>
      <row>
        <cell col="1" span="5" style="label">总分</cell>
        <cell col="6" style="score"><xsl:value-of select="total/@weight"/></cell>
        <cell col="7" style="score"><xsl:value-of select="total/@score"/></cell>
        <cell col="8" style="center"><xsl:if test="string(total/@grade)">等级：<xsl:value-of select="total/@grade"/></xsl:if></cell>
      </row>
      <xsl:if test="total/@rescaled = '1'">
        <row>
          <cell col="1" span="8" style="text">注：有不适用的指标，总分按适用指标的得分与分值折算为百分制。</cell>
        </row>
      </xsl:if>
      <xsl:apply-templates select="foot/cell" mode="grid"><xsl:with-param name="last" select="8"/></xsl:apply-templates>
      <xsl:call-template name="grid.form-notes"><xsl:with-param name="columns" select="8"/></xsl:call-template>
      <!-- The notes, a table apart: 项目实施内容, the budget's 原因 (四川) and 评价结论 where written
           (the form has no cells for them), 存在问题 and 改进措施. -->
      <xsl:variable name="reasons" select="funds/row[string(@reason)]"/>
      <xsl:call-template name="grid.note">
        <xsl:with-param name="label" select="'项目实施内容'"/><xsl:with-param name="text" select="implementation"/>
        <xsl:with-param name="apart" select="true()"/>
      </xsl:call-template>
      <xsl:call-template name="grid.note">
        <xsl:with-param name="label" select="'预算执行原因'"/>
        <xsl:with-param name="text">
          <xsl:for-each select="$reasons">
            <xsl:if test="position() &gt; 1"><xsl:text>&#10;</xsl:text></xsl:if>
            <xsl:if test="../row[@part][string(@reason)]"><xsl:value-of select="@name"/><xsl:text>：</xsl:text></xsl:if>
            <xsl:value-of select="@reason"/>
          </xsl:for-each>
        </xsl:with-param>
        <xsl:with-param name="apart" select="not(string(implementation))"/>
      </xsl:call-template>
      <xsl:call-template name="grid.note">
        <xsl:with-param name="label" select="'评价结论'"/><xsl:with-param name="text" select="conclusion"/>
        <xsl:with-param name="apart" select="not(string(implementation) or $reasons)"/>
      </xsl:call-template>
      <xsl:if test="string(problems) or string(improvements)">
        <xsl:call-template name="grid.note">
          <xsl:with-param name="label" select="'存在问题'"/><xsl:with-param name="text" select="problems"/>
          <xsl:with-param name="apart" select="not(string(implementation) or $reasons or string(conclusion))"/><xsl:with-param name="always" select="true()"/>
        </xsl:call-template>
        <xsl:call-template name="grid.note">
          <xsl:with-param name="label" select="'改进措施'"/><xsl:with-param name="text" select="improvements"/>
          <xsl:with-param name="always" select="true()"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:if test="string(leader) or string(finance-leader)">
        <xsl:call-template name="grid.signatures"><xsl:with-param name="columns" select="8"/></xsl:call-template>
      </xsl:if>
      <xsl:call-template name="grid.not-applicable-rule"><xsl:with-param name="columns" select="8"/></xsl:call-template>
    </sheet>
  </xsl:template>

  <!-- The sample-data line under the title. On the root: of a page's part (docx.xsl), the
       <part> around the form carries it. -->
  <xsl:template name="grid.sample">
    <xsl:param name="span"/>
    <xsl:if test="/*/@sample = '1'">
      <row>
        <cell col="1" span="{$span}" style="note">示例数据：本表的年末实际完成情况是为演示评分规则而编写的，不是真实的自评结果。</cell>
      </row>
    </xsl:if>
  </xsl:template>

  <!-- 分值 and 得分 from column col, as printed; for an indicator that does not apply "/" for the
       score, and for the weight unless the form printed one. -->
  <xsl:template name="grid.weight-score">
    <xsl:param name="col"/>
    <xsl:choose>
      <xsl:when test="@applicable = '0'">
        <cell col="{$col}" style="center"><xsl:value-of select="weight"/><xsl:if test="not(string(weight))">/</xsl:if></cell>
        <cell col="{$col + 1}" style="center">/</cell>
      </xsl:when>
      <xsl:otherwise>
        <cell col="{$col}" style="score"><xsl:value-of select="weight"/></cell>
        <cell col="{$col + 1}" style="score"><xsl:value-of select="score"/></cell>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A row of the notes under the form: its label and text across the other seven columns; not
       there when the text is empty, unless always; apart: the first row of the notes' table. -->
  <xsl:template name="grid.note">
    <xsl:param name="label"/>
    <xsl:param name="text"/>
    <xsl:param name="apart" select="false()"/>
    <xsl:param name="always" select="false()"/>
    <xsl:if test="string($text) or $always">
      <row>
        <xsl:if test="$apart"><xsl:attribute name="apart">1</xsl:attribute></xsl:if>
        <cell col="1" style="label"><xsl:value-of select="$label"/></cell>
        <cell col="2" span="7" style="text"><xsl:value-of select="$text"/></cell>
      </row>
    </xsl:if>
  </xsl:template>

  <!-- Under the form: 项目负责人 and 财务负责人 with the names written (or room to sign). -->
  <xsl:template name="grid.signatures">
    <xsl:param name="columns"/>
    <xsl:variable name="half" select="floor($columns div 2)"/>
    <row>
      <cell col="1" span="{$half}" style="note">项目负责人：<xsl:value-of select="leader"/></cell>
      <cell col="{$half + 1}" span="{$columns - $half}" style="note">财务负责人：<xsl:value-of select="finance-leader"/></cell>
    </row>
  </xsl:template>

  <!-- The rule the real forms print under the table when an indicator does not apply; not a
       second time when the form's own notes (表注) state it. -->
  <xsl:template name="grid.not-applicable-rule">
    <xsl:param name="columns"/>
    <xsl:if test="not-applicable-rule and not(notes/note[contains(., '按百分制折算')])">
      <row>
        <cell col="1" span="{$columns}" style="note">对于不适用部分评价对象的评价指标，不考核该指标，用适用指标得分汇总后按百分制折算计分。</cell>
      </row>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
