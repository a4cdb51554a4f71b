<?xml version="1.0" encoding="UTF-8"?>
<!--
  What the pages say about the edition and about each text: from the edition config when it
  gives it, else from the TEI header (fileDesc, profileDesc/creation; TEI P5 §2).
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns="http://www.w3.org/1999/xhtml"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:f="urn:x-tei-edition:functions"
  xmlns:h="urn:x-tei-edition:html"
  exclude-result-prefixes="#all"
  expand-text="yes">












  <!-- ===== Rendering header parts ===== -->

  <!-- The source bibliography of a text, as phrasing content. -->
  <xsl:template name="source-bibl">
    <xsl:param name="root" as="node()?"/>
    <xsl:variable name="bibl" select="f:source-description($root)"/>
    <xsl:choose>
      <xsl:when test="$bibl/self::tei:bibl">
        <xsl:apply-templates select="$bibl/node()[not(self::tei:note)]" mode="meta"/>
        <xsl:for-each select="$bibl/tei:note[not(@type = ('unknown', 'citation'))]">
          <xsl:text> </xsl:text>
          <span class="bibl-note">
            <xsl:sequence select="h:lang-attr(.)"/>
            <xsl:apply-templates mode="meta"/>
          </span>
        </xsl:for-each>
        <xsl:if test="$bibl/tei:note[@type = 'unknown']">
          <xsl:text> </xsl:text>
          <span class="bibl-unknown">{f:typo('Non connu : ', f:is-french-code($ui-lang))}{string-join($bibl/tei:note[@type = 'unknown'] ! normalize-space(), ' ; ')}.</span>
        </xsl:if>
      </xsl:when>
      <xsl:when test="$bibl/self::tei:p">
        <xsl:apply-templates select="$bibl/node()" mode="meta"/>
      </xsl:when>
      <xsl:when test="f:source-summary($bibl) ne ''">
        <!-- biblStruct, biblFull, msDesc: their parts, in order (text-metadata.xsl, as in print). -->
        <xsl:value-of select="f:source-summary($bibl)"/>
      </xsl:when>
      <xsl:when test="$bibl">
        <!-- (Structures with none of the expected parts: their words, in order, separated by commas.) -->
        <xsl:value-of select="string-join(($bibl//text()[normalize-space()][not(ancestor::tei:note or ancestor::tei:msContents
          or ancestor::tei:physDesc or ancestor::tei:history or ancestor::tei:additional or ancestor::tei:publicationStmt/ancestor::tei:biblFull)] ! normalize-space())[position() le 40], ', ')"/>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- Header content as plain phrasing: titles in italics or quotes, the rest as text. -->
  <xsl:template match="tei:title[@level = ('m', 'j', 's')]" mode="meta">
    <cite>
      <xsl:apply-templates mode="meta"/>
    </cite>
  </xsl:template>

  <!-- An article's title between French quotes (the quotes are the edition's, not the source's). -->
  <xsl:template match="tei:title" mode="meta">
    <span class="title-a">
      <xsl:value-of select="if (f:is-french-code(f:lang-of(.))) then '«&#xA0;' else '“'"/>
      <xsl:apply-templates mode="meta"/>
      <xsl:value-of select="if (f:is-french-code(f:lang-of(.))) then '&#xA0;»' else '”'"/>
    </span>
  </xsl:template>

  <xsl:template match="tei:note | tei:ptr | tei:lb | tei:pb" mode="meta"/>

  <xsl:template match="tei:ref[@target]" mode="meta">
    <xsl:variable name="href" select="h:safe-href(tokenize(@target, '\s+')[1])"/>
    <xsl:choose>
      <xsl:when test="$href and not(starts-with($href, '#'))">
        <!-- An empty ref (ELTeC's `<ref target="https://gallica…"/>`) shows its address: a link needs a name. -->
        <a href="{$href}"><xsl:apply-templates mode="meta"/><xsl:if test="normalize-space() eq ''"><xsl:value-of select="$href"/></xsl:if></a>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates mode="meta"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="*" mode="meta">
    <xsl:apply-templates mode="meta"/>
  </xsl:template>

  <!-- White space collapsed; French typography where the text is French (looked up only where it can apply). -->
  <xsl:template match="text()" mode="meta">
    <xsl:variable name="s" select="replace(., '\s+', ' ')"/>
    <xsl:value-of select="if (matches($s, '[;:!?«»]')) then f:typo($s, f:is-french-code(f:lang-of(.))) else $s"/>
  </xsl:template>

</xsl:stylesheet>
