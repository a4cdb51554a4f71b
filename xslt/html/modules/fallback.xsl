<?xml version="1.0" encoding="UTF-8"?>
<!--
  Any other element, TEI or not: its content, in a div when it holds blocks where blocks are
  allowed, else in a span; class tei-<local name> (x-<local name> outside the TEI namespace).
  Comments and processing instructions are dropped by the built-in rules.
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

  <xsl:template match="*" priority="-1">
    <xsl:param name="phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="blocks" select="not($phrasing) and exists(tei:p | tei:ab | tei:div | tei:lg | tei:l | tei:list
      | tei:table | tei:head | tei:figure | tei:sp | tei:quote | tei:listBibl | tei:floatingText | tei:opener
      | tei:closer | tei:u | tei:castList | tei:bibl)"/>
    <xsl:call-template name="block">
      <xsl:with-param name="name" select="if ($blocks) then 'div' else 'span'"/>
      <xsl:with-param name="class" select="(if (namespace-uri() = 'http://www.tei-c.org/ns/1.0') then 'tei-' else 'x-') || h:token(local-name())"/>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
