<?xml version="1.0" encoding="UTF-8"?>
<!--
  The page frame shared by every page (head, skip link, site header and nav, main, footer) and the
  text page: its header (title, author, date, source, licence, TEI download, how to cite), the
  view switch, the text and its notes.
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

  <xsl:variable name="ui-french" as="xs:boolean" select="f:is-french-code($ui-lang)"/>

  <!-- A string of the interface or of the config, with French typography. -->
  <xsl:function name="h:ui" as="xs:string">
    <xsl:param name="s" as="xs:string?"/>
    <xsl:sequence select="f:typo(string($s), $ui-french)"/>
  </xsl:function>

  <xsl:template name="page">
    <xsl:param name="page" as="xs:string"/>
    <xsl:param name="title" as="xs:string"/>
    <xsl:param name="root" as="node()?" select="()"/>
    <!-- The page's content (the collection pages); the text page's is written in place (text-page-content): a temporary tree would be copied again. -->
    <xsl:param name="content" as="node()*" select="()"/>
    <!-- A part of a split text (1, 2…); 0: the whole text, or the contents page of a split one. -->
    <xsl:param name="part" as="xs:integer" select="0"/>
    <xsl:variable name="edition-title" select="f:edition-title($root)"/>
    <xsl:variable name="head-title" select="if ($part gt 0) then h:part-label($parts[$part], $part) || ' — ' || $title else $title"/>
    <html lang="{$ui-lang}">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>{h:ui($head-title)}{if ($title ne $edition-title) then ' — ' || h:ui($edition-title) else ''}</title>
        <meta name="generator" content="tei-edition"/>
        <link rel="stylesheet" href="assets/edition.css"/>
        <script src="assets/edition.js" defer="defer"></script>
        <xsl:if test="$page = 'search'">
          <!-- The search index's manifest and facets, asked for at once (assets/search.js takes them when they come). -->
          <xsl:for-each select="('manifest', 'facets')">
            <script src="search/{.}.js" async="async" data-search-file="{.}" onerror="this.setAttribute('data-failed', 'yes')"></script>
          </xsl:for-each>
        </xsl:if>
      </head>
      <body class="page-{$page}{if ($page = 'text') then ' view-reading' else ''}">
        <a class="skip-link" href="#main">{$L?skip}</a>
        <header class="site-header">
          <p class="site-title"><a href="index.html">{h:ui($edition-title)}</a></p>
          <nav class="site-nav" aria-label="{$L?site-nav}">
            <ul>
              <xsl:for-each select="('index', 'persons', if ($has-places-page or $page = 'places') then 'places' else (), 'search')">
                <li>
                  <a href="{.}.html">
                    <xsl:if test=". = $page">
                      <xsl:attribute name="aria-current" select="'page'"/>
                    </xsl:if>
                    <xsl:value-of select="$L('nav-' || .)"/>
                  </a>
                </li>
              </xsl:for-each>
            </ul>
          </nav>
          <!-- The search box: search.html does the search (without JavaScript it says so and links the registers). -->
          <form class="site-search" role="search" action="search.html" method="get" aria-label="{$L?search}">
            <label class="visually-hidden" for="site-search-q">{$L?search-label}</label>
            <input type="search" id="site-search-q" name="q" autocomplete="off"/>
            <button type="submit">{$L?search}</button>
          </form>
        </header>
        <main id="main" tabindex="-1">
          <xsl:choose>
            <xsl:when test="$page = 'text'">
              <xsl:call-template name="text-page-content">
                <xsl:with-param name="title" select="$title"/>
                <xsl:with-param name="part" select="$part"/>
              </xsl:call-template>
            </xsl:when>
            <xsl:otherwise>
              <xsl:sequence select="$content"/>
            </xsl:otherwise>
          </xsl:choose>
        </main>
        <footer class="site-footer">
          <xsl:variable name="licence" select="f:licence($root)"/>
          <p>
            <cite>{h:ui($edition-title)}</cite>
            <xsl:if test="exists(f:editors($root))">, {h:ui(string-join(f:editors($root) ! string(?name), ', '))}</xsl:if>
            <xsl:if test="exists($licence)">
              <xsl:text>. </xsl:text>
              <xsl:call-template name="licence-link">
                <xsl:with-param name="licence" select="$licence"/>
              </xsl:call-template>
            </xsl:if>
            <xsl:text>.</xsl:text>
          </p>
          <p class="made-with">{$L?made-with}</p>
        </footer>
      </body>
    </html>
  </xsl:template>

  <xsl:template name="licence-link">
    <xsl:param name="licence" as="map(*)"/>
    <xsl:variable name="href" select="h:safe-href(string($licence?url))"/>
    <xsl:choose>
      <xsl:when test="$href">
        <a rel="license" href="{$href}">{h:ui(string(($licence?name, $licence?url)[1]))}</a>
      </xsl:when>
      <xsl:otherwise>{h:ui(string($licence?name))}</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ===== The text page ===== -->

  <xsl:variable name="page-text-id" as="xs:string"
    select="(normalize-space($text-id), replace(f:file-name($source), '\.xml$', ''), 'texte')[. ne ''][1]"/>

  <xsl:function name="h:text-url" as="xs:string">
    <xsl:param name="id" as="xs:string"/>
    <xsl:sequence select="if ($base-url = '') then $id || '.html' else if (ends-with($base-url, '/')) then $base-url || $id || '.html' else $base-url || '/' || $id || '.html'"/>
  </xsl:function>

  <!-- The text's language (the interface's is on <html>). -->
  <xsl:variable name="text-lang" as="attribute()?">
    <xsl:if test="f:bcp47($source-lang) ne ''">
      <xsl:attribute name="lang" select="f:bcp47($source-lang)"/>
    </xsl:if>
  </xsl:variable>

  <!-- The parts of a very long text (../../shared/parts.xsl); empty: the text is one page. -->
  <xsl:variable name="parts" as="element()*" select="f:parts($source)"/>

  <!-- The text's page; a split text's is its contents page, and each part is a page of its own. -->
  <xsl:template name="text-page">
    <xsl:variable name="title" select="f:text-title($source, $page-text-id)"/>
    <xsl:call-template name="page">
      <xsl:with-param name="page" select="'text'"/>
      <xsl:with-param name="title" select="$title"/>
      <xsl:with-param name="root" select="$source"/>
    </xsl:call-template>
    <xsl:for-each select="$parts">
      <xsl:variable name="n" select="position()"/>
      <xsl:result-document href="{f:part-file($page-text-id, $n)}">
        <xsl:call-template name="page">
          <xsl:with-param name="page" select="'text'"/>
          <xsl:with-param name="title" select="$title"/>
          <xsl:with-param name="root" select="$source"/>
          <xsl:with-param name="part" select="$n"/>
        </xsl:call-template>
      </xsl:result-document>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="text-page-content">
    <xsl:param name="title" as="xs:string"/>
    <xsl:param name="part" as="xs:integer" select="0"/>
    <xsl:choose>
      <xsl:when test="exists($parts) and $part = 0">
        <xsl:call-template name="contents-page-content">
          <xsl:with-param name="title" select="$title"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$part gt 0">
        <xsl:call-template name="part-page-content">
          <xsl:with-param name="title" select="$title"/>
          <xsl:with-param name="part" select="$part"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="whole-text-content">
          <xsl:with-param name="title" select="$title"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="whole-text-content">
    <xsl:param name="title" as="xs:string"/>
    <article class="text-page">
      <xsl:sequence select="h:search-marks()"/>
      <xsl:call-template name="text-header">
        <xsl:with-param name="title" select="$title"/>
      </xsl:call-template>
      <div class="text-views" id="source-view">
        <xsl:sequence select="$text-lang"/>
        <div class="text" id="text">
          <xsl:apply-templates select="$source/*">
            <xsl:with-param name="depth" select="1" tunnel="yes"/>
          </xsl:apply-templates>
        </div>
        <xsl:call-template name="endnotes"/>
      </div>
      <xsl:call-template name="pager"/>
    </article>
  </xsl:template>

  <xsl:template name="text-header">
    <xsl:param name="title" as="xs:string"/>
    <!-- The page's own name (a part's: <id>-<n>), for the address to cite; the first paragraph's anchor; and whether the text is on the page (the view switch, how to cite a paragraph). -->
    <xsl:param name="page-id" as="xs:string" select="$page-text-id"/>
    <xsl:param name="first-para" as="xs:string" select="'para-1'"/>
    <xsl:param name="views" as="xs:boolean" select="true()"/>
    <xsl:variable name="date" select="f:text-date($source)"/>
    <xsl:variable name="authors" select="f:text-authors($source, $page-text-id)"/>
    <xsl:variable name="licence" select="f:text-licence($source)"/>
    <xsl:variable name="url" select="h:text-url($page-id)"/>
    <header class="text-header">
      <h1 class="text-title">
        <xsl:sequence select="$text-lang"/>
        <xsl:value-of select="f:typo($title, f:is-french-code($source-lang))"/>
      </h1>
      <dl class="text-meta">
        <xsl:if test="exists($authors)">
          <dt>{$L?author}</dt>
          <dd class="text-author">{string-join($authors, ', ')}</dd>
        </xsl:if>
        <xsl:if test="$date">
          <dt>{$L?date}</dt>
          <dd class="text-date">
            <xsl:call-template name="date-time">
              <xsl:with-param name="date" select="$date"/>
            </xsl:call-template>
          </dd>
        </xsl:if>
        <xsl:variable name="bibl">
          <xsl:call-template name="source-bibl">
            <xsl:with-param name="root" select="$source"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:if test="normalize-space($bibl)">
          <dt>{$L?source}</dt>
          <dd class="text-source">
            <xsl:sequence select="$bibl"/>
          </dd>
        </xsl:if>
        <xsl:if test="exists($licence)">
          <dt>{$L?licence}</dt>
          <dd class="text-licence">
            <xsl:call-template name="licence-link">
              <xsl:with-param name="licence" select="$licence"/>
            </xsl:call-template>
            <xsl:if test="normalize-space($licence?note)">
              <xsl:text>. </xsl:text>
              <span class="licence-note">{h:ui($licence?note)}</span>
            </xsl:if>
          </dd>
        </xsl:if>
        <dt class="text-download-label">{$L?tei-files}</dt>
        <dd class="text-download">
          <a class="tei-download" href="tei/{$page-text-id}.xml" type="application/tei+xml" download="{$page-text-id}.xml">{$L?download} ({$page-text-id}.xml)</a>
        </dd>
      </dl>
      <p class="cite">
        <span class="cite-label">{h:ui($L?cite || ' :')}</span>
        <xsl:text> </xsl:text>
        <span class="cite-text">
          <xsl:value-of select="h:ui(string-join(($authors, '« ' || $title || ' »',
            $date ! f:date-label(.), 'dans ' || f:edition-title($source),
            string-join(f:editors($source) ! string(?name), ', ') ! (. || ' (éd.)')[. ne ' (éd.)']), ', ') || ', ')"/>
          <a class="cite-url" href="{$url}">{$url}</a>
          <xsl:text>.</xsl:text>
        </span>
        <!-- (A split text's contents page has no paragraph: its parts' pages tell how to cite one.) -->
        <xsl:if test="$views">
          <xsl:text> </xsl:text>
          <span class="cite-para">{h:ui($L?cite-para || ' :')} <code>{$url}#{$first-para}</code>.</span>
        </xsl:if>
      </p>
      <xsl:if test="$views">
        <div class="view-switch" id="reading-view" role="group" aria-label="{$L?views}">
          <span class="view-links">
            <a class="view-link view-link-reading" href="#reading-view">{$L?view-reading}</a>
            <xsl:text> · </xsl:text>
            <a class="view-link view-link-source" href="#source-view">{$L?view-source}</a>
          </span>
          <button type="button" id="view-toggle" class="view-toggle" aria-pressed="false" hidden="hidden">{$L?view-toggle}</button>
        </div>
      </xsl:if>
    </header>
  </xsl:template>

  <!--
    What the search index (src/publish/search/) reads on a text page, besides the anchors every page has
    (para-N, note-N, head-N, opener-N, closer-N: the parts a result links to) and the names' links
    to the registers (the person and place facets): the text's id and its year (Gregorian: the
    date the index sorts by, else the year its date's text gives), on the text's article.
  -->
  <xsl:function name="h:search-marks" as="attribute()*">
    <xsl:attribute name="data-search-text" select="$page-text-id"/>
    <xsl:variable name="date" select="f:text-date($source)"/>
    <!-- (The normalised date, Gregorian, else the first year the date's text gives: "1917", "Jahrgang 1917".) -->
    <xsl:variable name="year" select="(f:date-key($date)[matches(., '^-?[0-9]{4}')][. ne '9999'] ! replace(., '^(-?[0-9]{4}).*$', '$1'),
      analyze-string(string($date), '[0-9]{4}')/*:match[1] ! string())[1]"/>
    <xsl:if test="exists($year)">
      <xsl:attribute name="data-search-year" select="xs:integer($year)"/>
    </xsl:if>
  </xsl:function>

  <!-- Previous and next texts in reading order (parameters: the site builder knows the order, summaries.xsl). -->
  <xsl:template name="pager">
    <xsl:choose>
      <xsl:when test="$pager-slot">
        <xsl:comment>tei-edition:pager</xsl:comment>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="pager-nav">
          <xsl:with-param name="previous" select="normalize-space($previous-id)[. ne '']"/>
          <xsl:with-param name="previous-title" select="$previous-title"/>
          <xsl:with-param name="next" select="normalize-space($next-id)[. ne '']"/>
          <xsl:with-param name="next-title" select="$next-title"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Every text's pager (initial template "pagers"), for the pages made with pager-slot: pager/<id>, in reading order. -->
  <xsl:template name="pagers">
    <xsl:variable name="order" select="parse-json($reading-order-json)?*" as="map(*)*"/>
    <xsl:for-each select="$order">
      <xsl:variable name="i" select="position()"/>
      <xsl:result-document href="pager/{?id}">
        <xsl:call-template name="pager-nav">
          <xsl:with-param name="previous" select="$order[$i - 1]?id"/>
          <xsl:with-param name="previous-title" select="$order[$i - 1]?title"/>
          <xsl:with-param name="next" select="$order[$i + 1]?id"/>
          <xsl:with-param name="next-title" select="$order[$i + 1]?title"/>
        </xsl:call-template>
      </xsl:result-document>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="pager-nav">
    <xsl:param name="previous" as="xs:string?"/>
    <xsl:param name="previous-title" as="xs:string?"/>
    <xsl:param name="next" as="xs:string?"/>
    <xsl:param name="next-title" as="xs:string?"/>
    <xsl:if test="exists(($previous, $next))">
      <nav class="pager" aria-label="{$L?pager}">
        <ul>
          <xsl:if test="exists($previous)">
            <li class="pager-previous">
              <a rel="prev" href="{$previous}.html"><span class="pager-label">{h:ui($L?previous || ' :')} </span>{h:ui($previous-title)}</a>
            </li>
          </xsl:if>
          <xsl:if test="exists($next)">
            <li class="pager-next">
              <a rel="next" href="{$next}.html"><span class="pager-label">{h:ui($L?next || ' :')} </span>{h:ui($next-title)}</a>
            </li>
          </xsl:if>
        </ul>
      </nav>
    </xsl:if>
  </xsl:template>

  <!-- A date as <time> with its label (header, index). -->
  <xsl:template name="date-time">
    <xsl:param name="date" as="element()"/>
    <xsl:variable name="dt" select="f:datetime($date)"/>
    <xsl:variable name="label" select="h:ui(f:date-label($date))"/>
    <xsl:choose>
      <xsl:when test="$dt ne ''">
        <time datetime="{$dt}">{$label}</time>
      </xsl:when>
      <xsl:otherwise>{$label}</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
