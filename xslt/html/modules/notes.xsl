<?xml version="1.0" encoding="UTF-8"?>
<!--
  Notes (TEI P5 §3.9): every note of the text (except place="inline") becomes a call where it
  stands and an entry of the notes section at the end of the page:

    <span class="note-ref">
      <a class="note-call" id="call-K" href="#note-K" aria-label="Note 1" aria-describedby="pop-K"><sup>1</sup></a>
      <span class="note-popover" role="tooltip" id="pop-K">…the note…</span>
    </span>
    …
    <section class="notes"><ol class="notes-list">
      <li id="note-K" class="note"><a class="note-back" href="#call-K">1</a> <div class="note-body">…</div></li>

  K counts the page's notes in document order (1, 2…); the label shown is @n (or the count).
  Editor's notes (@resp other than the author) carry the editor label ("N.d.É."); with
  notes.editorSeries they are lettered a, b, c… in a series of their own, listed apart.
  The popover shows on hover and keyboard focus by CSS alone (edition.css).
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




  <xsl:variable name="note-labels" as="map(xs:string, xs:string)" select="f:note-labels($note-list)"/>

  <!-- Who wrote an editor's note, from the header (respStmt, editor…), for the label's tooltip. -->
  <xsl:function name="h:note-resp" as="xs:string">
    <xsl:param name="note" as="element()"/>
    <xsl:variable name="id" select="replace(normalize-space(tokenize($note/@resp, '\s+')[1]), '^#', '')"/>
    <xsl:variable name="decl" select="key('xml-id', $id, root($note))[1]"/>
    <xsl:sequence select="if ($decl/self::tei:respStmt) then normalize-space(string-join(($decl/(tei:name, tei:persName, tei:orgName)[1], $decl/tei:resp ! ('(' || normalize-space(.) || ')')), ' '))
      else if ($decl) then normalize-space($decl) else $L?editor-note"/>
  </xsl:function>

  <xsl:template name="note-resp">
    <xsl:if test="f:is-editor-note(.)">
      <span class="note-resp" title="{h:note-resp(.)}">{$editor-label}</span>
      <xsl:text> </xsl:text>
    </xsl:if>
  </xsl:template>

  <!-- ===== The call, with the note in a popover ===== -->

  <xsl:template match="tei:note">
    <xsl:param name="copy" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:param name="in-link" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="id" select="h:html-id(.)"/>
    <xsl:variable name="k" select="if (starts-with($id, 'note-')) then substring-after($id, 'note-') else ''"/>
    <xsl:variable name="label" select="($note-labels(generate-id(.)), '*')[1]"/>
    <xsl:variable name="editor" select="f:is-editor-note(.)"/>
    <xsl:variable name="name" select="if ($editor) then $L?editor-note else $L?note"/>
    <span class="note-ref">
      <xsl:choose>
        <xsl:when test="$k = '' or $copy or $in-link">
          <sup class="note-call-copy">{$label}</sup>
        </xsl:when>
        <xsl:otherwise>
          <a class="note-call{if ($editor) then ' note-call-editor' else ''}" id="call-{$k}" href="#note-{$k}"
            aria-label="{$name} {$label}" aria-describedby="pop-{$k}"><sup>{$label}</sup></a>
          <span class="note-popover" role="tooltip" id="pop-{$k}">
            <xsl:sequence select="h:lang-attr(.)"/>
            <span class="note-popover-label">{$label}</span>
            <xsl:text> </xsl:text>
            <xsl:call-template name="note-resp"/>
            <xsl:apply-templates>
              <xsl:with-param name="copy" select="true()" tunnel="yes"/>
              <xsl:with-param name="phrasing" select="true()" tunnel="yes"/>
            </xsl:apply-templates>
          </span>
        </xsl:otherwise>
      </xsl:choose>
    </span>
  </xsl:template>

  <!-- A note written in the text's flow (place="inline"). -->
  <xsl:template match="tei:note[@place = 'inline']">
    <xsl:call-template name="block">
      <xsl:with-param name="name" select="'span'"/>
      <xsl:with-param name="class" select="'note-inline'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- ===== The notes section ===== -->

  <!-- $notes: the page's (a part's page has its part's). -->
  <xsl:template name="endnotes">
    <xsl:param name="notes" as="element(tei:note)*" select="$note-list"/>
    <xsl:if test="exists($notes)">
      <section class="notes" aria-labelledby="notes-title">
        <h2 id="notes-title">{$L?notes}</h2>
        <xsl:variable name="editor-notes" select="$notes[f:is-editor-note(.)]"/>
        <xsl:choose>
          <xsl:when test="$editor-series and exists($editor-notes) and exists($notes except $editor-notes)">
            <h3 class="notes-series">{$L?author-notes}</h3>
            <ol class="notes-list notes-author">
              <xsl:apply-templates select="$notes except $editor-notes" mode="endnote"/>
            </ol>
            <h3 class="notes-series">{$L?editor-notes}</h3>
            <ol class="notes-list notes-editor">
              <xsl:apply-templates select="$editor-notes" mode="endnote"/>
            </ol>
          </xsl:when>
          <xsl:otherwise>
            <ol class="notes-list{if ($editor-series and empty($notes except $editor-notes)) then ' notes-editor' else ''}">
              <xsl:apply-templates select="$notes" mode="endnote"/>
            </ol>
          </xsl:otherwise>
        </xsl:choose>
      </section>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:note" mode="endnote">
    <xsl:variable name="k" select="substring-after(h:html-id(.), 'note-')"/>
    <xsl:variable name="label" select="$note-labels(generate-id(.))"/>
    <li id="note-{$k}">
      <xsl:sequence select="h:class(., ('note', if (f:is-editor-note(.)) then 'note-editor' else ()))"/>
      <xsl:sequence select="h:lang-attr(.)"/>
      <a class="note-back" href="#call-{$k}" title="{$L?note-back} {$label}">{$label}</a>
      <xsl:text> </xsl:text>
      <div class="note-body">
        <xsl:call-template name="note-resp"/>
        <xsl:apply-templates>
          <xsl:with-param name="phrasing" select="false()" tunnel="yes"/>
          <xsl:with-param name="in-link" select="false()" tunnel="yes"/>
          <xsl:with-param name="copy" select="false()" tunnel="yes"/>
          <xsl:with-param name="french" select="f:is-french-code(f:lang-of(.))" tunnel="yes"/>
        </xsl:apply-templates>
      </div>
    </li>
  </xsl:template>

</xsl:stylesheet>
