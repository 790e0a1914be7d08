/**
 * Reports and baselines that plainly itself wrote, recognised by what is in
 * them (their first characters), not by their names: a later check of the
 * same folder must never check its own output (report.html, summary.md…).
 */
import {CSV_COLUMNS} from './csv.js'
import {MARKDOWN_MARKER} from './markdown.js'

/** How far into a file its sign must be. */
export const REPORT_SIGN_LENGTH = 2048

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

const SIGNS: readonly RegExp[] = [
  // html: its generator, in the head.
  /^<!DOCTYPE html>\s*<html[^>]*>\s*<head>[\s\S]*?<meta name="generator" content="plainly /,
  // markdown: its first line.
  new RegExp(`^${escape(MARKDOWN_MARKER)}\\r?\\n`),
  // csv: its header row.
  new RegExp(`^${escape(CSV_COLUMNS.join(','))}\\r?\\n`),
  // json report and baseline: the first two members.
  /^\{\s*"version":\s*\d+,\s*"plainlyVersion":\s*"/,
  // sarif: the tool's name.
  /^\{\s*"\$schema":\s*"[^"]*sarif[^"]*",\s*"version":\s*"2\.1\.0",\s*"runs":\s*\[\s*\{\s*"tool":\s*\{\s*"driver":\s*\{\s*"name":\s*"plainly"/,
  // junit: the suites' name.
  /^<\?xml[^>]*\?>\s*<testsuites name="plainly"/
]

/** True when the bytes start like a report or baseline that plainly wrote. */
export function isPlainlyReport(bytes: Uint8Array): boolean {
  let start = 0
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3
  // The signs are ASCII: Latin-1 reads them as they are, whatever follows.
  const head = Buffer.from(bytes.buffer, bytes.byteOffset + start, Math.min(REPORT_SIGN_LENGTH, bytes.length - start)).toString('latin1')
  return SIGNS.some((sign) => sign.test(head))
}
