<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI module "figures" (TEI P5 §14) in the book (mode "typst"): tables as Typst tables, figures
  with their image when the book has a copy of the file, else their heading and description.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:f="urn:x-tei-edition:functions"
  xmlns:t="urn:x-tei-edition:print"
  exclude-result-prefixes="#all"
  expand-text="yes">

  <!--
    Tables (TEI P5 §14.1.1): a Typst table with as many columns as the widest row; @cols and
    @rows span; label cells and rows in bold. Nodes between rows or cells (page breaks…) go into
    the next cell, so that the table's arguments stay cells.
  -->
  <xsl:template match="tei:table" mode="typst">
    <xsl:variable name="columns" select="max((1, tei:row ! sum(tei:cell ! (if (matches(@cols, '^[1-9][0-9]?$')) then xs:integer(@cols) else 1))))"/>
    <xsl:text>&#10;&#10;</xsl:text>
    <xsl:apply-templates select="tei:head" mode="typst"/>
    <xsl:text>#edition-table(columns: {$columns}</xsl:text>
    <xsl:for-each select="tei:row/tei:cell">
      <xsl:variable name="cell" select="."/>
      <xsl:variable name="previous-cell" select="preceding-sibling::tei:cell[1]"/>
      <xsl:variable name="previous-row" select="parent::tei:row/preceding-sibling::tei:row[1]"/>
      <!-- What stands between this cell and the one before it (in the row, or before the row). -->
      <xsl:variable name="between" select="(if ($previous-cell) then () else ../preceding-sibling::node()[not(self::tei:head)][empty($previous-row) or . >> $previous-row]),
        preceding-sibling::node()[empty($previous-cell) or . >> $previous-cell]"/>
      <xsl:variable name="span" select="(if (matches(@cols, '^[1-9][0-9]?$') and @cols != '1') then 'colspan: ' || @cols else (),
        if (matches(@rows, '^[1-9][0-9]?$') and @rows != '1') then 'rowspan: ' || @rows else ())"/>
      <xsl:variable name="label" select="@role = 'label' or ../@role = 'label'"/>
      <xsl:text>,&#10;  {if (exists($span)) then 'table.cell(' || string-join($span, ', ') || ')' else ''}[</xsl:text>
      <xsl:if test="$label">#strong[</xsl:if>
      <!-- (After the table's last cell: what ends its row and the table.) -->
      <xsl:variable name="after" select="if (following-sibling::tei:cell or ../following-sibling::tei:row) then ()
        else (following-sibling::node(), ../following-sibling::node())"/>
      <xsl:apply-templates select="$between[self::* or normalize-space()], node(), $after[self::* or normalize-space()]" mode="typst"/>
      <xsl:if test="$label">];</xsl:if>
      <xsl:text>]</xsl:text>
    </xsl:for-each>
    <xsl:text>)&#10;&#10;</xsl:text>
  </xsl:template>

  <!--
    Figures (TEI P5 §14.4): the image when the edition has its file (a local graphic listed in
    $local-images, src/publish/edition/local-images.ts), then the heading as caption, the figure's paragraphs,
    and the description (figDesc) as caption when there is no image to describe.
  -->
  <xsl:template match="tei:figure" mode="typst">
    <xsl:variable name="images" select="tei:graphic[f:local-image(@url) ne '']"/>
    <xsl:for-each select="$images">
      <xsl:text>&#10;&#10;#edition-image({t:string(f:local-image(@url))}, alt: {t:string(normalize-space(../tei:figDesc))})&#10;&#10;</xsl:text>
    </xsl:for-each>
    <xsl:apply-templates select="tei:head | tei:p | tei:ab | tei:figure | tei:lg | tei:table | tei:list" mode="typst"/>
    <xsl:if test="empty($images)">
      <xsl:for-each select="tei:figDesc">
        <xsl:call-template name="t:block">
          <xsl:with-param name="function" select="'caption'"/>
        </xsl:call-template>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>

  <!-- A graphic outside a figure: its image when the edition has its file, else nothing. -->
  <xsl:template match="tei:graphic[f:local-image(@url) ne ''][not(parent::tei:figure)]" mode="typst" priority="5">
    <xsl:text>&#10;&#10;#edition-image({t:string(f:local-image(@url))}, alt: "")&#10;&#10;</xsl:text>
  </xsl:template>

</xsl:stylesheet>
