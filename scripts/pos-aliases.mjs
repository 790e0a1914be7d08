// The packages the part-of-speech tagger (en-pos) reads, replaced by the
// smaller files scripts/pos-lexicon.mjs makes, for esbuild's `alias` in each
// bundle of plainly. Paths are absolute.
import path from 'node:path'
import {fileURLToPath} from 'node:url'

export const POS_DIR = fileURLToPath(new URL('../dist/pos/', import.meta.url))

export const POS_ALIASES = {
  'en-lexicon': path.join(POS_DIR, 'en-lexicon.cjs'),
  humannames: path.join(POS_DIR, 'no-list.cjs'),
  'cities-list': path.join(POS_DIR, 'no-list.cjs')
}

/**
 * For the command's bundle: the lexicon looked up in dist/pos/en-lexicon.txt
 * and en-inflectors loaded in parts, when the tagger asks (scripts/pos-lexicon.mjs).
 */
export const POS_ALIASES_FILE = {
  ...POS_ALIASES,
  'en-lexicon': path.join(POS_DIR, 'en-lexicon-file.cjs'),
  'en-inflectors': path.join(POS_DIR, 'en-inflectors-lazy.cjs')
}
