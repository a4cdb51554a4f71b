<?xml version="1.0" encoding="UTF-8"?>
<!--
  How the source looks, read once for both editions (TEI P5 §1.3.1.1.4, "rend", "rendition",
  "style"; §2.3.4 tagsDecl): @rend keywords, @rendition pointers and @style CSS become semantic
  rendition tokens, from this closed list:

    italic  roman  bold  superscript  subscript  small-caps  underline  strike  overline
    letterspaced  uppercase  lowercase  larger  smaller                    (phrase level)
    center  right  indent  no-indent  blockquote                          (block level)

  The HTML edition writes them as classes rend-<token> (and picks i, b, sup, sub, u, s for
  phrases); the print edition as Typst markup (print/modules/rendition.xsl). Neither looks at the
  attributes itself: one reading, the same semantics in both.

  @rendition="#id" is resolved through the document's tagsDecl/rendition: its CSS (scheme css,
  or no scheme) is read like @style; when it says nothing this list knows (a font family, a
  colour, a border), or the pointer does not resolve, the id itself is read as a keyword (DTA's
  #i #b #g #k #c #right #sup #sub #u #uu #s #in…). Keywords nobody knows give no token: the text
  is set plainly, never guessed at.

  Functions only; f:rend-keywords gives the raw keywords, for the decisions that are not
  typography (a list's numbering, a milestone's rule).
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:f="urn:x-tei-edition:functions"
  exclude-result-prefixes="#all">

  <xsl:key name="f:rendition-decl" match="tei:rendition[@xml:id]" use="@xml:id"/>

  <!-- The tokens, in the order the outputs nest them. -->
  <xsl:variable name="f:rendition-order" as="xs:string*" select="('superscript', 'subscript', 'bold', 'italic', 'roman',
    'small-caps', 'uppercase', 'lowercase', 'letterspaced', 'underline', 'strike', 'overline', 'larger', 'smaller',
    'center', 'right', 'indent', 'no-indent', 'blockquote')"/>

  <!-- Block-level tokens: they apply to paragraphs, headings and the like, not to phrases. -->
  <xsl:variable name="f:block-renditions" as="xs:string*" select="('center', 'right', 'indent', 'no-indent', 'blockquote')"/>

  <!-- Keywords of @rend (and rendition ids) → token. Lower case; projects' spellings as found in real TEI. -->
  <xsl:variable name="f:rend-keyword-map" as="map(xs:string, xs:string)" select="map:merge((
    ('i', 'it', 'ital', 'italic', 'italics', 'italique', 'slanted', 'oblique', 'cursive', 'kursiv') ! map:entry(., 'italic'),
    ('roman', 'normal', 'upright', 'n', 'nonitalic', 'non-italic', 'not-italic') ! map:entry(., 'roman'),
    ('b', 'bo', 'bold', 'gras', 'strong', 'fett', 'bolder') ! map:entry(., 'bold'),
    ('sup', 'super', 'superscript', 'sup.', 'exposant', 'exp', 'supralinear', 'raised', 'hochgestellt') ! map:entry(., 'superscript'),
    ('sub', 'subscript', 'indice', 'lowered', 'infralinear', 'tiefgestellt') ! map:entry(., 'subscript'),
    ('sc', 'smallcaps', 'small-caps', 'small_caps', 'smcap', 'smcaps', 'k', 'caps', 'petites-capitales', 'kapitaelchen') ! map:entry(., 'small-caps'),
    ('u', 'ul', 'uu', 'underline', 'underlined', 'double-underline', 'underline-double', 'doubleunderline', 'unterstrichen') ! map:entry(., 'underline'),
    ('s', 'strike', 'struck', 'strikethrough', 'strikethru', 'line-through', 'overstrike', 'durchgestrichen') ! map:entry(., 'strike'),
    ('overline', 'overlined') ! map:entry(., 'overline'),
    ('g', 'wide', 'spaced', 'letterspace', 'letterspaced', 'letter-spacing', 'letter-spaced', 'gesperrt', 'sperrsatz', 'expanded') ! map:entry(., 'letterspaced'),
    ('uppercase', 'upper', 'allcaps', 'all-caps', 'capitals', 'majuscules') ! map:entry(., 'uppercase'),
    ('lowercase', 'lower') ! map:entry(., 'lowercase'),
    ('large', 'larger', 'big', 'bigger', 'x-large', 'xx-large', 'in', 'initial', 'huge') ! map:entry(., 'larger'),
    ('small', 'smaller', 'x-small', 'xx-small', 'tiny') ! map:entry(., 'smaller'),
    ('c', 'center', 'centre', 'centered', 'centred', 'align-center', 'align(center)', 'text-center') ! map:entry(., 'center'),
    ('right', 'align-right', 'align(right)', 'flush-right', 'right-aligned', 'text-right') ! map:entry(., 'right'),
    ('indent', 'indented', 'first-line-indented', 'first-line-indent', 'et', 'et2') ! map:entry(., 'indent'),
    ('noindent', 'no-indent', 'no_indent', 'non-indented', 'flush-left') ! map:entry(., 'no-indent'),
    ('blockquote', 'block-quote', 'quote-block', 'display') ! map:entry(., 'blockquote')
  ))"/>

  <!-- The rendition tokens of an element, in f:rendition-order (empty without @rend, @rendition or @style). -->
  <xsl:function name="f:rendition" as="xs:string*">
    <xsl:param name="el" as="element()"/>
    <xsl:variable name="found" as="xs:string*" select="
      $el/@rend ! (if (contains(., ':')) then f:css-renditions(.) else f:keyword-renditions(.)),
      $el/@rendition ! (for $p in tokenize(normalize-space(.), ' ') return f:pointer-renditions($p, $el)),
      $el/@style ! f:css-renditions(.)"/>
    <xsl:sequence select="if (empty($found)) then () else $f:rendition-order[. = $found]"/>
  </xsl:function>

  <!-- Only the phrase-level tokens (for inline elements). -->
  <xsl:function name="f:phrase-rendition" as="xs:string*">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="f:rendition($el)[not(. = $f:block-renditions)]"/>
  </xsl:function>

  <!-- The raw keywords of @rend and the ids of @rendition (lower case), for the decisions that are not typography. -->
  <xsl:function name="f:rend-keywords" as="xs:string*">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="
      $el/@rend ! tokenize(lower-case(normalize-space(.)), '[\s;,]+')[. ne ''],
      $el/@rendition ! tokenize(normalize-space(.), ' ') ! lower-case(if (contains(., '#')) then substring-after(., '#') else .)"/>
  </xsl:function>

  <xsl:function name="f:keyword-renditions" as="xs:string*">
    <xsl:param name="rend" as="xs:string"/>
    <xsl:sequence select="tokenize(lower-case(normalize-space($rend)), '[\s;,]+')[. ne ''] ! $f:rend-keyword-map(.)"/>
  </xsl:function>

  <!-- A @rendition pointer: the CSS of the rendition it points to in this document, else its id as a keyword. -->
  <xsl:function name="f:pointer-renditions" as="xs:string*">
    <xsl:param name="pointer" as="xs:string"/>
    <xsl:param name="el" as="element()"/>
    <xsl:variable name="id" select="if (contains($pointer, '#')) then substring-after($pointer, '#') else $pointer"/>
    <xsl:variable name="decl" select="if (starts-with($pointer, '#')) then key('f:rendition-decl', $id, root($el))[1] else ()"/>
    <xsl:variable name="declared" as="xs:string*" select="$decl[not(@scheme) or @scheme = 'css'] ! f:css-renditions(string(.)),
      $decl[@scheme and not(@scheme = 'css')] ! f:keyword-renditions(string(.))"/>
    <xsl:sequence select="if (exists($declared)) then $declared else f:keyword-renditions($id)"/>
  </xsl:function>

  <!-- CSS declarations → tokens (the common properties; the rest is ignored). -->
  <xsl:function name="f:css-renditions" as="xs:string*">
    <xsl:param name="css" as="xs:string"/>
    <xsl:for-each select="tokenize(lower-case($css), ';')[contains(., ':')]">
      <xsl:variable name="property" select="normalize-space(substring-before(., ':'))"/>
      <xsl:variable name="value" select="normalize-space(replace(substring-after(., ':'), '!important', ''))"/>
      <xsl:sequence select="f:css-declaration($property, $value)"/>
    </xsl:for-each>
  </xsl:function>

  <xsl:function name="f:css-declaration" as="xs:string*">
    <xsl:param name="property" as="xs:string"/>
    <xsl:param name="value" as="xs:string"/>
    <xsl:choose>
      <xsl:when test="$property = 'font-style'">
        <xsl:sequence select="if ($value = ('italic', 'oblique')) then 'italic' else if ($value = 'normal') then 'roman' else ()"/>
      </xsl:when>
      <xsl:when test="$property = 'font-weight'">
        <xsl:sequence select="'bold'[$value = ('bold', 'bolder') or matches($value, '^[6-9]00$')]"/>
      </xsl:when>
      <xsl:when test="$property = ('font-variant', 'font-variant-caps')">
        <xsl:sequence select="'small-caps'[contains($value, 'small-caps')]"/>
      </xsl:when>
      <xsl:when test="$property = 'vertical-align'">
        <xsl:sequence select="if ($value = ('super', 'top', 'text-top')) then 'superscript' else if ($value = ('sub', 'bottom', 'text-bottom')) then 'subscript' else ()"/>
      </xsl:when>
      <xsl:when test="$property = ('text-decoration', 'text-decoration-line')">
        <xsl:sequence select="'underline'[contains($value, 'underline')], 'strike'[contains($value, 'line-through')], 'overline'[contains($value, 'overline')]"/>
      </xsl:when>
      <!-- A rule under the text (DTA's double underline): underlined. -->
      <xsl:when test="$property = 'border-bottom'">
        <xsl:sequence select="'underline'[not($value = ('none', '0'))]"/>
      </xsl:when>
      <xsl:when test="$property = 'letter-spacing'">
        <xsl:sequence select="'letterspaced'[not($value = ('normal', '0', 'none', 'initial')) and not(starts-with($value, '-'))]"/>
      </xsl:when>
      <xsl:when test="$property = 'text-transform'">
        <xsl:sequence select="if ($value = 'uppercase') then 'uppercase' else if ($value = 'lowercase') then 'lowercase' else ()"/>
      </xsl:when>
      <xsl:when test="$property = 'font-size'">
        <xsl:sequence select="f:css-size($value)"/>
      </xsl:when>
      <xsl:when test="$property = 'text-align'">
        <xsl:sequence select="if ($value = ('center', 'centre')) then 'center' else if ($value = ('right', 'end')) then 'right' else ()"/>
      </xsl:when>
      <xsl:when test="$property = 'text-indent'">
        <xsl:sequence select="if ($value = ('0', 'none', '0em', '0pt')) then 'no-indent' else if (matches($value, '^\.?[0-9]')) then 'indent' else ()"/>
      </xsl:when>
      <xsl:when test="$property = 'display'">
        <xsl:sequence select="'blockquote'[$value = 'blockquote']"/>
      </xsl:when>
    </xsl:choose>
  </xsl:function>

  <!-- A font size: larger or smaller than the text's (keywords, %, em; other units say nothing). -->
  <xsl:function name="f:css-size" as="xs:string?">
    <xsl:param name="value" as="xs:string"/>
    <xsl:variable name="number" select="replace($value, '^([0-9]*\.?[0-9]+)(%|em|rem)$', '$1')"/>
    <xsl:variable name="factor" select="if ($number castable as xs:double and $number ne $value)
      then xs:double($number) div (if (ends-with($value, '%')) then 100 else 1) else ()"/>
    <xsl:sequence select="
      if ($value = ('large', 'larger', 'x-large', 'xx-large', 'xxx-large')) then 'larger'
      else if ($value = ('small', 'smaller', 'x-small', 'xx-small')) then 'smaller'
      else if (exists($factor) and $factor gt 1.05) then 'larger'
      else if (exists($factor) and $factor lt 0.95) then 'smaller'
      else ()"/>
  </xsl:function>

</xsl:stylesheet>
