/**
 * Text pasted from Word (or a web page) arrives as HTML too. It is read
 * with DOMParser, which runs nothing and loads nothing, and turned into
 * plain text as plainly reads it: a blank line between paragraphs, each
 * list item on its own line after a bullet or its number. Nothing from it
 * is ever put into the page as HTML.
 */
const BLOCKS = new Set(['P', 'DIV', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'PRE', 'TR', 'TABLE', 'UL', 'OL', 'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'ASIDE', 'DL', 'DT', 'DD', 'FIGURE', 'FIGCAPTION', 'ADDRESS', 'CAPTION'])
const SKIP = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'HEAD', 'TITLE', 'META', 'LINK', 'OBJECT', 'IFRAME', 'SVG', 'IMG', 'VIDEO', 'AUDIO', 'BUTTON', 'SELECT', 'TEXTAREA', 'INPUT'])

interface Piece {
  text: string
  item: boolean
}

export function htmlToText(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html')
  const pieces: Piece[] = []
  let line = ''
  let item = false
  const flush = () => {
    const text = line.replace(/[ \t\u00a0]+/g, ' ').replace(/ ?\n ?/g, '\n').trim()
    // A list item's marker waits for its words (<li><p>words</p></li>).
    if (/^(?:•|\d+\.)$/.test(text)) return
    if (text !== '') pieces.push({text, item})
    line = ''
    item = false
  }
  const walk = (node: Node, listDepth: number) => {
    if (node.nodeType === Node.TEXT_NODE) {
      line += (node.nodeValue ?? '').replace(/[\r\n]+/g, ' ')
      return
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return
    const element = node as Element
    if (SKIP.has(element.tagName)) return
    const style = element.getAttribute('style') ?? ''
    // Word's bullet or number, drawn in a span of its own: it is kept as the item's marker.
    if (/mso-list:\s*ignore/i.test(style)) {
      const marker = (element.textContent ?? '').replace(/[\s\u00a0]+/g, ' ').trim()
      line += /^[\d\p{L}]{1,3}[.)]$/u.test(marker) ? `${marker} ` : '• '
      return
    }
    if (element.tagName === 'BR') {
      line += '\n'
      return
    }
    const block = BLOCKS.has(element.tagName)
    if (block) flush()
    const wordItem = element.tagName === 'P' && (/mso-list/i.test(style) || /MsoListParagraph/i.test(element.className))
    if (element.tagName === 'LI') {
      item = true
      const parent = element.parentElement
      line += parent?.tagName === 'OL' ? `${Array.prototype.indexOf.call(parent.children, element) + Number(parent.getAttribute('start') ?? 1)}. ` : '• '
    } else if (wordItem) item = true
    const inner = element.tagName === 'UL' || element.tagName === 'OL' ? listDepth + 1 : listDepth
    for (const child of Array.from(element.childNodes)) {
      // A list inside a list item starts a new line.
      if (child.nodeType === Node.ELEMENT_NODE && ['UL', 'OL'].includes((child as Element).tagName)) flush()
      walk(child, inner)
    }
    if (element.tagName === 'TD' || element.tagName === 'TH') line += ' '
    if (block) flush()
  }
  walk(doc.body, 0)
  flush()
  let text = ''
  pieces.forEach((piece, index) => {
    if (index > 0) text += piece.item && pieces[index - 1]!.item ? '\n' : '\n\n'
    text += piece.text
  })
  return text
}
