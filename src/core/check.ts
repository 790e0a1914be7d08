/**
 * Check one file: parse and run its format's processor, turning any failure
 * into a fatal finding on that file so the run goes on.
 */
import type {VFile} from 'vfile'
import type {FileResult, Format, RuleSetting, ViewBlock} from '../types.js'
import {applyControls, type TermResolver} from './controls.js'
import {familyOf, type RuleBook} from './rules.js'
import {VFile as File} from 'vfile'
import {chunkOffsets, chunkStarts, CHUNK_SIZE, shiftPoint, type Carry, type ChunkStart} from './chunks.js'
import type {Control} from './controls.js'
import {addFinding} from '../plugins/messages.js'
import {Findings, toFileResult} from './results.js'
import {plainView, shiftBlocks} from './view.js'
import {pushAll} from '../shared/arrays.js'
import {emptyFileRule, fileProblemId, internalErrorRule} from './core-rules.js'
import type {AnyProcessor} from './processor.js'
import {lineWidth} from '../plugins/retext-units.js'

declare module 'vfile' {
  interface DataMap {
    format: Format
  }
}

export interface CheckBundle {
  processorFor: (format: Format) => Promise<AnyProcessor>
  /** Rules switched off or given another severity. */
  rules?: Record<string, RuleSetting>
  /** The same, from the kind of document (its profile): applied first, so that `rules` win. */
  profileRules?: Record<string, RuleSetting>
  /** Word → rule id, for control comments that name words. */
  resolve?: TermResolver
  /** The run's rules, for control comments that name them. */
  book?: RuleBook
  /** Check documents longer than this many characters in pieces (default 256 KiB; see chunks.ts). */
  chunkSize?: number
  /**
   * Called after each piece of a long document: the command keeps memory
   * bounded there (see io/memory.ts). The checker itself does nothing with
   * memory: it runs where no such thing can be asked (a browser).
   */
  afterPiece?: () => void
}

export async function checkFile(file: VFile, bundle: CheckBundle): Promise<FileResult> {
  const {processorFor, rules = {}, resolve = () => undefined, chunkSize = CHUNK_SIZE} = bundle
  const format = file.data.format ?? 'text'
  const found = new Findings(file)
  // A file that could not be read already carries its one fatal finding; an empty one or one nested too deeply gets one.
  if (file.messages.some((message) => message.fatal)) {
    // Nothing more to check.
  } else if (String(file).trim() === '') {
    addFinding(file, {
      reason: 'This file is empty, so there was nothing to check',
      ruleId: emptyFileRule.id,
      severity: emptyFileRule.severity,
      note: 'An empty file is often a mistake: a draft that was never saved, or a file saved in the wrong place.'
    })
  } else if (format === 'markdown' && deepestNesting(String(file)) > MAX_NESTING) {
    addFinding(file, {
      reason: `This file nests lists or quotes more than ${MAX_NESTING} levels deep, which no real document does, so plainly does not check it`,
      ruleId: fileProblemId('too-complex'),
      severity: 'error',
      fatal: true
    })
  } else {
    try {
      const processor = await processorFor(format)
      const source = String(file)
      // Found once for the whole file, so that a long one checked in pieces breaks its lines the same way.
      if (format === 'text') file.data.lineWidth ??= lineWidth(source)
      const offsets = chunkOffsets(source, format, chunkSize)
      if (offsets.length === 1) {
        const tree = processor.parse(file)
        await processor.run(tree, file)
      } else {
        await checkInPieces(file, processor, source, chunkStarts(source, offsets), found, bundle.afterPiece)
      }
    } catch (error) {
      // Very deep nesting (thousands of HTML elements inside each other) runs out of stack.
      const deep = error instanceof RangeError && /call stack/i.test(error.message)
      const message = addFinding(file, {
        reason: deep
          ? 'This file is nested too deeply (thousands of levels) for plainly to check'
          : `plainly could not check this file: ${(error as Error).message ?? String(error)}`,
        ruleId: deep ? fileProblemId('too-complex') : internalErrorRule.id,
        severity: 'error',
        fatal: true
      })
      message.cause = error
    }
  }
  found.take(file)
  if (bundle.profileRules) applyRules(found, bundle.profileRules)
  applyRules(found, rules)
  applyControls(found, file.data.controls ?? [], resolve, file.data.controls?.length ? bundle.book : undefined)
  return toFileResult(file, found)
}

