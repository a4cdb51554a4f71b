<?xml version="1.0" encoding="UTF-8"?>
<!--
  Names (TEI P5 §13) in the book (mode "typst"): a name whose pointer designates a person or
  place of the registers or of the text's own lists is an index mark, #mention (book.typ), around
  its words; which pages mention each entry is for Typst to find (indexes.xsl).
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:f="urn:x-tei-edition:functions"
  xmlns:t="urn:x-tei-edition:print"
  exclude-result-prefixes="#all"
  expand-text="yes">

  <xsl:template match="tei:persName[@ref] | tei:placeName[@ref] | tei:name[@ref][@type = ('person', 'place')]" mode="typst">
    <xsl:variable name="entry" select="f:register-entry(@ref, .)"/>
    <xsl:variable name="kind" select="if ($entry/self::tei:person) then 'person' else if ($entry/self::tei:place) then 'place' else ''"/>
    <xsl:choose>
      <xsl:when test="$kind ne '' and $entry/@xml:id">
        <xsl:text>#mention("{$kind}", {t:string($entry/@xml:id)})[</xsl:text>
        <xsl:apply-templates mode="typst"/>
        <xsl:text>];</xsl:text>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates mode="typst"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!--
    Names the name rule above (persName, placeName with @ref, name with @ref and
    @type person or place) does not see: with @key or @corresp only, or rs, orgName and name of
    another type with a pointer. A name whose pointer designates a person or place is an index
    mark (#mention, book.typ) around what the text's rules make of it.
  -->
  <xsl:template match="(tei:persName | tei:placeName | tei:name | tei:rs | tei:orgName)[@ref or @key or @corresp]
      [not(self::tei:persName[@ref] or self::tei:placeName[@ref] or self::tei:name[@ref][@type = ('person', 'place')])]" mode="typst" priority="1">
    <xsl:variable name="entry" select="f:pointer-entry(f:name-pointer(.), .)"/>
    <xsl:variable name="kind" select="if ($entry/self::tei:person) then 'person' else if ($entry/self::tei:place) then 'place' else ''"/>
    <xsl:choose>
      <xsl:when test="$kind ne '' and $entry/@xml:id">
        <xsl:text>#mention("{$kind}", {t:string($entry/@xml:id)})[</xsl:text>
        <xsl:next-match/>
        <xsl:text>];</xsl:text>
      </xsl:when>
      <xsl:otherwise>
        <xsl:next-match/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
