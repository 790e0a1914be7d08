import {describe, expect, it} from 'vitest'
import {unified} from 'unified'
import retextEnglish from 'retext-english'
import retextReadability from 'retext-readability'
import {syllable} from 'syllable'
import {VFile} from 'vfile'
import {checkText} from '../src/index.js'
import {computeFormulas, headlineAge, NO_COUNTS} from '../src/plugins/formulas.js'
import type {ReadingCounts} from '../src/types.js'

const counts = (partial: Partial<ReadingCounts>): ReadingCounts => ({...NO_COUNTS, ...partial})

describe('formulas, against the worked examples in the formula packages’ own tests', () => {
  it('Flesch–Kincaid grade: 1 sentence, 13 words, 26 syllables → 13.08', () => {
    expect(computeFormulas(counts({sentences: 1, words: 13, syllables: 26}))!.fleschKincaid).toEqual({grade: 13.08, age: 18.08})
  })
  it('Flesch Reading Ease: 116.145, 74.27 and 24.44', () => {
    expect(computeFormulas(counts({sentences: 1, words: 6, syllables: 6}))!.fleschReadingEase.score).toBeCloseTo(116.145, 1)
    expect(computeFormulas(counts({sentences: 1, words: 16, syllables: 22}))!.fleschReadingEase.score).toBeCloseTo(74.27, 2)
    expect(computeFormulas(counts({sentences: 1, words: 13, syllables: 26}))!.fleschReadingEase.score).toBeCloseTo(24.44, 2)
  })
  it('SMOG: 1 sentence, 4 polysyllables → 14.554593; none → 3.1291', () => {
    expect(computeFormulas(counts({sentences: 1, words: 4, polysyllables: 4}))!.smog.grade).toBeCloseTo(14.554593, 2)
    expect(computeFormulas(counts({sentences: 1, words: 4}))!.smog.grade).toBeCloseTo(3.1291, 2)
  })
  it('ARI: 6 sentences, 151 words, 623 characters → 10.585982', () => {
    expect(computeFormulas(counts({sentences: 6, words: 151, letters: 623}))!.automatedReadability.grade).toBeCloseTo(10.585982, 2)
  })
  it('Coleman–Liau: 5 sentences, 119 words, 639 letters → 14.53042', () => {
    expect(computeFormulas(counts({sentences: 5, words: 119, letters: 639}))!.colemanLiau.grade).toBeCloseTo(14.53042, 2)
  })
  it('Gunning Fog: 13 words → 5.2; with 2 complex words → 11.353846', () => {
    expect(computeFormulas(counts({sentences: 1, words: 13}))!.gunningFog.grade).toBeCloseTo(5.2, 2)
    expect(computeFormulas(counts({sentences: 1, words: 13, complexWords: 2}))!.gunningFog.grade).toBeCloseTo(11.353846, 2)
  })
  it('turns every grade into a UK reading age by adding 5', () => {
    const formulas = computeFormulas(counts({sentences: 3, words: 40, syllables: 60, polysyllables: 5, letters: 190, complexWords: 4}))!
    for (const formula of [formulas.fleschKincaid, formulas.smog, formulas.automatedReadability, formulas.colemanLiau, formulas.gunningFog]) {
      expect(formula.age).toBeCloseTo(formula.grade + 5, 5)
    }
  })
  it('the headline is the mean of Flesch–Kincaid, SMOG and Gunning Fog, plus 5, in whole years', () => {
    const formulas = computeFormulas(counts({sentences: 3, words: 40, syllables: 60, polysyllables: 5, letters: 190, complexWords: 4}))!
    const mean = (formulas.fleschKincaid.grade + formulas.smog.grade + formulas.gunningFog.grade) / 3
    expect(headlineAge(formulas)).toBe(Math.round(mean + 5))
  })
  it('gives no formulas for a document without words', () => {
    expect(computeFormulas(NO_COUNTS)).toBeUndefined()
  })
})

