<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI module "textstructure" (TEI P5 §4): TEI, teiCorpus, text, front, body, back, group,
  div and div1–div7, head, the letter parts (opener, closer, salute, signed, dateline, byline,
  postscript), argument, epigraph, trailer and the title page. Paragraphs (p, from "core", and
  ab, from "linking") are here too because they carry the text's citable anchors.

  Every block renders as a span (with a class the CSS displays as a block) when it falls where
  HTML allows only phrasing content: see the "block" template.
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

  <!-- HTML elements that are phrasing content (allowed inside p, h1–h6, span…). -->
  <xsl:variable name="phrasing-content" as="map(xs:string, xs:boolean)" select="map:merge(
    ('span', 'a', 'em', 'i', 'b', 'u', 's', 'cite', 'q', 'sup', 'sub', 'small', 'time', 'code', 'abbr', 'del', 'ins',
     'strong', 'mark', 'label', 'br') ! map:entry(., true()))"/>

  <!-- HTML elements whose content may only be phrasing content: those, and p, headings, dt, caption. -->
  <xsl:variable name="phrasing-only" as="map(xs:string, xs:boolean)" select="map:merge(($phrasing-content,
    ('p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'dt', 'caption') ! map:entry(., true())))"/>

  <!--
    Writes the current TEI element as HTML element $name (span where only phrasing is allowed),
    with its id (none in copies), classes (rendition classes added), lang, and its children.
    Every element of the text goes through here: the common case (no attributes) is kept free
    of function calls, which cost SaxonJS about 10 µs each.
  -->
  <xsl:template name="block">
    <xsl:param name="name" as="xs:string" select="'div'"/>
    <xsl:param name="class" as="xs:string*" select="local-name()"/>
    <xsl:param name="attributes" as="attribute()*" select="()"/>
    <xsl:param name="rend-classes" as="xs:string*" select="if (@rend or @rendition or @style) then h:rend-classes(.) else ()"/>
    <xsl:param name="phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:param name="copy" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="element" select="if ($phrasing and not(map:contains($phrasing-content, $name))) then 'span' else $name"/>
    <xsl:element name="{$element}">
      <xsl:if test="not($copy) and (@xml:id or self::tei:p or self::tei:ab or self::tei:head or self::tei:opener or self::tei:closer)">
        <xsl:variable name="id" select="h:html-id(.)"/>
        <xsl:if test="$id ne ''">
          <xsl:attribute name="id" select="$id"/>
        </xsl:if>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="@type">
          <xsl:sequence select="h:class(., ($class, $rend-classes))"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:attribute name="class" select="distinct-values(($class, $rend-classes))"/>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:if test="@xml:lang">
        <xsl:sequence select="h:lang-attr(.)"/>
      </xsl:if>
      <xsl:sequence select="$attributes"/>
      <xsl:apply-templates>
        <xsl:with-param name="phrasing" select="$phrasing or map:contains($phrasing-only, $element)" tunnel="yes"/>
      </xsl:apply-templates>
    </xsl:element>
  </xsl:template>

  <!--
    The class (the classes given, and tei-type… for @type: h:class) and lang attributes of the
    current element, without a function call in the common case (no @type, no @xml:lang).
  -->
  <xsl:template name="class-and-lang">
    <xsl:param name="classes" as="xs:string*"/>
    <xsl:choose>
      <xsl:when test="@type">
        <xsl:sequence select="h:class(., $classes)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:attribute name="class" select="distinct-values($classes)"/>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:if test="@xml:lang">
      <xsl:sequence select="h:lang-attr(.)"/>
    </xsl:if>
  </xsl:template>

  <!-- Containers whose head is a heading of the page (h2…h6). -->
  <xsl:function name="h:is-section-head" as="xs:boolean">
    <xsl:param name="head" as="element()"/>
    <xsl:sequence select="exists($head/parent::*[self::tei:div or self::tei:div1 or self::tei:div2 or self::tei:div3
      or self::tei:div4 or self::tei:div5 or self::tei:div6 or self::tei:div7 or self::tei:body or self::tei:front
      or self::tei:back or self::tei:group])"/>
  </xsl:function>

  <!-- ===== Documents ===== -->

  <xsl:template match="tei:teiCorpus">
    <xsl:apply-templates select="tei:TEI | tei:teiCorpus"/>
  </xsl:template>

  <!-- A TEI document of a corpus: its own title as a heading, then its text. -->
  <xsl:template match="tei:TEI">
    <xsl:param name="depth" as="xs:integer" tunnel="yes" select="1"/>
    <xsl:choose>
      <xsl:when test="parent::tei:teiCorpus">
        <article>
          <xsl:sequence select="h:class(., 'tei-document'), h:lang-attr(.)"/>
          <xsl:element name="h{min((6, $depth + 1))}">
            <xsl:attribute name="class" select="'document-title'"/>
            <xsl:value-of select="f:typo(f:text-title(.), f:is-french-code(f:lang-of(.)))"/>
          </xsl:element>
          <xsl:apply-templates select="tei:text">
            <xsl:with-param name="depth" select="$depth + 1" tunnel="yes"/>
          </xsl:apply-templates>
        </article>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="tei:text"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:teiHeader | tei:facsimile | tei:standOff | tei:sourceDoc | tei:fsdDecl"/>

  <xsl:template match="tei:text">
    <xsl:call-template name="block">
      <xsl:with-param name="class" select="'tei-text'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:front | tei:body | tei:back | tei:group">
    <xsl:param name="depth" as="xs:integer" tunnel="yes" select="1"/>
    <xsl:call-template name="block">
      <xsl:with-param name="depth" select="if (tei:head) then $depth + 1 else $depth" tunnel="yes"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A text inside another (TEI P5 §4.3.2): a section of its own. -->
  <xsl:template match="tei:floatingText">
    <xsl:call-template name="block">
      <xsl:with-param name="class" select="'floatingText'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- ===== Divisions and headings ===== -->

  <xsl:template match="tei:div | tei:div1 | tei:div2 | tei:div3 | tei:div4 | tei:div5 | tei:div6 | tei:div7">
    <xsl:param name="depth" as="xs:integer" tunnel="yes" select="1"/>
    <xsl:call-template name="block">
      <xsl:with-param name="name" select="if (tei:head) then 'section' else 'div'"/>
      <xsl:with-param name="class" select="'div'"/>
      <xsl:with-param name="depth" select="if (tei:head) then $depth + 1 else $depth" tunnel="yes"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Section headings are h2–h6 (h1 is the text's title); other heads (of lists, poems…) are not headings. -->
  <xsl:template match="tei:head">
    <xsl:param name="depth" as="xs:integer" tunnel="yes" select="1"/>
    <xsl:param name="phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:call-template name="block">
      <xsl:with-param name="name" select="if (h:is-section-head(.) and not($phrasing)) then 'h' || min((6, max(($depth, 2)))) else 'p'"/>
      <xsl:with-param name="class" select="'head'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- ===== Paragraphs: citable anchors para-N ===== -->

  <xsl:template match="tei:p | tei:ab">
    <xsl:param name="phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:param name="copy" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:param name="in-link" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="id" select="if ($copy) then '' else h:html-id(.)"/>
    <xsl:element name="{if ($phrasing) then 'span' else 'p'}">
      <xsl:if test="$id ne ''">
        <xsl:attribute name="id" select="$id"/>
      </xsl:if>
      <xsl:call-template name="class-and-lang">
        <xsl:with-param name="classes" select="(local-name(), if (@rend or @rendition or @style) then h:rend-classes(.) else ())"/>
      </xsl:call-template>
      <xsl:if test="starts-with($id, 'para-') and not($in-link)">
        <xsl:variable name="n" select="substring-after($id, 'para-')"/>
        <a class="para-anchor" href="#{$id}" aria-label="{$L?para} {$n}" title="{$L?para-link} {$n}">{$n}</a>
      </xsl:if>
      <xsl:apply-templates>
        <xsl:with-param name="phrasing" select="true()" tunnel="yes"/>
      </xsl:apply-templates>
    </xsl:element>
  </xsl:template>

  <!-- ===== Letters (TEI P5 §4.2.2) ===== -->

  <xsl:template match="tei:opener | tei:closer | tei:postscript">
    <xsl:call-template name="block"/>
  </xsl:template>

  <xsl:template match="tei:salute | tei:signed | tei:dateline | tei:byline | tei:trailer | tei:docAuthor
    | tei:docDate | tei:docEdition | tei:titlePart | tei:imprimatur">
    <xsl:call-template name="block">
      <xsl:with-param name="name" select="'p'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- ===== Title pages, arguments, epigraphs ===== -->

  <xsl:template match="tei:titlePage | tei:docTitle | tei:docImprint | tei:argument | tei:epigraph">
    <xsl:call-template name="block"/>
  </xsl:template>

  <!-- Generated divisions (tables of contents…) have no text of their own. -->
  <xsl:template match="tei:divGen"/>

</xsl:stylesheet>