/**
 * Check a long document a piece at a time (see chunks.ts): each piece is
 * parsed and checked on its own, its findings (taken as soon as the piece
 * is done) and control comments moved to the whole document's place, and
 * what the plugins carry from piece to piece finished at the end. Only one
 * piece's tree and messages are in memory at a time.
 */
async function checkInPieces(file: VFile, processor: AnyProcessor, source: string, starts: readonly ChunkStart[], found: Findings, afterPiece?: () => void): Promise<void> {
  const carry: Carry = {shift: (point) => point, state: {}, finishers: []}
  const controls: Control[] = []
  const views: ViewBlock[] = []
  for (const [index, start] of starts.entries()) {
    const end = starts[index + 1]?.offset ?? source.length
    const piece = new File({path: file.path, value: source.slice(start.offset, end)})
    const {notProse: _notProse, controls: _controls, viewBlocks: _viewBlocks, ...data} = file.data
    piece.data = {...data, carry}
    carry.shift = (point) => shiftPoint(point, start)
    const tree = processor.parse(piece)
    await processor.run(tree, piece)
    found.take(piece, start)
    for (const control of piece.data.controls ?? []) controls.push({...control, start: shiftPoint(control.start, start), end: shiftPoint(control.end, start)})
    // Plain text makes no blocks of its own (viewOf shows it as it is): each piece is one block, so a long text shows its first pieces.
    if (file.data.wantView) pushAll(views, shiftBlocks(piece.data.viewBlocks ?? plainView(String(piece)).blocks, start.offset))
    afterPiece?.()
  }
  if (controls.length > 0) file.data.controls = controls
  if (file.data.wantView) file.data.viewBlocks = views
  for (const finish of carry.finishers) finish(file)
}

/** Deeper than this, Markdown lists and quotes are not real writing and slow the parser badly. */
export const MAX_NESTING = 100

/** The deepest block-quote or list nesting in Markdown, roughly: quote and list markers at the start of a line, plus indentation / 2. */
export function deepestNesting(text: string): number {
  let deepest = 0
  for (const line of text.split('\n')) {
    const prefix = /^(?:[ \t>]|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))*/.exec(line)![0]
    const markers = (prefix.match(/>|[-*+]|\d{1,9}[.)]/g) ?? []).length
    const indent = (prefix.match(/ /g) ?? []).length + 4 * (prefix.match(/\t/g) ?? []).length
    deepest = Math.max(deepest, markers + Math.floor(indent / 4))
    if (deepest > MAX_NESTING) return deepest
  }
  return deepest
}

/**
 * Switch rules off or change their severity. A key may name a rule
 * ("long-sentence", "jargon/assurance") or a family ("jargon/*", "simplify").
 * Fatal problems with the file are never switched off.
 */
export function applyRules(found: Findings, rules: Record<string, RuleSetting>): void {
  if (Object.keys(rules).length === 0) return
  found.filter((finding) => {
    if (finding.fatal) return true
    const setting = ruleSetting(finding.ruleId, rules)
    if (setting === 'off') return false
    if (setting) finding.severity = setting
    return true
  })
}

export function ruleSetting(ruleId: string, rules: Record<string, RuleSetting>): RuleSetting | undefined {
  if (ruleId in rules) return rules[ruleId]
  const family = familyOf(ruleId)
  return rules[`${family}/*`] ?? (family !== ruleId ? rules[family] : undefined)
}
