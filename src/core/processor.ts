/**
 * The only place a plugin chain is built. One processor per format, made
 * once per run and reused for every file of that format.
 *
 *   markdown: remark-parse (+GFM, front matter) → bridge → retext chain
 *   html:     rehype-parse → prepare → rehype-retext → retext chain
 *   text:     retext-english → retext chain
 * A format's parser is one of these (formats.ts): Word is converted to HTML
 * first (docx.ts), PDF to paragraphs of text (pdf.ts).
 *
 * The retext chain: words split by formatting joined (split-words.ts), units
 * (sentence and list breaks), then each check's plugin (see rules.ts).
 */
import retextEnglish from 'retext-english'
import {unified, type PluggableList, type Processor} from 'unified'
import type {VFile} from 'vfile'
import type {ExternalPlugin, PluginSettings} from '../plugins/check.js'
import {SOURCE} from '../plugins/messages.js'
import retextUnits from '../plugins/retext-units.js'
import type {Format} from '../types.js'
import {FORMATS} from './formats.js'
import retextSplitWords from './split-words.js'
import {CHECKS} from './rules.js'

export interface ProcessorSettings extends PluginSettings {
  /** Other retext plugins, run after plainly's own. */
  externals?: readonly ExternalPlugin[]
}

// unified's generic processor types are not useful across formats.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyProcessor = Processor<any, any, any, any, any>

function retextPlugins(settings: ProcessorSettings): PluggableList {
  const plugins: PluggableList = [retextUnits]
  for (const check of CHECKS) {
    const plugin = check.plugin?.(settings)
    if (plugin) plugins.push(plugin)
  }
  const stamped = new WeakMap<VFile, number>()
  for (const external of settings.externals ?? []) plugins.push([external.plugin, external.options], stampMessages(external, stamped))
  return plugins
}

/**
 * After another plugin: its new messages are put under its name (their rule
 * ids become "<name>/<rule id>") and given the severity the settings set.
 * A new plugin function for each: unified runs a function used twice once.
 */
function stampMessages(external: ExternalPlugin, stamped: WeakMap<VFile, number>) {
  return () => (_tree: unknown, file: VFile): undefined => {
    for (let index = stamped.get(file) ?? 0; index < file.messages.length; index++) {
      const message = file.messages[index]!
      if (message.source === SOURCE) continue
      message.source = external.name
      if (external.severity) message.severity = external.severity
    }
    stamped.set(file, file.messages.length)
  }
}

/** Parsers are loaded only for the formats a run meets, so a Markdown-only run never loads the HTML code. */
export async function createProcessor(format: Format, settings: ProcessorSettings): Promise<AnyProcessor> {
  // Frozen now: the bridges read its parser extensions (split-words.ts) before they first run it.
  const retext = unified().use(retextEnglish).use(retextSplitWords).use(retextPlugins(settings)).freeze()
  switch (FORMATS[format].parser) {
    case 'markdown': {
      const [{default: remarkParse}, {default: remarkGfm}, {default: remarkFrontmatter}, {default: remarkBridge}] = await Promise.all([
        import('remark-parse'),
        import('remark-gfm'),
        import('remark-frontmatter'),
        import('./markdown.js')
      ])
      return unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkBridge, retext) as AnyProcessor
    }
    case 'html': {
      const [{default: rehypeParse}, {default: rehypeRetext}, {default: rehypePrepare}] = await Promise.all([import('rehype-parse'), import('rehype-retext'), import('./html.js')])
      return unified().use(rehypeParse).use(rehypePrepare).use(rehypeRetext, retext) as AnyProcessor
    }
    case 'text':
      return retext as AnyProcessor
  }
}
