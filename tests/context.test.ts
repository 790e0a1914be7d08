/**
 * Findings a comms officer trusts: words that are not the writer's own
 * prose (names, quotations, the bracket that spells out an acronym, the
 * document's own kind) are left alone, and entries that mean one part of
 * speech are matched only in it. Each rule is tested on both sides.
 */
import {describe, expect, it} from 'vitest'
import path from 'node:path'
import {writeFileSync} from 'node:fs'
import {glossaryYaml, runCli, tempDir, textChecker} from './helpers.js'
import type {FileResult} from '../src/types.js'
import {createChecker, loadCheckerData} from '../src/index.js'
import {parseProfiles} from '../src/glossary/profiles.js'

const shipped = textChecker()
const words = (result: FileResult, prefix = '') => result.findings.filter((finding) => finding.ruleId.startsWith(prefix) && finding.ruleId.includes('/')).map((finding) => `${finding.ruleId} ${finding.actual}`)

describe('names and titles in capitals', () => {
  it('leave the glossary words inside them alone, and flag the same words in prose', async () => {
    expect(words(await shipped.checkText('The Quality Assurance Committee met in May.', 'a.md'), 'jargon/')).toEqual([])
    expect(words(await shipped.checkText('We need assurance from the board.', 'a.md'), 'jargon/')).toEqual(['jargon/assurance assurance'])
    // Small joining words may sit between the capitalised words.
    expect(words(await shipped.checkText('We wrote to the Stakeholder Forum for Health and Social Care today.', 'a.md'), 'jargon/')).toEqual([])
  })

  it('are not a single capitalised word at the start of a sentence, shouting or a heading', async () => {
    expect(words(await shipped.checkText('Stakeholders were told in May.', 'a.md'), 'jargon/')).toEqual(['jargon/stakeholder Stakeholders'])
    expect(words(await shipped.checkText('WE WILL LEVERAGE OUR ASSETS.', 'a.md'), 'jargon/')).toEqual(['jargon/leverage LEVERAGE'])
    expect(words(await shipped.checkText('# Our Stakeholder Plan\n\nWe met.\n', 'a.md'), 'jargon/')).toEqual(['jargon/stakeholder Stakeholder'])
    expect(words(await shipped.checkText('Our Stakeholder Plan\n\nWe met in May.\n', 'a.txt'), 'jargon/')).toEqual(['jargon/stakeholder Stakeholder'])
  })

  it('do not run across the start of a clause inside a sentence ("N.B. Adequate…", "Note: Assurance…")', async () => {
    expect(words(await shipped.checkText('N.B. Adequate pain relief is essential.', 'a.md'), 'jargon/')).toEqual(['jargon/adequate Adequate'])
    expect(words(await shipped.checkText('Note: Assurance will be given by the board.', 'a.md'), 'jargon/')).toEqual(['jargon/assurance Assurance'])
    // A name after a clause's start is still a name.
    expect(words(await shipped.checkText('Note: the Quality Assurance Committee met in May.', 'a.md'), 'jargon/')).toEqual([])
    expect(words(await shipped.checkText('Note: Quality Assurance Committee papers are online.', 'a.md'), 'jargon/')).toEqual([])
  })

  it('leave wordy phrases inside them alone too', async () => {
    expect(words(await shipped.checkText('Ask the Additional Needs Team for help.', 'a.md'), 'simplify/')).toEqual([])
    expect(words(await shipped.checkText('Ask for additional help.', 'a.md'), 'simplify/')).toEqual(['simplify/additional additional'])
  })

  it('still flag a term the glossary writes with capitals, which is a name worth explaining', async () => {
    const team = textChecker({glossaries: [writeTeam(glossaryYaml({id: 'local-offer', term: 'Local Offer', explain: true, alternatives: ['list of support']}))]})
    expect(words(await team.checkText('Visit our Local Offer website.', 'a.md'), 'jargon/local')).toEqual(['jargon/local-offer Local Offer'])
  })
})

