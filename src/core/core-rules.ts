/** The checker's own rules: about a file as a whole (check.ts, io/read.ts) and its comment controls (controls.ts). */
import type {RuleMeta} from '../types.js'

export const emptyFileRule: RuleMeta = {
  id: 'empty-file',
  title: 'Empty file',
  severity: 'suggestion',
  description: 'The file has no text at all: often a draft that was never saved, or a file saved in the wrong place.'
}

export const fileRule: RuleMeta = {
  id: 'file',
  family: true,
  title: 'File could not be checked',
  severity: 'error',
  description:
    'The file could not be checked at all: file/unreadable, file/binary, file/encoding (not UTF-8), file/too-large, file/unsupported, file/encrypted, file/damaged, file/no-text (a scanned PDF) or file/too-complex. The message says what to do.',
  configurable: false
}

export const internalErrorRule: RuleMeta = {
  id: 'internal-error',
  title: 'plainly could not check the file',
  severity: 'error',
  description: 'Something went wrong inside plainly while checking this file. Please report it.',
  configurable: false
}

export const unknownControlRule: RuleMeta = {
  id: 'unknown-control',
  title: 'Comment names an unknown rule or word',
  severity: 'warning',
  description: 'A plainly comment (such as <!-- plainly-disable ... -->) names something that is not a rule or a word in the glossary, so it would switch nothing off.',
  example: {flag: '<!-- plainly-disable stakholder -->', pass: '<!-- plainly-disable stakeholder -->'}
}
