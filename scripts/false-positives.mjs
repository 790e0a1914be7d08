#!/usr/bin/env node
// Measure how often plainly flags already-plain writing: hits per 1,000 words,
// by severity and by rule, over a folder of documents you did not write.
// Usage: npm run build && node scripts/false-positives.mjs <folder> [--pack name] [--json]
import {checkFiles} from '../dist/index.js'

const args = process.argv.slice(2)
const folder = args.find((arg) => !arg.startsWith('--') && args[args.indexOf(arg) - 1] !== '--pack')
const packs = args.flatMap((arg, index) => (args[index - 1] === '--pack' ? [arg] : []))
if (!folder) {
  console.error('Usage: node scripts/false-positives.mjs <folder> [--pack name] [--json]')
  process.exitCode = 2
} else {
  const report = await checkFiles([folder], {packs, hardest: 0})
  const words = report.files.reduce((sum, file) => sum + (file.readingAge?.counts.words ?? 0), 0)
  const glossaryRules = (finding) => finding.ruleId.startsWith('jargon/') || finding.ruleId === 'acronym' || finding.ruleId.startsWith('simplify/')
  const findings = report.files.flatMap((file) => file.findings.filter(glossaryRules).map((finding) => ({...finding, path: file.path})))
  const per = (count) => Math.round((count / words) * 1000 * 100) / 100
  const bySeverity = Object.fromEntries(['error', 'warning', 'suggestion'].map((severity) => [severity, findings.filter((finding) => finding.severity === severity).length]))
  const byRule = new Map()
  for (const finding of findings) byRule.set(finding.ruleId, (byRule.get(finding.ruleId) ?? 0) + 1)
  const top = [...byRule].sort((a, b) => b[1] - a[1]).slice(0, 25)
  const result = {
    files: report.files.length,
    words,
    hitsPer1000: {warningAndAbove: per(bySeverity.error + bySeverity.warning), suggestion: per(bySeverity.suggestion), all: per(findings.length)},
    bySeverity,
    topRules: top.map(([rule, count]) => ({rule, count, per1000: per(count)}))
  }
  if (args.includes('--json')) console.log(JSON.stringify(result, null, 2))
  else {
    console.log(`${result.files} files, ${words} words (jargon, acronym and simplify findings only)`)
    console.log(`warning and above: ${result.hitsPer1000.warningAndAbove} per 1,000 words; suggestions: ${result.hitsPer1000.suggestion}; all: ${result.hitsPer1000.all}`)
    for (const {rule, count, per1000} of result.topRules) console.log(`  ${rule.padEnd(36)} ${String(count).padStart(5)}  ${per1000}`)
  }
}
