<?xml version="1.0" encoding="UTF-8"?>
<!--
  Other TEI modules in the book (mode "typst"), each rendered simply: drama (stage directions,
  speakers; sp and castList are blocks, textstructure.xsl) and textcrit (app: the lemma in the
  text, the other readings in a footnote of the apparatus series).
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:f="urn:x-tei-edition:functions"
  xmlns:t="urn:x-tei-edition:print"
  exclude-result-prefixes="#all"
  expand-text="yes">

  <!-- Drama (TEI P5 §7): stage directions in italics. -->
  <xsl:template match="tei:stage[ancestor::tei:p or ancestor::tei:l]" mode="typst">
    <xsl:text>#emph[</xsl:text>
    <xsl:apply-templates mode="typst"/>
    <xsl:text>];</xsl:text>
  </xsl:template>

  <xsl:template match="tei:stage[not(ancestor::tei:p or ancestor::tei:l)]" mode="typst" priority="2">
    <xsl:text>&#10;&#10;#emph[</xsl:text>
    <xsl:apply-templates mode="typst"/>
    <xsl:text>]&#10;&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="tei:speaker" mode="typst">
    <xsl:text>#smallcaps[</xsl:text>
    <xsl:apply-templates mode="typst"/>
    <xsl:text>]; </xsl:text>
  </xsl:template>

  <!--
    Critical apparatus (TEI P5 §12): the lemma (else the first reading) in the text, the other
    readings, with their witnesses, in a footnote of the apparatus series (a, b, c…; in a note:
    in parentheses).
  -->
  <xsl:template match="tei:app" mode="typst">
    <xsl:param name="in-note" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="main" select="(tei:lem, tei:rdg, tei:rdgGrp)[1]"/>
    <xsl:variable name="others" select="(tei:rdg | tei:rdgGrp/tei:rdg) except $main"/>
    <xsl:apply-templates select="$main" mode="typst"/>
    <xsl:if test="exists($others)">
      <xsl:choose>
        <xsl:when test="$in-note">
          <xsl:text> (</xsl:text>
          <xsl:call-template name="t:readings">
            <xsl:with-param name="readings" select="$others"/>
          </xsl:call-template>
          <xsl:text>)</xsl:text>
        </xsl:when>
        <xsl:otherwise>
          <xsl:text>#app-note(label: {t:string(format-integer(count(preceding::tei:app[not(ancestor::tei:note)][tei:rdg]) + 1, 'a'))})[</xsl:text>
          <xsl:call-template name="t:readings">
            <xsl:with-param name="readings" select="$others"/>
          </xsl:call-template>
          <xsl:text>];</xsl:text>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:if>
  </xsl:template>

  <xsl:template name="t:readings">
    <xsl:param name="readings" as="element()*"/>
    <xsl:for-each select="$readings">
      <xsl:if test="position() gt 1">; </xsl:if>
      <xsl:choose>
        <xsl:when test="normalize-space()">
          <xsl:apply-templates mode="typst">
            <xsl:with-param name="in-note" select="true()" tunnel="yes"/>
          </xsl:apply-templates>
        </xsl:when>
        <xsl:otherwise>#emph[om.];</xsl:otherwise>
      </xsl:choose>
      <xsl:if test="@wit">
        <xsl:text> #emph[{t:markup(normalize-space(replace(@wit, '#', '')))}];</xsl:text>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

</xsl:stylesheet>
