<?xml version="1.0" encoding="UTF-8"?>
<!--
  index.html (initial template "index"): the edition's title, editors, licence, introduction
  (config), and its texts in reading order (Gregorian date, then title; both calendars shown for
  Julian sources), each with title, author, date and source (the entry is made with the text's
  summary, summaries.xsl).
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

  <xsl:template name="index">
    <xsl:variable name="title" select="f:edition-title(())"/>
    <xsl:call-template name="page">
      <xsl:with-param name="page" select="'index'"/>
      <xsl:with-param name="title" select="$title"/>
      <xsl:with-param name="content">
        <header class="edition-header">
          <h1 class="edition-title">{h:ui($title)}</h1>
          <xsl:if test="normalize-space($edition?subtitle)">
            <p class="edition-subtitle">{h:ui($edition?subtitle)}</p>
          </xsl:if>
          <dl class="edition-meta">
            <xsl:if test="exists(f:editors(()))">
              <dt>{$L?editors}</dt>
              <dd class="edition-editors">{h:ui(string-join(f:editors(()) ! string(?name), ', '))}</dd>
            </xsl:if>
            <xsl:if test="exists(f:publisher(()))">
              <dt>{$L?publisher}</dt>
              <dd class="edition-publisher">{h:ui(f:publisher(()))}</dd>
            </xsl:if>
            <xsl:variable name="licence" select="f:licence(())"/>
            <xsl:if test="exists($licence)">
              <dt>{$L?licence}</dt>
              <dd class="edition-licence">
                <xsl:call-template name="licence-link">
                  <xsl:with-param name="licence" select="$licence"/>
                </xsl:call-template>
                <xsl:if test="normalize-space($licence?note)">
                  <xsl:text>. </xsl:text>
                  <span class="licence-note">{h:ui($licence?note)}</span>
                </xsl:if>
              </dd>
            </xsl:if>
          </dl>
        </header>
        <xsl:variable name="introduction" select="$edition?introduction?*[normalize-space(.)]"/>
        <xsl:if test="exists($introduction)">
          <section class="introduction" aria-labelledby="introduction-title">
            <h2 id="introduction-title">{$L?introduction}</h2>
            <xsl:for-each select="$introduction">
              <p>{h:ui(.)}</p>
            </xsl:for-each>
          </section>
        </xsl:if>
        <section class="texts" aria-labelledby="texts-title">
          <h2 id="texts-title">{$L?texts}</h2>
          <ol class="text-list">
            <!-- (Each entry was made with the text's summary: summaries.xsl.) -->
            <xsl:copy-of select="h:reading-order($text-summaries) ! li" copy-namespaces="no"/>
          </ol>
        </section>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- A text's entry of the index (made once per text, in its summary). -->
  <xsl:template name="text-entry">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:param name="id" as="xs:string"/>
    <xsl:variable name="french" select="f:is-french-code(f:lang-of($doc/*))"/>
    <xsl:variable name="date" select="f:text-date($doc)"/>
    <xsl:variable name="authors" select="f:text-authors($doc, $id)"/>
    <li class="text-entry" id="text-{$id}">
      <xsl:if test="f:bcp47(f:lang-of($doc/*)) ne ''">
        <xsl:attribute name="lang" select="f:bcp47(f:lang-of($doc/*))"/>
      </xsl:if>
      <h3 class="text-entry-title"><a href="{$id}.html">{f:typo(f:text-title($doc, $id), $french)}</a></h3>
      <p class="text-entry-meta">
        <xsl:if test="exists($authors)">
          <span class="text-entry-author">{string-join($authors, ', ')}</span>
        </xsl:if>
        <xsl:if test="exists($authors) and $date">, </xsl:if>
        <xsl:if test="$date">
          <span class="text-entry-date">
            <xsl:call-template name="date-time">
              <xsl:with-param name="date" select="$date"/>
            </xsl:call-template>
          </span>
        </xsl:if>
      </p>
      <xsl:variable name="bibl">
        <xsl:call-template name="source-bibl">
          <xsl:with-param name="root" select="$doc"/>
        </xsl:call-template>
      </xsl:variable>
      <xsl:if test="normalize-space($bibl)">
        <p class="text-entry-source">
          <xsl:sequence select="$bibl"/>
        </p>
      </xsl:if>
    </li>
  </xsl:template>

</xsl:stylesheet>
