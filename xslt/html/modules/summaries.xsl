<?xml version="1.0" encoding="UTF-8"?>
<!--
  What the collection pages (index, registers) and the text pages' pager need from each text,
  gathered in one pass over the text (initial template "text-summaries", on a batch of texts):

    <h:summaries>
      <h:text id="…" date-key="…" title="…" title-key="…" [header="yes"] [series-title="…"]>
        <h:editor name="…" role="…"/>*              the header's editors     (when the config has none)
        <h:licence name="…" [url="…" note="…"]/>?   the header's licence     (when the config has none)
        <li class="text-entry">…</li>               the text's entry of the index
        <h:mentions key="page id"><li>…</li></h:mentions>*  the text's item in the entry `id` of
                                                            the page `page` (persons, places)
        <h:entry key="page id" xml:lang="…"><person…/></h:entry>*   a person or place of the
                                                            text's own lists (standOff, header…)
        <h:unresolved target="…" count="N"/>*       a pointer of the text's names that resolves
                                                    nowhere, and how many names have it
      </h:text>
    </h:summaries>

  A mention is an element of the text's body whose pointer (@ref; for names also @key or
  @corresp) designates a person or place of a register or of the text's lists; the register item links each place of the text that mentions the entry: the anchor
  it falls under on the text page (para-N, note-K, head-K, opener-K, closer-K, or the paragraph
  before it). The collection pages are made from the summaries alone: each text is parsed and
  walked once for them, in a worker.
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

  <xsl:output name="summaries" method="xml" indent="no" encoding="UTF-8"/>

  <!-- summaries.xml, and keys.xml: the same without the h:text children (all the reading order needs). -->
  <xsl:template name="text-summaries">
    <xsl:variable name="summaries" as="element(h:summaries)">
      <h:summaries>
        <xsl:for-each select="$texts">
          <xsl:variable name="i" select="position()"/>
          <xsl:call-template name="text-summary">
            <xsl:with-param name="doc" select="."/>
            <xsl:with-param name="id" select="string(($text-ids[$i], 'texte-' || $i)[1])"/>
          </xsl:call-template>
        </xsl:for-each>
      </h:summaries>
    </xsl:variable>
    <xsl:call-template name="summary-documents">
      <xsl:with-param name="summaries" select="$summaries"/>
    </xsl:call-template>
  </xsl:template>

  <!-- summaries.xml and keys.xml of some texts' summaries. -->
  <xsl:template name="summary-documents">
    <xsl:param name="summaries" as="element(h:summaries)"/>
    <xsl:result-document href="summaries.xml" format="summaries">
      <xsl:sequence select="$summaries"/>
    </xsl:result-document>
    <xsl:result-document href="keys.xml" format="summaries">
      <h:summaries>
        <xsl:for-each select="$summaries/h:text">
          <xsl:copy>
            <xsl:copy-of select="@*"/>
          </xsl:copy>
        </xsl:for-each>
      </h:summaries>
    </xsl:result-document>
  </xsl:template>

  <xsl:template name="text-summary">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:param name="id" as="xs:string"/>
    <xsl:variable name="header" select="f:header($doc)"/>
    <xsl:variable name="title" select="f:text-title($doc, $id)"/>
    <h:text id="{$id}" date-key="{f:date-key(f:text-date($doc))}" title="{$title}" title-key="{f:sort-key($title)}">
      <xsl:if test="$header">
        <xsl:attribute name="header" select="'yes'"/>
      </xsl:if>
      <xsl:for-each select="($header/tei:fileDesc/tei:seriesStmt/tei:title[normalize-space()] ! normalize-space())[1]">
        <xsl:attribute name="series-title" select="."/>
      </xsl:for-each>
      <xsl:for-each select="f:header-editors($header)">
        <h:editor name="{?name}" role="{?role}"/>
      </xsl:for-each>
      <xsl:variable name="licence" select="f:header-licence($header)"/>
      <xsl:if test="exists($licence)">
        <h:licence>
          <xsl:for-each select="map:keys($licence)">
            <xsl:attribute name="{.}" select="$licence(.)"/>
          </xsl:for-each>
        </h:licence>
      </xsl:if>
      <xsl:call-template name="text-entry">
        <xsl:with-param name="doc" select="$doc"/>
        <xsl:with-param name="id" select="$id"/>
      </xsl:call-template>
      <xsl:call-template name="mentions">
        <xsl:with-param name="doc" select="$doc"/>
        <xsl:with-param name="id" select="$id"/>
        <xsl:with-param name="title" select="$title"/>
      </xsl:call-template>
    </h:text>
  </xsl:template>

  <!--
    The text's mentions of register persons and places: for each entry mentioned, its item of the
    register page (the text, then each place of the text that mentions it, in document order).
    Then the persons and places of the text's own lists (for the register pages), and the
    pointers of its names that resolve nowhere (for the build's warnings: unresolved-pointers.ts).
  -->
  <xsl:template name="mentions">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:param name="id" as="xs:string"/>
    <xsl:param name="title" as="xs:string"/>
    <!-- (The outermost texts' descendants: the teiHeader is not walked.) -->
    <xsl:variable name="refs" select="$doc/descendant::tei:text[not(ancestor::tei:text)]/descendant::*[@ref or ((@key or @corresp) and f:is-name(.))][not(ancestor::tei:teiHeader)]"/>
    <xsl:variable name="pointers" select="distinct-values($refs ! f:name-pointer(.))[. ne '']"/>
    <!-- Each pointer resolved once: pointer → page and xml:id of the person or place. -->
    <xsl:variable name="entries" as="map(xs:string, xs:string)">
      <xsl:map>
        <xsl:for-each select="$pointers">
          <xsl:variable name="target" select="h:table-target(.)"/>
          <xsl:choose>
            <xsl:when test="exists($target)">
              <xsl:if test="$target/@kind = ('person', 'place')">
                <xsl:map-entry key="." select="$target/@page || ' ' || substring-after($target/@p, '#')"/>
              </xsl:if>
            </xsl:when>
            <xsl:otherwise>
              <xsl:variable name="entry" select="f:pointer-entry(., $doc)[self::tei:person or self::tei:place]"/>
              <xsl:if test="exists($entry) and h:register-page($entry) ne ''">
                <xsl:map-entry key="." select="f:entry-page($entry) || ' ' || $entry/@xml:id"/>
              </xsl:if>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:for-each>
      </xsl:map>
    </xsl:variable>
    <xsl:if test="map:size($entries) gt 0">
      <xsl:variable name="els" select="h:anchor-elements($doc)"/>
      <xsl:variable name="notes" select="h:footnotes-of($els)"/>
      <xsl:variable name="anchors" select="h:anchor-map-of($els, $notes)"/>
      <xsl:variable name="labels" select="f:note-label-list($notes)"/>
      <xsl:variable name="text-title" select="h:ui($title)"/>
      <!-- A very long text is several pages: each mention links the part that holds it (../../shared/parts.xsl). -->
      <xsl:variable name="parts" select="f:parts($doc)"/>
      <xsl:for-each-group select="$refs" group-by="$entries(f:name-pointer(.))">
        <h:mentions key="{current-grouping-key()}">
          <li>
            <a class="mention-text" href="{$id}.html">{$text-title}</a>
            <xsl:value-of select="h:ui(' :')"/>
            <xsl:text> </xsl:text>
            <xsl:for-each-group select="current-group() ! h:mention-place(., $anchors, $labels)" group-by="?href">
              <xsl:if test="position() gt 1">, </xsl:if>
              <a class="mention" href="{if (exists($parts)) then f:href-of($id, ?node, $parts, ?href) else $id || '.html#' || ?href}">{?label}</a>
              <xsl:if test="count(current-group()) gt 1">
                <span class="mention-count"> (×{count(current-group())})</span>
              </xsl:if>
            </xsl:for-each-group>
          </li>
        </h:mentions>
      </xsl:for-each-group>
    </xsl:if>
    <xsl:for-each select="$doc/descendant::*[self::tei:person or self::tei:place][@xml:id][f:is-entry(.)]">
      <h:entry key="{f:entry-page(.)} {@xml:id}" xml:lang="{f:lang-of(.)}">
        <xsl:copy-of select="." copy-namespaces="no"/>
      </h:entry>
    </xsl:for-each>
    <!-- (A pointer of the register table resolves: only the others are looked at.) -->
    <xsl:sequence select="f:unresolved-pointers($refs[f:is-name(.)], $pointers[not(map:contains($entries, .))][empty(h:table-target(.))], $doc)"/>
  </xsl:template>

  <!--
    Where a mention is: { href: the anchor it falls under on the text page, label, node: the
    element that has the anchor (or the mention) }; outside any,
    the paragraph before it. $anchors: generate-id → anchor (h:anchor-map-of); $labels: the note
    labels, in note order.
  -->
  <xsl:function name="h:mention-place" as="map(*)">
    <xsl:param name="mention" as="element()"/>
    <xsl:param name="anchors" as="map(xs:string, xs:string)"/>
    <xsl:param name="labels" as="xs:string*"/>
    <!-- (Only these elements can have an anchor: generate-id() is slow in SaxonJS.) -->
    <xsl:variable name="host" select="$mention/ancestor-or-self::*[self::tei:p or self::tei:ab or self::tei:note or self::tei:head
      or self::tei:opener or self::tei:closer][h:anchor-kind(.) ne ''][1]"/>
    <xsl:variable name="id" select="if ($host) then string($anchors(generate-id($host))) else ''"/>
    <xsl:choose>
      <xsl:when test="starts-with($id, 'para-')">
        <xsl:sequence select="map { 'href': $id, 'label': '§&#xA0;' || substring-after($id, 'para-'), 'node': $host }"/>
      </xsl:when>
      <xsl:when test="starts-with($id, 'note-')">
        <xsl:variable name="k" as="xs:integer" select="xs:integer(substring-after($id, 'note-'))"/>
        <xsl:sequence select="map { 'href': $id, 'label': 'note&#xA0;' || $labels[$k], 'node': $host }"/>
      </xsl:when>
      <xsl:when test="starts-with($id, 'head-')">
        <xsl:sequence select="map { 'href': $id, 'label': $L?title-mention, 'node': $host }"/>
      </xsl:when>
      <xsl:when test="starts-with($id, 'opener-')">
        <xsl:sequence select="map { 'href': $id, 'label': $L?opener, 'node': $host }"/>
      </xsl:when>
      <xsl:when test="starts-with($id, 'closer-')">
        <xsl:sequence select="map { 'href': $id, 'label': $L?closer, 'node': $host }"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="before" select="$mention/preceding::*[self::tei:p or self::tei:ab][starts-with(string($anchors(generate-id(.))), 'para-')][1]"/>
        <xsl:sequence select="if ($before) then map { 'href': $anchors(generate-id($before)), 'label': '§&#xA0;' || substring-after($anchors(generate-id($before)), 'para-'), 'node': $before }
          else map { 'href': 'text', 'label': $L?start, 'node': $mention }"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- ===== Reading the summaries ===== -->

  <!-- The summaries given (parameter summaries), in the edition's order. -->
  <xsl:variable name="text-summaries" as="element(h:text)*" select="$summaries/h:summaries/h:text"/>

  <!-- The texts in reading order: by date (Gregorian), then title. -->
  <xsl:function name="h:reading-order" as="element(h:text)*">
    <xsl:param name="texts" as="element(h:text)*"/>
    <xsl:perform-sort select="$texts">
      <xsl:sort select="string(@date-key)"/>
      <xsl:sort select="string(@title-key)"/>
    </xsl:perform-sort>
  </xsl:function>

  <!-- The reading order as JSON, for the pager of each text page: [{ "id": …, "title": … }…] (keys.xml is enough). -->
  <xsl:template name="reading-order">
    <xsl:result-document href="reading-order.json" method="json">
      <xsl:sequence select="array { h:reading-order($text-summaries) ! map { 'id': string(@id), 'title': string(@title) } }"/>
    </xsl:result-document>
  </xsl:template>

</xsl:stylesheet>
