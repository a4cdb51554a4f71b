<?xml version="1.0" encoding="UTF-8"?>
<!--
  One text as a chapter of the book:

    #chapter(short: "…", title: […], author: […], date: […], source: […])[ the text ]

  The title is the header's title; when the body opens with a heading that says the same (the
  source's own title), that heading is the chapter's title, with its notes (which then fall on
  the chapter's first page), and is not repeated. "short" is the title for the running heads and
  the table of contents, cut at a word boundary when it is long. The date line gives both
  calendars for a Julian date (dates.xsl); the source is the header's bibliography, as text
  (a biblStruct or msDesc summarised as the HTML edition does, text-metadata.xsl); the licence is
  the text's own when it differs from the book's.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:f="urn:x-tei-edition:functions"
  xmlns:t="urn:x-tei-edition:print"
  exclude-result-prefixes="#all"
  expand-text="yes">

  <xsl:template match="tei:teiCorpus" mode="typst">
    <xsl:apply-templates select="tei:TEI | tei:teiCorpus" mode="typst"/>
  </xsl:template>

  <xsl:template match="tei:TEI" mode="typst">
    <xsl:variable name="root" select="."/>
    <xsl:variable name="french" select="f:is-french-code(f:lang-of(.))"/>
    <xsl:variable name="title" select="f:text-title(., $text-id)"/>
    <xsl:variable name="title-head" select="t:title-head(., $title)"/>
    <xsl:variable name="authors" select="f:text-authors(., $text-id)"/>
    <xsl:variable name="date" select="f:text-date(.)"/>
    <xsl:variable name="source" select="t:source-text(.)"/>
    <xsl:variable name="licence" select="t:text-licence(.)"/>
    <xsl:text>#chapter(&#10;  short: {t:string(t:short-title($title))},&#10;  title: [</xsl:text>
    <xsl:choose>
      <xsl:when test="$title-head">
        <xsl:apply-templates select="$title-head/node()" mode="typst">
          <xsl:with-param name="french" select="$french" tunnel="yes"/>
        </xsl:apply-templates>
      </xsl:when>
      <xsl:otherwise>{t:markup(t:typo($title, $french))}</xsl:otherwise>
    </xsl:choose>
    <xsl:text>],&#10;</xsl:text>
    <xsl:if test="exists($authors)">
      <xsl:text>  author: {t:content(string-join($authors, ', '))},&#10;</xsl:text>
    </xsl:if>
    <xsl:if test="$date">
      <xsl:text>  date: {t:content(f:date-label($date))},&#10;</xsl:text>
    </xsl:if>
    <xsl:if test="$source ne ''">
      <xsl:text>  source: {t:content(t:typo($source, $french))},&#10;</xsl:text>
    </xsl:if>
    <xsl:if test="$licence ne ''">
      <xsl:text>  licence: {t:content($licence)},&#10;</xsl:text>
    </xsl:if>
    <xsl:text>)[&#10;</xsl:text>
    <xsl:apply-templates select="tei:text" mode="typst">
      <xsl:with-param name="french" select="$french" tunnel="yes"/>
      <xsl:with-param name="title-head" select="$title-head" tunnel="yes"/>
    </xsl:apply-templates>
    <xsl:call-template name="t:endnotes">
      <xsl:with-param name="tei" select="."/>
    </xsl:call-template>
    <xsl:text>&#10;]&#10;&#10;</xsl:text>
  </xsl:template>

  <!-- The body's opening heading, when it is the text's title. -->
  <xsl:function name="t:title-head" as="element(tei:head)?">
    <xsl:param name="tei" as="element()"/>
    <xsl:param name="title" as="xs:string"/>
    <xsl:variable name="first" select="($tei/tei:text/tei:body/(tei:head, (tei:div | tei:div1)[1]/tei:head))[1]"/>
    <xsl:variable name="words" select="normalize-space(string-join($first//text()[not(ancestor::tei:note)], ''))"/>
    <xsl:sequence select="$first[$words ne ''][lower-case($words) = lower-case($title)
      or lower-case($words) = lower-case(normalize-space(f:header($tei)/tei:fileDesc/tei:titleStmt/tei:title[1]))]"/>
  </xsl:function>

  <!-- A title short enough for a running head: cut after a word, before 60 characters. -->
  <xsl:function name="t:short-title" as="xs:string">
    <xsl:param name="title" as="xs:string"/>
    <xsl:variable name="first-part" select="replace($title, '^([^,.;:]{12,}?)[,.;:] .*$', '$1')"/>
    <xsl:sequence select="if (string-length($first-part) le 60) then $first-part
      else replace(substring($first-part, 1, 58), '\s+\S*$', '') || '…'"/>
  </xsl:function>

  <!--
    The text's own licence (its header's availability), when it is not the book's (the title page
    has that one): name, address, note, as the HTML text page gives them.
  -->
  <xsl:function name="t:text-licence" as="xs:string">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="own" select="f:header-licence(f:header($tei))"/>
    <xsl:variable name="book" select="f:licence(())"/>
    <xsl:sequence select="if (empty($own) or normalize-space($own?name) = normalize-space(string($book?name))) then ''
      else string-join((normalize-space($own?name), normalize-space($own?url)[. ne ''][. ne normalize-space($own?name)],
        normalize-space($own?note)[. ne '']), '. ')"/>
  </xsl:function>

  <!-- The source of a text as one line: the header's bibl (without its notes), else its words. -->
  <xsl:function name="t:source-text" as="xs:string">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="bibl" select="f:source-description($tei)"/>
    <xsl:sequence select="if ($bibl/self::tei:bibl or $bibl/self::tei:p)
      then normalize-space(string-join($bibl//text()[not(ancestor::tei:note)], ''))
      else if (f:source-summary($bibl) ne '') then f:source-summary($bibl)
      else string-join(($bibl//text()[normalize-space()][not(ancestor::tei:note or ancestor::tei:msContents
          or ancestor::tei:physDesc or ancestor::tei:history or ancestor::tei:additional)] ! normalize-space())[position() le 40], ', ')"/>
  </xsl:function>

</xsl:stylesheet>
