/** The checker's own rules: about a file as a whole (check.ts, document.ts) and its comment controls (controls.ts). */
import type {Check} from '../plugins/check.js'
import type {RuleMeta} from '../types.js'

export const emptyFileRule: RuleMeta = {
  id: 'empty-file',
  title: 'Empty file',
  severity: 'suggestion',
  description: 'The file has no text at all: often a draft that was never saved, or a file saved in the wrong place.',
  about: 'file'
}

const FILE_PROBLEMS = {
  unreadable: 'File could not be read',
  binary: 'File is not text',
  encoding: 'File is not saved as UTF-8',
  'too-large': 'File is too large',
  unsupported: 'File is not a kind plainly reads',
  encrypted: 'File is protected with a password',
  damaged: 'File is damaged',
  'no-text': 'File has no text plainly can read',
  'too-complex': 'File is nested too deeply'
}

export const fileRule: RuleMeta = {
  id: 'file',
  family: true,
  title: 'File could not be checked',
  severity: 'error',
  description: `The file could not be checked at all: ${Object.keys(FILE_PROBLEMS)
    .map((name) => `file/${name}`)
    .join(', ')}. The message says what to do (for a scanned PDF: ask for the original or an accessible version).`,
  configurable: false,
  about: 'file',
  members: FILE_PROBLEMS
}

export const internalErrorRule: RuleMeta = {
  id: 'internal-error',
  title: 'plainly could not check the file',
  severity: 'error',
  description: 'Something went wrong inside plainly while checking this file. Please report it.',
  configurable: false,
  about: 'file'
}

export const unknownControlRule: RuleMeta = {
  id: 'unknown-control',
  title: 'Comment names an unknown rule or word',
  severity: 'warning',
  description: 'A plainly comment (such as <!-- plainly-disable ... -->) names something that is not a rule or a word in the glossary, so it would switch nothing off.',
  example: {flag: '<!-- plainly-disable stakholder -->', pass: '<!-- plainly-disable stakeholder -->'},
  about: 'comment'
}

/** What can stop a file being checked: the rule file/<kind>. */
export type FileProblem = keyof typeof FILE_PROBLEMS

export const fileProblemId = (kind: FileProblem): string => `${fileRule.id}/${kind}`

export const coreCheck: Check = {rules: [emptyFileRule, unknownControlRule, fileRule, internalErrorRule]}
