<?xml version="1.0" encoding="UTF-8"?>
<!--
  Names and dates (TEI P5 §13, §3.6): persName, placeName, orgName, name, rs and titles with
  @ref point into the registers (persons.xml#lenine). A person or place with a register page is a
  link to its entry (persons.html#lenine, places.html#petrograd) with its standard name, life
  dates and description as tooltip; organisations and periodicals get the tooltip only. Dates
  are <time datetime="…"> with their normalised values (both calendars) as tooltip.
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

  <!-- Life dates as years: (1870–1924), (?–1920). -->
  <xsl:function name="h:life-years" as="xs:string">
    <xsl:param name="person" as="element()"/>
    <xsl:variable name="b" select="h:event-year($person/tei:birth[1])"/>
    <xsl:variable name="d" select="h:event-year($person/tei:death[1])"/>
    <xsl:sequence select="if ($b = '' and $d = '') then '' else ($b[. ne ''], '?')[1] || '–' || ($d[. ne ''], '?')[1]"/>
  </xsl:function>

  <xsl:function name="h:event-year" as="xs:string">
    <xsl:param name="event" as="element()?"/>
    <xsl:variable name="v" select="string(($event/@when, $event/tei:date/@when, $event/@notBefore, $event/tei:date/@notBefore)[1])"/>
    <xsl:sequence select="if (matches($v, '^-?[0-9]{4}')) then replace($v, '^(-?[0-9]{4}).*$', '$1')
      else normalize-space(string-join($event/text(), ''))"/>
  </xsl:function>

  <!-- The tooltip of a name: standard form, full name and life dates, description. -->
  <xsl:function name="h:entry-tooltip" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="full" select="normalize-space(($entry/tei:persName[@type = 'full'])[1])"/>
    <xsl:variable name="details" select="string-join(($full[. ne ''], h:life-years($entry)[. ne '']), ', ')"/>
    <xsl:variable name="note" select="normalize-space(($entry/tei:note)[1])"/>
    <xsl:sequence select="f:standard-name($entry) || (if ($details) then ' (' || $details || ')' else '')
      || (if ($note) then ' — ' || $note else '')"/>
  </xsl:function>

  <!--
    What a pointer of a name (f:name-pointer: @ref, @key or @corresp) designates: { entry: the
    register entry, if any; href: where the name links, if anywhere (the entry's register page,
    else an external address); title: the entry's tooltip }.
  -->
  <xsl:function name="h:name-target" as="map(*)">
    <xsl:param name="pointer" as="xs:string"/>
    <xsl:param name="context" as="node()"/>
    <xsl:variable name="entry" select="f:pointer-entry($pointer, $context)"/>
    <xsl:variable name="uri" select="if ($entry or starts-with($pointer, '@key ')) then () else f:expand-prefix($pointer, $context)"/>
    <xsl:sequence select="map {
      'entry': $entry,
      'href': if ($entry) then (h:register-page($entry)[. ne ''] ! (. || '#' || $entry/@xml:id))
        else if (matches($uri, '^https?://')) then h:safe-href($uri) else (),
      'title': $entry ! h:entry-tooltip(.) }"/>
  </xsl:function>

  <!--
    The register table: every entry of the registers as the target of a pointer "file#id" (the
    form the converter writes), resolved as h:name-target resolves it, in code-point order of the
    pointers (a stable file). A page or a summary would otherwise resolve its pointers again in each
    transformation (and SaxonJS index the registers again for key()): the table is made once per
    thread (initial template "register-table") and given to them (parameter register-table).

      <h:targets>
        <h:target p="persons.xml#lenine" href="persons.html#lenine" title="…tooltip…" page="persons" kind="person"/>*
      </h:targets>
  -->
  <xsl:template name="register-table">
    <h:targets>
      <xsl:variable name="targets" as="element(h:target)*">
        <xsl:for-each select="$registers">
          <xsl:variable name="file" select="f:file-name(.)"/>
          <xsl:for-each-group select=".//*[@xml:id][self::tei:person or self::tei:place or self::tei:org or self::tei:bibl
            or self::tei:personGrp or self::tei:event or self::tei:item or self::tei:nym]" group-by="string(@xml:id)">
            <xsl:variable name="pointer" select="$file || '#' || current-grouping-key()"/>
            <!-- (The entry f:register-entry finds for the pointer: the first of its file, or of every register when file names repeat.) -->
            <xsl:variable name="entry" select="f:register-entry($pointer, .)"/>
            <xsl:if test=". is $entry and not(contains($pointer, ' '))">
              <h:target p="{$pointer}" href="{h:register-page(.)[. ne ''] ! (. || '#' || current-grouping-key())}"
                title="{h:entry-tooltip(.)}" page="{f:entry-page(.)}" kind="{local-name()}"/>
            </xsl:if>
          </xsl:for-each-group>
        </xsl:for-each>
      </xsl:variable>
      <xsl:perform-sort select="$targets">
        <xsl:sort select="string(@p)" collation="http://www.w3.org/2005/xpath-functions/collation/codepoint"/>
      </xsl:perform-sort>
    </h:targets>
  </xsl:template>

  <!-- (A map, built once per transformation: a search of the table by position costs SaxonJS more.) -->
  <xsl:variable name="table-map" as="map(xs:string, element(h:target))"
    select="map:merge($register-table/h:targets/h:target ! map:entry(string(@p), .), map { 'duplicates': 'use-first' })"/>

  <!-- The register table's target of a pointer, if it has the pointer (none without a table). -->
  <xsl:function name="h:table-target" as="element(h:target)?">
    <xsl:param name="pointer" as="xs:string"/>
    <xsl:sequence select="$table-map($pointer)"/>
  </xsl:function>

  <!-- What a pointer of a name designates (as h:name-target): from the register table when it has the pointer. -->
  <xsl:function name="h:pointer-target" as="map(*)">
    <xsl:param name="pointer" as="xs:string"/>
    <xsl:param name="context" as="node()"/>
    <xsl:variable name="target" select="h:table-target($pointer)"/>
    <xsl:sequence select="if (exists($target))
      then map { 'entry': true(), 'href': string($target/@href)[. ne ''], 'title': string($target/@title) }
      else h:name-target($pointer, $context)"/>
  </xsl:function>

  <!-- The targets of the text's names, resolved once per pointer (a text names the same persons many times). -->
  <xsl:variable name="name-targets" as="map(xs:string, map(*))">
    <xsl:map>
      <xsl:for-each select="distinct-values(($source/descendant::*[@ref], $source/descendant::*[@key or @corresp][f:is-name(.)]) ! f:name-pointer(.))[. ne '']">
        <xsl:map-entry key="." select="h:pointer-target(., $source)"/>
      </xsl:for-each>
    </xsl:map>
  </xsl:variable>

  <!--
    A name: a link to its register entry when it has a page, else a span; the tooltip when the
    register has the entry. Never a link inside a link or around a note.
  -->
  <xsl:template name="name">
    <xsl:param name="element" as="xs:string" select="'span'"/>
    <xsl:param name="in-link" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="pointer" select="f:name-pointer(.)"/>
    <xsl:variable name="target" select="if ($pointer eq '') then ()
      else if (root() is $source) then $name-targets($pointer) else h:pointer-target($pointer, .)"/>
    <xsl:variable name="href" select="$target?href"/>
    <xsl:choose>
      <!--
        (Most names of a text: a link to a register entry, no attribute but @ref, not in a link, no
        note inside; the classes are "name" and the element's name. The general rule, name-general,
        gives the same at a higher cost.)
      -->
      <xsl:when test="$element eq 'span' and exists($href) and exists($target?entry) and not($in-link) and count(@*) eq 1
        and not(self::tei:name) and empty(descendant::tei:note)">
        <a href="{$href}" class="name {local-name()}" title="{$target?title}">
          <xsl:apply-templates>
            <xsl:with-param name="phrasing" select="true()" tunnel="yes"/>
            <xsl:with-param name="in-link" select="true()" tunnel="yes"/>
          </xsl:apply-templates>
        </a>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="name-general">
          <xsl:with-param name="element" select="$element"/>
          <xsl:with-param name="target" select="$target"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="name-general">
    <xsl:param name="element" as="xs:string"/>
    <xsl:param name="target" as="map(*)?"/>
    <xsl:param name="in-link" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="href" select="$target?href"/>
    <xsl:variable name="classes" select="('name', local-name(), if (@rend or @rendition or @style) then h:rend-classes(.) else (),
      @level ! ('level-' || h:token(.)))"/>
    <xsl:variable name="tooltip" as="attribute()?">
      <xsl:if test="exists($target?entry)">
        <xsl:attribute name="title" select="$target?title"/>
      </xsl:if>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="exists($href) and not($in-link) and empty(descendant::tei:note)">
        <a href="{$href}">
          <xsl:call-template name="class-and-lang">
            <xsl:with-param name="classes" select="$classes"/>
          </xsl:call-template>
          <xsl:sequence select="$tooltip"/>
          <xsl:choose>
            <xsl:when test="$element ne 'span'">
              <xsl:element name="{$element}">
                <xsl:apply-templates>
                  <xsl:with-param name="phrasing" select="true()" tunnel="yes"/>
                  <xsl:with-param name="in-link" select="true()" tunnel="yes"/>
                </xsl:apply-templates>
              </xsl:element>
            </xsl:when>
            <xsl:otherwise>
              <xsl:apply-templates>
                <xsl:with-param name="phrasing" select="true()" tunnel="yes"/>
                <xsl:with-param name="in-link" select="true()" tunnel="yes"/>
              </xsl:apply-templates>
            </xsl:otherwise>
          </xsl:choose>
        </a>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="block">
          <xsl:with-param name="name" select="$element"/>
          <xsl:with-param name="class" select="$classes"/>
          <xsl:with-param name="attributes" select="$tooltip"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:persName | tei:placeName | tei:orgName | tei:name | tei:rs | tei:geogName
    | tei:settlement | tei:country | tei:region | tei:bloc | tei:district | tei:objectName">
    <xsl:call-template name="name"/>
  </xsl:template>

  <!-- Titles: of monographs, journals and series in italics (cite); periodicals of the register with their tooltip. -->
  <xsl:template match="tei:title">
    <xsl:call-template name="name">
      <xsl:with-param name="element" select="if (@level = ('a', 'u')) then 'span' else 'cite'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:date | tei:time | tei:origDate">
    <xsl:variable name="dt" select="f:datetime(.)"/>
    <xsl:variable name="title" select="f:date-title(.)"/>
    <xsl:call-template name="block">
      <xsl:with-param name="name" select="if ($dt ne '') then 'time' else 'span'"/>
      <xsl:with-param name="class" select="'date'"/>
      <xsl:with-param name="attributes" as="attribute()*">
        <xsl:if test="$dt ne ''">
          <xsl:attribute name="datetime" select="$dt"/>
        </xsl:if>
        <xsl:if test="$title ne ''">
          <xsl:attribute name="title" select="$title"/>
        </xsl:if>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
