import {describe, expect, it} from 'vitest'
import {glossaryFrom, glossaryYaml, jargonMessages} from './helpers.js'

const glossary = glossaryFrom(
  glossaryYaml(
    {id: 'facilitate', term: 'facilitate', alternatives: ['help', 'run']},
    {id: 'stakeholder', term: 'stakeholder', alternatives: ['people involved']},
    {id: 'leverage', term: 'leverage', alternatives: ['use']},
    {id: 'co-production', term: 'co-production', explain: true, alternatives: ['working together']},
    {id: 'going-forward', term: 'going forward', alternatives: ['from now on']},
    {id: 'hard-to-reach', term: 'hard to reach', alternatives: ['people we do not hear from']},
    {id: 'service', term: 'service', alternatives: ['help'], severity: 'suggestion'},
    {id: 'service-user', term: 'service user', alternatives: ['patient']},
    {id: 'utilise', term: 'utilise', alternatives: ['use']},
    {id: 'cognisant', term: 'cognisant', alternatives: ['aware']},
    {id: 'icb', term: 'ICB', acronym: true, explain: true, alternatives: ['integrated care board']},
    {id: 'power', term: 'power', alternatives: ['control'], severity: 'suggestion', except: ['power of attorney', 'power cut']}
  )
)

async function found(text: string) {
  return (await jargonMessages(text, glossary)).map((message) => [message.ruleId, message.actual])
}