describe('document counts', () => {
  it('counts words, sentences, syllables, polysyllables and letters over the whole document', async () => {
    const text = 'The cat sat on the mat. Everybody understood the regulations.'
    const result = await checkText(text, {format: 'text'})
    const syllables = text.match(/[a-z]+/gi)!.reduce((sum, word) => sum + syllable(word), 0)
    expect(result.readingAge!.counts).toEqual({words: 10, sentences: 2, syllables, polysyllables: 3, letters: 50, complexWords: 3})
  })

  it('counts a number as one word of one syllable', async () => {
    const result = await checkText('Call 111 now.', {format: 'text'})
    expect(result.readingAge!.counts).toMatchObject({words: 3, syllables: 3, letters: 10})
  })

  it('leaves Markdown headings out of the counts', async () => {
    const result = await checkText('# Extraordinary organisational considerations\n\nThe cat sat.', {format: 'markdown'})
    expect(result.readingAge!.counts).toMatchObject({words: 3, sentences: 1, polysyllables: 0})
  })

  it('does not count Gunning Fog complex words for names, hyphenated words or -ed endings', async () => {
    const result = await checkText('We met Jennifer with co-ordinated teams who created it.', {format: 'text'})
    // Jennifer (a name), co-ordinated (hyphenated) and created (cre-at-ed is long only by -ed) are polysyllables but not complex.
    expect(result.readingAge!.counts).toMatchObject({polysyllables: 3, complexWords: 0})
  })
})

describe('SMOG follows the published formula, not retext-readability’s vote', () => {
  // Every word of three or more syllables: every formula says this is far above age 11.
  const sentence = 'Organisational accountability necessitates collaborative interdisciplinary deliberation.'

  it('plainly’s SMOG says reading age 21 or more', async () => {
    const result = await checkText(sentence, {format: 'text'})
    expect(result.readingAge!.formulas!.smog.age).toBeGreaterThan(21)
  })

  it('retext-readability never gets 7 of 7 votes at age 11, because its SMOG-to-age conversion takes a second square root', async () => {
    const file = new VFile(sentence)
    const processor = unified().use(retextEnglish).use(retextReadability, {age: 11, threshold: 7 / 7, minWords: 1})
    await processor.run(processor.parse(file), file)
    expect(file.messages).toEqual([])
    const six = new VFile(sentence)
    const sixOfSeven = unified().use(retextEnglish).use(retextReadability, {age: 11, threshold: 6 / 7, minWords: 1})
    await sixOfSeven.run(sixOfSeven.parse(six), six)
    expect(six.messages.map((message) => message.reason)).toEqual(['Unexpected hard to read sentence, according to 6 out of 7 algorithms'])
  })
})

