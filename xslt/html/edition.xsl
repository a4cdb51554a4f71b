<?xml version="1.0" encoding="UTF-8"?>
<!--
  The HTML reading edition: TEI P5 → HTML5 (polyglot: also well-formed XML), XSLT 3.0 for SaxonJS.

  Entry points
    • a TEI document as source (TEI or teiCorpus root)  → the text's page   (<text-id>.html); a very
                                                           long text: its contents page, and its parts
                                                           as result documents <text-id>-<n>.html
    • initial template "register-table"                  → the registers' entries as name targets, given
                                                           to the text pages and the summaries
    • initial template "text-summaries"                  → summaries.xml: what the other pages need
                                                           from each of `texts` (summaries.xsl), and
                                                           keys.xml, its attributes only
    • initial template "reading-order"                   → reading-order.json: the texts of
                                                           `summaries` (keys.xml will do) in reading
                                                           order, for the pager
    • initial template "index"                           → index.html
    • initial template "persons"                         → persons.html
    • initial template "places"                          → places.html (when a places register is given)
    • initial template "search"                          → search.html (the search page: modules/search-page.xsl)

  Parameters (all optional)
    edition-json    JSON of the edition config's `edition` object, plus optional
                    `notes: { editorLabel, editorSeries }` and `baseUrl`
    registers       the register documents (persons.xml, places.xml, periodicals.xml, organisations.xml)
    register-table  text page, "text-summaries": the output of "register-table" for the same
                    registers (namesdates.xsl), made once and given to every page; without it,
                    each pointer is resolved in the registers
    text-id         the text's file name without .xml
    text-ids        the ids of the edition's texts (text page: links to other texts); for
                    "text-summaries", the ids of `texts`, in the same order
    texts           "text-summaries": the texts to summarise (document nodes)
    summaries       "reading-order", "index", "persons", "places", "search": the summaries of every text of
                    the edition (summaries.xml documents), in the edition's order
    local-images    text page: the local images the site has a copy of (map: the address as the TEI
                    writes it in graphic/@url or pb/@facs → the site path images/…; made by
                    src/publish/edition/local-images.ts); without it, graphics are captions
    previous-id, previous-title, next-id, next-title
                    text page: the texts before and after it in reading order (the pager)
    pager-slot      text page: true() → the pager is a comment "tei-edition:pager", filled
                    afterwards with the pager of initial template "pagers" (the page is then the
                    same whatever its neighbours: a build caches it by its own inputs)
    with-summary    text page: true() → also the text's summaries.xml and keys.xml (as
                    "text-summaries" makes them for this one text), so that a text is parsed and
                    transformed once
    reading-order-json
                    "pagers": the texts in reading order, JSON [{"id": …, "title": …}…] → one
                    result document pager/<id> per text (its pager, or nothing)
    split-level, split-threshold
                    text page, "text-summaries": a text whose body holds more than
                    split-threshold characters (default 400000) is published as a contents page
                    and one page per division at split-level (default 1): ../shared/parts.xsl

  Rendering choices live in the modules, one template per TEI element, grouped by TEI module
  (see modules/*.xsl); the page frames live in modules/page.xsl and the two collection pages in
  modules/index-page.xsl and modules/register-pages.xsl.
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

  <xsl:output method="xhtml" html-version="5" omit-xml-declaration="yes" indent="no"
    include-content-type="no" encoding="UTF-8"/>

  <!-- What the HTML and print editions share (functions only): xslt/shared/. -->
  <xsl:include href="../shared/edition-config.xsl"/>
  <xsl:include href="../shared/text-metadata.xsl"/>
  <xsl:include href="../shared/note-labels.xsl"/>
  <xsl:include href="../shared/dates.xsl"/>
  <xsl:include href="../shared/typography.xsl"/>
  <xsl:include href="../shared/rendition.xsl"/>
  <xsl:include href="../shared/local-images.xsl"/>
  <xsl:include href="../shared/parts.xsl"/>
  <xsl:include href="modules/common.xsl"/>
  <xsl:include href="modules/metadata.xsl"/>
  <xsl:include href="modules/page.xsl"/>
  <xsl:include href="modules/part-pages.xsl"/>
  <xsl:include href="modules/textstructure.xsl"/>
  <xsl:include href="modules/core.xsl"/>
  <xsl:include href="modules/notes.xsl"/>
  <xsl:include href="modules/namesdates.xsl"/>
  <xsl:include href="modules/transcr.xsl"/>
  <xsl:include href="modules/figures.xsl"/>
  <xsl:include href="modules/other-modules.xsl"/>
  <xsl:include href="modules/fallback.xsl"/>
  <xsl:include href="modules/index-page.xsl"/>
  <xsl:include href="modules/register-pages.xsl"/>
  <xsl:include href="modules/search-page.xsl"/>
  <xsl:include href="modules/summaries.xsl"/>

  <xsl:param name="edition-json" as="xs:string" select="'{}'"/>
  <xsl:param name="registers" as="document-node()*" select="()"/>
  <xsl:param name="local-images" as="map(*)" select="map {}"/>
  <xsl:param name="register-table" as="document-node()?" select="()"/>
  <xsl:param name="text-id" as="xs:string?" select="()"/>
  <xsl:param name="text-ids" as="xs:string*" select="()"/>
  <xsl:param name="texts" as="document-node()*" select="()"/>
  <xsl:param name="summaries" as="document-node()*" select="()"/>
  <xsl:param name="previous-id" as="xs:string?" select="()"/>
  <xsl:param name="previous-title" as="xs:string?" select="()"/>
  <xsl:param name="next-id" as="xs:string?" select="()"/>
  <xsl:param name="next-title" as="xs:string?" select="()"/>
  <xsl:param name="pager-slot" as="xs:boolean" select="false()"/>
  <xsl:param name="with-summary" as="xs:boolean" select="false()"/>
  <xsl:param name="reading-order-json" as="xs:string" select="'[]'"/>

  <!-- The text page: the source document is one TEI text (or a teiCorpus). -->
  <xsl:template match="/">
    <xsl:call-template name="text-page"/>
    <xsl:if test="$with-summary">
      <xsl:call-template name="summary-documents">
        <xsl:with-param name="summaries" as="element(h:summaries)">
          <h:summaries>
            <xsl:call-template name="text-summary">
              <xsl:with-param name="doc" select="."/>
              <xsl:with-param name="id" select="$page-text-id"/>
            </xsl:call-template>
          </h:summaries>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
