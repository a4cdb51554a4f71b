<?xml version="1.0" encoding="UTF-8"?>
<!--
  The text of a chapter (mode "typst"): one template per TEI element, as the book.typ function
  or Typst markup it becomes. Blocks (paragraphs, headings, openers…) are separated by blank
  lines; phrases are inline calls ending with ";".

  Tunnel parameters
    french      French typography for the text (where xml:lang changes, it is set again)
    title-head  the heading already set as the chapter's title (not repeated)
    in-note     inside a footnote (no footnote in a footnote: its text follows in parentheses)
    depth       the heading level of the enclosing division (2 for the text's first level)
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:f="urn:x-tei-edition:html"
  xmlns:t="urn:x-tei-edition:print"
  exclude-result-prefixes="#all"
  expand-text="yes">

  <!-- ===== Text ===== -->

  <xsl:template match="text()" mode="typst">
    <xsl:param name="french" as="xs:boolean" tunnel="yes" select="true()"/>
    <xsl:variable name="s" select="string(.)"/>
    <!-- A word split at lb break="no" (or a page break inside a word) is joined: no space at the seam. -->
    <xsl:variable name="s" select="if (following-sibling::node()[1][self::tei:lb[@break = 'no'] or self::tei:pb[@break = 'no']])
      then replace($s, '[ &#9;&#10;&#13;]+$', '') else $s"/>
    <xsl:variable name="s" select="if (preceding-sibling::node()[1][self::tei:lb[@break = 'no'] or self::tei:pb or self::tei:lb[preceding-sibling::node()[1][self::tei:pb]]])
      then replace($s, '^[ &#9;&#10;&#13;]+', '') else $s"/>
    <xsl:value-of select="t:markup(t:typo($s, $french))"/>
  </xsl:template>

  <xsl:template match="*[@xml:lang]" mode="typst" priority="20">
    <xsl:next-match>
      <xsl:with-param name="french" select="f:is-french-code(@xml:lang)" tunnel="yes"/>
    </xsl:next-match>
  </xsl:template>

  <!-- Unknown elements: their content. -->
  <xsl:template match="*" mode="typst">
    <xsl:apply-templates mode="typst"/>
  </xsl:template>

  <!-- Not part of the reading text. -->
  <xsl:template match="tei:teiHeader | tei:facsimile | tei:standOff | tei:sourceDoc | tei:fsdDecl | tei:fw | tei:del
    | tei:anchor | tei:cb | tei:milestone | tei:handShift | tei:divGen | tei:ptr | tei:figDesc | tei:graphic | tei:media
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
    | tei:docTitle | tei:docImprint | tei:sp | tei:castList | tei:stage[not(ancestor::tei:p or ancestor::tei:l)]" mode="typst">
    <xsl:text>&#10;&#10;</xsl:text>
    <xsl:apply-templates mode="typst"/>
    <xsl:text>&#10;&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="tei:speaker" mode="typst">
    <xsl:text>#smallcaps[</xsl:text>
    <xsl:apply-templates mode="typst"/>
    <xsl:text>]; </xsl:text>
  </xsl:template>

  <xsl:template match="tei:quote[tei:p | tei:lg | tei:l] | tei:q[tei:p | tei:lg] | tei:cit[tei:quote/(tei:p | tei:lg | tei:l)]" mode="typst">
    <xsl:call-template name="t:block">
      <xsl:with-param name="function" select="'quotation'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:lg" mode="typst">
    <xsl:text>&#10;&#10;</xsl:text>
    <xsl:apply-templates mode="typst"/>
    <xsl:text>&#10;&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="tei:l" mode="typst">
    <xsl:call-template name="t:block">
      <xsl:with-param name="function" select="'verse-line'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:list | tei:listBibl | tei:listPerson | tei:listPlace | tei:table" mode="typst">
    <xsl:text>&#10;&#10;</xsl:text>
    <xsl:apply-templates mode="typst"/>
    <xsl:text>&#10;&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="tei:item | tei:listBibl/tei:bibl | tei:row | tei:person | tei:place" mode="typst">
    <xsl:variable name="label" select="preceding-sibling::*[1][self::tei:label]"/>
    <xsl:text>&#10;#item(</xsl:text>
    <xsl:if test="$label">
      <xsl:text>label: [</xsl:text>
      <xsl:apply-templates select="$label/node()" mode="typst"/>
      <xsl:text>]</xsl:text>
    </xsl:if>
    <xsl:text>)[</xsl:text>
    <xsl:apply-templates mode="typst"/>
    <xsl:text>]&#10;</xsl:text>
  </xsl:template>

  <!-- A list label is written with its item; a cell is followed by a separator. -->
  <xsl:template match="tei:list/tei:label" mode="typst"/>
  <xsl:template match="tei:cell" mode="typst">
    <xsl:apply-templates mode="typst"/>
    <xsl:if test="following-sibling::tei:cell"> | </xsl:if>
  </xsl:template>

  <xsl:template match="tei:figure" mode="typst">
    <xsl:apply-templates select="tei:head | tei:p | tei:figure" mode="typst"/>
  </xsl:template>

  <!-- ===== Phrases ===== -->

  <xsl:template match="tei:hi | tei:emph | tei:foreign | tei:term | tei:mentioned | tei:title[not(@level = 'a')] | tei:soCalled[@rend]" mode="typst">
    <xsl:variable name="rend" select="lower-case(string-join((@rend, @rendition, @style), ' '))"/>
    <xsl:variable name="function" select="
      if (matches($rend, 'sup')) then 'super'
      else if (matches($rend, 'sub')) then 'sub'
      else if (matches($rend, 'bold|strong|font-weight')) then 'strong'
      else if (matches($rend, 'small-?caps|^sc$|\ssc$|^sc\s|smcap')) then 'smallcaps'
      else if (matches($rend, 'under')) then 'underline'
      else if (matches($rend, 'roman|normal|upright')) then ''
      else 'emph'"/>
    <xsl:choose>
      <xsl:when test="$function = ''">
        <xsl:apply-templates mode="typst"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:text>#{$function}[</xsl:text>
        <xsl:apply-templates mode="typst"/>
        <xsl:text>];</xsl:text>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The edited reading: corr, reg, expan; else the first alternative. -->
  <xsl:template match="tei:choice" mode="typst">
    <xsl:apply-templates select="((tei:corr, tei:reg, tei:expan)[1], *[1])[1]" mode="typst"/>
  </xsl:template>

  <xsl:template match="tei:app" mode="typst">
    <xsl:apply-templates select="(tei:lem, tei:rdg)[1]" mode="typst"/>
  </xsl:template>

  <xsl:template match="tei:subst" mode="typst">
    <xsl:apply-templates select="tei:add" mode="typst"/>
  </xsl:template>

  <!-- Supplied by the editor: in brackets (a whole heading supplied as a title: without). -->
  <xsl:template match="tei:supplied" mode="typst">
    <xsl:variable name="whole-head" select="parent::tei:head and empty(../node()[not(self::tei:note)] except .)"/>
    <xsl:if test="not($whole-head)">\[</xsl:if>
    <xsl:apply-templates mode="typst"/>
    <xsl:if test="not($whole-head)">\]</xsl:if>
  </xsl:template>

  <xsl:template match="tei:gap" mode="typst">
    <xsl:text>\[…\]</xsl:text>
  </xsl:template>

  <xsl:template match="tei:space" mode="typst">
    <xsl:text> </xsl:text>
  </xsl:template>

  <!-- ===== Breaks ===== -->

  <!-- A line break of the source: a space between words, nothing inside a word (nor right after a page marker, which has it before). -->
  <xsl:template match="tei:lb" mode="typst">
    <xsl:if test="not(@break = 'no') and not(preceding-sibling::node()[1][self::tei:pb])">
      <xsl:text> </xsl:text>
    </xsl:if>
  </xsl:template>

  <!--
    A page of the source begins: [p. N] in the margin (a word joiner on each side inside a word).
    Breaks that follow one another with nothing printed between (title pages, blank pages) share
    one marker, [p. 1, 2], instead of printing over each other.
  -->
  <xsl:template match="tei:pb" mode="typst">
    <xsl:variable name="before" select="preceding-sibling::node()[position() le 8][not(self::text()[not(normalize-space())] or self::tei:fw or self::tei:lb)][1]"/>
    <xsl:if test="not($before/self::tei:pb)">
      <xsl:variable name="after" select="following-sibling::node()[position() le 8][not(self::text()[not(normalize-space())] or self::tei:fw or self::tei:lb)]"/>
      <xsl:variable name="stop" select="(for $i in 1 to count($after) return $i[not($after[$i]/self::tei:pb)], count($after) + 1)[1]"/>
      <xsl:variable name="run" select="(., $after[position() lt $stop])"/>
      <xsl:variable name="in-word" select="@break = 'no' or exists(following-sibling::node()[1][self::tei:lb[@break = 'no']])
        or exists(preceding-sibling::node()[1][self::tei:lb[@break = 'no']])"/>
      <xsl:variable name="n" select="string-join($run ! (normalize-space(@n)[. ne ''], '–')[1], ', ')"/>
      <xsl:if test="$in-word">&#x2060;</xsl:if>
      <!-- The marker sticks to the next word: the space after the break goes before it (two spaces around an inline box would be two). -->
      <xsl:if test="not($in-word) and following-sibling::node()[1][self::tei:lb or self::text()[matches(., '^[ &#9;&#10;&#13;]')]]">
        <xsl:text> </xsl:text>
      </xsl:if>
      <xsl:text>#pb({t:string($n)});</xsl:text>
      <xsl:if test="$in-word">&#x2060;</xsl:if>
    </xsl:if>
  </xsl:template>

  <!-- ===== Names (indexes) ===== -->

  <xsl:template match="tei:persName[@ref] | tei:placeName[@ref] | tei:name[@ref][@type = ('person', 'place')]" mode="typst">
    <xsl:variable name="entry" select="f:register-entry(@ref, .)"/>
    <xsl:variable name="kind" select="if ($entry/self::tei:person) then 'person' else if ($entry/self::tei:place) then 'place' else ''"/>
    <xsl:choose>
      <xsl:when test="$kind ne '' and $entry/@xml:id">
        <xsl:text>#mention("{$kind}", {t:string($entry/@xml:id)})[</xsl:text>
        <xsl:apply-templates mode="typst"/>
        <xsl:text>];</xsl:text>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates mode="typst"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ===== Notes ===== -->

  <xsl:template match="tei:note" mode="typst">
    <xsl:param name="in-note" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="editor" select="f:is-editor-note(.)"/>
    <xsl:choose>
      <xsl:when test="@place = 'inline' or $in-note">
        <xsl:text> (</xsl:text>
        <xsl:apply-templates mode="typst">
          <xsl:with-param name="in-note" select="true()" tunnel="yes"/>
        </xsl:apply-templates>
        <xsl:text>)</xsl:text>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="label" select="($note-labels(generate-id(.)), '*')[1]"/>
        <xsl:text>#note(label: {t:string($label)}{if ($editor) then ', editor: ' || t:string($editor-label) else ''})[</xsl:text>
        <xsl:apply-templates mode="typst">
          <xsl:with-param name="in-note" select="true()" tunnel="yes"/>
        </xsl:apply-templates>
        <xsl:text>];</xsl:text>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
