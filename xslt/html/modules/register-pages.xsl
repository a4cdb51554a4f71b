<?xml version="1.0" encoding="UTF-8"?>
<!--
  The registers (TEI P5 §13.3): persons.html (initial template "persons") and places.html
  (initial template "places"), from the register files and the texts' own lists (standOff,
  header: their summaries carry them). One entry per person or place, alphabetical (accents ignored),
  id = the entry's xml:id: standard name, life dates, other forms, description, authority
  identifiers (idno), and every mention in the texts, linked to its paragraph
  (<text-id>.html#para-N), note (#note-K), heading (#head-K), opener or closer. The mentions
  come from the texts' summaries (summaries.xsl).
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

  <xsl:template name="persons">
    <xsl:call-template name="register-page">
      <xsl:with-param name="page" select="'persons'"/>
      <xsl:with-param name="entries" select="h:page-entries('persons', $registers//tei:listPerson//tei:person[@xml:id])"/>
      <xsl:with-param name="intro" select="'Les personnes nommées dans les textes de l’édition, par ordre alphabétique, avec les passages où elles sont mentionnées.'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="places">
    <xsl:call-template name="register-page">
      <xsl:with-param name="page" select="'places'"/>
      <xsl:with-param name="entries" select="h:page-entries('places', $registers//tei:listPlace//tei:place[@xml:id])"/>
      <xsl:with-param name="intro" select="'Les lieux nommés dans les textes de l’édition, par ordre alphabétique, avec les passages où ils sont mentionnés.'"/>
    </xsl:call-template>
  </xsl:template>

  <!--
    The entries of a page: the registers', then those of the texts' own lists (their summaries'
    h:entry) whose id the page does not have yet, the first text's (in the edition's order).
  -->
  <xsl:function name="h:page-entries" as="element()*">
    <xsl:param name="page" as="xs:string"/>
    <xsl:param name="registered" as="element()*"/>
    <xsl:variable name="taken" select="$registered/@xml:id ! ($page || ' ' || .)"/>
    <xsl:variable name="from-texts" as="element()*">
      <xsl:for-each-group select="$text-summaries/h:entry[starts-with(@key, $page || ' ')][not(@key = $taken)]" group-by="string(@key)">
        <xsl:sequence select="current-group()[1]/*[1]"/>
      </xsl:for-each-group>
    </xsl:variable>
    <xsl:sequence select="$registered, $from-texts"/>
  </xsl:function>

  <!-- The mentions of an entry in the texts' summaries, by page and xml:id. -->
  <xsl:key name="mentions" match="h:mentions" use="@key"/>

  <xsl:template name="register-page">
    <xsl:param name="page" as="xs:string"/>
    <xsl:param name="entries" as="element()*"/>
    <xsl:param name="intro" as="xs:string"/>
    <xsl:call-template name="page">
      <xsl:with-param name="page" select="$page"/>
      <xsl:with-param name="title" select="$L($page)"/>
      <xsl:with-param name="content">
        <header class="register-header">
          <h1>{$L($page)}</h1>
          <p class="register-intro">{h:ui($intro)}</p>
        </header>
        <div class="register register-{$page}">
          <xsl:for-each select="$entries">
            <xsl:sort select="f:sort-key(f:standard-name(.))"/>
            <xsl:call-template name="register-entry"/>
          </xsl:for-each>
        </div>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="register-entry">
    <xsl:variable name="french" select="f:is-french-code(f:lang-of(.))"/>
    <xsl:variable name="standard" select="f:standard-name(.)"/>
    <article class="entry" id="{@xml:id}">
      <xsl:sequence select="h:lang-attr(.)"/>
      <h2 class="entry-name">{f:typo($standard, $french)}</h2>
      <xsl:variable name="life" select="h:life-label(.)"/>
      <xsl:if test="$life ne ''">
        <p class="entry-life">{$life}</p>
      </xsl:if>
      <xsl:variable name="full" select="tei:persName[@type = 'full'] ! normalize-space()"/>
      <xsl:if test="exists($full)">
        <p class="entry-full-name">{h:ui($L?full-name || ' : ')}{string-join($full, ' ; ')}</p>
      </xsl:if>
      <xsl:variable name="names" select="(tei:persName | tei:placeName | tei:orgName | tei:name)[not(@type = 'full')] ! normalize-space()"/>
      <xsl:variable name="variants" select="distinct-values($names[. ne $standard])"/>
      <xsl:if test="exists($variants)">
        <p class="entry-variants">{h:ui($L?variants || ' : ')}{string-join($variants, ', ')}</p>
      </xsl:if>
      <xsl:for-each select="tei:note[normalize-space()]">
        <p class="entry-note">
          <xsl:sequence select="h:lang-attr(.)"/>
          <xsl:apply-templates mode="meta"/>
        </p>
      </xsl:for-each>
      <xsl:variable name="ids" select="tei:idno[normalize-space()]"/>
      <xsl:if test="$ids">
        <p class="entry-authority">
          <xsl:value-of select="h:ui($L?authority || ' : ')"/>
          <xsl:for-each select="$ids">
            <xsl:if test="position() gt 1">, </xsl:if>
            <xsl:variable name="href" select="h:safe-href(normalize-space(.))[matches(., '^https?://')]"/>
            <xsl:variable name="label" select="string-join((@type[normalize-space()] ! string(.), normalize-space(.)), ' ')"/>
            <xsl:choose>
              <xsl:when test="$href">
                <a class="idno" href="{$href}">{$label}</a>
              </xsl:when>
              <xsl:otherwise>
                <span class="idno">{$label}</span>
              </xsl:otherwise>
            </xsl:choose>
          </xsl:for-each>
        </p>
      </xsl:if>
      <div class="entry-mentions">
        <p class="mentions-label">{h:ui($L?mentions || ' :')}</p>
        <xsl:variable name="key" select="f:entry-page(.) || ' ' || @xml:id"/>
        <!-- The texts' items (summaries.xsl), the texts by date. -->
        <xsl:variable name="found" as="element()*">
          <xsl:for-each select="$summaries ! key('mentions', $key, .)">
            <xsl:sort select="string(../@date-key)"/>
            <xsl:copy-of select="li" copy-namespaces="no"/>
          </xsl:for-each>
        </xsl:variable>
        <xsl:choose>
          <xsl:when test="exists($found)">
            <ul class="mentions">
              <xsl:sequence select="$found"/>
            </ul>
          </xsl:when>
          <xsl:otherwise>
            <p class="no-mention">{$L?no-mention}</p>
          </xsl:otherwise>
        </xsl:choose>
      </div>
    </article>
  </xsl:template>

  <!-- Life dates in words: 22 avril 1870 – 21 janvier 1924. -->
  <xsl:function name="h:life-label" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="b" select="$entry/tei:birth[1] ! h:event-label(.)"/>
    <xsl:variable name="d" select="$entry/tei:death[1] ! h:event-label(.)"/>
    <xsl:sequence select="if (empty(($b, $d)[. ne ''])) then '' else ($b[. ne ''], '?')[1] || ' – ' || ($d[. ne ''], '?')[1]"/>
  </xsl:function>

  <xsl:function name="h:event-label" as="xs:string">
    <xsl:param name="event" as="element()"/>
    <xsl:variable name="when" select="($event/@when, $event/tei:date/@when)[1]"/>
    <xsl:sequence select="if ($when) then f:format-iso($when) else normalize-space($event)"/>
  </xsl:function>

</xsl:stylesheet>