describe('retext-jargon', () => {
  it('gives each finding its rule id, words, alternatives, note and position', async () => {
    const [message] = await jargonMessages('We will facilitate it.', glossary)
    expect(message).toMatchObject({
      ruleId: 'jargon/facilitate',
      source: 'plainly',
      actual: 'facilitate',
      expected: ['help', 'run'],
      note: 'Because it is a test.',
      reason: 'Use “help” or “run” instead of “facilitate”'
    })
    expect(message!.place).toEqual({start: {line: 1, column: 9, offset: 8}, end: {line: 1, column: 19, offset: 18}})
  })

  it('matches any capitalisation, but acronyms only with their capitals', async () => {
    expect(await found('FACILITATE this. Facilitate that.')).toEqual([
      ['jargon/facilitate', 'FACILITATE'],
      ['jargon/facilitate', 'Facilitate']
    ])
    expect(await found('The ICB and the ICBs met. An icb is not one.')).toEqual([
      ['jargon/icb', 'ICB'],
      ['jargon/icb', 'ICBs']
    ])
  })

  it('matches phrases across line breaks and extra spaces', async () => {
    // Wrapped at a width (see plain-text-lines.test.ts): the line ends where the next word did not fit.
    expect(await found('We will listen to what you tell us and act on it, going\nforward and going    forward.')).toEqual([
      ['jargon/going-forward', 'going\nforward'],
      ['jargon/going-forward', 'going    forward']
    ])
  })

  it('does not match a phrase across punctuation', async () => {
    expect(await found('We kept going. Forward is the way.')).toEqual([])
    expect(await found('Keep going, forward thinking helps.')).toEqual([])
  })

  it('matches hyphen, space and closed variants from one entry', async () => {
    expect(await found('We do co-production, co production and coproduction.')).toEqual([
      ['jargon/co-production', 'co-production'],
      ['jargon/co-production', 'co production'],
      ['jargon/co-production', 'coproduction']
    ])
    expect(await found('Groups that are hard to reach, or hard-to-reach groups.')).toEqual([
      ['jargon/hard-to-reach', 'hard to reach'],
      ['jargon/hard-to-reach', 'hard-to-reach']
    ])
  })

  it('matches regular inflections of the last word', async () => {
    expect(await found('She facilitates, facilitated and is facilitating.')).toEqual([
      ['jargon/facilitate', 'facilitates'],
      ['jargon/facilitate', 'facilitated'],
      ['jargon/facilitate', 'facilitating']
    ])
    expect(await found('Our stakeholders and a stakeholder’s view.')).toEqual([
      ['jargon/stakeholder', 'stakeholders'],
      ['jargon/stakeholder', 'stakeholder’s']
    ])
    expect(await found('We are leveraging it; it leverages; we leveraged.')).toEqual([
      ['jargon/leverage', 'leveraging'],
      ['jargon/leverage', 'leverages'],
      ['jargon/leverage', 'leveraged']
    ])
  })

  it('reads a plural possessive as part of the word, so phrases still match', async () => {
    const possessive = glossaryFrom(glossaryYaml({id: 'residents-offer', term: 'residents offer', alternatives: ['what we offer residents']}))
    const messages = await jargonMessages("Read the residents' offer today.", possessive)
    expect(messages.map((message) => message.actual)).toEqual(["residents' offer"])
  })

  it('matches British and American -ise/-ize spellings both ways', async () => {
    expect(await found('Utilize it, utilise it, utilizing them, utilised.')).toEqual([
      ['jargon/utilise', 'Utilize'],
      ['jargon/utilise', 'utilise'],
      ['jargon/utilise', 'utilizing'],
      ['jargon/utilise', 'utilised']
    ])
    expect(await found('We are cognizant of it.')).toEqual([['jargon/cognisant', 'cognizant']])
  })

  it('lets the longest match win, with one finding per span', async () => {
    expect(await found('Every service user matters.')).toEqual([['jargon/service-user', 'service user']])
    expect(await found('Service users and the service.')).toEqual([
      ['jargon/service-user', 'Service users'],
      ['jargon/service', 'service']
    ])
  })

  it('skips longer phrases listed as exceptions', async () => {
    expect(await found('Get a power of attorney. There was a power cut.')).toEqual([])
    expect(await found('Think about power in the group.')).toEqual([['jargon/power', 'power']])
  })

  it('matches a word the parser keeps a full stop on ("cent." before another sentence) as the word itself', async () => {
    const perGlossary = glossaryFrom(glossaryYaml({id: 'per', term: 'per', alternatives: ['a'], severity: 'suggestion', except: ['per cent']}, {id: 'cent', term: 'sixty cent', alternatives: ['x']}))
    const per = async (text: string) => (await jargonMessages(text, perGlossary)).map((message) => message.actual)
    expect(await per('Prices rose by 5 per cent. Then they fell.')).toEqual([])
    expect(await per('Prices rose by 5 per cent.')).toEqual([])
    expect(await per('It costs £10 per week. Then it rises by sixty cent. Then it stops.')).toEqual(['per', 'sixty cent.'])
  })

  it('does not match inside other words', async () => {
    expect(await found('Empowering people and powerful words.')).toEqual([])
  })

  it('ignores invisible characters inside a word', async () => {
    expect(await found('Our stake\u00ADholders agree.')).toEqual([['jargon/stakeholder', 'stake\u00ADholders']])
    for (const invisible of ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF']) {
      expect(await found(`Our stake${invisible}holders and lever${invisible}age.`), JSON.stringify(invisible)).toEqual([
        ['jargon/stakeholder', `stake${invisible}holders`],
        ['jargon/leverage', `lever${invisible}age`]
      ])
    }
  })

  it('takes a term named right after its plain words as explained, and not otherwise', async () => {
    // language.yml namingWords: "called", "known as"…, with one of the entry's alternatives shortly before.
    expect(await found('We are working together with residents. This is called co-production.')).toEqual([])
    expect(await found('Working together as equals is known as co-production. We believe in co-production.')).toEqual([])
    expect(await found('This is called co-production.')).toEqual([['jargon/co-production', 'co-production']])
    expect(await found('We work with residents. This is called co-production.')).toEqual([['jargon/co-production', 'co-production']])
    expect(await found('We are working together with residents. We believe in co-production.')).toEqual([['jargon/co-production', 'co-production']])
  })

  it('takes a term followed by a bracket that gives one of its own alternatives as explained, for the rest of the document', async () => {
    // "menstruating (having a period)": the reader has the plain words.
    expect(await found('We will utilise (make use of) a hoist. We utilise it daily.')).toEqual([])
    expect(await found('They are hard to reach (people we do not hear from) groups.')).toEqual([])
    // Any other bracket is not a gloss: an aside, a date, other words.
    expect(await found('We will utilise (where possible) the ramp. We utilise it daily.')).toEqual([['jargon/utilise', 'utilise'], ['jargon/utilise', 'utilise']])
    expect(await found('We will utilise (2024) a hoist.')).toEqual([['jargon/utilise', 'utilise']])
    expect(await found('They are hard to reach (people aged over 75) groups.')).toEqual([['jargon/hard-to-reach', 'hard to reach']])
    // Only straight after the term, and only a bracket that closes.
    expect(await found('We will utilise a hoist (make use of one).')).toEqual([['jargon/utilise', 'utilise']])
    expect(await found('We will utilise (make use of a hoist.')).toEqual([['jargon/utilise', 'utilise']])
  })

  it('says to explain a term that must be explained', async () => {
    const [message] = await jargonMessages('We believe in co-production.', glossary)
    expect(message!.reason).toBe('Explain “co-production” in plain words the first time you use it, or use “working together”')
    const [acronym] = await jargonMessages('Ask the ICB.', glossary)
    expect(acronym!.reason).toBe('Spell out “ICB” the first time you use it, or use “integrated care board”')
  })

  it('needs the context words of a term in the document, but leaves them out of the finding and its advice', async () => {
    const withContext = glossaryFrom(
      glossaryYaml(
        {id: 'following', terms: ['following (the)', 'following (your)'], alternatives: ['after'], inflect: false},
        {id: 'experience-symptoms', terms: ['(may) experience', '(some) (people) experience'], alternatives: ['have'], inflect: false, except: ['may experience abuse']},
        {id: 'utilise', terms: ['(we) utilise'], alternatives: ['use'], autofix: true}
      )
    )
    const [after] = await jargonMessages('We will call you following the meeting.', withContext)
    expect(after).toMatchObject({ruleId: 'jargon/following', actual: 'following', reason: 'Use “after” instead of “following”'})
    expect(after!.place).toEqual({start: {line: 1, column: 18, offset: 17}, end: {line: 1, column: 27, offset: 26}})
    // Without its context, the word is not the term: "following advice" is another sense.
    expect(await jargonMessages('Keep following advice from your doctor.', withContext)).toEqual([])
    const have = await jargonMessages('Some people experience pain. You may experience pain. You may experience abuse.', withContext)
    expect(have.map((message) => [message.actual, message.place])).toEqual([
      ['experience', {start: {line: 1, column: 13, offset: 12}, end: {line: 1, column: 23, offset: 22}}],
      ['experience', {start: {line: 1, column: 38, offset: 37}, end: {line: 1, column: 48, offset: 47}}]
    ])
    // A question about the term, or an explanation of it, is about its own words, not its context.
    const explained = glossaryFrom(glossaryYaml({id: 'spirometry', terms: ['(a) spirometry (test)'], explain: true, alternatives: ['a breathing test'], inflect: false}))
    expect(await jargonMessages('What is a spirometry test? You will have a spirometry test next week.', explained)).toEqual([])
    expect((await jargonMessages('You will have a spirometry test next week.', explained)).map((message) => message.actual)).toEqual(['spirometry'])
    // A safe fix swaps only the words the finding covers.
    const [fix] = await jargonMessages('We utilised the room.', withContext)
    expect(fix).toMatchObject({actual: 'utilised', fix: {range: [3, 11], text: 'used'}})
  })
})
