/**
 * Other retext plugins that a settings file names (`plugins:`), found as
 * Node finds a package: in node_modules beside the settings file or any
 * folder above it. Found and loaded here; the checker only runs them.
 */
import {existsSync, readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import type {Plugin} from 'unified'

export interface FoundPlugin {
  name: string
  /** The package's own package.json (its version is part of the cache key). */
  packageFile: string
  /** The file Node imports for it. */
  entry: string
}

/** The installed package a settings file names, or undefined when it is not installed there. */
export function findPlugin(name: string, settingsFile: string): FoundPlugin | undefined {
  for (const folder of createRequire(settingsFile).resolve.paths(name) ?? []) {
    const packageFile = path.join(folder, name, 'package.json')
    if (!existsSync(packageFile)) continue
    const manifest = JSON.parse(readFileSync(packageFile, 'utf8')) as {exports?: unknown; main?: string}
    return {name, packageFile, entry: path.join(path.dirname(packageFile), entryOf(manifest) ?? 'index.js')}
  }
  return undefined
}

/** The file a package gives for `import 'name'`: its "exports" for ".", as an ES module import in Node, else its "main". */
function entryOf(manifest: {exports?: unknown; main?: string}): string | undefined {
  const pick = (value: unknown): string | undefined => {
    if (typeof value === 'string') return value
    if (Array.isArray(value)) return value.map(pick).find(Boolean)
    if (!value || typeof value !== 'object') return undefined
    const conditions = value as Record<string, unknown>
    if ('.' in conditions) return pick(conditions['.'])
    return pick(conditions.import) ?? pick(conditions.node) ?? pick(conditions.default)
  }
  return pick(manifest.exports) ?? manifest.main
}

/** Import a found plugin: its default export (a unified plugin: a function). Throws a plain message when it is not one. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function importPlugin(found: FoundPlugin): Promise<Plugin<any[], any, any>> {
  let module: {default?: unknown}
  try {
    module = (await import(pathToFileURL(found.entry).href)) as {default?: unknown}
  } catch (error) {
    throw new Error(`the plugin "${found.name}" could not be loaded: ${String((error as Error).message ?? error).split('\n')[0]}`)
  }
  if (typeof module.default !== 'function') throw new Error(`"${found.name}" is not a retext plugin: it does not export a plugin function`)
  return module.default as Plugin
}
