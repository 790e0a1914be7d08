import {describe, expect, it} from 'vitest'
import {checkText} from '../src/index.js'
import {parseSimplifyOff, withoutDropped} from '../src/glossary/simplify-off.js'
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

  it('never offer a suggestion glossary/simplify-off.yml drops, and keep the others', async () => {
    const [finding] = await simplifyFindings('It is cheap; therefore it is good.')
    expect(finding).toMatchObject({ruleId: 'simplify/therefore', expected: ['so'], message: 'Use “so” instead of “therefore”'})
    // retext-simplify itself suggests "so" or "thus".
    expect(loadEnglishData().simplifyPhrases.find((item) => item.phrase === 'therefore')!.replace).toEqual(['so'])
  })

  it('leave a phrase to the glossary entry for the same words, where that entry lets it pass', async () => {
    // The glossary's "shall" leaves "shall we" alone; retext-simplify would say "must" or "will".
    expect(await simplifyFindings('Shall we meet on Monday?')).toEqual([])
    // A glossary rule switched off does not bring back retext-simplify's advice on the same word.
    const off = await checkText('The panel shall decide.', {format: 'text', rules: {'jargon/shall': 'off'}})
    expect(off.findings.filter((finding) => /shall/.test(finding.ruleId))).toEqual([])
    // The glossary's "multiple" leaves the names of conditions alone.
    expect((await checkText('She has multiple sclerosis.', {format: 'text'})).findings.filter((finding) => finding.ruleId !== 'reading-age')).toEqual([])
    expect((await checkText('We wrote to you multiple times.', {format: 'text'})).findings.map((finding) => finding.ruleId)).toContain('jargon/multiple')
    // An entry for other forms only ("attempts", "attempted") does not judge the word itself, whatever its id.
    expect((await simplifyFindings('Please attempt all questions.')).map((finding) => finding.ruleId)).toEqual(['simplify/attempt'])
    // Allowing a form of an entry's word does not bring back advice the list switches off ("attain a grade" is not "meet a grade").
    const allowed = await checkText('You must attain a grade 4 in maths.', {format: 'text', allow: ['attained']})
    expect(allowed.findings.filter((finding) => /attain/.test(finding.ruleId))).toEqual([])
  })

  it('give each sense of a word the advice that fits it', async () => {
    const rules = async (text: string, options: {rules?: Record<string, 'off'>} = {}) =>
      (await checkText(text, {format: 'text', ...options})).findings.map((finding) => finding.ruleId).filter((rule) => rule.includes('/'))
    // "Observe the rules" means follow them: the glossary entry says so, and retext-simplify's "see" is gone even with that entry off.
    const observe = (await checkText('Please observe the rules.', {format: 'text'})).findings.find((finding) => finding.ruleId === 'jargon/observe')
    expect(observe?.expected).toContain('follow')
    expect(await rules('Please observe the rules.', {rules: {'jargon/observe': 'off'}})).toEqual([])
    // "An approximate cost" cannot become "an about cost".
    expect(await rules('We will send an approximate cost.')).toEqual(['jargon/approximate'])
    expect(await rules('We will send an approximate cost.', {rules: {'jargon/approximate': 'off'}})).toEqual([])
    // "Establish whether" is "find out"; "establish a group" is still "set up".
    expect(await rules('We will establish whether you can get help.')).toEqual(['jargon/establish-find-out'])
    expect(await rules('We will establish a carers group.')).toEqual(['simplify/establish'])
  })

  it('check the dropped suggestions against the list', () => {
    const list = [{phrase: 'therefore', replace: ['so', 'thus'], omit: false}]
    const off = parseSimplifyOff('off: []\ndrop:\n  - phrase: therefore\n    alternatives: [thus]\n    why: formal\n', 'x.yml')
    expect(off.problems).toEqual([])
    expect(withoutDropped(list, off, 'x.yml')).toEqual({phrases: [{phrase: 'therefore', replace: ['so'], omit: false}], problems: []})
    const everything = parseSimplifyOff('off: []\ndrop:\n  - phrase: therefore\n    alternatives: [so, thus, hence]\n    why: x\n  - phrase: whence\n    alternatives: [from where]\n    why: x\n', 'x.yml')
    expect(withoutDropped(list, everything, 'x.yml').problems.map((problem) => `${problem.line}: ${problem.message}`)).toEqual([
      '3: retext-simplify does not suggest "hence" for "therefore" (it suggests "so", "thus")',
      '3: dropping every suggestion leaves "therefore" with nothing to say: switch it off under "off:" instead',
      '6: "whence" is not one of retext-simplify\'s phrases'
    ])
    expect(parseSimplifyOff('off:\n  - phrase: thus\n    why: x\ndrop:\n  - phrase: thus\n    alternatives: [so]\n    why: x\n  - phrase: therefore\n    why: x\n', 'x.yml').problems).toEqual([
      {file: 'x.yml', line: 5, message: '"thus" is switched off under "off:", so it has no suggestions to drop'},
      {file: 'x.yml', line: 8, message: 'each item needs exactly "phrase:", "alternatives:" (a list of words) and "why:"'}
    ])
  })

  it('validate the switched-off list', () => {
    expect(parseSimplifyOff('off:\n  - phrase: it is\n', 'x.yml').problems).toEqual([{file: 'x.yml', line: 2, message: 'each item needs exactly "phrase:" and "why:"'}])
    expect(parseSimplifyOff('nope: 1\n', 'x.yml').problems[0]!.message).toMatch(/expected "off:"/)
  })
})
