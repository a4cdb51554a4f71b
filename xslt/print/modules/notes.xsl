<?xml version="1.0" encoding="UTF-8"?>
<!--
  Notes (TEI P5 §3.9) in the book (mode "typst"): footnotes (place foot, margin, or none),
  endnotes after the chapter's text (place end), notes set in parentheses where a footnote
  cannot be (inline, or inside a note). Labels: ../../shared/note-labels.xsl.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:f="urn:x-tei-edition:functions"
  xmlns:t="urn:x-tei-edition:print"
  exclude-result-prefixes="#all"
  expand-text="yes">

  <!-- ===== Notes ===== -->

  <xsl:function name="t:is-endnote" as="xs:boolean">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="$note/@place = ('end', 'endnote') and not($note/ancestor::tei:note)"/>
  </xsl:function>

  <!-- The chapter's endnotes (place="end"), after its text. -->
  <xsl:template name="t:endnotes">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="notes" select="$tei/tei:text/descendant::tei:note[t:is-endnote(.)]"/>
    <xsl:if test="exists($notes)">
      <xsl:text>&#10;&#10;#endnotes[</xsl:text>
      <xsl:for-each select="$notes">
        <xsl:text>&#10;#endnote(label: {t:string(($note-labels(generate-id(.)), '*')[1])}{if (f:is-editor-note(.)) then ', editor: ' || t:string($editor-label) else ''})[</xsl:text>
        <xsl:apply-templates mode="typst">
          <xsl:with-param name="in-note" select="true()" tunnel="yes"/>
          <xsl:with-param name="french" select="f:is-french-code(f:lang-of(.))" tunnel="yes"/>
        </xsl:apply-templates>
        <xsl:text>]</xsl:text>
      </xsl:for-each>
      <xsl:text>&#10;]&#10;&#10;</xsl:text>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:note" mode="typst">
    <xsl:param name="in-note" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="editor" select="f:is-editor-note(.)"/>
    <xsl:choose>
      <xsl:when test="@place = 'inline' or $in-note">
        <xsl:text> (</xsl:text>
        <xsl:apply-templates mode="typst">
          <xsl:with-param name="in-note" select="true()" tunnel="yes"/>
        </xsl:apply-templates>
        <xsl:text>)</xsl:text>
      </xsl:when>
      <!-- An endnote: its call here, its text at the end of the chapter (chapter.xsl). -->
      <xsl:when test="t:is-endnote(.)">
        <xsl:text>#endnote-call({t:string(($note-labels(generate-id(.)), '*')[1])});</xsl:text>
      </xsl:when>
      <!-- A footnote (place foot, margin, or none: the book has no room in its margins, which hold the page markers). -->
      <xsl:otherwise>
        <xsl:variable name="label" select="($note-labels(generate-id(.)), '*')[1]"/>
        <xsl:text>#note(label: {t:string($label)}{if ($editor) then ', editor: ' || t:string($editor-label) else ''})[</xsl:text>
        <xsl:apply-templates mode="typst">
          <xsl:with-param name="in-note" select="true()" tunnel="yes"/>
        </xsl:apply-templates>
        <xsl:text>];</xsl:text>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
