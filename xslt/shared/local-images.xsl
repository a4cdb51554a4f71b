<?xml version="1.0" encoding="UTF-8"?>
<!--
  The images the edition has a copy of: graphic/@url and pb/@facs that name a local file which
  exists, as src/publish/edition/local-images.ts lists them. The caller passes the list as the parameter
  $local-images, a map from the address as the TEI writes it (@url, @facs) to the image's path
  in the output (images/…). Without it, no image is shown: graphics are captions, page images
  links when they are on the web. Functions only; expects $local-images.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:f="urn:x-tei-edition:functions"
  exclude-result-prefixes="#all">

  <!-- The output path of a local image, or '' when the edition has no copy of it. -->
  <xsl:function name="f:local-image" as="xs:string">
    <xsl:param name="address" as="xs:string?"/>
    <xsl:variable name="key" select="normalize-space($address)"/>
    <xsl:sequence select="if ($key ne '' and map:contains($local-images, $key)) then string($local-images($key)) else ''"/>
  </xsl:function>

</xsl:stylesheet>
