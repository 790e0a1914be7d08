/**
 * A quick reader for glossary YAML written in the plain style of the
 * shipped files: block maps and lists, plain and quoted scalars, [flow]
 * lists, {flow} maps on one line, and | and > block scalars. It makes plain
 * values, with the line each map starts on, and no syntax tree; it reads
 * the text in place (offsets, not a copy of each line).
 *
 * It is not a YAML parser. Anything outside that style (anchors, aliases,
 * tags, numbers, tabs, multi-line quotes, more-indented block text…) makes
 * it give up, and the caller uses the full parser (the yaml package), which
 * also gives every error message. So it only has to be right about what it
 * accepts: tests/quick-yaml.test.ts compares it with the yaml package on
 * many generated files.
 */

/** A map (keys in order, as own properties of `values`), with the line (1-based) where it starts. */
export class QuickMap {
  readonly values: Record<string, QuickValue> = {}
  constructor(readonly line: number) {}

  has(key: string): boolean {
    return Object.hasOwn(this.values, key)
  }

  get(key: string): QuickValue | undefined {
    return Object.hasOwn(this.values, key) ? this.values[key] : undefined
  }
}

export type QuickValue = string | boolean | null | QuickValue[] | QuickMap

/** Thrown for anything outside the plain style; never escapes quickYaml. */
class NotPlain extends Error {}

const giveUp = (): never => {
  throw new NotPlain()
}

