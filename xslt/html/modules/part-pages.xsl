<?xml version="1.0" encoding="UTF-8"?>
<!--
  The pages of a very long text (docs/decisions/long-text-pages.md; which texts, and where the
  parts start: ../../shared/parts.xsl). The text's page <id>.html becomes its contents page (the
  text's header, the parts as a list, the pager to the other texts); each part is a page
  <id>-<n>.html (the same header, the part, its notes, a pager: contents, previous and next
  part). Anchors (para-N, note-K, p12…) are numbered over the whole text, as on a single page,
  so that an anchor names the same place whichever page holds it.
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

  <!-- The label of a part (or of a division grouping parts): its head, else @n, else "Partie n". -->
  <xsl:function name="h:part-label" as="xs:string">
    <xsl:param name="el" as="element()"/>
    <xsl:param name="n" as="xs:integer?"/>
    <xsl:sequence select="
      if ($el/self::tei:front) then $L?front
      else if ($el/self::tei:back) then $L?back
      else if ($el/self::tei:text or $el/self::tei:group) then
        (string-join((h:head-label(($el/descendant::*[tei:head])[1]), normalize-space($el/@n))[. ne ''], ', '), $n ! ($L?part || ' ' || .))[. ne ''][1]
      else (h:head-label($el), normalize-space($el/@n), $n ! ($L?part || ' ' || .))[. ne ''][1]"/>
  </xsl:function>

  <!-- A division's head as plain text, without its notes. -->
  <xsl:function name="h:head-label" as="xs:string">
    <xsl:param name="el" as="element()?"/>
    <xsl:sequence select="normalize-space(string-join(($el/tei:head)[1]/descendant::text()[not(ancestor::tei:note)], ''))"/>
  </xsl:function>

  <!-- ===== The contents page ===== -->

  <xsl:template name="contents-page-content">
    <xsl:param name="title" as="xs:string"/>
    <article class="text-page text-contents">
      <xsl:sequence select="h:search-marks()"/>
      <xsl:call-template name="text-header">
        <xsl:with-param name="title" select="$title"/>
        <xsl:with-param name="views" select="false()"/>
      </xsl:call-template>
      <nav class="text-parts" aria-labelledby="parts-title">
        <h2 id="parts-title">{$L?contents}</h2>
        <ol class="parts-list">
          <xsl:sequence select="$text-lang"/>
          <!-- Parts that a labelled division groups (ELTeC's books of chapters) are listed under its label. -->
          <xsl:for-each-group select="$parts" group-adjacent="generate-id(parent::*)">
            <xsl:variable name="group" select="current-group()[1]/parent::*[f:is-division(.)][h:part-label(., ()) ne '']"/>
            <xsl:choose>
              <xsl:when test="$group">
                <li class="parts-group">
                  <span class="parts-group-label">{f:typo(h:part-label($group, ()), $source-french)}</span>
                  <ol>
                    <xsl:apply-templates select="current-group()" mode="contents-entry"/>
                  </ol>
                </li>
              </xsl:when>
              <xsl:otherwise>
                <xsl:apply-templates select="current-group()" mode="contents-entry"/>
              </xsl:otherwise>
            </xsl:choose>
          </xsl:for-each-group>
        </ol>
      </nav>
      <xsl:call-template name="pager"/>
    </article>
  </xsl:template>

  <xsl:template match="*" mode="contents-entry">
    <xsl:variable name="n" select="f:part-of(., $parts)"/>
    <li>
      <a href="{f:part-file($page-text-id, $n)}">{f:typo(h:part-label(., $n), $source-french)}</a>
    </li>
  </xsl:template>

  <!-- ===== A part's page ===== -->

  <xsl:template name="part-page-content">
    <xsl:param name="title" as="xs:string"/>
    <xsl:param name="part" as="xs:integer"/>
    <xsl:variable name="el" select="$parts[$part]"/>
    <xsl:variable name="first-para" select="(($el/descendant::*[self::tei:p or self::tei:ab][h:anchor-kind(.) = 'para'])[1] ! h:html-id(.), 'text')[1]"/>
    <article class="text-page text-part">
      <xsl:sequence select="h:search-marks()"/>
      <xsl:call-template name="text-header">
        <xsl:with-param name="title" select="$title"/>
        <xsl:with-param name="page-id" select="$page-text-id || '-' || $part"/>
        <xsl:with-param name="first-para" select="$first-para"/>
      </xsl:call-template>
      <div class="text-views" id="source-view">
        <xsl:sequence select="$text-lang"/>
        <div class="text" id="text">
          <div class="tei-text">
            <xsl:sequence select="$el/ancestor::tei:text[1] ! h:lang-attr(.)"/>
            <xsl:choose>
              <xsl:when test="$el[self::tei:front or self::tei:back]">
                <xsl:apply-templates select="$el">
                  <xsl:with-param name="depth" select="1" tunnel="yes"/>
                </xsl:apply-templates>
              </xsl:when>
              <xsl:otherwise>
                <xsl:variable name="body" select="$el/ancestor::*[self::tei:body or self::tei:group][last()]"/>
                <div class="{local-name($body)}">
                  <xsl:sequence select="h:lang-attr($body)"/>
                  <xsl:for-each select="$part-pieces($part)">
                    <xsl:apply-templates select=".">
                      <xsl:with-param name="depth" select="h:piece-depth(.)" tunnel="yes"/>
                    </xsl:apply-templates>
                  </xsl:for-each>
                </div>
              </xsl:otherwise>
            </xsl:choose>
          </div>
        </div>
        <xsl:call-template name="endnotes">
          <xsl:with-param name="notes" select="$part-notes($part)"/>
        </xsl:call-template>
      </div>
      <xsl:call-template name="part-pager">
        <xsl:with-param name="part" select="$part"/>
      </xsl:call-template>
    </article>
  </xsl:template>

  <!--
    What each part's page writes of the body (part number → pieces, h:pieces: the part, and the
    nodes before it since the part before), and its notes; made once for all the parts (asking
    f:part-of for each node on each part's page costs parts² on a text of many parts).
  -->
  <xsl:variable name="part-pieces" as="map(xs:integer, node()*)">
    <xsl:map>
      <xsl:if test="exists($parts)">
        <xsl:variable name="groups" as="map(*)*">
          <xsl:for-each-group select="$source/tei:TEI/tei:text/(tei:body, tei:group)[1] ! h:pieces(., $parts/ancestor::*)" group-ending-with="*[. intersect $parts]">
            <xsl:sequence select="map { 'part': current-group()[last()][. intersect $parts] ! f:part-of(., $parts), 'nodes': current-group() }"/>
          </xsl:for-each-group>
        </xsl:variable>
        <!-- (Only the last group can end with no part: nodes after the body's last part go with it.) -->
        <xsl:variable name="with-part" select="$groups[exists(?part)]"/>
        <xsl:for-each select="1 to count($with-part)">
          <xsl:variable name="i" select="."/>
          <xsl:map-entry key="$with-part[$i]?part" select="if ($i = count($with-part)) then ($with-part[$i]?nodes, $groups[empty(?part)]?nodes) else $with-part[$i]?nodes"/>
        </xsl:for-each>
      </xsl:if>
    </xsl:map>
  </xsl:variable>

  <xsl:variable name="part-notes" as="map(xs:integer, element(tei:note)*)">
    <xsl:map>
      <xsl:if test="exists($parts)">
        <xsl:for-each-group select="$note-list" group-by="f:part-of(., $parts)">
          <xsl:map-entry key="current-grouping-key()" select="current-group()"/>
        </xsl:for-each-group>
      </xsl:if>
    </xsl:map>
  </xsl:variable>

  <!--
    The nodes of a container written whole on one page: the parts, and the nodes outside them
    (the containers of parts are opened: their other children are pieces of their own).
  -->
  <xsl:function name="h:pieces" as="node()*">
    <xsl:param name="container" as="element()"/>
    <xsl:param name="holders" as="element()*"/>
    <xsl:for-each select="$container/node()">
      <xsl:sequence select="if (. intersect $holders) then h:pieces(., $holders) else ."/>
    </xsl:for-each>
  </xsl:function>

  <!-- The heading depth a piece has on the single page: one more for each container with a head. -->
  <xsl:function name="h:piece-depth" as="xs:integer">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="1 + count($node/ancestor::*[f:is-division(.) or self::tei:body or self::tei:front
      or self::tei:back or self::tei:group][tei:head])"/>
  </xsl:function>

  <!-- Contents, previous part, next part. -->
  <xsl:template name="part-pager">
    <xsl:param name="part" as="xs:integer"/>
    <nav class="pager part-pager" aria-label="{$L?parts-pager}">
      <ul>
        <li class="pager-contents">
          <a href="{f:part-file($page-text-id, 0)}"><span class="pager-label">{h:ui($L?contents || ' :')} </span>{f:typo(f:text-title($source, $page-text-id), $source-french)}</a>
        </li>
        <xsl:if test="$part gt 1">
          <li class="pager-previous">
            <a rel="prev" href="{f:part-file($page-text-id, $part - 1)}"><span class="pager-label">{h:ui($L?previous-part || ' :')} </span>{f:typo(h:part-label($parts[$part - 1], $part - 1), $source-french)}</a>
          </li>
        </xsl:if>
        <xsl:if test="$part lt count($parts)">
          <li class="pager-next">
            <a rel="next" href="{f:part-file($page-text-id, $part + 1)}"><span class="pager-label">{h:ui($L?next-part || ' :')} </span>{f:typo(h:part-label($parts[$part + 1], $part + 1), $source-french)}</a>
          </li>
        </xsl:if>
      </ul>
    </nav>
  </xsl:template>

</xsl:stylesheet>
