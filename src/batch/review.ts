/**
 * --review: a reviewed copy of each Word document checked, written beside it
 * (leaflet.docx → leaflet.plainly.docx) with the findings as comments and,
 * with --fix, the safe swaps as tracked changes (reporters/word-review.ts
 * makes the copy). The original is only read. Each copy is written whole or
 * not at all (a temporary file, then a rename). A reviewed copy checked
 * again is written back to itself, plainly's old comments replaced: never
 * leaflet.plainly.plainly.docx.
 */
import {readFile, stat} from 'node:fs/promises'
import path from 'node:path'
import {writeFileAtomic} from '../io/write.js'
import {reviewedName, reviewWordDocument, type ReviewedCopy} from '../reporters/word-review.js'
import type {DocumentView, FileResult} from '../types.js'

export interface ReviewTask {
  /** The Word file on disk. */
  absolute: string
  /** Its result as reported, and the text that was checked (checked with views). */
  result: FileResult
  view: DocumentView
}

export interface WrittenCopy extends Omit<ReviewedCopy, 'bytes'> {
  /** Where the copy was written. */
  absolute: string
}

/** Which results get a reviewed copy: Word documents that could be checked. */
export function needsReview(result: FileResult): boolean {
  return result.format === 'docx' && !result.findings.some((finding) => finding.fatal)
}

/** Write the reviewed copy of one Word document beside it. Throws the file system's error when it cannot be read or written. */
export async function writeReviewedCopy(task: ReviewTask, options: {fix?: boolean; date?: Date} = {}): Promise<WrittenCopy> {
  const bytes = await readFile(task.absolute)
  const {bytes: copy, ...counts} = await reviewWordDocument(bytes, task.result, task.view, options)
  const absolute = path.join(path.dirname(task.absolute), reviewedName(path.basename(task.absolute)))
  const mode = (await stat(task.absolute)).mode & 0o666
  await writeFileAtomic(absolute, copy, {mode})
  return {absolute, ...counts}
}
