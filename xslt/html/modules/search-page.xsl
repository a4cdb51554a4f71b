<?xml version="1.0" encoding="UTF-8"?>
<!--
  The search page, search.html (initial template "search"): the form, the facets and the results
  that assets/search.js fills from the index in search/ (src/publish/search/: docs/search.md). Without
  JavaScript the page says so and links the index of texts and the registers, which list every
  mention of a person or place. The search box of every page's header (page.xsl) comes here.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns="http://www.w3.org/1999/xhtml"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:f="urn:x-tei-edition:functions"
  xmlns:h="urn:x-tei-edition:html"
  exclude-result-prefixes="#all"
  expand-text="yes">

  <xsl:template name="search">
    <xsl:call-template name="page">
      <xsl:with-param name="page" select="'search'"/>
      <xsl:with-param name="title" select="$L?nav-search"/>
      <xsl:with-param name="content">
        <header class="search-header">
          <h1>{$L?nav-search}</h1>
        </header>
        <div class="search-nojs" id="search-nojs">
          <p>{h:ui('La recherche dans les textes demande JavaScript, qui est désactivé ou n’a pas pu se charger.')}</p>
          <p>
            <xsl:text>{h:ui('Les textes sont listés dans')} </xsl:text>
            <a href="index.html">{h:ui('l’index des textes')}</a>
            <xsl:text>{h:ui(' ; les personnes')}</xsl:text>
            <xsl:if test="$has-places-page">
              <xsl:text> {h:ui('et les lieux')}</xsl:text>
            </xsl:if>
            <xsl:text>, {h:ui('avec chacune de leurs mentions, dans')} </xsl:text>
            <a href="persons.html">{h:ui('l’index des personnes')}</a>
            <xsl:if test="$has-places-page">
              <xsl:text> et </xsl:text>
              <a href="places.html">{h:ui('l’index des lieux')}</a>
            </xsl:if>
            <xsl:text>.</xsl:text>
          </p>
        </div>
        <div class="search-app" id="search-app" hidden="hidden">
          <form class="search-form" id="search-form" role="search" action="search.html" method="get">
            <label class="search-label" for="search-q">{$L?search-label}</label>
            <div class="search-field">
              <input type="search" id="search-q" name="q" autocomplete="off" spellcheck="false" aria-describedby="search-help"/>
              <button type="submit">{$L?search}</button>
            </div>
            <p class="search-help" id="search-help">{h:ui('Les accents, les majuscules et la forme de l’apostrophe sont indifférents ; chaque mot est cherché avec ses variantes (pluriel, féminin…) ; un résultat contient tous les mots. Les filtres à gauche se combinent avec la recherche.')}</p>
          </form>
          <div class="search-body">
            <div class="search-facets" id="search-facets"></div>
            <div class="search-output">
              <p class="search-status" id="search-status" role="status" aria-live="polite" aria-atomic="true"></p>
              <div class="search-results" id="search-results"></div>
            </div>
          </div>
        </div>
        <script src="assets/search-terms.js"></script>
        <script src="assets/search.js"></script>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
