<?xml version="1.0" encoding="UTF-8"?>
<!--
  Other TEI modules, each rendered simply: linking (anchor, seg), analysis (w, c, pc, s…), gaiji
  (g), textcrit (app: the lemma, the readings in its tooltip and kept in the page), drama (sp,
  speaker, stage), spoken (u, incident…). Anything else falls back to fallback.xsl.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns="http://www.w3.org/1999/xhtml"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:f="urn:x-tei-edition:functions"
  xmlns:h="urn:x-tei-edition:html"
  exclude-result-prefixes="#all"
  expand-text="yes">

  <!-- ===== linking (§16) ===== -->

  <xsl:template match="tei:anchor">
    <xsl:param name="copy" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:if test="not($copy) and h:html-id(.) ne ''">
      <span class="anchor" id="{h:html-id(.)}"></span>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:seg | tei:link | tei:linkGrp | tei:join | tei:alt | tei:altGrp">
    <xsl:call-template name="block">
      <xsl:with-param name="name" select="'span'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- ===== analysis (§17), gaiji (§5) ===== -->

  <xsl:template match="tei:w | tei:c | tei:pc | tei:s | tei:cl | tei:phr | tei:m | tei:g | tei:num | tei:measure
    | tei:interp | tei:interpGrp">
    <xsl:call-template name="block">
      <xsl:with-param name="name" select="'span'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- ===== textcrit (§12) ===== -->

  <xsl:template match="tei:app">
    <xsl:variable name="main" select="(tei:lem, tei:rdg, tei:rdgGrp)[1]"/>
    <span class="app">
      <xsl:apply-templates select="$main" mode="choice">
        <xsl:with-param name="view" select="''"/>
        <xsl:with-param name="title" select="string-join(((tei:rdg, tei:rdgGrp) except $main) ! ((normalize-space(.)[. ne ''], 'om.')[1] || string-join(@wit ! (' (' || normalize-space(replace(., '#', '')) || ')'), '')), ' | ')"/>
      </xsl:apply-templates>
      <xsl:apply-templates select="* except $main" mode="choice">
        <xsl:with-param name="view" select="'choice-alternative'"/>
      </xsl:apply-templates>
    </span>
  </xsl:template>

  <!-- ===== drama (§7), spoken (§8) ===== -->

  <xsl:template match="tei:sp | tei:castList | tei:castGroup | tei:u">
    <xsl:call-template name="block"/>
  </xsl:template>

  <xsl:template match="tei:speaker | tei:stage | tei:castItem | tei:role | tei:roleDesc">
    <xsl:param name="phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:call-template name="block">
      <xsl:with-param name="name" select="if (self::tei:speaker or parent::tei:sp or parent::tei:div or parent::tei:body or parent::tei:castList) then 'p' else 'span'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:incident | tei:kinesic | tei:vocal | tei:pause | tei:shift | tei:desc | tei:writing | tei:event">
    <xsl:call-template name="block">
      <xsl:with-param name="name" select="'span'"/>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
