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

/** For the command's bundle: the lexicon read from dist/pos/en-lexicon.json when the tagger loads (scripts/pos-lexicon.mjs). */
export const POS_ALIASES_FILE = {...POS_ALIASES, 'en-lexicon': path.join(POS_DIR, 'en-lexicon-file.cjs')}
