<?xml version="1.0" encoding="UTF-8"?>
<!--
  The back of the book (initial template "back"): the index of persons, and of places when the
  edition has places. The entries are the registers' and those of the texts' own lists (standOff,
  teiHeader: each chapter's transformation writes them as its secondary result "register-entries",
  given to the back as text-entries), the registers' first, one per xml:id (sorted here, accents
  ignored, with full name and life dates); which pages mention each is for Typst to find (book.typ,
  register-index), where the #mention marks of the chapters are laid out, so the page numbers are
  always right.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:f="urn:x-tei-edition:functions"
  xmlns:h="urn:x-tei-edition:html"
  xmlns:t="urn:x-tei-edition:print"
  exclude-result-prefixes="#all"
  expand-text="yes">

  <!-- The chapters' "register-entries" (the back): <t:entries><person…/>*<place…/>*</t:entries>. -->
  <xsl:param name="text-entries" as="document-node()*" select="()"/>

  <xsl:template name="back">
    <xsl:call-template name="register-index">
      <xsl:with-param name="kind" select="'person'"/>
      <xsl:with-param name="title" select="$t:L?persons"/>
      <xsl:with-param name="entries" select="t:index-entries($registers//tei:listPerson//tei:person[@xml:id], $text-entries/t:entries/tei:person)"/>
    </xsl:call-template>
    <xsl:call-template name="register-index">
      <xsl:with-param name="kind" select="'place'"/>
      <xsl:with-param name="title" select="$t:L?places"/>
      <xsl:with-param name="entries" select="t:index-entries($registers//tei:listPlace//tei:place[@xml:id], $text-entries/t:entries/tei:place)"/>
    </xsl:call-template>
  </xsl:template>

  <!-- The registers' entries, then the texts' whose xml:id is not taken yet (the first of each). -->
  <xsl:function name="t:index-entries" as="element()*">
    <xsl:param name="registered" as="element()*"/>
    <xsl:param name="from-texts" as="element()*"/>
    <xsl:variable name="taken" select="$registered/@xml:id/string()"/>
    <xsl:sequence select="$registered"/>
    <xsl:for-each-group select="$from-texts[@xml:id][not(@xml:id = $taken)]" group-by="string(@xml:id)">
      <xsl:sequence select="current-group()[1]"/>
    </xsl:for-each-group>
  </xsl:function>

  <!-- The text's id (a chapter), for its "unresolved-pointers". -->
  <xsl:param name="text-id" as="xs:string" select="''"/>

  <!--
    A chapter's secondary results (called on the text's document; each only when not empty):
    "register-entries", the persons and places of the text's own lists, for the back; and
    "unresolved-pointers", the pointers of its names that resolve nowhere, as the HTML summaries
    give them (<h:summaries><h:text id="…"><h:unresolved…/>*</h:text></h:summaries>), for the
    build's warnings (src/publish/html/unresolved-pointers.ts).
  -->
  <xsl:template name="text-register-entries">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:variable name="names" select="f:text-names($doc)"/>
    <xsl:variable name="unresolved" select="f:unresolved-pointers($names, distinct-values($names ! f:name-pointer(.)), $doc)"/>
    <xsl:if test="exists($unresolved)">
      <xsl:result-document href="unresolved-pointers" method="xml" indent="no">
        <h:summaries>
          <h:text id="{$text-id}">
            <xsl:sequence select="$unresolved"/>
          </h:text>
        </h:summaries>
      </xsl:result-document>
    </xsl:if>
    <xsl:variable name="entries" select="$doc/descendant::*[self::tei:person or self::tei:place][@xml:id][f:is-entry(.)]"/>
    <xsl:if test="exists($entries)">
      <xsl:result-document href="register-entries" method="xml" indent="no">
        <t:entries>
          <xsl:for-each select="$entries">
            <xsl:copy>
              <xsl:attribute name="xml:lang" select="f:lang-of(.)"/>
              <xsl:copy-of select="@*, node()" copy-namespaces="no"/>
            </xsl:copy>
          </xsl:for-each>
        </t:entries>
      </xsl:result-document>
    </xsl:if>
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
