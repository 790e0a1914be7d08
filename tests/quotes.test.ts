import {describe, expect, it} from 'vitest'
import {curlyQuotes} from '../src/shared/quotes.js'
import {checkText} from '../src/index.js'

describe('curly quotes in reasons', () => {
  it('open a quote at the start or after a space, bracket or dash, and close it anywhere else', () => {
    expect(curlyQuotes('"Receive" is more formal than "get": "you will get a letter".')).toBe('\u201CReceive\u201D is more formal than \u201Cget\u201D: \u201Cyou will get a letter\u201D.')
    expect(curlyQuotes('In pregnancy care ("a viable pregnancy") it is fine.')).toBe('In pregnancy care (\u201Ca viable pregnancy\u201D) it is fine.')
    expect(curlyQuotes('Say it plainly\u2014"get".')).toBe('Say it plainly\u2014\u201Cget\u201D.')
    expect(curlyQuotes('Say self-"care".')).toBe('Say self-\u201Ccare\u201D.')
  })

  it('turn apostrophes in words and after plurals into the printed kind, and leave other single quotes alone', () => {
    expect(curlyQuotes("Don't say it; it's the parents' choice and people's right.")).toBe('Don\u2019t say it; it\u2019s the parents\u2019 choice and people\u2019s right.')
    expect(curlyQuotes("A 'quoted' word and 5' 3\" tall")).toBe("A 'quoted' word and 5' 3\u201D tall")
  })

  it('leave text without straight quotes as it is', () => {
    const text = 'No quotes here, and \u201Ccurly\u201D ones stay.'
    expect(curlyQuotes(text)).toBe(text)
  })

  it('are what a finding gives as its reason, next to a message that quotes with curly ones', async () => {
    const finding = (await checkText('You will receive a letter.', {format: 'text'})).findings.find((item) => item.ruleId === 'jargon/receive')!
    expect(finding.message).toContain('\u201Creceive\u201D')
    expect(finding.note).toContain('\u201CReceive\u201D is more formal than \u201Cget\u201D')
    expect(finding.note).not.toContain('"')
  })
})
