<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI module "textstructure" (TEI P5 §4) in the book (mode "typst"): divisions, front, body,
  back, headings, paragraphs (p, from "core", and ab, from "linking"), the letter parts (opener,
  closer, salute, signed, dateline…), the other blocks of a text (postscript, trailer, title page,
  and sp, castList from "drama"), and what is not part of the reading text (the header, facsimile,
  forme work, deletions…). The TEI element and the corpus are the chapter (chapter.xsl).
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:f="urn:x-tei-edition:functions"
  xmlns:t="urn:x-tei-edition:print"
  exclude-result-prefixes="#all"
  expand-text="yes">

  <!-- Not part of the reading text. -->
  <xsl:template match="tei:teiHeader | tei:facsimile | tei:standOff | tei:sourceDoc | tei:fsdDecl | tei:fw | tei:del
    | tei:anchor | tei:cb | tei:milestone | tei:handShift | tei:divGen | tei:figDesc | tei:graphic | tei:media
    | tei:surplus | tei:note[@type = 'unknown']" mode="typst"/>

  <!-- ===== Structure ===== -->

  <xsl:template match="tei:div | tei:div1 | tei:div2 | tei:div3 | tei:div4 | tei:div5 | tei:div6 | tei:div7
    | tei:front | tei:body | tei:back | tei:group | tei:floatingText" mode="typst">
    <xsl:param name="depth" as="xs:integer" tunnel="yes" select="1"/>
    <xsl:apply-templates mode="typst">
      <xsl:with-param name="depth" select="if (self::tei:body or self::tei:front or self::tei:back) then $depth else $depth + 1" tunnel="yes"/>
    </xsl:apply-templates>
  </xsl:template>

  <xsl:template match="tei:head" mode="typst">
    <xsl:param name="depth" as="xs:integer" tunnel="yes" select="1"/>
    <xsl:param name="title-head" as="element()?" tunnel="yes" select="()"/>
    <xsl:choose>
      <xsl:when test=". is $title-head"/>
      <xsl:when test="parent::tei:list or parent::tei:table or parent::tei:figure or parent::tei:lg">
        <xsl:call-template name="t:block">
          <xsl:with-param name="function" select="'caption'"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:text>&#10;&#10;#section(level: {max((2, min(($depth, 5))))})[</xsl:text>
        <xsl:apply-templates mode="typst"/>
        <xsl:text>]&#10;&#10;</xsl:text>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:p | tei:ab" mode="typst">
    <xsl:param name="in-note" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:choose>
      <!-- In a note: a paragraph break between paragraphs only (the note's end stays on the line). -->
      <xsl:when test="$in-note">
        <xsl:if test="preceding-sibling::*[self::tei:p or self::tei:ab]">
          <xsl:text>&#10;&#10;</xsl:text>
        </xsl:if>
        <xsl:apply-templates mode="typst"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:text>&#10;&#10;</xsl:text>
        <xsl:apply-templates mode="typst"/>
        <xsl:text>&#10;&#10;</xsl:text>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A block set by a book.typ function: #function[content]. -->
  <xsl:template name="t:block">
    <xsl:param name="function" as="xs:string"/>
    <xsl:text>&#10;&#10;#{$function}[</xsl:text>
    <xsl:apply-templates mode="typst"/>
    <xsl:text>]&#10;&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="tei:opener | tei:closer | tei:salute | tei:signed | tei:dateline" mode="typst">
    <xsl:call-template name="t:block">
      <xsl:with-param name="function" select="if (self::tei:opener or self::tei:salute) then 'opener'
        else if (self::tei:closer) then 'closer' else local-name()"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Inside an opener or closer, the salute and signature are lines of their own. -->
  <xsl:template match="tei:opener/tei:salute | tei:closer/tei:salute | tei:opener/tei:dateline | tei:closer/tei:dateline
    | tei:closer/tei:signed | tei:opener/tei:signed" mode="typst">
    <xsl:if test="preceding-sibling::*[normalize-space()]">
      <xsl:text> #linebreak(); </xsl:text>
    </xsl:if>
    <xsl:apply-templates mode="typst"/>
  </xsl:template>

  <xsl:template match="tei:postscript | tei:trailer | tei:byline | tei:docAuthor | tei:argument | tei:epigraph | tei:titlePage
    | tei:docTitle | tei:docImprint | tei:sp | tei:castList" mode="typst">
    <xsl:text>&#10;&#10;</xsl:text>
    <xsl:apply-templates mode="typst"/>
    <xsl:text>&#10;&#10;</xsl:text>
  </xsl:template>

</xsl:stylesheet>
