/**
 * Straight quotes as readers see them in print. Pure.
 *
 * Glossary notes are typed with straight quotes, which any keyboard has; the
 * messages beside them quote words with curly ones (“like this”), and a reason
 * read next to a message should look the same.
 */

const memo = new Map<string, string>()

/** "Say "about"" becomes “Say “about””, and don't becomes don’t; other single quotes are left as they are. */
export function curlyQuotes(text: string): string {
  if (!text.includes('"') && !text.includes("'")) return text
  let curly = memo.get(text)
  if (curly === undefined) {
    curly = text
      // A quote at the start, or after a space, an opening bracket, a dash or a hyphen (self-"care"), opens; any other closes.
      .replace(/(^|[\s([{\u2013\u2014/-])"/g, '$1\u201C')
      .replace(/"/g, '\u201D')
      // An apostrophe inside a word (don't, people's), or after the s of a plural (parents' views).
      .replace(/(\p{L})'(?=\p{L})/gu, '$1\u2019')
      .replace(/(\p{L}s)'(?=[\s.,;:!?)]|$)/gu, '$1\u2019')
    if (memo.size > 10_000) memo.clear()
    memo.set(text, curly)
  }
  return curly
}
