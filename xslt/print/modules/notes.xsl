<?xml version="1.0" encoding="UTF-8"?>
<!--
  Note labels, as in the HTML edition (../html/modules/notes.xsl): @n (or the count) for each
  note of the text; with notes.editorSeries, the editor's notes (@resp other than the author)
  lettered a, b, c… in a series of their own.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:f="urn:x-tei-edition:html"
  exclude-result-prefixes="#all">

  <xsl:function name="f:is-editor-note" as="xs:boolean">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="exists($note/@resp[not(lower-case(replace(normalize-space(.), '^#', '')) = ('author', 'auteur', 'aut', ''))])
      or $note/@type = ('editorial', 'editor')"/>
  </xsl:function>

  <xsl:function name="f:note-labels" as="map(xs:string, xs:string)">
    <xsl:param name="notes" as="element(tei:note)*"/>
    <xsl:variable name="entries" as="map(*)*">
      <xsl:choose>
        <xsl:when test="$editor-series">
          <xsl:for-each select="$notes[f:is-editor-note(.)]">
            <xsl:sequence select="map:entry(generate-id(.), format-integer(position(), 'a'))"/>
          </xsl:for-each>
          <xsl:for-each select="$notes[not(f:is-editor-note(.))]">
            <xsl:sequence select="map:entry(generate-id(.), string(position()))"/>
          </xsl:for-each>
        </xsl:when>
        <xsl:otherwise>
          <xsl:for-each select="$notes">
            <xsl:sequence select="map:entry(generate-id(.), (normalize-space(@n)[. ne ''][string-length(.) le 8], string(position()))[1])"/>
          </xsl:for-each>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:sequence select="map:merge($entries)"/>
  </xsl:function>

  <xsl:variable name="note-labels" as="map(xs:string, xs:string)" select="f:note-labels(f:text-notes($source))"/>

</xsl:stylesheet>
