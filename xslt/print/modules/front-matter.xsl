<?xml version="1.0" encoding="UTF-8"?>
<!--
  The front of edition.typ (initial template "front"): the book design (book.typ), the book's
  settings from the config (edition.print: paper, fonts, fontSize; edition.language), the title
  page (title, subtitle, editors, publisher, year, licence) and the table of contents.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:array="http://www.w3.org/2005/xpath-functions/array"
  xmlns:f="urn:x-tei-edition:functions"
  xmlns:t="urn:x-tei-edition:print"
  exclude-result-prefixes="#all"
  expand-text="yes">

  <xsl:variable name="t:print" as="map(*)" select="if ($edition?print instance of map(*)) then $edition?print else map {}"/>
  <xsl:variable name="t:paper" as="xs:string" select="string(($t:print?paper[. = ('a5', 'b5', 'a4')], 'a5')[1])"/>
  <xsl:variable name="t:fonts" as="xs:string*" select="if ($t:print?fonts instance of array(*)) then $t:print?fonts?*[. instance of xs:string] else ()"/>
  <xsl:variable name="t:font-size" as="xs:decimal" select="if ($t:print?fontSize instance of xs:numeric and $t:print?fontSize ge 6 and $t:print?fontSize le 20) then xs:decimal($t:print?fontSize) else 10.5"/>

  <xsl:template name="front">
    <xsl:variable name="title" select="f:edition-title(())"/>
    <xsl:variable name="editors" select="f:editors(()) ! string(?name)"/>
    <xsl:variable name="licence" select="f:licence(())"/>
    <xsl:variable name="year" select="replace(string($edition?date), '^(-?\d{4}).*$', '$1')[matches(., '^-?\d{4}$')]"/>
    <xsl:value-of select="$book-library"/>
    <xsl:text>&#10;// ===== The edition (written by xslt/print/edition.xsl from the TEI and edition.json) =====&#10;&#10;</xsl:text>
    <xsl:text>#show: book.with(&#10;</xsl:text>
    <xsl:text>  title: {t:string($title)},&#10;</xsl:text>
    <xsl:text>  author: ({string-join($editors ! t:string(.), ', ')}{if (count($editors) = 1) then ',' else ''}),&#10;</xsl:text>
    <xsl:text>  paper: {t:string($t:paper)},&#10;</xsl:text>
    <xsl:if test="exists($t:fonts)">
      <xsl:text>  font: ({string-join($t:fonts ! t:string(.), ', ')}, "Libertinus Serif"),&#10;</xsl:text>
    </xsl:if>
    <xsl:text>  font-size: {$t:font-size}pt,&#10;</xsl:text>
    <xsl:text>  lang: {t:string((tokenize($ui-lang, '-')[1], 'fr')[1])},&#10;</xsl:text>
    <xsl:text>)&#10;&#10;</xsl:text>
    <xsl:text>#title-page(&#10;</xsl:text>
    <xsl:text>  title: {t:content(t:typo($title, $ui-french))},&#10;</xsl:text>
    <xsl:if test="normalize-space($edition?subtitle)">
      <xsl:text>  subtitle: {t:content(t:typo($edition?subtitle, $ui-french))},&#10;</xsl:text>
    </xsl:if>
    <xsl:text>  editors: ({string-join($editors ! t:string(.), ', ')}{if (count($editors) = 1) then ',' else ''}),&#10;</xsl:text>
    <xsl:if test="exists(f:publisher(()))">
      <xsl:text>  publisher: {t:content(f:publisher(()))},&#10;</xsl:text>
    </xsl:if>
    <xsl:if test="exists($year)">
      <xsl:text>  year: {t:content($year)},&#10;</xsl:text>
    </xsl:if>
    <xsl:if test="exists($licence)">
      <xsl:text>  licence: {t:content(string-join(($licence?name, $licence?url)[normalize-space()], ' — '))},&#10;</xsl:text>
    </xsl:if>
    <xsl:text>)&#10;&#10;#contents(title: {t:string($t:L?contents)})&#10;&#10;</xsl:text>
  </xsl:template>

  <xsl:variable name="ui-french" as="xs:boolean" select="f:is-french-code($ui-lang)"/>

  <!-- Interface strings of the book (French). -->
  <xsl:variable name="t:L" as="map(xs:string, xs:string)" select="map {
    'contents': 'Table des matières',
    'persons': 'Index des personnes',
    'places': 'Index des lieux'
  }"/>

</xsl:stylesheet>
