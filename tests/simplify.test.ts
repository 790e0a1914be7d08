import {describe, expect, it} from 'vitest'
import {checkText} from '../src/index.js'
import {parseSimplifyOff} from '../src/glossary/simplify-off.js'
import {loadEnglishData} from '../src/io/glossary-files.js'

const simplifyFindings = async (text: string, simplify = true) =>
  (await checkText(text, {format: 'text', simplify})).findings.filter((finding) => finding.ruleId.startsWith('simplify/'))

describe('retext-simplify suggestions', () => {
  it('are suggestions with rule ids simplify/<phrase>, alternatives and a plain reason', async () => {
    const [finding] = await simplifyFindings('We have a number of ways to help.')
    expect(finding).toMatchObject({
      ruleId: 'simplify/a-number-of',
      severity: 'suggestion',
      actual: 'a number of',
      expected: ['many', 'some'],
      message: 'Use “many” or “some” instead of “a number of”',
      line: 1,
      column: 9,
      endColumn: 20
    })
    expect(finding!.note).toMatch(/shorter, everyday word/)
  })

  it('never repeat a glossary finding on the same words', async () => {
    // "facilitate" and "utilise" are in both the glossary and retext-simplify's list.
    const result = await checkText('Staff will facilitate this and utilise that.', {format: 'text'})
    const rules = result.findings.map((finding) => finding.ruleId)
    expect(rules).toContain('jargon/facilitate')
    expect(rules).toContain('jargon/utilise')
    expect(rules.filter((rule) => rule.startsWith('simplify/'))).toEqual([])
  })

  it('are left out with simplify: false (--no-simplify)', async () => {
    expect(await simplifyFindings('We have a number of ways to help.', false)).toEqual([])
  })

  it('skip the phrases switched off in glossary/simplify-off.yml', async () => {
    const off = loadEnglishData().simplifyOff
    expect(off).toContain('it is')
    expect(await simplifyFindings('It is free. There are two ways to book. Side effects are very rare.')).toEqual([])
  })

  it('validate the switched-off list', () => {
    expect(parseSimplifyOff('off:\n  - phrase: it is\n', 'x.yml').problems).toEqual([{file: 'x.yml', line: 2, message: 'each item needs exactly "phrase:" and "why:"'}])
    expect(parseSimplifyOff('nope: 1\n', 'x.yml').problems[0]!.message).toMatch(/expected "off:"/)
  })
})
