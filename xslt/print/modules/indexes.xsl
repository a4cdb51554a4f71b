<?xml version="1.0" encoding="UTF-8"?>
<!--
  The back of the book (initial template "back"): the index of persons, and of places when the
  edition has a places register. The entries are the registers' (sorted here, accents ignored,
  with full name and life dates); which pages mention each is for Typst to find (book.typ, register-index),
  where the #mention marks of the chapters are laid out, so the page numbers are always right.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:f="urn:x-tei-edition:html"
  xmlns:t="urn:x-tei-edition:print"
  exclude-result-prefixes="#all"
  expand-text="yes">

  <xsl:template name="back">
    <xsl:call-template name="register-index">
      <xsl:with-param name="kind" select="'person'"/>
      <xsl:with-param name="title" select="$t:L?persons"/>
      <xsl:with-param name="entries" select="$registers//tei:listPerson//tei:person[@xml:id]"/>
    </xsl:call-template>
    <xsl:call-template name="register-index">
      <xsl:with-param name="kind" select="'place'"/>
      <xsl:with-param name="title" select="$t:L?places"/>
      <xsl:with-param name="entries" select="$registers//tei:listPlace//tei:place[@xml:id]"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="register-index">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:param name="title" as="xs:string"/>
    <xsl:param name="entries" as="element()*"/>
    <xsl:if test="exists($entries)">
      <xsl:text>#register-index(kind: {t:string($kind)}, title: {t:string($title)}, entries: (&#10;</xsl:text>
      <xsl:for-each select="$entries">
        <xsl:sort select="f:sort-key(f:standard-name(.))"/>
        <!-- After the name: the full name (persName type="full") and the life dates. -->
        <xsl:variable name="detail" select="string-join(((tei:persName | tei:placeName)[@type = 'full'][1] ! normalize-space(), t:life-label(.))[. ne ''], ', ')"/>
        <xsl:text>  (id: {t:string(@xml:id)}, name: {t:content(f:standard-name(.))}, detail: {if ($detail ne '') then t:content($detail) else 'none'}),&#10;</xsl:text>
      </xsl:for-each>
      <xsl:text>))&#10;&#10;</xsl:text>
    </xsl:if>
  </xsl:template>

  <!-- Life dates: 1870–1924, or the words of birth and death when they are not dates. -->
  <xsl:function name="t:life-label" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="b" select="$entry/tei:birth[1] ! t:event-year(.)"/>
    <xsl:variable name="d" select="$entry/tei:death[1] ! t:event-year(.)"/>
    <xsl:sequence select="if (empty(($b, $d)[. ne ''])) then '' else ($b[. ne ''], '?')[1] || '–' || ($d[. ne ''], '?')[1]"/>
  </xsl:function>

  <xsl:function name="t:event-year" as="xs:string">
    <xsl:param name="event" as="element()"/>
    <xsl:variable name="when" select="string(($event/@when, $event/tei:date/@when, $event/@notBefore, $event/tei:date/@notBefore)[1])"/>
    <xsl:sequence select="if (matches($when, '^-?\d{4}')) then f:year(replace($when, '^(-?\d{4}).*$', '$1')) else normalize-space($event)"/>
  </xsl:function>

</xsl:stylesheet>
