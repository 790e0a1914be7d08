#!/usr/bin/env node
// Writes the large hostile inputs used by tests/reliability.test.ts into a
// folder (default: a temporary one). Small ones are committed in
// tests/fixtures/nasty/; these are generated because they are big.
// Usage: node scripts/make-nasty-inputs.mjs [folder] [megabytes of prose, default 20]
import {mkdirSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'

/** `megabytes`: size of the big prose file (20 by default; the test suite uses less, see docs/reliability.md). */
export function makeNastyInputs(folder, megabytes = 20) {
  mkdirSync(folder, {recursive: true})
  const write = (name, content) => writeFileSync(path.join(folder, name), content)
  const sentence = 'Your flu vaccine is free if you are over 65, and you can get it at your doctor or at a pharmacy near you. '
  // About 20 MB of ordinary prose in paragraphs, with one jargon word per paragraph.
  const paragraph = `${sentence.repeat(8)}We will leverage it.\n\n`
  write('big.md', paragraph.repeat(Math.ceil((megabytes * 1024 * 1024) / paragraph.length)))
  // One 1 MB line.
  write('one-megabyte-line.md', 'word '.repeat(200_000))
  // One sentence of 5,000 words.
  write('five-thousand-words.txt', `${'stakeholder '.repeat(5000).trim()}.\n`)
  // 10,000 levels of nesting.
  write('nested-quotes.md', `${'>'.repeat(10_000)} stakeholder\n`)
  // "- - - item" opens a list inside a list on one line: 10,000 levels in 20 KB.
  write('nested-lists.md', `${'- '.repeat(10_000)}item\n`)
  write('nested-html.html', `${'<div>'.repeat(10_000)}stakeholder${'</div>'.repeat(10_000)}`)
  return folder
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const folder = process.argv[2] ?? path.join(tmpdir(), 'plainly-nasty')
  makeNastyInputs(folder, Number(process.argv[3] ?? 20))
  console.log(`Wrote large hostile inputs to ${folder}`)
}