describe('words quoted as words', () => {
  it('are left alone, in any quotation marks, and the same words unquoted are flagged', async () => {
    expect(words(await shipped.checkText("We avoid the word 'leverage' in letters.", 'a.md'), 'jargon/')).toEqual([])
    expect(words(await shipped.checkText('We avoid the word \u2018stakeholders\u2019 in letters.', 'a.md'), 'jargon/')).toEqual([])
    expect(words(await shipped.checkText('We avoid the phrase \u201Cgoing forward\u201D now.', 'a.md'), 'jargon/')).toEqual([])
    expect(words(await shipped.checkText('We will leverage our assets.', 'a.md'), 'jargon/')).toEqual(['jargon/leverage leverage'])
  })

  it('are not a quoted sentence, nor a word with an apostrophe', async () => {
    expect(words(await shipped.checkText("She said 'we will leverage our assets and our land and our people' at the meeting.", 'a.md'), 'jargon/')).toEqual(['jargon/leverage leverage'])
    expect(words(await shipped.checkText("Our stakeholders' views matter.", 'a.md'), 'jargon/')).toEqual(['jargon/stakeholder stakeholders'])
  })
})

describe('an acronym in the bracket that spells it out', () => {
  const team = textChecker({glossaries: [writeTeam(glossaryYaml({id: 'ccg', term: 'CCG', acronym: true, alternatives: ['clinical commissioning group']}))]})

  it('is not flagged there, either way round; a later use is', async () => {
    expect(words(await team.checkText('The clinical commissioning group (CCG) closed. The CCG has gone.', 'a.md'), 'jargon/ccg').length).toBe(1)
    const result = await team.checkText('The CCG (clinical commissioning group) closed. The CCG has gone.', 'a.md')
    expect(result.findings.filter((finding) => finding.ruleId === 'jargon/ccg').map((finding) => finding.column)).toEqual([52])
    expect(words(await team.checkText('The CCG closed.', 'a.md'), 'jargon/ccg')).toEqual(['jargon/ccg CCG'])
  })
})

describe("a word for the document's own kind", () => {
  const team = textChecker({glossaries: [writeTeam(glossaryYaml({id: 'easy-read', term: 'easy read', explain: true, documentKind: 'easy-read', alternatives: ['a version with short sentences and pictures']}))]})
  const flagged = async (text: string, checker = team) => words(await checker.checkText(text, 'a.md'), 'jargon/easy-read').length

  it('is silent when the document names itself at its start or in a heading, and from then on', async () => {
    expect(await flagged('This is an easy read guide to your rights.\n\nYou can ask for easy read letters too.\n')).toBe(0)
    expect(await flagged('# Easy Read: your rights\n\nWe will help you.\n')).toBe(0)
  })

  it('is flagged in a document that only mentions it later, unless the profile says what kind it is', async () => {
    const text = 'We will call you. We will write to you. We will help you. We will visit you.\n\nAsk us for an easy read version.\n'
    expect(await flagged(text)).toBe(1)
    const easyRead = textChecker({profile: 'easy-read', glossaries: [writeTeam(glossaryYaml({id: 'easy-read', term: 'easy read', explain: true, documentKind: 'easy-read', alternatives: ['a short version']}))]})
    expect(await flagged(text, easyRead)).toBe(0)
  })
})

describe('a sentence that opens with "However"', () => {
  it('is not suggested a shorter word; "however" inside a sentence still is', async () => {
    expect(words(await shipped.checkText('However, you can still come.', 'a.md'), 'simplify/however')).toEqual([])
    expect(words(await shipped.checkText('It was useful, however it was late.', 'a.md'), 'simplify/however')).toEqual(['simplify/however however'])
  })
})

