/**
 * `plainly app`: the web page for people without a terminal, as one HTML
 * file with the glossary (shipped, packs, team files) and settings inside.
 * The build makes the page without its glossary (scripts/build-app.mjs,
 * beside this module's build as ../app/page.html); this puts the glossary
 * and settings in. Nothing of the page's own code is loaded here.
 */
import {mkdir, readFile} from 'node:fs/promises'
import path from 'node:path'
import {createChecker, type CheckerSettings} from '../core/checker.js'
import {ConfigError, ConfigFinder, FILE_KEYS, type FileConfig} from '../io/config.js'
import {loadEnglishData, loadLayers} from '../io/glossary-files.js'
import {writeFileAtomic} from '../io/write.js'
import {VERSION} from '../version.js'
import {UsageError} from './errors.js'
import type {Io} from './io.js'
import type {AppFlags} from './program.js'

/** Where the build leaves the page, beside this module's own build. */
const TEMPLATE = new URL('../app/page.html', import.meta.url)
const DATA_SLOT = '<script type="application/json" id="plainly-data">{{DATA}}</script>'


/** What the page needs (protocol.ts PageData): the glossary in use, English data, settings and what they came from. */
export function pageData(options: {glossaries?: string[]; packs?: string[]; config?: FileConfig & {shown?: string}; cwd?: string}) {
  const config = options.config ?? {}
  const packs = [...new Set([...(config.packs ?? []), ...(options.packs ?? [])])]
  const glossaries = [...(config.glossaries ?? []), ...(options.glossaries ?? []).map((file) => path.resolve(options.cwd ?? '.', file))]
  const {entries, knownAcronyms} = loadLayers({packs, layers: glossaries, cwd: options.cwd})
  // The settings a document would have from the settings file itself (not its overrides for some files), without other plugins.
  const settings: CheckerSettings = Object.fromEntries(FILE_KEYS.filter((key) => !['glossaries', 'packs', 'plugins'].includes(key)).map((key) => [key, config[key]]).filter(([, value]) => value !== undefined))
  const cwd = options.cwd ?? process.cwd()
  const madeWith = ['the shipped glossary', ...packs.map((pack) => `the ${pack} pack`), ...glossaries.map((file) => path.relative(cwd, file).split(path.sep).join('/'))]
  if (config.shown) madeWith.push(`settings from ${config.shown}`)
  // Where each entry was read is no business of the page (and would show the folders of whoever made it).
  const named = entries.map((entry) => ({...entry, file: path.basename(entry.file)}))
  return {data: {...loadEnglishData(), entries: named, knownAcronyms}, settings, madeWith, version: VERSION}
}

/** The page with its data in: JSON that cannot end the <script> element it is in. */
export function fillPage(template: string, data: unknown): string {
  const at = template.indexOf(DATA_SLOT)
  if (at === -1) throw new Error('the page has no place for its glossary: build plainly again (npm run build)')
  const json = JSON.stringify(data).replace(/</g, '\\u003c')
  return `${template.slice(0, at)}${DATA_SLOT.replace('{{DATA}}', () => json)}${template.slice(at + DATA_SLOT.length)}`
}

export async function writeApp(flags: AppFlags, io: Io): Promise<number> {
  if (!flags.output) throw new UsageError('say where to write the page with --output, such as --output plainly.html')
  let template: string
  try {
    template = await readFile(TEMPLATE, 'utf8')
  } catch {
    throw new UsageError('the web page has not been built: run "npm run build" in plainly\u2019s folder first')
  }
  const finder = new ConfigFinder(io.cwd)
  const config = flags.config === false ? undefined : typeof flags.config === 'string' ? finder.load(path.resolve(io.cwd, flags.config)) : finder.forFolder(io.cwd)
  if (config?.plugins?.length) io.stderr.write(`plainly: the page leaves out the other plugins in ${config.shown}: it can only run plainly's own checks\n`)
  if (config?.overrides.length) io.stderr.write(`plainly: the page uses the settings at the top of ${config.shown}, not its overrides for some files\n`)
  const data = pageData({glossaries: flags.glossary, packs: flags.pack, config: config && {...config, shown: config.shown}, cwd: io.cwd})
  // A typo under rules: or allow: would switch nothing off: say so, as a check does.
  const [unknown] = createChecker({data: data.data, settings: data.settings}).unknownNames()
  if (unknown) throw new ConfigError(config?.shown ?? 'the settings', `${unknown.list === 'rules' ? `unknown rule "${unknown.name}" under "rules"` : `"${unknown.name}" under "allow" is not a word that plainly flags`}${unknown.hint ? ` (did you mean "${unknown.hint}"?)` : ''}`)
  const page = fillPage(template, data)
  const file = path.resolve(io.cwd, flags.output)
  await mkdir(path.dirname(file), {recursive: true})
  await writeFileAtomic(file, page)
  io.stderr.write(`Wrote ${flags.output} (${(Buffer.byteLength(page) / 1024 / 1024).toFixed(1)} MB), with ${data.madeWith.join(', ')}. Open it in a web browser: it needs nothing else.\n`)
  return 0
}