/** Characters that YAML does not allow, or that the quick reader leaves to the full parser. */
const UNUSUAL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\t\u2028\u2029\ufeff\ufffe\uffff]/
/** What the YAML 1.2 core schema reads as null, true/false or a number (see the yaml package). */
const NULL = /^(?:~|[Nn]ull|NULL)?$/
const TRUE = /^(?:[Tt]rue|TRUE)$/
const FALSE = /^(?:[Ff]alse|FALSE)$/
const NUMBER = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+)$/
/** First characters of text that may be read as something other than a string. */
const MAYBE_NOT_TEXT = /^[~nNtTfF.+\-\d]/
/** Characters a plain scalar may not start with (YAML indicators), besides the ones read here. */
const INDICATOR = /^[-?:,[\]{}#&*!|>'"%@`]/
/** The rest of a line after a value: spaces, then perhaps a comment. */
const LINE_END = /^(?: +#.*| *)$/
const ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\x85',
  _: '\xa0',
  L: '\u2028',
  P: '\u2029'
}
const HEX_LENGTH: Record<string, number> = {x: 2, u: 4, U: 8}
const SPACE = 32
const HASH = 35
const COLON = 58
const DASH = 45

export interface QuickYamlOptions {
  /**
   * Called with each item of the top-level "entries:" list as soon as it is
   * read; the list holds what it returns. A glossary turns each map into an
   * entry there, so the maps are garbage at once instead of all living
   * until the end. It may throw to give up.
   */
  entry?: (item: QuickValue) => unknown
}

/** Keys the reader returns as these very strings, instead of a new copy for every map. */
const KNOWN_KEYS = new Map<number, string[]>()
for (const key of ['description', 'entries', 'knownAcronyms', 'id', 'term', 'terms', 'alternatives', 'explain', 'note', 'severity', 'source', 'licence', 'acronym', 'except', 'forms', 'inflect', 'status', 'proposedBy', 'reviewed', 'url', 'examples', 'disabled', 'autofix', 'flag', 'pass']) {
  KNOWN_KEYS.set(key.length, [...(KNOWN_KEYS.get(key.length) ?? []), key])
}

/** The document's value, or undefined when the text is not in the plain style. */
export function quickYaml(text: string, options: QuickYamlOptions = {}): QuickValue | undefined {
  if (text.includes('\r')) {
    if (/\r(?!\n)/.test(text)) return undefined
    text = text.replaceAll('\r\n', '\n')
  }
  // isWellFormed: no lone surrogates (ES2024, in Node since 20).
  if (UNUSUAL.test(text) || !(text as unknown as {isWellFormed(): boolean}).isWellFormed()) return undefined
  try {
    return new Reader(text, options.entry).document()
  } catch (error) {
    if (error instanceof NotPlain) return undefined
    throw error
  }
}

class Reader {
  /** Where each line starts; the last item is one past the end of the text. */
  private readonly starts: Int32Array
  private readonly count: number
  private readonly indents: Int32Array
  /** After reading a value: the next line to read. (Fields, not returned pairs: less to allocate.) */
  private next = 0
  /** After finding a key: the column where its value starts. */
  private valueColumn = 0
  private readonly flow = new Flow()
  /** True while starting the value of the top-level "entries:" key. */
  private entries = false

  constructor(
    private readonly text: string,
    private readonly entry?: (item: QuickValue) => unknown
  ) {
    let count = 1
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count++
    const starts = new Int32Array(count + 1)
    let line = 1
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts[line++] = at + 1
    starts[count] = text.length + 1
    // Each line's indentation, worked out once (every line is looked at several times).
    const indents = new Int32Array(count)
    for (let index = 0; index < count; index++) {
      let at = starts[index]!
      while (text.charCodeAt(at) === SPACE) at++
      indents[index] = at - starts[index]!
    }
    this.starts = starts
    this.indents = indents
    this.count = count
  }

  document(): QuickValue {
    const start = this.nextContent(0)
    if (start >= this.count || this.indent(start) !== 0) giveUp()
    const root = this.map(start, 0)
    if (this.nextContent(this.next) < this.count) giveUp()
    return root
  }

  /** Offset of the end of line `line` (its newline, or the end of the text). */
  private end(line: number): number {
    return this.starts[line + 1]! - 1
  }

  /** Spaces at the start of a line. */
  private indent(line: number): number {
    return this.indents[line]!
  }

  /** True when a line holds only spaces. */
  private blank(line: number): boolean {
    return this.starts[line]! + this.indent(line) >= this.end(line)
  }

  /** The text of a line from `column` on. */
  private rest(line: number, column: number): string {
    return this.text.slice(this.starts[line]! + column, this.end(line))
  }

  /** The next line from `line` on that is neither blank nor only a comment. */
  private nextContent(line: number): number {
    for (; line < this.count; line++) {
      const at = this.starts[line]! + this.indent(line)
      if (at < this.end(line) && this.text.charCodeAt(at) !== HASH) break
    }
    return line
  }

  /** A key at `column` of `line`: its name (and this.valueColumn), or undefined. */
  private key(line: number, column: number): string | undefined {
    const text = this.text
    const start = this.starts[line]! + column
    const end = this.end(line)
    let at = start
    const first = text.charCodeAt(at)
    if (!isKeyStart(first)) return undefined
    at++
    while (at < end && isKeyPart(text.charCodeAt(at))) at++
    if (text.charCodeAt(at) !== COLON) return undefined
    const name = knownKey(text, start, at) ?? text.slice(start, at)
    at++
    if (at < end && text.charCodeAt(at) !== SPACE) return undefined
    while (at < end && text.charCodeAt(at) === SPACE) at++
    // A key named __proto__ would not be kept as a key by every reader: leave it.
    if (name === '__proto__') giveUp()
    this.valueColumn = at - this.starts[line]!
    return name
  }

  /** True when the text at `column` of `line` is a list dash ("- " or "-" at the end of the line). */
  private dash(line: number, column: number): boolean {
    const at = this.starts[line]! + column
    return this.text.charCodeAt(at) === DASH && (at + 1 >= this.end(line) || this.text.charCodeAt(at + 1) === SPACE)
  }

  /** A block map whose keys start at `column`, the first on `line` (maybe after "- "). */
  private map(line: number, column: number): QuickMap {
    const map = new QuickMap(line + 1)
    let first = true
    for (;;) {
      if (!first && this.indent(line) !== column) giveUp()
      first = false
      const name = this.key(line, column)
      if (name === undefined || map.has(name)) return giveUp()
      this.entries = column === 0 && name === 'entries'
      map.values[name] = this.value(line, this.valueColumn, column)
      line = this.nextContent(this.next)
      if (line >= this.count) break
      const indent = this.indent(line)
      if (indent < column) break
      if (indent > column) giveUp()
    }
    this.next = line
    return map
  }

  /** A block list whose dashes are at `column`, starting on `line`. */
  private list(line: number, column: number): QuickValue[] {
    const items: QuickValue[] = []
    const entry = this.entries ? this.entry : undefined
    this.entries = false
    const text = this.text
    for (;;) {
      const start = this.starts[line]! + column
      if (text.charCodeAt(start) !== DASH || text.charCodeAt(start + 1) !== SPACE) giveUp()
      let at = start + 2
      while (text.charCodeAt(at) === SPACE) at++
      const end = this.end(line)
      if (at >= end || text.charCodeAt(at) === HASH) giveUp()
      const itemColumn = at - this.starts[line]!
      const item = this.key(line, itemColumn) === undefined ? this.value(line, itemColumn, column) : this.map(line, itemColumn)
      items.push(entry ? (entry(item) as QuickValue) : item)
      line = this.nextContent(this.next)
      if (line >= this.count) break
      const indent = this.indent(line)
      if (indent < column) break
      if (indent > column) giveUp()
      // A key at the list's own column ends a list that was the value of the key before it.
      if (text.charCodeAt(this.starts[line]! + column) !== DASH) break
    }
    this.next = line
    // Arrays grown by push keep room for more (17 items for one): copy out at the exact size.
    return items.slice()
  }

  /**
   * The value at `column` of `line` (after "key: " or "- "), inside a block
   * whose column is `parent`. Returns it and the next line to read.
   */
  private value(line: number, column: number, parent: number): QuickValue {
    const at = this.starts[line]! + column
    // Only a block list read here can be the entries list.
    const entries = this.entries
    this.entries = false
    if (at >= this.end(line) || this.text.charCodeAt(at) === HASH) {
      // Nothing on the line: a nested block, or null.
      const next = this.nextContent(line + 1)
      if (next < this.count) {
        const indent = this.indent(next)
        const dash = this.dash(next, indent)
        this.entries = entries && dash
        if (indent > parent) return dash ? this.list(next, indent) : this.map(next, indent)
        if (indent === parent && dash) return this.list(next, indent)
      }
      this.next = line + 1
      return null
    }
    const rest = this.rest(line, column)
    this.next = line + 1
    switch (rest[0]) {
      case '"':
      case "'": {
        const text = rest[0] === '"' ? doubleQuoted(rest) : singleQuoted(rest)
        if (!LINE_END.test(rest.slice(quotedEnd))) giveUp()
        return text
      }
      case '[':
      case '{': {
        const value = this.flow.read(rest, line + 1)
        if (!LINE_END.test(rest.slice(this.flow.at))) giveUp()
        return value
      }
      case '|':
      case '>':
        return this.blockScalar(rest, line, parent)
    }
    if (INDICATOR.test(rest)) giveUp()
    return this.plain(rest, line, parent)
  }

  /** A plain scalar, perhaps folded over more-indented lines below. */
  private plain(rest: string, line: number, parent: number): QuickValue {
    let text = rest
    const comment = text.indexOf(' #')
    if (comment !== -1) text = text.slice(0, comment)
    text = trimSpaces(text)
    checkPlain(text)
    let next = line + 1
    let folded = text
    let empty = 0
    let lines = 1
    for (let at = line + 1; at < this.count; at++) {
      if (this.blank(at)) {
        empty++
        continue
      }
      const indent = this.indent(at)
      if (indent <= parent) break
      // More-indented text after a comment, or a comment inside the text, is not plain.
      if (comment !== -1 || this.text.charCodeAt(this.starts[at]! + indent) === HASH) giveUp()
      const more = trimSpaces(this.rest(at, indent))
      if (INDICATOR.test(more) || more.includes(' #')) giveUp()
      checkPlain(more)
      folded += empty > 0 ? '\n'.repeat(empty) : ' '
      folded += more
      empty = 0
      lines++
      next = at + 1
    }
    this.next = next
    // Folded over lines, it holds a space or a line break: never null, a boolean or a number.
    return lines === 1 ? resolvePlain(text) : folded
  }

  /** A | or > block scalar: its lines all at one indentation, kept (|) or folded (>). */
  private blockScalar(header: string, line: number, parent: number): string {
    const match = /^([|>])(-?)(?: +#.*| *)$/.exec(header)
    if (!match) return giveUp()
    const literal = match[1] === '|'
    const strip = match[2] === '-'
    const first = line + 1
    if (first >= this.count || this.blank(first)) giveUp()
    const indent = this.indent(first)
    if (indent <= parent) giveUp()
    const parts: string[] = []
    let next = first
    let empties = 0
    for (let at = first; at < this.count; at++) {
      if (this.blank(at)) {
        if (this.end(at) - this.starts[at]! > indent) giveUp()
        empties++
        continue
      }
      const lineIndent = this.indent(at)
      if (lineIndent < indent) break
      if (lineIndent > indent) giveUp()
      for (; empties > 0; empties--) parts.push('')
      parts.push(this.rest(at, indent))
      next = at + 1
    }
    let text = ''
    if (literal) {
      text = parts.join('\n')
    } else {
      let blank = 0
      for (const part of parts) {
        if (part === '') {
          blank++
          continue
        }
        if (text !== '') text += blank > 0 ? '\n'.repeat(blank) : ' '
        blank = 0
        text += part
      }
    }
    this.next = next
    return strip ? text : `${text}\n`
  }
}

/** Reads one line's [flow list] or {flow map}. */
class Flow {
  at = 0
  private text = ''
  private line = 0

  /** The [list] or {map} at the start of `text`, on `line` (1-based); this.at is then just after it. */
  read(text: string, line: number): QuickValue {
    this.text = text
    this.line = line
    this.at = 0
    const open = text[0]
    if (open === '[') return this.list()
    if (open === '{') return this.map()
    return giveUp()
  }

  private list(): QuickValue[] {
    this.at++
    this.spaces()
    if (this.text[this.at] === ']') {
      this.at++
      return []
    }
    // Most lists hold one item: no growing array for them.
    const first = this.item(']')
    this.spaces()
    if (this.text[this.at] === ']') {
      this.at++
      return [first]
    }
    const items: QuickValue[] = [first]
    for (;;) {
      const next = this.text[this.at++]
      if (next === ']') return items.slice()
      if (next !== ',') giveUp()
      this.spaces()
      // A trailing comma or an empty item is left to the full parser.
      if (this.text[this.at] === ']' || this.text[this.at] === ',') giveUp()
      items.push(this.item(']'))
      this.spaces()
    }
  }

  private map(): QuickMap {
    const map = new QuickMap(this.line)
    this.at++
    this.spaces()
    if (this.text[this.at] === '}') {
      this.at++
      return map
    }
    for (;;) {
      const key = /^([A-Za-z_][\w-]*): +/.exec(this.text.slice(this.at))
      if (!key) return giveUp()
      const name = key[1]!
      if (map.has(name) || name === '__proto__') giveUp()
      this.at += key[0].length
      map.values[name] = this.item('}')
      this.spaces()
      const next = this.text[this.at++]
      if (next === '}') return map
      if (next !== ',') giveUp()
      this.spaces()
      if (this.text[this.at] === '}' || this.text[this.at] === ',') giveUp()
    }
  }

  /** A value inside a flow collection: quoted, a flow list, or plain up to "," or the closing bracket. */
  private item(close: string): QuickValue {
    const first = this.text[this.at]
    if (first === '"' || first === "'") {
      const value = first === '"' ? doubleQuoted(this.text.slice(this.at)) : singleQuoted(this.text.slice(this.at))
      this.at += quotedEnd
      return value
    }
    if (first === '[' && close === '}') return this.list()
    let end = this.at
    while (end < this.text.length && this.text[end] !== ',' && this.text[end] !== close) end++
    const plain = trimSpaces(this.text.slice(this.at, end))
    if (plain === '' || INDICATOR.test(plain) || /[[\]{}:]|\s#/.test(plain)) giveUp()
    this.at = end
    return resolvePlain(plain)
  }

  private spaces(): void {
    while (this.text[this.at] === ' ') this.at++
  }
}

/** Where the last quoted scalar read ended (just after its closing quote). */
let quotedEnd = 0

/** A "double-quoted" scalar on one line (quotedEnd: where it ends). */
function doubleQuoted(text: string): string {
  const close = text.indexOf('"', 1)
  // No escapes: the text between the quotes as it is.
  if (close !== -1 && !text.includes('\\')) {
    quotedEnd = close + 1
    return text.slice(1, close)
  }
  let value = ''
  for (let at = 1; at < text.length; at++) {
    const character = text[at]!
    if (character === '"') {
      quotedEnd = at + 1
      return value
    }
    if (character !== '\\') {
      value += character
      continue
    }
    const escape = text[++at]
    if (escape === undefined) return giveUp()
    const length = HEX_LENGTH[escape]
    if (length) {
      const hex = text.slice(at + 1, at + 1 + length)
      if (hex.length !== length || !/^[0-9a-fA-F]+$/.test(hex)) giveUp()
      const code = Number.parseInt(hex, 16)
      if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) giveUp()
      value += String.fromCodePoint(code)
      at += length
    } else if (escape in ESCAPES) {
      value += ESCAPES[escape]
    } else {
      giveUp()
    }
  }
  return giveUp()
}

/** A 'single-quoted' scalar on one line ('' is a quote; quotedEnd: where it ends). */
function singleQuoted(text: string): string {
  let value = ''
  for (let at = 1; at < text.length; at++) {
    const character = text[at]!
    if (character !== "'") {
      value += character
    } else if (text[at + 1] === "'") {
      value += "'"
      at++
    } else {
      quotedEnd = at + 1
      return value
    }
  }
  return giveUp()
}

/** Plain text may not hold ": " or end in ":" (that would be a key). */
function checkPlain(text: string): void {
  if (text.includes(': ') || text.charCodeAt(text.length - 1) === COLON) giveUp()
}

/** A one-line plain scalar as the YAML 1.2 core schema reads it; numbers are left to the full parser. */
function resolvePlain(text: string): QuickValue {
  if (text !== '' && !MAYBE_NOT_TEXT.test(text)) return text
  if (NULL.test(text)) return null
  if (TRUE.test(text)) return true
  if (FALSE.test(text)) return false
  if (NUMBER.test(text)) giveUp()
  return text
}

/** Without spaces at the end (only spaces: YAML keeps other white space, such as a no-break space). */
function trimSpaces(text: string): string {
  let end = text.length
  while (end > 0 && text.charCodeAt(end - 1) === SPACE) end--
  return end === text.length ? text : text.slice(0, end)
}

/** The known key spelled by text[start, end), if any. */
function knownKey(text: string, start: number, end: number): string | undefined {
  const candidates = KNOWN_KEYS.get(end - start)
  if (candidates) {
    for (let index = 0; index < candidates.length; index++) if (text.startsWith(candidates[index]!, start)) return candidates[index]
  }
  return undefined
}

function isKeyStart(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95
}

function isKeyPart(code: number): boolean {
  return isKeyStart(code) || (code >= 48 && code <= 57) || code === DASH
}