describe('an entry that means one part of speech (pos:)', () => {
  const team = textChecker({
    glossaries: [
      writeTeam(
        glossaryYaml(
          {id: 'focus', term: 'focus', pos: 'verb', alternatives: ['work on']},
          {id: 'key', term: 'key', pos: 'adjective', alternatives: ['main']},
          {id: 'facilitator', term: 'facilitator', pos: ['noun'], alternatives: ['group leader']}
        )
      )
    ]
  })
  const flagged = async (text: string) => words(await team.checkText(text, 'a.md'), 'jargon/')

  it('is flagged in that part of speech and not in another', async () => {
    expect(await flagged('We will focus on people.')).toEqual(['jargon/focus focus'])
    expect(await flagged('Our focus is on people.')).toEqual([])
    expect(await flagged('Key issues were raised.')).toEqual(['jargon/key Key'])
    expect(await flagged('This is key to success.')).toEqual(['jargon/key key'])
    expect(await flagged('Leave your key with a neighbour.')).toEqual([])
    expect(await flagged('The key is under the mat.')).toEqual([])
    expect(await flagged('Facilitators will run the group.')).toEqual(['jargon/facilitator Facilitators'])
  })
})

describe('advice that changed with time (replaced:)', () => {
  it('says what replaced the body and when, and does not offer the new name as a swap', async () => {
    const team = textChecker({glossaries: [writeTeam(glossaryYaml({id: 'ccg', term: 'CCG', acronym: true, alternatives: ['clinical commissioning group'], replaced: {by: 'integrated care boards (ICBs)', on: '2022-07-01'}}))]})
    const [finding] = (await team.checkText('The CCG agreed the plan in 2019.', 'a.md')).findings.filter((item) => item.ruleId === 'jargon/ccg')
    expect(finding!.message).toBe('Spell out \u201CCCG\u201D (\u201Cclinical commissioning group\u201D): integrated care boards (ICBs) replaced them on 1 July 2022, so use the new name only for the time since then')
    expect(finding!.expected).toEqual(['clinical commissioning group'])
  })
})

