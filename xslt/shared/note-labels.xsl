<?xml version="1.0" encoding="UTF-8"?>
<!--
  Note labels, the same in every edition: @n (or the count) for each note of the text; with
  notes.editorSeries, the editor's notes (@resp other than the author, or type="editorial")
  lettered a, b, c… in a series of their own, the others numbered 1, 2, 3….
  Expects $editor-series (edition-config.xsl).
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:f="urn:x-tei-edition:functions"
  exclude-result-prefixes="#all">

  <xsl:function name="f:is-editor-note" as="xs:boolean">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="exists($note/@resp[not(lower-case(replace(normalize-space(.), '^#', '')) = ('author', 'auteur', 'aut', ''))])
      or $note/@type = ('editorial', 'editor')"/>
  </xsl:function>

  <!-- The label of each note (generate-id → label). -->
  <xsl:function name="f:note-labels" as="map(xs:string, xs:string)">
    <xsl:param name="notes" as="element(tei:note)*"/>
    <xsl:variable name="labels" select="f:note-label-list($notes)"/>
    <xsl:sequence select="map:merge(for $i in 1 to count($notes) return map:entry(generate-id($notes[$i]), $labels[$i]))"/>
  </xsl:function>

  <!-- The labels of the notes, in their order: @n, or the count (editorSeries: a, b… for the editor's notes). -->
  <xsl:function name="f:note-label-list" as="xs:string*">
    <xsl:param name="notes" as="element(tei:note)*"/>
    <xsl:choose>
      <xsl:when test="$editor-series">
        <xsl:iterate select="$notes">
          <xsl:param name="editor" as="xs:integer" select="0"/>
          <xsl:param name="author" as="xs:integer" select="0"/>
          <xsl:variable name="is-editor" select="f:is-editor-note(.)"/>
          <xsl:sequence select="if ($is-editor) then format-integer($editor + 1, 'a') else string($author + 1)"/>
          <xsl:next-iteration>
            <xsl:with-param name="editor" select="if ($is-editor) then $editor + 1 else $editor"/>
            <xsl:with-param name="author" select="if ($is-editor) then $author else $author + 1"/>
          </xsl:next-iteration>
        </xsl:iterate>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="$notes ! (normalize-space(@n)[. ne ''][string-length(.) le 8], string(position()))[1]"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

</xsl:stylesheet>