describe('reading age against the target', () => {
  const plain = 'Your jab is free. Ring the surgery to book. A nurse will see you. It takes a minute.'
  const hard =
    'The organisation’s transformation programme necessitates comprehensive stakeholder consultation regarding operational methodologies. Consequently, implementation considerations require collaborative deliberation.'

  it('reports the headline age, the target and whether it is within target', async () => {
    const result = await checkText(plain, {format: 'text'})
    expect(result.readingAge).toMatchObject({target: {min: 9, max: 11}, withinTarget: true})
    expect(result.readingAge!.age).toBeLessThanOrEqual(11)
    expect(result.findings.filter((finding) => finding.ruleId === 'reading-age')).toEqual([])
  })

  it('adds a reading-age finding when the age is above the upper bound', async () => {
    const result = await checkText(hard, {format: 'text'})
    expect(result.readingAge!.withinTarget).toBe(false)
    const finding = result.findings.find((item) => item.ruleId === 'reading-age')!
    expect(finding).toMatchObject({severity: 'warning', line: 1, column: 1, actual: String(result.readingAge!.age), expected: ['9 to 11']})
    expect(finding.message).toBe(`Reading age is ${result.readingAge!.age}, above the target of 9 to 11: start with the hardest sentences`)
  })

  it('uses a configured target: within at its upper bound, above it one year lower', async () => {
    const age = (await checkText(hard, {format: 'text'})).readingAge!.age!
    const at = await checkText(hard, {format: 'text', targetAge: {min: 9, max: age}})
    expect(at.readingAge).toMatchObject({target: {min: 9, max: age}, withinTarget: true})
    expect(at.findings.map((finding) => finding.ruleId)).not.toContain('reading-age')
    const below = await checkText(hard, {format: 'text', targetAge: {min: 9, max: age - 1}})
    expect(below.readingAge!.withinTarget).toBe(false)
    expect(below.findings.map((finding) => finding.ruleId)).toContain('reading-age')
  })

  it('is a suggestion up to 2 years above the target and a warning beyond, unless rules make it a warning', async () => {
    const age = (await checkText(hard, {format: 'text'})).readingAge!.age!
    const severity = async (max: number, rules?: Record<string, 'warning'>) =>
      (await checkText(hard, {format: 'text', targetAge: {min: 9, max}, rules})).findings.find((finding) => finding.ruleId === 'reading-age')?.severity
    expect(await severity(age - 1)).toBe('suggestion')
    expect(await severity(age - 2)).toBe('suggestion')
    expect(await severity(age - 3)).toBe('warning')
    expect(await severity(age - 1, {'reading-age': 'warning'})).toBe('warning')
  })

  it('marks SMOG as low confidence under 30 sentences only', async () => {
    const short = await checkText(plain, {format: 'text'})
    expect(short.readingAge!.formulas!.smog.lowConfidence).toBe(true)
    const long = await checkText(Array.from({length: 30}, () => 'The cat sat on the mat.').join(' '), {format: 'text'})
    expect(long.readingAge!.counts.sentences).toBe(30)
    expect(long.readingAge!.formulas!.smog.lowConfidence).toBe(false)
  })

  it('lists the sentences that push the age up most, with place, word count and reasons', async () => {
    const text = `${plain}\n\n${hard}`
    const result = await checkText(text, {format: 'text', hardest: 2})
    const hardest = result.readingAge!.hardestSentences
    expect(hardest).toHaveLength(2)
    expect(hardest[0]).toMatchObject({line: 3, column: 1, words: 11})
    expect(hardest[0]!.text.startsWith('The organisation’s transformation')).toBe(true)
    expect(hardest[0]!.raises).toBeGreaterThan(hardest[1]!.raises)
    expect(hardest[0]!.reasons).toEqual(['11 words', expect.stringMatching(/^\d+ long words \(organisation’s, transformation, /)])
    expect(hardest[0]!.longWords).toContain('methodologies')
  })

  it('names a long word used more than once once, saying how often, so the count and the list agree', async () => {
    const text = 'If your vehicle is off the road and you have a hire vehicle, it will be necessary to obtain a temporary permit for that vehicle.'
    const [sentence] = (await checkText(text, {format: 'text', hardest: 1})).readingAge!.hardestSentences
    expect(sentence!.reasons[1]).toBe('5 long words (vehicle 3 times, necessary, temporary)')
    const twice = 'Our organisation and your organisation can share the information.'
    expect((await checkText(twice, {format: 'text', hardest: 1})).readingAge!.hardestSentences[0]!.reasons[1]).toBe('3 long words (organisation twice, information)')
  })

  it('lists no sentences with --hardest 0', async () => {
    expect((await checkText(hard, {format: 'text', hardest: 0})).readingAge!.hardestSentences).toEqual([])
  })
})

describe('long sentences', () => {
  const words = (count: number) => `Start ${Array.from({length: count - 1}, () => 'word').join(' ')}.`

  it('flags a sentence over the limit at its place, and not one at the limit', async () => {
    const result = await checkText(`Short one here.\n${words(26)}\n${words(25)}`, {format: 'text'})
    const long = result.findings.filter((finding) => finding.ruleId === 'long-sentence')
    expect(long).toHaveLength(1)
    expect(long[0]).toMatchObject({line: 2, column: 1, endLine: 2, severity: 'suggestion', message: 'This sentence has 26 words: try to keep sentences to 25 words or fewer'})
  })

  it('is a suggestion up to the very-long limit and a warning past it, which settings, profiles and rules can move', async () => {
    const severities = async (options: Parameters<typeof checkText>[1]) => {
      const result = await checkText(`${words(35)}\n${words(36)}`, {format: 'text', ...options})
      return result.findings.filter((finding) => finding.ruleId === 'long-sentence').map((finding) => `${finding.line} ${finding.severity}`)
    }
    expect(await severities({})).toEqual(['1 suggestion', '2 warning'])
    expect(await severities({veryLongSentenceWords: 25})).toEqual(['1 warning', '2 warning'])
    expect(await severities({veryLongSentenceWords: 36})).toEqual(['1 suggestion', '2 suggestion'])
    expect(await severities({rules: {'long-sentence': 'warning'}})).toEqual(['1 warning', '2 warning'])
    // Easy Read: longer than 20 words is flagged, longer than 25 a warning.
    expect(await severities({profile: 'easy-read'})).toEqual(['1 warning', '2 warning'])
    const easy = await checkText(`${words(22)}\n${words(26)}`, {format: 'text', profile: 'easy-read'})
    expect(easy.findings.filter((finding) => finding.ruleId === 'long-sentence').map((finding) => finding.severity)).toEqual(['suggestion', 'warning'])
  })

  it('uses the configured limit', async () => {
    const result = await checkText(words(16), {format: 'text', maxSentenceWords: 15})
    expect(result.findings.map((finding) => finding.ruleId)).toContain('long-sentence')
  })
})

describe('hard sentences (retext-readability, set for a 9 to 11 target)', () => {
  // Written in an easy-read style: one idea per sentence, everyday words.
  const easyRead = [
    'This leaflet tells you about your new doctor’s surgery.',
    'The surgery is moving to a new building in May.',
    'The new building is next to the bus station.',
    'You will see the same doctors and nurses as before.',
    'You do not need to do anything to stay with us.',
    'If you have a question, please ring us on the usual number.',
    'We can send you this leaflet in large print.'
  ].join(' ')

  it('does not flag sentences written in an easy-read style', async () => {
    const result = await checkText(easyRead, {format: 'text'})
    expect(result.findings.filter((finding) => finding.ruleId === 'hard-sentence')).toEqual([])
  })

  // Plain NHS-style sentences that most 9 to 11-year-olds can read.
  const leaflet = [
    'Tell the nurse before your appointment if you have had an allergic reaction.',
    'Most side effects are mild and only last for a day or two.',
    'Your doctor may refer you to a specialist at the hospital.',
    'Bring a list of any medicines you take to your appointment.',
    'You might feel a little sore where the needle went in.',
    'Pharmacists can give you advice about common illnesses.',
    'Please arrive ten minutes early so we can check your details.'
  ].join(' ')

  it('does not flag plain leaflet sentences, which retext-readability’s default vote (4 of 7) does', async () => {
    const result = await checkText(leaflet, {format: 'text'})
    expect(result.findings.filter((finding) => finding.ruleId === 'hard-sentence')).toEqual([])
    const file = new VFile(leaflet)
    const processor = unified().use(retextEnglish).use(retextReadability, {age: 11})
    await processor.run(processor.parse(file), file)
    expect(file.messages.length).toBeGreaterThanOrEqual(3)
  })

  it('flags a hard sentence as a suggestion, in plain words', async () => {
    const result = await checkText('Consequently, the implementation considerations will require collaborative interdisciplinary deliberation.', {format: 'text'})
    const finding = result.findings.find((item) => item.ruleId === 'hard-sentence')!
    expect(finding).toMatchObject({severity: 'suggestion', line: 1, column: 1})
    expect(finding.message).toBe('This sentence may be hard to read for ages 9 to 11: it has 9 words and 6 long words')
  })
})

describe('headlineGradeOf', () => {
  it('equals the headline grade worked out from every formula, for any counts', async () => {
    const {default: fc} = await import('fast-check')
    const {computeFormulas, headlineGrade, headlineGradeOf} = await import('../src/plugins/formulas.js')
    fc.assert(
      fc.property(fc.nat(5000), fc.nat(400), fc.nat(3), fc.nat(2), (words, sentences, extra, complexShare) => {
        const polysyllables = Math.floor(words / 4)
        const counts = {words, sentences, syllables: words + polysyllables * (2 + extra), polysyllables, letters: words * 5, complexWords: Math.floor(polysyllables / (complexShare + 1))}
        const formulas = computeFormulas(counts)
        expect(headlineGradeOf(counts)).toBe(formulas ? headlineGrade(formulas) : undefined)
      })
    )
  })
})
