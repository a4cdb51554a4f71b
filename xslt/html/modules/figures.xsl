<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI module "figures" (TEI P5 §14): tables, figures, graphics (shown when they are local files
  the site has a copy of, the parameter local-images; else linked when on the web, or a
  placeholder), formulae (their notation as text).
  Nodes between rows or cells (page breaks…) go into the next cell, so the table stays valid HTML.
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

  <xsl:template match="tei:table">
    <xsl:param name="phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:param name="copy" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:element name="{if ($phrasing) then 'span' else 'table'}">
      <xsl:if test="not($copy) and h:html-id(.) ne ''">
        <xsl:attribute name="id" select="h:html-id(.)"/>
      </xsl:if>
      <xsl:sequence select="h:class(., ('table', h:rend-classes(.))), h:lang-attr(.)"/>
      <!-- A wide table scrolls sideways (edition.css): in the tab order, a keyboard can scroll it (axe: scrollable-region-focusable). -->
      <xsl:if test="not($phrasing)">
        <xsl:attribute name="tabindex" select="0"/>
      </xsl:if>
      <xsl:if test="tei:head">
        <xsl:element name="{if ($phrasing) then 'span' else 'caption'}">
          <xsl:attribute name="class" select="'head'"/>
          <xsl:apply-templates select="tei:head/node()">
            <xsl:with-param name="phrasing" select="true()" tunnel="yes"/>
          </xsl:apply-templates>
        </xsl:element>
      </xsl:if>
      <xsl:element name="{if ($phrasing) then 'span' else 'tbody'}">
        <xsl:for-each-group select="node() except tei:head" group-ending-with="tei:row">
          <xsl:variable name="row" select="current-group()[self::tei:row]"/>
          <xsl:variable name="before" select="current-group()[not(self::tei:row)][self::* or normalize-space()]"/>
          <xsl:choose>
            <xsl:when test="$row">
              <xsl:apply-templates select="$row">
                <xsl:with-param name="before" select="$before"/>
              </xsl:apply-templates>
            </xsl:when>
            <xsl:when test="exists($before)">
              <xsl:element name="{if ($phrasing) then 'span' else 'tr'}">
                <xsl:attribute name="class" select="'row'"/>
                <xsl:element name="{if ($phrasing) then 'span' else 'td'}">
                  <xsl:attribute name="class" select="'cell'"/>
                  <xsl:apply-templates select="$before"/>
                </xsl:element>
              </xsl:element>
            </xsl:when>
          </xsl:choose>
        </xsl:for-each-group>
      </xsl:element>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:row">
    <xsl:param name="before" as="node()*" select="()"/>
    <xsl:param name="phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:element name="{if ($phrasing) then 'span' else 'tr'}">
      <xsl:sequence select="h:class(., ('row', @role ! ('role-' || h:token(.))))"/>
      <xsl:for-each-group select="node()" group-ending-with="tei:cell">
        <xsl:variable name="cell" select="current-group()[self::tei:cell]"/>
        <xsl:variable name="extra" select="(if (position() = 1) then $before else (), current-group()[not(self::tei:cell)][self::* or normalize-space()])"/>
        <xsl:choose>
          <xsl:when test="$cell">
            <xsl:apply-templates select="$cell">
              <xsl:with-param name="before" select="$extra"/>
            </xsl:apply-templates>
          </xsl:when>
          <xsl:when test="exists($extra)">
            <xsl:element name="{if ($phrasing) then 'span' else 'td'}">
              <xsl:attribute name="class" select="'cell'"/>
              <xsl:apply-templates select="$extra"/>
            </xsl:element>
          </xsl:when>
        </xsl:choose>
      </xsl:for-each-group>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:cell">
    <xsl:param name="before" as="node()*" select="()"/>
    <xsl:param name="phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:param name="copy" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="header" select="@role = 'label' or parent::tei:row/@role = 'label'"/>
    <xsl:element name="{if ($phrasing) then 'span' else if ($header) then 'th' else 'td'}">
      <xsl:if test="not($copy) and h:html-id(.) ne ''">
        <xsl:attribute name="id" select="h:html-id(.)"/>
      </xsl:if>
      <xsl:sequence select="h:class(., ('cell', h:rend-classes(.))), h:lang-attr(.)"/>
      <xsl:if test="not($phrasing) and matches(@cols, '^[1-9][0-9]*$') and number(@cols) gt 1">
        <xsl:attribute name="colspan" select="@cols"/>
      </xsl:if>
      <xsl:if test="not($phrasing) and matches(@rows, '^[1-9][0-9]*$') and number(@rows) gt 1">
        <xsl:attribute name="rowspan" select="@rows"/>
      </xsl:if>
      <xsl:apply-templates select="$before"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <!-- A figure: its graphics and content, then head and figDesc as the caption. -->
  <xsl:template match="tei:figure">
    <xsl:param name="phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:param name="copy" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:element name="{if ($phrasing) then 'span' else 'figure'}">
      <xsl:if test="not($copy) and h:html-id(.) ne ''">
        <xsl:attribute name="id" select="h:html-id(.)"/>
      </xsl:if>
      <xsl:sequence select="h:class(., ('figure', h:rend-classes(.))), h:lang-attr(.)"/>
      <xsl:apply-templates select="node() except (tei:head | tei:figDesc)"/>
      <xsl:if test="tei:head | tei:figDesc">
        <xsl:element name="{if ($phrasing) then 'span' else 'figcaption'}">
          <xsl:attribute name="class" select="'figcaption'"/>
          <xsl:for-each select="tei:head | tei:figDesc">
            <span class="{local-name()}">
              <xsl:apply-templates>
                <xsl:with-param name="phrasing" select="true()" tunnel="yes"/>
              </xsl:apply-templates>
            </span>
            <xsl:text> </xsl:text>
          </xsl:for-each>
        </xsl:element>
      </xsl:if>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:figDesc">
    <xsl:call-template name="block">
      <xsl:with-param name="name" select="'span'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:graphic | tei:media">
    <xsl:param name="in-link" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="href" select="h:safe-href(@url)[matches(., '^https?://')]"/>
    <xsl:variable name="local" select="f:local-image(@url)"/>
    <xsl:choose>
      <!-- A local image the site has a copy of (local-images): shown, described by the figure's figDesc. -->
      <xsl:when test="$local ne '' and self::tei:graphic">
        <img class="graphic" src="{$local}" alt="{normalize-space(string-join((tei:desc, parent::tei:figure/tei:figDesc), ' '))}"/>
      </xsl:when>
      <xsl:when test="$href and not($in-link)">
        <a class="graphic" href="{$href}">[{$L?figure}]</a>
      </xsl:when>
      <xsl:otherwise>
        <span class="graphic">[{$L?figure}]</span>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:apply-templates select="tei:desc"/>
  </xsl:template>

  <xsl:template match="tei:formula">
    <xsl:call-template name="block">
      <xsl:with-param name="name" select="'code'"/>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