describe('profiles: kinds of document', () => {
  it('set the target reading age and longest sentence, below what settings say, and name the kind in the result', async () => {
    const text = 'We will call you on the phone in the morning to ask you how you are feeling today and what help you need.\n'
    const plain = await shipped.checkText(text, 'a.md')
    expect(plain.readingAge!.target).toEqual({min: 9, max: 11})
    expect(plain.findings.some((finding) => finding.ruleId === 'long-sentence')).toBe(false)
    const easy = await textChecker({profile: 'easy-read'}).checkText(text, 'a.md')
    expect(easy.readingAge!.target).toEqual({min: 10, max: 13})
    expect(easy.readingAge!.profile).toBe('easy-read')
    expect(easy.findings.some((finding) => finding.ruleId === 'long-sentence')).toBe(true)
    const mine = await textChecker({profile: 'easy-read', targetAge: {min: 8, max: 8}, maxSentenceWords: 40}).checkText(text, 'a.md')
    expect(mine.readingAge!.target).toEqual({min: 8, max: 8})
    expect(mine.findings.some((finding) => finding.ruleId === 'long-sentence')).toBe(false)
  })

  it('come from --profile or from profile: in a settings file, per folder with overrides; an unknown one stops the run', async () => {
    const dir = tempDir({
      '.plainlyrc.yml': 'overrides:\n  - files: "easy/**"\n    profile: easy-read\n',
      'easy/a.md': 'We can help you.\n',
      'board/b.md': 'We can help you.\n'
    })
    const json = JSON.parse((await runCli(['check', '.', '--format', 'json'], {cwd: dir})).stdout)
    const profiles = Object.fromEntries(json.files.map((file: FileResult) => [file.path, file.readingAge!.profile ?? null]))
    expect(profiles).toEqual({'board/b.md': null, 'easy/a.md': 'easy-read'})
    const flag = JSON.parse((await runCli(['check', 'board/b.md', '--format', 'json', '--profile', 'board-paper'], {cwd: dir})).stdout)
    expect(flag.files[0].readingAge.target).toEqual({min: 12, max: 14})
    const typo = await runCli(['check', 'board/b.md', '--profile', 'easy-reed'], {cwd: dir})
    expect(typo.code).toBe(2)
    expect(typo.stderr).toContain('unknown kind of document "easy-reed" for --profile (did you mean "easy-read"?)')
    writeFileSync(path.join(dir, '.plainlyrc.yml'), 'profile: board-papers\n')
    const file = await runCli(['check', 'board/b.md'], {cwd: dir})
    expect(file.code).toBe(2)
    expect(file.stderr).toContain('.plainlyrc.yml:1: unknown kind of document "board-papers" for "profile" (did you mean "board-paper"?)')
  })

  it('give rules another severity for their kind of document, below the settings\' own rules', async () => {
    const text = 'Most people are treated in primary care. We need assurance from the board.\n'
    const severities = (result: FileResult) => result.findings.filter((finding) => finding.ruleId.startsWith('jargon/')).map((finding) => `${finding.ruleId} ${finding.severity}`)
    expect(severities(await shipped.checkText(text, 'a.md'))).toEqual(['jargon/primary-care warning', 'jargon/assurance warning'])
    expect(severities(await textChecker({profile: 'board-paper'}).checkText(text, 'a.md'))).toEqual(['jargon/primary-care suggestion', 'jargon/assurance warning'])
    expect(severities(await textChecker({profile: 'board-paper', rules: {'jargon/primary-care': 'error'}}).checkText(text, 'a.md'))).toEqual(['jargon/primary-care error', 'jargon/assurance warning'])
    // Every rule a shipped profile names is a rule plainly has.
    const data = loadCheckerData()
    const checker = createChecker({data, settings: {rules: Object.assign({}, ...data.profiles.profiles.map((profile) => profile.rules ?? {}))}})
    expect(checker.unknownNames()).toEqual([])
    expect(() => parseProfiles('profiles:\n  x:\n    description: y\n    rules: {long-sentence: loud}\nreferencePoints: []\n')).toThrow('profile "x": rule "long-sentence" must be off, error, warning or suggestion')
  })

  it('show each reading age beside the reading ages of real text', async () => {
    const result = await shipped.checkText('We can help you.\n', 'a.md')
    const names = result.readingAge!.reference!.map((point) => point.name)
    expect(names).toEqual(expect.arrayContaining(['Easy Read', 'NHS patient leaflets', 'a broadsheet newspaper']))
    const dir = tempDir({'a.md': 'We can help you.\n'})
    expect((await runCli(['check', 'a.md', '--no-color'], {cwd: dir})).stdout).toMatch(/On the same scale, real text measures: Easy Read \d+, nhs\.uk and GOV\.UK pages \d+, NHS patient leaflets \d+/)
  })
})

describe('hard sentences', () => {
  it('need more than two long words in a short sentence', async () => {
    const hard = (text: string) => shipped.checkText(text, 'a.md').then((result) => result.findings.filter((finding) => finding.ruleId === 'hard-sentence').length)
    expect(await hard('Your appointment is at the hospital on Tuesday morning.')).toBe(0)
    expect(await hard('Consequently, implementation considerations necessitate comprehensive interdepartmental deliberation regarding organisational restructuring.')).toBe(1)
  })
})

function writeTeam(yaml: string): string {
  const dir = tempDir({'team.yml': yaml})
  return path.join(dir, 'team.yml')
}

describe('headings and table cells found by halving', () => {
  it('isInsideRanges gives the same answer as looking through every range, in any order and overlapping', async () => {
    const {isInsideRanges} = await import('../src/plugins/words.js')
    let seed = 7
    const next = (limit: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 16) % limit
    for (let round = 0; round < 200; round++) {
      const ranges: Array<[number, number]> = []
      for (let count = next(8); count > 0; count--) {
        const start = next(100)
        ranges.push([start, start + next(30)])
      }
      for (let offset = -1; offset <= 131; offset++) {
        const sentence = {type: 'SentenceNode' as const, children: [], position: {start: {line: 1, column: 1, offset}, end: {line: 1, column: 1, offset}}}
        const expected = ranges.some(([start, end]) => offset >= start && offset < end)
        expect(isInsideRanges(sentence, ranges), `${offset} in ${JSON.stringify(ranges)}`).toBe(expected)
      }
    }
  })
})
