<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI module "transcr" (TEI P5 §11): forme work (running heads, catchwords, the converter's OCR
  noise) is shown in the source view only; substitutions, damage and the like keep their text.
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

  <xsl:template match="tei:fw">
    <xsl:call-template name="block">
      <xsl:with-param name="name" select="'span'"/>
      <xsl:with-param name="class" select="('fw', @place ! ('place-' || h:token(.)))"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:space">
    <span class="space"><xsl:text> </xsl:text></span>
  </xsl:template>

  <xsl:template match="tei:handShift | tei:metamark[not(node())]"/>

  <xsl:template match="tei:subst | tei:damage | tei:restore | tei:surplus | tei:secl | tei:retrace | tei:mod
    | tei:redo | tei:undo | tei:metamark">
    <xsl:call-template name="block">
      <xsl:with-param name="name" select="'span'"/>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
