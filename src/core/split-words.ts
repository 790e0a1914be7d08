/**
 * Words split by formatting: "lev<strong>era</strong>ge" in a web page,
 * "lev**era**ge" in Markdown, or a Word file where bold starts in the middle
 * of a word (each formatting change is a new run of text, and mammoth turns
 * runs into separate pieces of HTML). The bridges from HTML and Markdown to
 * words read each piece of text on its own, so such a word arrived as three
 * words ("lev", "era", "ge") and no check could see it.
 *
 * A reader sees one word wherever nothing (no space, no punctuation) comes
 * between two pieces of a word, so here two words side by side become one.
 * Within one piece of text the English parser never puts two words side by
 * side, so only words cut by markup are joined. It runs as the parser's
 * first step for each sentence (an nlcst sentence extension), for every
 * format, before any check looks at the words.
 */
import type {Sentence, SentenceContent, Word} from 'nlcst'
import type {Processor} from 'unified'
import {pushAll} from '../shared/arrays.js'

/** Join words that touch (nothing between them) into one word. */
export function joinSplitWords(sentence: Sentence): void {
  const children = sentence.children
  if (!children.some((child, index) => child.type === 'WordNode' && children[index + 1]?.type === 'WordNode')) return
  const joined: SentenceContent[] = []
  for (const child of children) {
    const previous = joined[joined.length - 1]
    if (child.type === 'WordNode' && previous?.type === 'WordNode') {
      const word: Word = {type: 'WordNode', children: pushAll([...previous.children], child.children)}
      if (previous.position && child.position) word.position = {start: previous.position.start, end: child.position.end}
      joined[joined.length - 1] = word
    } else {
      joined.push(child)
    }
  }
  sentence.children = joined
}

/** The retext plugin that adds joinSplitWords to the parser (retext-english and both bridges read the list). */
export default function retextSplitWords(this: Processor): void {
  const data = this.data() as {nlcstSentenceExtensions?: Array<(node: Sentence) => void>}
  data.nlcstSentenceExtensions = [...(data.nlcstSentenceExtensions ?? []), joinSplitWords]
}
