<?xml version="1.0" encoding="UTF-8"?>
<!-- The input contract of the four target pages (project, department, annual, index), checked
     before anything is rendered. The page templates pull fields by name, so an element they
     do not know would otherwise be skipped without a word: a field added to the XML in Swift
     must be added here (and rendered, or deliberately not) before any page builds.
     Output: nothing, or a terminating message naming the element and where it sits. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:template mode="contract" match="
      project | project/code | project/name | project/title | project/purpose | project/slot | project/changes
    | project/head | project/foot | head/cell | foot/cell | project/heading | project/notes | notes/note
    | project/budget | budget/source | budget/item
    | project/plan | plan/quarter | project/goals | goals/goal
    | project/indicators | indicators/level1 | level1/level2 | level2/indicator
    | indicator/name | indicator/description | indicator/value | indicator/basis
    | indicator/nature | indicator/unit | indicator/share | project/recipients | recipients/recipient
    | department | department/overall | department/category | category/subgoal
    | subgoal/content | subgoal/rating | subgoal/measure | department/safeguard
    | annual | annual/slot
    | index | index/document | index/slot">
    <xsl:apply-templates select="*" mode="contract"/>
  </xsl:template>

  <xsl:template mode="contract" match="*">
    <xsl:message terminate="yes">
      <xsl:text>jixiao.xsl: element &lt;</xsl:text>
      <xsl:value-of select="name()"/>
      <xsl:text>&gt; is not in the input contract (</xsl:text>
      <xsl:for-each select="ancestor-or-self::*">
        <xsl:text>/</xsl:text>
        <xsl:value-of select="name()"/>
      </xsl:for-each>
      <xsl:text>); no template would show it</xsl:text>
    </xsl:message>
  </xsl:template>
</xsl:stylesheet>
