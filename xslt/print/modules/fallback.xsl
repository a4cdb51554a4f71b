<?xml version="1.0" encoding="UTF-8"?>
<!--
  Any other element, TEI or not (mode "typst"): its content.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:f="urn:x-tei-edition:functions"
  xmlns:t="urn:x-tei-edition:print"
  exclude-result-prefixes="#all"
  expand-text="yes">

  <!-- Unknown elements: their content. -->
  <xsl:template match="*" mode="typst">
    <xsl:apply-templates mode="typst"/>
  </xsl:template>

</xsl:stylesheet>
