<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI module "transcr" (TEI P5 §11) in the book (mode "typst"): a substitution prints what was
  added, a space one space. Forme work (fw), handShift and surplus are not part of the reading
  text (textstructure.xsl).
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:f="urn:x-tei-edition:functions"
  xmlns:t="urn:x-tei-edition:print"
  exclude-result-prefixes="#all"
  expand-text="yes">

  <xsl:template match="tei:subst" mode="typst">
    <xsl:apply-templates select="tei:add" mode="typst"/>
  </xsl:template>

  <xsl:template match="tei:space" mode="typst">
    <xsl:text> </xsl:text>
  </xsl:template>

</xsl:stylesheet>
